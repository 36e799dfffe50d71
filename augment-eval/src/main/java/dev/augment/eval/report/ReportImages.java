package dev.augment.eval.report;

import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.protocol.FamilyArms;
import dev.augment.image.SampleGridImage;
import dev.augment.schema.SampleSchema;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The report's pictures as PNG bytes: a gains chart per classifier family (JFreeChart: horizontal bars
 * of the mean paired difference against real only per arm and metric, with its 95% interval as the
 * error bar, arm names written out in full on the left) and a {@link SampleGrid} per class.
 *
 * @param gainsCharts PNG of each classifier family's gains chart, in the report's family order; at least one
 * @param classGrids each class's real and synthetic pictures, by class index; empty for non-image data
 */
public record ReportImages(List<byte[]> gainsCharts, List<SampleGrid> classGrids) {

    /** Width of the gains chart in pixels. */
    static final int CHART_WIDTH = 900;

    /** How many times each sample image is enlarged in the grids. */
    static final int GRID_SCALE = 2;

    /** Requires a chart; copies the lists. */
    public ReportImages {
        if (gainsCharts == null || gainsCharts.isEmpty() || classGrids == null) {
            throw new IllegalArgumentException("at least one gains chart and the grid list are required");
        }
        gainsCharts = List.copyOf(gainsCharts);
        classGrids = List.copyOf(classGrids);
    }

    /**
     * @param gainsChart PNG of the only family's gains chart
     * @param classGrids each class's real and synthetic pictures, by class index
     */
    public ReportImages(byte[] gainsChart, List<SampleGrid> classGrids) {
        this(List.of(gainsChart), classGrids);
    }

    /** @return the first family's gains chart (the only one's when one trainer ran) */
    public byte[] gainsChart() {
        return gainsCharts.get(0);
    }

    /**
     * @param families the classifier families
     * @return one gains chart per family ({@link #gainsChart(List)}), in order, each titled with its trainer
     */
    public static List<byte[]> gainsCharts(List<FamilyArms> families) {
        return families.stream().map(f -> gainsChart(f.arms(), "Gain over real only: " + f.trainer())).toList();
    }

    /**
     * @param arms the arm summaries, real only first
     * @return the gains chart as PNG, {@value #CHART_WIDTH} pixels wide and tall enough for every arm
     */
    public static byte[] gainsChart(List<ArmSummary> arms) {
        return gainsChart(arms, "Gain over real only");
    }

    private static byte[] gainsChart(List<ArmSummary> arms, String title) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (ArmSummary a : arms) {
            if (a.macroF1Gain() == null) {
                continue;
            }
            add(data, a.macroF1Gain().mean(), a.macroF1Gain().lower(), "macro-F1", a.arm().title());
            add(data, a.accuracyGain().mean(), a.accuracyGain().lower(), "accuracy", a.arm().title());
            add(data, a.balancedAccuracyGain().mean(), a.balancedAccuracyGain().lower(), "balanced accuracy",
                    a.arm().title());
        }
        CategoryAxis armAxis = new CategoryAxis(null);
        armAxis.setMaximumCategoryLabelWidthRatio(0.4f);
        armAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        CategoryPlot plot = new CategoryPlot(data, armAxis,
                new NumberAxis("difference from real only (mean, 95% CI over seeds)"), new StatisticalBarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeZeroBaselineVisible(true);
        plot.setRangeZeroBaselinePaint(Color.BLACK);
        StatisticalBarRenderer renderer = (StatisticalBarRenderer) plot.getRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        int height = 130 + 75 * Math.max(1, data.getColumnCount());
        return png(chart.createBufferedImage(CHART_WIDTH, height));
    }

    private static void add(DefaultStatisticalCategoryDataset data, double mean, double lower, String metric,
                            String arm) {
        double halfWidth = Double.isNaN(lower) ? 0 : mean - lower;
        data.add(mean, halfWidth, metric, arm);
    }

    /**
     * @param schema an image schema
     * @param real real samples of the class, feature scale, at least one
     * @param synthetic synthetic samples of the class, at least one
     * @return the two pictures, each one row enlarged {@value #GRID_SCALE} times
     */
    public static SampleGrid sampleGrid(SampleSchema schema, float[][] real, float[][] synthetic) {
        return new SampleGrid(row(schema, real), row(schema, synthetic));
    }

    private static byte[] row(SampleSchema schema, float[][] samples) {
        int f = schema.featureCount();
        float[] flat = new float[samples.length * f];
        for (int i = 0; i < samples.length; i++) {
            System.arraycopy(samples[i], 0, flat, i * f, f);
        }
        BufferedImage image = SampleGridImage.render(schema, flat, 1, samples.length);
        BufferedImage scaled = new BufferedImage(image.getWidth() * GRID_SCALE, image.getHeight() * GRID_SCALE,
                BufferedImage.TYPE_INT_RGB);
        var g = scaled.createGraphics();
        g.drawImage(image, 0, 0, scaled.getWidth(), scaled.getHeight(), null);
        g.dispose();
        return png(scaled);
    }

    private static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeBufferedImageAsPNG(out, image);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode PNG", e);
        }
    }
}

package dev.augment.eval.report;

import dev.augment.eval.protocol.ArmSummary;
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
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The report's pictures as PNG bytes: the gains chart (JFreeChart: mean paired difference against
 * real only per arm and metric, with its 95% interval as the error bar) and a sample grid per class
 * (real examples on the left, synthetic on the right).
 *
 * @param gainsChart PNG of the gains chart
 * @param classGrids PNG of each class's grid, by class index
 */
public record ReportImages(byte[] gainsChart, List<byte[]> classGrids) {

    /** Requires the chart; copies the grid list. */
    public ReportImages {
        if (gainsChart == null || classGrids == null) {
            throw new IllegalArgumentException("the gains chart and the grid list are required");
        }
        classGrids = List.copyOf(classGrids);
    }

    /**
     * @param arms the arm summaries, real only first
     * @return the gains chart as PNG
     */
    public static byte[] gainsChart(List<ArmSummary> arms) {
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
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("arm"),
                new NumberAxis("difference from real only (95% CI)"), new StatisticalBarRenderer());
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        StatisticalBarRenderer renderer = (StatisticalBarRenderer) plot.getRenderer();
        renderer.setErrorIndicatorPaint(Color.BLACK);
        JFreeChart chart = new JFreeChart("Gain over real only, mean over seeds", JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return png(chart.createBufferedImage(900, 450));
    }

    private static void add(DefaultStatisticalCategoryDataset data, double mean, double lower, String metric,
                            String arm) {
        double halfWidth = Double.isNaN(lower) ? 0 : mean - lower;
        data.add(mean, halfWidth, metric, arm);
    }

    /**
     * @param schema an image schema
     * @param real real samples of the class, feature scale
     * @param synthetic synthetic samples of the class, as many
     * @return PNG of one row: the real samples, then the synthetic ones
     */
    public static byte[] classGrid(SampleSchema schema, float[][] real, float[][] synthetic) {
        int f = schema.featureCount();
        int columns = real.length + synthetic.length;
        float[] flat = new float[columns * f];
        for (int i = 0; i < real.length; i++) {
            System.arraycopy(real[i], 0, flat, i * f, f);
        }
        for (int i = 0; i < synthetic.length; i++) {
            System.arraycopy(synthetic[i], 0, flat, (real.length + i) * f, f);
        }
        BufferedImage image = SampleGridImage.render(schema, flat, 1, columns);
        BufferedImage scaled = new BufferedImage(image.getWidth() * 2, image.getHeight() * 2, BufferedImage.TYPE_INT_RGB);
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

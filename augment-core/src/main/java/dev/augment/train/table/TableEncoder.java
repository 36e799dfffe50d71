package dev.augment.train.table;

import dev.augment.random.SeededNoise;
import dev.augment.table.RangeReflection;
import dev.augment.table.Table;
import dev.augment.table.TableColumn;
import org.apache.commons.rng.UniformRandomProvider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The GAN's view of a table: one {@link ColumnEncoding} per feature column, in the table's column
 * order. Encodes training rows into the GAN's space (CTGAN's "data transformer") and decodes raw
 * generator rows into Tribuo's feature scale, in the order of the schema's feature names. Immutable.
 */
public final class TableEncoder {

    /** Most modes of a numeric column's mixture (CTGAN's {@code max_clusters}). */
    public static final int MAX_MODES = 10;

    private final List<ColumnEncoding> columns;
    private final int[] offsets;
    private final int[] featureOffsets;
    private final int width;
    private final int featureWidth;

    /**
     * @param columns the encodings, in column order
     */
    public TableEncoder(List<ColumnEncoding> columns) {
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one feature column");
        }
        offsets = new int[this.columns.size()];
        featureOffsets = new int[this.columns.size()];
        int w = 0;
        int f = 0;
        for (int c = 0; c < this.columns.size(); c++) {
            offsets[c] = w;
            featureOffsets[c] = f;
            w += this.columns.get(c).width();
            f += this.columns.get(c).featureWidth();
        }
        width = w;
        featureWidth = f;
    }

    /**
     * Fits the encodings to a training table: a mixture per numeric column (on its non-missing values), with a
     * "missing" mode when the table has missing cells in the column, and a one-hot per categorical column with a
     * "missing" slot when the table has missing cells in it.
     *
     * @param table the training table
     * @param seed seeds the mixtures' subsamples
     * @return the encoder
     */
    public static TableEncoder fit(Table table, long seed) {
        List<TableColumn> columns = table.schema().columns();
        int[] categories = new int[columns.size()];
        double[] min = new double[columns.size()];
        double[] max = new double[columns.size()];
        int[] decimals = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            TableColumn column = columns.get(c);
            categories[c] = column.isNumeric() ? 0 : column.categories().size();
            min[c] = column.min();
            max[c] = column.max();
            decimals[c] = column.decimals();
        }
        return fit(categories, min, max, decimals, table.numeric(), table.category(), seed);
    }

    /**
     * @param table rows to encode, with the layout the encoder was fitted to
     * @param seed seeds the numeric cells' mode draws
     * @return the rows in the GAN's space, row-major {@code [rows, width()]}
     */
    public float[] encode(Table table, long seed) {
        if (table.schema().columns().size() != columns.size()) {
            throw new IllegalArgumentException("the table has " + table.schema().columns().size()
                    + " columns, the encoder " + columns.size());
        }
        return encode(table.numeric(), table.category(), seed);
    }

    /**
     * Fits the encodings to training columns given as plain arrays.
     *
     * @param categories per column: the number of categories of a categorical column, or 0 for a numeric one
     * @param min per column: the smallest value of a numeric column (ignored for categorical ones)
     * @param max per column: the largest value of a numeric column
     * @param numeric {@code [rows][columns]}: numeric cells, NaN when missing
     * @param category {@code [rows][columns]}: category indices, -1 when missing
     * @param seed seeds the mixtures' subsamples
     * @return the encoder
     */
    static TableEncoder fit(int[] categories, double[] min, double[] max, double[][] numeric, int[][] category,
                            long seed) {
        int[] unrounded = new int[categories.length];
        Arrays.fill(unrounded, -1);
        return fit(categories, min, max, unrounded, numeric, category, seed);
    }

    /**
     * As {@link #fit(int[], double[], double[], double[][], int[][], long)}, with each numeric column's decimal
     * places (-1: unrounded), to which decoded values are rounded.
     */
    static TableEncoder fit(int[] categories, double[] min, double[] max, int[] decimals, double[][] numeric,
                            int[][] category, long seed) {
        // each column's mixture is seeded by its own index, so fitting them on every core gives the same encoder
        // (training a 3 000-column table for 2 steps: 102.8 s on one core, 58.4 s on two; README)
        List<ColumnEncoding> encodings = java.util.stream.IntStream.range(0, categories.length).parallel()
                .mapToObj(c -> encoding(c, categories, min, max, decimals, numeric, category, seed)).toList();
        return new TableEncoder(encodings);
    }

    private static ColumnEncoding encoding(int c, int[] categories, double[] min, double[] max, int[] decimals,
                                           double[][] numeric, int[][] category, long seed) {
        if (categories[c] != 0) {
            boolean missing = Arrays.stream(category).anyMatch(row -> row[c] < 0);
            return new ColumnEncoding.Categorical(categories[c], missing);
        }
        double[] values = new double[numeric.length];
        for (int r = 0; r < numeric.length; r++) {
            values[r] = numeric[r][c];
        }
        double[] present = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (present.length == 0) { // every cell missing: the "missing" mode, which every row takes
            return new ColumnEncoding.Numeric(new GaussianMixture1d(new double[] {1}, new double[] {0},
                    new double[] {1}), 0, 0, 0, -1, values.length > 0);
        }
        double median = present[present.length / 2];
        double low = Math.min(min[c], present[0]);
        double high = Math.max(max[c], present[present.length - 1]);
        return new ColumnEncoding.Numeric(GaussianMixture1d.fit(values, MAX_MODES, seed + c), median, low, high,
                decimals[c] < 0 ? -1 : dev.augment.table.DecimalRounding.applicable(decimals[c], low, high),
                present.length < values.length, RangeReflection.piles(present, low), RangeReflection.piles(present,
                high));
    }

    /**
     * Encodes rows, drawing each numeric cell's mode from its posterior.
     *
     * @param numeric {@code [rows][columns]}: numeric cells, NaN when missing
     * @param category {@code [rows][columns]}: category indices, -1 when missing
     * @param seed seeds the mode draws
     * @return the rows in the GAN's space, row-major {@code [rows, width()]}
     */
    float[] encode(double[][] numeric, int[][] category, long seed) {
        float[] out = new float[numeric.length * width];
        UniformRandomProvider random = SeededNoise.rng(seed, 0x656e63L);
        for (int r = 0; r < numeric.length; r++) {
            for (int c = 0; c < columns.size(); c++) {
                ColumnEncoding column = columns.get(c);
                if (column instanceof ColumnEncoding.Numeric n) {
                    n.encode(numeric[r][c], random, out, r * width + offsets[c]);
                } else if (column instanceof ColumnEncoding.Categorical k) {
                    k.encode(category[r][c], out, r * width + offsets[c]);
                }
            }
        }
        return out;
    }

    /**
     * @param raw one raw generator output row (or an encoded row), {@code width()} values
     * @return the row in Tribuo's feature scale, {@code featureWidth()} values
     */
    public float[] decode(float[] raw) {
        if (raw.length != width) {
            throw new IllegalArgumentException("a raw row has " + width + " values, got " + raw.length);
        }
        float[] features = new float[featureWidth];
        for (int c = 0; c < columns.size(); c++) {
            columns.get(c).decode(raw, offsets[c], features, featureOffsets[c]);
        }
        return features;
    }

    /** @return the encodings, in column order */
    public List<ColumnEncoding> columns() {
        return columns;
    }

    /**
     * @param column a column index
     * @return where the column starts in the GAN's space
     */
    public int offset(int column) {
        return offsets[column];
    }

    /** @return the width of a row in the GAN's space */
    public int width() {
        return width;
    }

    /** @return the width of a row in Tribuo's feature scale */
    public int featureWidth() {
        return featureWidth;
    }

    /**
     * @return the activation spans of a generator output row, in order: tanh for each numeric column's
     *     alpha, a softmax group for its modes (and missing slot) and for each categorical column
     */
    public List<Span> spans() {
        List<Span> spans = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnEncoding column = columns.get(c);
            if (column instanceof ColumnEncoding.Numeric n) {
                spans.add(new Span(offsets[c], 1, false));
                spans.add(new Span(offsets[c] + 1, n.slots(), true));
            } else {
                spans.add(new Span(offsets[c], column.width(), true));
            }
        }
        return spans;
    }

    /**
     * A stretch of a generator output row with one activation.
     *
     * @param start first index
     * @param width number of values
     * @param softmax a Gumbel-softmax group when true, tanh values when false
     */
    public record Span(int start, int width, boolean softmax) { }
}

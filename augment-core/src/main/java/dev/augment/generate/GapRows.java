package dev.augment.generate;

import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;

/**
 * Rows a table generator makes with no feature value: every numeric column a gap (NaN) and no category chosen in any
 * categorical column (its one-hot block all 0). Tribuo cannot hold such a row: its {@code CSVDataSource} omits it
 * ("Row N empty of features, omitting"), and an {@code Example} needs a feature, so the plugin gave it every feature
 * at 0 and {@code oversample} wrote those zeros (a fresh user's finding, 4 Dec). {@link OnnxGenerator#generate}
 * replaces such a sample {@code i} by the first of samples {@code i + k·}{@value #REDRAW_STRIDE} ({@code k = 1, 2, …})
 * that has a value: it depends on the sample's own index only, so every path (generate, the plugin, Spark, the
 * evaluation) and every batch size give the same rows, and the other samples are unchanged.
 */
final class GapRows {

    /** How far a redraw's index lies from the sample it replaces: beyond any stream read in practice. */
    static final long REDRAW_STRIDE = 1L << 40;

    /** Redraws tried before the generator is taken to make nothing but gaps. */
    static final int MAX_REDRAWS = 64;

    private GapRows() {
    }

    /**
     * @param table the generator's table layout
     * @param samples row-major samples in feature scale
     * @param row the row to look at
     * @return whether the row has no feature value: every numeric column NaN, every categorical block without a
     *     positive value (the category a writer takes is the largest positive one)
     */
    static boolean hasNoValue(TableSchema table, float[] samples, int row) {
        int width = table.featureCount();
        int[] offsets = table.featureOffsets();
        for (int c = 0; c < offsets.length; c++) {
            TableColumn column = table.columns().get(c);
            int from = row * width + offsets[c];
            if (column.isNumeric()) {
                if (!Float.isNaN(samples[from])) {
                    return false;
                }
            } else {
                for (int k = 0; k < column.width(); k++) {
                    if (samples[from + k] > 0) {
                        return false;
                    }
                }
            }
        }
        return true;
    }
}

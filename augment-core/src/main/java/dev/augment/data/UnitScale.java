package dev.augment.data;

import dev.augment.schema.PixelGrid;
import dev.augment.schema.SampleSchema;

/**
 * How the classifiers that judge image rows see a row: 8-bit pixels rounded to whole values first
 * ({@link PixelGrid}, as {@code generate} writes them), then every value divided by the schema's maximum
 * (1 when the maximum is not positive) and clipped to [0, 1]. The evaluation's {@code TribuoData} and the
 * plugin's generation-time filter convert through here, so the two see rows alike.
 */
public final class UnitScale {

    private final double scale;
    private final boolean eightBitPixels;

    private UnitScale(double scale, boolean eightBitPixels) {
        this.scale = scale;
        this.eightBitPixels = eightBitPixels;
    }

    /**
     * @param schema the rows' schema: its maximum and whether it holds 8-bit images
     * @return the conversion for its rows
     */
    public static UnitScale of(SampleSchema schema) {
        return new UnitScale(schema.maxValue() > 0 ? schema.maxValue() : 1.0, PixelGrid.appliesTo(schema));
    }

    /**
     * @param row a row in feature scale
     * @return its values in [0, 1]
     */
    public double[] apply(float[] row) {
        double[] values = new double[row.length];
        for (int d = 0; d < row.length; d++) {
            double value = eightBitPixels ? PixelGrid.round(row[d]) : row[d];
            values[d] = Math.min(1.0, Math.max(0.0, value / scale));
        }
        return values;
    }
}

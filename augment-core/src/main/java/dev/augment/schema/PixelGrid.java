package dev.augment.schema;

/**
 * Rounds generated 8-bit image values to whole pixels, as {@code generate} writes them to IDX and PNG, so
 * every path hands a Tribuo trainer the same examples that Tribuo's own IDX source would read back.
 *
 * <p>Why it matters: Tribuo leaves zero features out of an example, and XGBoost reads a left-out feature
 * as missing rather than 0. A generator's near-black pixels are small positive floats (about half of the
 * shipped Fashion-MNIST model's background pixels lie in (0, 0.5)), so unrounded they stay features while
 * every real black pixel is missing, and a tree trained on generated examples sends every real background
 * pixel down its missing-value branch.
 */
public final class PixelGrid {

    private PixelGrid() {
    }

    /**
     * @param schema a sample schema
     * @return true for an image schema of range [0, 255] (8-bit pixels), the only schemas this rounds
     */
    public static boolean appliesTo(SampleSchema schema) {
        return schema.isImage() && schema.minValue() == 0 && schema.maxValue() == 255;
    }

    /**
     * @param value a generated value on the [0, 255] scale
     * @return the whole pixel value {@code generate} writes for it: rounded half up, clamped to [0, 255],
     *     NaN as 0
     */
    public static float round(float value) {
        double rounded = value + 0.5;
        if (rounded >= 255.0) {
            return 255f;
        }
        if (rounded >= 1.0) {
            return (float) Math.floor(rounded);
        }
        return 0f;
    }

    /**
     * Rounds values in place with {@link #round(float)}.
     *
     * @param values generated values on the [0, 255] scale
     * @param length how many of them, from the start, at most {@code values.length}
     */
    public static void roundInPlace(float[] values, int length) {
        for (int i = 0; i < length; i++) {
            values[i] = round(values[i]);
        }
    }
}

package dev.augment.table;

/**
 * Rounds a table generator's decoded numeric value to its column's decimal places in float arithmetic, step for step
 * as the exported graph does it ({@code Mul} by 10^d, {@code Round}, {@code Div} by 10^d; ONNX's {@code Round} is half
 * to even, as {@link Math#rint} is), so DJL's samples and ONNX Runtime's agree. A generator's numbers so come out as
 * the data writes them, as SDV rounds to the data's precision by default ({@code enforce_rounding}): a count column
 * gives whole counts, not 8.48 pregnancies, to the Tribuo plugin, the evaluation and every file alike.
 *
 * <p>A column is rounded only where a float can hold its values times 10^d as whole numbers (below 2^23 in size);
 * beyond that a float's own spacing is already coarser than the decimals, and the product could overflow.
 */
public final class DecimalRounding {

    /** The largest whole number below which every float step is at most 1: 2^23. */
    private static final double FLOAT_WHOLE_LIMIT = 1 << 23;

    private DecimalRounding() {
    }

    /**
     * @param decimals the column's decimal places, 0 to {@link TableColumn#MAX_DECIMALS}
     * @param min the column's smallest value
     * @param max the column's largest value
     * @return {@code decimals} when a float can round the column's values to them, else -1 (unrounded); -1 too at
     *     {@link TableColumn#MAX_DECIMALS}, which may stand for more places ({@link TableColumn#roundsToDecimals()})
     */
    public static int applicable(int decimals, double min, double max) {
        double largest = Math.max(Math.abs(min), Math.abs(max)) * Math.pow(10, decimals);
        return decimals >= 0 && decimals < TableColumn.MAX_DECIMALS && largest < FLOAT_WHOLE_LIMIT ? decimals : -1;
    }

    /**
     * @param decimals decimal places, 0 to {@link TableColumn#MAX_DECIMALS}
     * @return 10^decimals as a float, the factor the graph multiplies and divides by
     */
    public static float factor(int decimals) {
        return (float) Math.pow(10, decimals);
    }

    /**
     * @param value a decoded value
     * @param decimals decimal places, or -1 for none (the value is returned as it is)
     * @return the value rounded half to even at {@code decimals} places, in float arithmetic
     */
    public static float round(float value, int decimals) {
        if (decimals < 0) {
            return value;
        }
        float factor = factor(decimals);
        return (float) Math.rint(value * factor) / factor;
    }
}

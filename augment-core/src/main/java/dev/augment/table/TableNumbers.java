package dev.augment.table;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A table generator's numeric output as the table's own number: the float clamped to its column's [min, max] and
 * rounded half up to the column's decimal places, exactly in decimal. {@code generate --format csv} writes it
 * ({@link TableRowDecoder}) and the Tribuo plugin hands it on as the double nearest to it, so both give the same row:
 * before, the plugin widened the float itself (8.899999618530273 for the CSV's 8.9, 0.28999999165534973 below a
 * column's minimum of 0.29, and 12344682 for a column of 12344682.335 that a float cannot hold).
 *
 * <p>Categorical features (one-hot 0 or 1) are passed on as they are.
 */
public final class TableNumbers {

    private final TableColumn[] numericColumnOfFeature;

    /** @param schema the table's layout */
    public TableNumbers(TableSchema schema) {
        numericColumnOfFeature = new TableColumn[schema.featureCount()];
        int[] offsets = schema.featureOffsets();
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn column = schema.columns().get(c);
            if (column.isNumeric()) {
                numericColumnOfFeature[offsets[c]] = column;
            }
        }
    }

    /**
     * @param feature a feature index of the schema
     * @param value the generator's value of that feature, finite, or NaN for a missing numeric cell
     * @return the value as the table writes it: {@link #exact(TableColumn, float)} for a numeric column's feature,
     *     else the value itself; NaN stays NaN
     */
    public double value(int feature, float value) {
        TableColumn column = numericColumnOfFeature[feature];
        if (column == null || Float.isNaN(value)) {
            return value;
        }
        if (!column.roundsToDecimals()) {
            return exact(column, value).doubleValue();
        }
        // fast path: a generator's float already at the column's decimals is far from a rounding tie, so the nearest
        // whole multiple, divided by the exact power of ten, is the double nearest the decimal that exact() gives
        double clamped = Math.min(column.max(), Math.max(column.min(), value));
        double scaled = clamped * POWERS_OF_TEN[column.decimals()];
        double whole = Math.rint(scaled);
        if (Math.abs(scaled - whole) < 0.25 && Math.abs(whole) < 0x1p52) {
            double fast = whole / POWERS_OF_TEN[column.decimals()];
            return fast == 0 ? 0.0 : fast;
        }
        return exact(column, value).doubleValue();
    }

    /** 10^0 .. 10^{@value TableColumn#MAX_DECIMALS}, each exact in a double. */
    private static final double[] POWERS_OF_TEN = java.util.stream.IntStream.rangeClosed(0, TableColumn.MAX_DECIMALS)
            .mapToDouble(d -> Math.pow(10, d)).toArray();

    /**
     * @param column a numeric column
     * @param value a finite value of it
     * @return the value clamped to the column's [min, max] and rounded half up to its decimals (a column at the
     *     decimals' cap, {@link TableColumn#roundsToDecimals()}: the float's shortest decimal form); never -0
     */
    public static BigDecimal exact(TableColumn column, float value) {
        double clamped = Math.min(column.max(), Math.max(column.min(), value));
        if (!column.roundsToDecimals()) {
            BigDecimal shortest = clamped == value ? new BigDecimal(Float.toString(value))
                    : BigDecimal.valueOf(clamped);
            return shortest.signum() == 0 ? BigDecimal.ZERO : shortest;
        }
        BigDecimal rounded = new BigDecimal(clamped).setScale(column.decimals(), RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? rounded.abs() : rounded;
    }
}

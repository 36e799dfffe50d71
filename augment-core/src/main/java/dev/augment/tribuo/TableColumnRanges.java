package dev.augment.tribuo;

import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks that a table source's numeric columns are on the scale of a table generator's: the generator writes each
 * numeric column within the {@code [min, max]} of the data it was trained on ({@link TableColumn#min()}, clamped by
 * its graph), so a source column in other units (a glucose column in mmol/L for a generator of mg/dL, every value
 * divided by 1 000) would get generated rows that a classifier tells from the real ones by that column alone.
 *
 * <p>A value counts as outside when it lies beyond that range widened by a tenth of its span on each side (new data
 * of the same kind strays a little past a training sample's extremes). A column with half or more of its values
 * outside is refused; one with 5% or more outside gives a warning, and so does a column of 20 or more values, not
 * constant, spanning a tenth of the generator's range or less (a column shrunk into it: divided by 18, it still lies
 * within a range that starts at 0), and any value other than the one of a column the generator saw as constant.
 * Columns absent from an example (sparse zeros, a missing cell) are not counted.
 */
final class TableColumnRanges {

    /** Share of a column's values outside the widened range from which the source is refused. */
    static final double REFUSED_SHARE = 0.5;
    /** Share of a column's values outside the widened range from which a warning is given. */
    static final double WARNED_SHARE = 0.05;
    /** A column whose values span at most this share of the generator's range gets a warning (shrunk units). */
    static final double SHRUNK_SPAN = 0.1;
    /** Values a column needs before its span is judged (a few rows may well span little). */
    static final int SHRUNK_MIN_VALUES = 20;

    private final TableSchema table;
    private final Map<String, Integer> numericIndex = new HashMap<>();
    private final long[] seen;
    private final long[] outside;
    private final double[] min;
    private final double[] max;

    /** @param table the generator's table layout */
    TableColumnRanges(TableSchema table) {
        this.table = table;
        List<TableColumn> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).isNumeric()) {
                numericIndex.put(columns.get(c).name(), c);
            }
        }
        seen = new long[columns.size()];
        outside = new long[columns.size()];
        min = new double[columns.size()];
        max = new double[columns.size()];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** @param example an example of the source, whose numeric features are named as the generator's columns */
    void add(Example<Label> example) {
        for (Feature feature : example) {
            Integer c = numericIndex.get(feature.getName());
            if (c == null) {
                continue;
            }
            double v = feature.getValue();
            TableColumn column = table.columns().get(c);
            double slack = widening(column);
            seen[c]++;
            if (v < column.min() - slack || v > column.max() + slack) {
                outside[c]++;
            }
            min[c] = Math.min(min[c], v);
            max[c] = Math.max(max[c], v);
        }
    }

    /**
     * @return one warning per column with {@value #WARNED_SHARE} or more of its values outside (but less than half)
     * @throws dev.augment.errors.InvalidSettingException for field "source", naming the first column with half or
     *     more of its values outside, both ranges and the fix
     */
    List<String> check() {
        List<String> warnings = new ArrayList<>();
        for (int c = 0; c < seen.length; c++) {
            if (seen[c] == 0) {
                continue;
            }
            double share = (double) outside[c] / seen[c];
            TableColumn column = table.columns().get(c);
            double span = column.max() - column.min();
            if (span == 0) {
                if (share >= WARNED_SHARE) {
                    warnings.add("the generator saw only the value " + SourceValueRange.number(column.min()) + " in column '"
                            + column.name() + "' and writes only it, while " + outside[c] + " of " + seen[c]
                            + " of the source's values differ; generated rows can be told from the real ones by it; "
                            + "train a generator on data where the column varies");
                }
                continue;
            }
            String ranges = "the source's values of column '" + column.name() + "' lie in [" + SourceValueRange.number(min[c]) + ", "
                    + SourceValueRange.number(max[c]) + "], and the generator was trained on [" + SourceValueRange.number(column.min()) + ", "
                    + SourceValueRange.number(column.max()) + "]";
            if (share >= REFUSED_SHARE) {
                throw SourceScan.mismatch(ranges + ", with " + outside[c] + " of " + seen[c] + " values outside it "
                        + "by more than a tenth of its span; is the column in other units or scaled? bring it to "
                        + "the generator's scale, or train a generator on this data");
            }
            if (share >= WARNED_SHARE) {
                warnings.add(ranges + ", with " + outside[c] + " of " + seen[c] + " values outside it by more than a "
                        + "tenth of its span: generated values stay within the generator's range, so they differ "
                        + "from these real ones; check the column's units, or train a generator on this data");
            } else if (seen[c] >= SHRUNK_MIN_VALUES && max[c] > min[c] && max[c] - min[c] <= SHRUNK_SPAN * span) {
                // a column divided by 18 (mg/dL to mmol/L) can stay inside a range that starts at 0
                warnings.add(ranges + ": the source's values span a tenth of that or less; is the column in other "
                        + "units or scaled? generated values spread over the whole range, so they differ from these "
                        + "real ones; bring it to the generator's scale, or train a generator on this data");
            }
        }
        return warnings;
    }

    /**
     * @return per numeric column the source has values in, by name, {@code {min, max, values}} of the source's own
     *     values, for {@link AbsentCategories}'s check of the generated rows against them
     */
    Map<String, double[]> sourceSpans() {
        Map<String, double[]> spans = new HashMap<>();
        for (int c = 0; c < seen.length; c++) {
            if (seen[c] > 0) {
                spans.put(table.columns().get(c).name(), new double[] {min[c], max[c], seen[c]});
            }
        }
        return spans;
    }

    private static double widening(TableColumn column) {
        double span = column.max() - column.min();
        return span > 0 ? 0.1 * span : 1e-9 * Math.max(1, Math.abs(column.max()));
    }
}

package dev.augment.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A numeric column of few distinct values that writes one number in two ways, with and without trailing zeros
 * ({@code 1.1} and {@code 1.10}): versions and codes are written so, amounts are not. Read as numbers, as Tribuo reads
 * them, {@code 1.1} and {@code 1.10} are one value, {@code 1.9} lies between {@code 1.11} and {@code 2.0}, and
 * generated
 * or SMOTE rows write versions that do not exist ({@code 1.90}, {@code 1.98835}): an app-version column of seven
 * versions, without a word (a fresh user, 6 Dec).
 *
 * @param column the column's header
 * @param shorter the shorter writing of the number, e.g. {@code 1.1}
 * @param longer the other, e.g. {@code 1.10}
 * @param twin whether the column writes both; else only the longer, beside values of fewer decimals (1.10 beside 1.9)
 */
public record TrailingZeroColumn(String column, String shorter, String longer, boolean twin) {

    /**
     * A column that writes both.
     *
     * @param column the column's header
     * @param shorter the shorter writing of the number
     * @param longer the other
     */
    public TrailingZeroColumn(String column, String shorter, String longer) {
        this(column, shorter, longer, true);
    }

    /** The most distinct values a column may have to be named: a price column writing 1.5 and 1.50 is not. */
    static final int MOST_VALUES = 50;

    /**
     * @param remedies how the caller names the fix
     * @return one line for the user: which column, why it hurts, what to do
     */
    public String advice(ColumnRemedies remedies) {
        return "numeric column '" + ColumnAdvice.shown(column) + "' writes '" + (twin ? shorter + "' and '" + longer
                + "', one number" : longer + "', the number " + shorter + ",") + " to Tribuo (and to augment): if its "
                + "values are versions or codes, read the column as categories (" + remedies.categorical(column) + ")";
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @param cells its rows' cells as written, in layout order ({@link TableFile#cellsInLayoutOrder()})
     * @return the numeric columns of at most {@value #MOST_VALUES} distinct values with one number written with and
     *     without trailing zeros after a decimal point and a value whose later decimals are not only 0 or 5 (1.11;
     *     doses 0.5, 0.50 beside 0.25 are not named), in column order, each with its first such pair
     */
    public static List<TrailingZeroColumn> find(Table table, List<String[]> cells) {
        List<TrailingZeroColumn> found = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).isNumeric()) {
                continue;
            }
            Map<BigDecimal, String> writings = new HashMap<>();
            TrailingZeroColumn pair = null;
            for (String[] row : cells) {
                String text = row[c].strip();
                if (!text.matches("[+-]?\\d+\\.\\d+")) {
                    continue;
                }
                BigDecimal number = new BigDecimal(text).stripTrailingZeros();
                // a sign is no trailing zero: -0.00 (printf's small negative) beside 0.00 was told it might be a
                // version (a fresh user, 6 Dec), and +1.5 beside 1.5 is the same writing
                if (text.startsWith("+") || number.signum() == 0 && text.startsWith("-")) {
                    text = text.substring(1);
                }
                String earlier = writings.putIfAbsent(number, text);
                if (pair == null && earlier != null && !earlier.equals(text)) {
                    boolean shorterFirst = earlier.length() < text.length();
                    pair = new TrailingZeroColumn(columns.get(c).name(), shorterFirst ? earlier : text,
                            shorterFirst ? text : earlier);
                }
                if (writings.size() > MOST_VALUES) {
                    break;
                }
            }
            // and a value with a later decimal other than 0 or 5 (1.11 beside 1.1 and 1.10): doses typed 0.5 and 0.50
            // beside 0.25 were told they might be versions (a re-check, 6 Dec)
            boolean versionLike = writings.values().stream().map(t -> t.substring(t.indexOf('.') + 1))
                    .anyMatch(decimals -> decimals.length() > 1 && !decimals.substring(1).matches("[05]*"));
            if (pair == null && versionLike && writings.size() <= MOST_VALUES) {
                // no twin, but a trailing zero kept where other values have fewer decimals (1.10 beside 1.9: a
                // version, which as a number lies below 1.9; a re-check, 6 Dec)
                int fewest = writings.values().stream().mapToInt(t -> t.length() - t.indexOf('.') - 1).min().orElse(0);
                // a whole number padded (0.00) is no version: augment's own generated rows, which write every cell at
                // the column's decimals, merged into the real table were told so (a fresh user, 6 Dec)
                String kept = writings.values().stream().filter(t -> t.endsWith("0")
                        && t.length() - t.indexOf('.') - 1 > fewest && !t.substring(t.indexOf('.') + 1)
                        .matches("0+")).sorted().findFirst().orElse(null);
                pair = kept == null ? null : new TrailingZeroColumn(columns.get(c).name(),
                        new BigDecimal(kept).stripTrailingZeros().toPlainString(), kept, false);
            }
            if (pair != null && writings.size() <= MOST_VALUES && versionLike) {
                found.add(pair);
            }
        }
        return found;
    }
}

package dev.augment.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A categorical column of numbers some of whose cells carry text after the number: an uncertainty as papers write it
 * ({@code 10.5 (0.5)}, {@code 12.3 (SD 0.5)}, {@code 13.2(5)}, {@code 12.3 \pm 0.5}), a confidence interval
 * ({@code 12.3 [11.9-13.3]}), a flag ({@code 12.3*}), a multiplier ({@code 12k} beside {@code 45000}), or the whole
 * cell in parentheses. Every such spelling made the column one category per value, without a word: fresh users named
 * them one at a time (5 to 7 Dec), so this note takes the kind, a number followed by text, rather than each spelling.
 * The spellings {@link NumberLikeColumn} names (a ± uncertainty, units, formatting) keep its own note; this one is for
 * the rest.
 *
 * <p>Codes that start with a number (tumour stages {@code 1a}, {@code 1b}; flats {@code 12A}, {@code 12B}: one number
 * with several letters after it) are no annotated numbers, nor are dates, times, version numbers and ranges such as
 * age bands ({@code 20-29}): the column is not named.
 *
 * @param column the column's header
 * @param numbers how many of its distinct values are plain numbers, at least {@value NumberLikeColumn#FEWEST_NUMBERS}
 * @param annotated up to {@value #LISTED} of its values that are a number followed by other text
 * @param moreAnnotated how many more such values it has, at least 0
 */
public record AnnotatedNumberColumn(String column, int numbers, List<String> annotated, int moreAnnotated) {

    /** The most annotated values the note quotes. */
    static final int LISTED = 3;

    /**
     * A number at a cell's start, perhaps inside an opening parenthesis or bracket, and the text after it (group 2),
     * without a closing parenthesis or bracket that matches the opening one.
     */
    private static final Pattern NUMBER_THEN_TEXT = Pattern.compile(
            "\\s*[(\\[]?\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*[)\\]]?\\s*");

    /** Dates, times, version numbers, addresses and ranges: numbers joined by {@code - / . :}, nothing else. */
    private static final Pattern JOINED_NUMBERS = Pattern.compile("\\s*\\d+(?:\\s*[-/.:–]\\s*\\d+)+\\s*\\+?\\s*");

    /** Copies the values. */
    public AnnotatedNumberColumn {
        annotated = List.copyOf(annotated);
    }

    /**
     * @return one line for the user: the column, its annotated values and the two readings (a value with a note
     *     beside it, to write alone; or codes, which categories suit)
     */
    public String advice() {
        String first = annotated.get(0);
        Matcher m = NUMBER_THEN_TEXT.matcher(first);
        String number = m.matches() ? m.group(1) : first;
        return "column '" + column + "' is read as categories although " + numbers + " of its distinct values are "
                + "numbers, because values such as '" + String.join("', '", annotated.stream().map(ColumnAdvice::shown)
                .toList()) + "'" + (moreAnnotated > 0 ? " (and " + moreAnnotated + " more)" : "") + " are a number "
                + "followed by other text (an uncertainty, an interval, a flag, a multiplier), which neither augment "
                + "nor Tribuo reads as a number; if the number is the value, write it alone (e.g. " + number + ") and "
                + "the rest in a column of its own" + multiplied() + "; if they are codes, categories are right";
    }

    /** @return ", a multiplier multiplied out (12k as 12000)" when a quoted value ends in k or M, else "" */
    private String multiplied() {
        for (String value : annotated) {
            Matcher m = NUMBER_THEN_TEXT.matcher(value);
            if (m.matches() && m.group(2).matches("[kKM]")) {
                java.math.BigDecimal full = new java.math.BigDecimal(m.group(1)).scaleByPowerOfTen(
                        m.group(2).equals("M") ? 6 : 3);
                return ", a multiplier multiplied out (" + value.strip() + " as " + full.stripTrailingZeros()
                        .toPlainString() + ")";
            }
        }
        return "";
    }

    /**
     * @param schema a table's schema, as inferred by {@link TableReader}
     * @param named the columns {@link NumberLikeColumn#find} names already, which are left to its note
     * @return its categorical columns that have at least {@value NumberLikeColumn#FEWEST_NUMBERS} distinct plain
     *     numbers, at most {@value NumberLikeColumn#MOST_TEXTS} missing-cell spellings ({@link NumberLikeColumn#isGap})
     *     and otherwise only values that are a number followed by other text, none of them codes, in column order
     */
    public static List<AnnotatedNumberColumn> find(TableSchema schema, List<NumberLikeColumn> named) {
        List<AnnotatedNumberColumn> found = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            if (column.kind() != ColumnKind.CATEGORICAL || named.stream().anyMatch(n -> n.column().equals(
                    column.name()))) {
                continue;
            }
            int numbers = 0;
            int gaps = 0;
            List<String> annotated = new ArrayList<>();
            Map<String, String> letterOfNumber = new HashMap<>();
            java.util.Set<String> letters = new java.util.HashSet<>();
            boolean codes = false;
            boolean other = false;
            for (String value : column.categories()) {
                if (!Double.isNaN(TableReader.decimalNumber(value))) {
                    numbers++;
                    continue;
                }
                if (NumberLikeColumn.isGap(value)) {
                    gaps++;
                    continue;
                }
                Matcher m = NUMBER_THEN_TEXT.matcher(value);
                if (!m.matches() || m.group(2).isEmpty() || JOINED_NUMBERS.matcher(value).matches()) {
                    other = true;
                    break;
                }
                String tail = m.group(2);
                if (tail.matches("\\p{L}") && !tail.matches("[kKM]")) {
                    // 1a beside 1b, 12A beside 14B: one letter after a number, and more than one such letter, is a
                    // code (a unit has more letters: kg, min; k and M multiply)
                    String before = letterOfNumber.putIfAbsent(m.group(1), tail);
                    codes |= before != null && !before.equals(tail);
                    letters.add(tail);
                }
                annotated.add(value);
            }
            codes |= letters.size() > 1;
            if (!other && !codes && !annotated.isEmpty() && numbers >= NumberLikeColumn.FEWEST_NUMBERS
                    && gaps <= NumberLikeColumn.MOST_TEXTS) {
                found.add(new AnnotatedNumberColumn(column.name(), numbers, annotated.subList(0, Math.min(LISTED,
                        annotated.size())), Math.max(0, annotated.size() - LISTED)));
            }
        }
        return found;
    }
}

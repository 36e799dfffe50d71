package dev.augment.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A categorical column of numbers some of whose cells carry text after the number: an uncertainty as papers write it
 * ({@code 10.5 (0.5)}, {@code 12.3 (SD 0.5)}, {@code 13.2(5)}, {@code 12.3 \pm 0.5}), a confidence interval
 * ({@code 12.3 [11.9-13.3]}), a flag ({@code 12.3*}), a multiplier ({@code 12k} beside {@code 45000}), a unit
 * ({@code 12.3 mg/dL}), or the whole cell in parentheses. Every such spelling made the column one category per value, without a word: fresh users named
 * them one at a time (5 to 7 Dec), so this note takes the kind, a number followed by text, rather than each spelling.
 * The spellings {@link NumberLikeColumn} names (a ± uncertainty, units, formatting) keep its own note; this one is for
 * the rest.
 *
 * <p>Only what may follow a measurement counts ({@link #ANNOTATION}): values that start with a number but are values of
 * their own (tumour stages {@code 1a}; flats {@code 12A}; streets {@code 12 Main St}; sizes {@code 10x20}; ordinals
 * {@code 1st}; top codes {@code 65+}; dates, times, versions and ranges such as {@code 20-29}) leave the column
 * unnamed.
 *
 * @param column the column's header
 * @param numbers how many of its distinct values are plain numbers, at least {@value NumberLikeColumn#FEWEST_NUMBERS}
 * @param annotated up to {@value #LISTED} of its values that are a number followed by other text
 * @param moreAnnotated how many more such values it has, at least 0
 */
public record AnnotatedNumberColumn(String column, int numbers, List<String> annotated, int moreAnnotated) {

    /** The most annotated values the note quotes. */
    static final int LISTED = 3;

    /** A number at a text's start (group 1) and the text after it (group 2). */
    private static final Pattern NUMBER_THEN_TEXT = Pattern.compile(
            "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(.*?)\\s*");

    /**
     * @param value a cell's text
     * @return its leading number and the text after it, the whole cell in parentheses or brackets read inside them
     *     ({@code (12.6 ± 0.5)}); null when it does not start with a number
     */
    private static String[] numberAndTail(String value) {
        String text = value.strip();
        if (text.length() > 2 && "([".indexOf(text.charAt(0)) >= 0 && ")]".indexOf(text.charAt(text.length() - 1))
                >= 0) {
            Matcher inside = NUMBER_THEN_TEXT.matcher(text.substring(1, text.length() - 1));
            if (inside.matches() && !inside.group(2).isEmpty()) {
                return new String[] {inside.group(1), inside.group(2)};
            }
        }
        Matcher m = NUMBER_THEN_TEXT.matcher(text);
        return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
    }

    /**
     * What may follow a measured number: an uncertainty or interval in brackets holding a digit ({@code (0.5)},
     * {@code (SD 0.5)}, {@code [11.9-13.3]}, {@code (n=12)}), a ± in any spelling with its number ({@code ± 0.5},
     * {@code +/- 0.5}, {@code \pm 0.5}, {@code ∓ 0.5}), significance marks ({@code *}, {@code †}), a multiplier
     * ({@code k}, {@code M}), or a unit of measurement ({@code mg/dL}, {@code kg}, {@code °C}, {@code %}); each may
     * be followed by marks. Anything else (a street, {@code x20}, {@code st}, {@code +}, {@code of 10},
     * {@code (early)}) makes the value one of its own: a re-check found 18 kinds of such categories named (7 Dec).
     */
    private static final Pattern ANNOTATION = Pattern.compile("(?:"
            + "[(\\[][^()\\[\\]]*\\d[^()\\[\\]]*[)\\]]"
            + "|(?:±|∓|\\\\pm|\\+\\s*/\\s*-|\\+\\s*-|\\(\\s*±)\\s*[\\d.]+(?:\\s*[)\\]])?"
            + "(?:\\s*[µu°]?\\p{L}{1,4})?"
            + "|[kKM]"
            + "|(?:[µu]?(?:g|mg|kg|lbs?|oz|mm|cm|km|m|ml|mL|l|L|dl|dL|mol|mmol|IU|U|kcal|cal|Hz|kHz|V|mV|W|kW|Pa|kPa"
            + "|mmHg|bpm|ppm|ppb|s|sec|min|h|hr|hrs|days?|wks?|yrs?|years?|months?)|°[CF]|%)"
            + "(?:/[µu]?(?:g|mg|kg|dL|dl|L|l|mL|ml|min|h|hr|s|day|d|m2|m))?"
            + ")\\s*[*†‡]*|[*†‡]+");

    /**
     * @param value a cell's text
     * @return whether it is a number followed by an {@link #ANNOTATION}
     */
    static boolean isAnnotated(String value) {
        String[] split = numberAndTail(value);
        return split != null && !split[1].isEmpty() && !JOINED_NUMBERS.matcher(value).matches()
                && ANNOTATION.matcher(split[1]).matches();
    }

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
        String[] split = numberAndTail(first);
        String number = split == null ? first : split[0];
        return "column '" + column + "' is read as categories although " + numbers + " of its distinct values are "
                + "numbers, because values such as '" + String.join("', '", annotated.stream().map(ColumnAdvice::shown)
                .toList()) + "'" + (moreAnnotated > 0 ? " (and " + moreAnnotated + " more)" : "") + " are a number "
                + "followed by other text (an uncertainty, an interval, a flag, a multiplier, a unit), which neither "
                + "augment nor Tribuo reads as a number; if the number is the value, write it alone (e.g. " + number
                + ") and the rest in a column of its own (a unit in the header)" + multiplied() + "; if they are "
                + "codes, categories are right";
    }

    /** @return ", a multiplier multiplied out (12k as 12000)" when a quoted value ends in k or M, else "" */
    private String multiplied() {
        for (String value : annotated) {
            String[] split = numberAndTail(value);
            if (split != null && split[1].matches("[kKM]")) {
                java.math.BigDecimal full = new java.math.BigDecimal(split[0]).scaleByPowerOfTen(
                        split[1].equals("M") ? 6 : 3);
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
     *     and otherwise only values that are a number followed by an {@link #ANNOTATION}, in column order
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
                if (!isAnnotated(value)) {
                    // 12 Main St, 10x20, 5'10", 1st, 65+, 6 of 10, 1 (early): values of their own (a re-check, 7 Dec)
                    other = true;
                    break;
                }
                annotated.add(value);
            }
            if (!other && !annotated.isEmpty() && numbers >= NumberLikeColumn.FEWEST_NUMBERS
                    && gaps <= NumberLikeColumn.MOST_TEXTS) {
                found.add(new AnnotatedNumberColumn(column.name(), numbers, annotated.subList(0, Math.min(LISTED,
                        annotated.size())), Math.max(0, annotated.size() - LISTED)));
            }
        }
        return found;
    }
}

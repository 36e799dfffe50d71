package dev.augment.table;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A categorical column whose every value is a date or a date and time ({@code 2024-01-31}, {@code 31/01/2024},
 * {@code 2024-01-31T08:00}, {@code 5 Jan 2024}): read as one unordered category per date, so a generator can only
 * copy dates it saw,
 * SMOTE-NC votes a date from the neighbours and a classifier cannot use their order (400 rows over 120 days gave 116
 * one-hot features, without a word: a fresh user, 5 Dec). Neither augment nor Tribuo's CSV reader parses dates.
 *
 * @param column the column's header
 * @param dates its different dates (or times)
 * @param clock whether they are times of day or durations ({@code 14:19}) rather than dates
 * @param others the column's few values that are neither, such as {@code N/A} or {@code TBD} (a missing spelling or a
 *     word without a digit), at most {@value #MOST_OTHERS}; they hid the note (a fresh user, 7 Dec)
 */
public record DateColumn(String column, int dates, boolean clock, List<String> others) {

    /** Copies the other values. */
    public DateColumn {
        others = List.copyOf(others);
    }

    /**
     * A column of dates or times alone.
     *
     * @param column the column's header
     * @param dates its different dates (or times)
     * @param clock whether they are times of day or durations
     */
    public DateColumn(String column, int dates, boolean clock) {
        this(column, dates, clock, List.of());
    }

    /**
     * A column of dates.
     *
     * @param column the column's header
     * @param dates its different dates
     */
    public DateColumn(String column, int dates) {
        this(column, dates, false);
    }

    /**
     * The most values beside the dates that are neither dates nor times: N/A, TBD, unknown and - in one column hid the
     * note with a limit of three (a re-check, 7 Dec).
     */
    static final int MOST_OTHERS = 5;

    /** The fewest different dates for a note: a flag of two dates is a category like any other. */
    static final int FEWEST_DATES = 5;

    /** An English month's name, in full or cut to three or four letters, a dot after it allowed. */
    private static final String MONTH = "(?i:jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?"
            + "|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\\.?";

    /** A time after a date: {@code 10:00}, {@code 08:00:00.5Z}, {@code 10:00 PM}, {@code 10:00:00+00 UTC}. */
    private static final String TIME = "([T ]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"
            + "(Z|[+-]\\d{2}(:?\\d{2})?| ?(?i:[ap]m))?( ?(?i:utc|gmt))?)?";

    /** A time of day or a duration alone: {@code 14:19}, {@code 05:21:33}, {@code 1:45 PM}, {@code 125:07}. */
    private static final Pattern CLOCK = Pattern.compile("\\d{1,3}:\\d{2}(:\\d{2}(\\.\\d+)?)?( ?(?i:[ap]m))?");

    /**
     * Dates as spreadsheets, databases and people write them: ISO ({@code 2024-01-31}), year first with '/' or '.',
     * day/month/year or month/day/year with '/', '.' or '-' (a two-digit year with '/', or with '.' when day and
     * month are written with two digits each and in range, as German spreadsheets write {@code 24.03.24}: a version
     * number seldom pads its parts with zeros), and with the month's
     * name ({@code 5 Jan 2024}, {@code 05-JAN-24}, {@code Jan 5, 2024}, {@code January 5th 2024}); a time may follow.
     */
    private static final Pattern DATE = Pattern.compile("(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}"
            + "|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}|\\d{1,2}/\\d{1,2}/\\d{2}"
            + "|(0[1-9]|[12]\\d|3[01])\\.(0[1-9]|1[0-2])\\.\\d{2}"
            + "|\\d{1,2}[ -]" + MONTH + "[ -](\\d{2}|\\d{4})"
            + "|" + MONTH + " \\d{1,2}(st|nd|rd|th)?,? \\d{4})" + TIME);

    /**
     * @param value a cell
     * @return whether it is a date, or a date and time, in one of the forms above
     */
    public static boolean isDate(String value) {
        return DATE.matcher(value.strip()).matches();
    }

    /**
     * @param values a column's distinct values
     * @return whether every one is a time of day or a duration ({@code 14:19}, {@code 2:05 pm})
     */
    public static boolean areClockTimes(java.util.Collection<String> values) {
        return values.stream().allMatch(c -> CLOCK.matcher(c.strip()).matches());
    }

    /** A German short date alone, {@code 24.03.24}: day, month and year of two digits each. */
    private static final Pattern SHORT_DOTTED = Pattern.compile("(\\d{2})\\.\\d{2}\\.\\d{2}");

    /**
     * @param values a column's distinct values
     * @return whether every one is a date ({@link #isDate}); where they are all short dotted ones ({@code 24.03.24}),
     *     one day must be above 12 too, since codes and padded versions ({@code 01.02.03}, {@code 10.06.02}) have the
     *     same form (a re-check, 6 Dec)
     */
    public static boolean areDates(java.util.Collection<String> values) {
        if (!values.stream().allMatch(DateColumn::isDate)) {
            return false;
        }
        java.util.List<java.util.regex.Matcher> dotted = values.stream().map(v -> SHORT_DOTTED.matcher(v.strip()))
                .filter(java.util.regex.Matcher::matches).toList();
        return dotted.size() < values.size() || dotted.stream().anyMatch(m -> Integer.parseInt(m.group(1)) > 12);
    }

    /** @return one line for the user: which column, why it hurts, what to do */
    public String advice() {
        String beside = others.isEmpty() ? "" : " (and " + String.join(", ", others.stream().map(o -> "'"
                + ColumnAdvice.shown(o) + "'").toList()) + ", which may be written as empty cells)";
        if (clock) {
            return "column '" + column + "' holds times of day or durations" + beside + ", read as "
                    + (dates + others.size()) + " categories without their order (neither augment nor Tribuo reads "
                    + "times): a generator can only copy times it saw; write them as a number (e.g. minutes) or "
                    + "remove the column";
        }
        return "column '" + column + "' holds dates" + beside + ", read as " + (dates + others.size())
                + " categories without their order (neither augment nor Tribuo reads dates): a generator can only copy "
                + "dates it saw; write them as a number (e.g. days since the first) or remove the column";
    }

    /**
     * Numeric columns whose every value is a date written as a yyyymmdd number ({@code 20230716}, SAS and SQL
     * exports; also yyyymm periods and yyyymmddHHMM[SS] times): read as amounts, so generated and SMOTE rows wrote
     * dates that do not exist ({@code 20221308}: 415 of
     * 600, with a note about float digits only; a fresh user, 6 Dec).
     *
     * @param table a table as read by {@link TableReader}
     * @return one line per such column of at least {@value #FEWEST_DATES} different dates, in column order
     */
    public static List<String> numberDates(Table table) {
        List<String> lines = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int index = 0; index < columns.size(); index++) {
            TableColumn column = columns.get(index);
            if (!column.isNumeric()) {
                continue;
            }
            java.util.Set<Double> values = new java.util.HashSet<>();
            boolean dates = true;
            for (double[] row : table.numeric()) {
                double v = row[index];
                if (Double.isNaN(v)) {
                    continue;
                }
                values.add(v);
                if (!isNumberDate(v)) {
                    dates = false;
                    break;
                }
            }
            if (dates && values.size() >= FEWEST_DATES) {
                lines.add("numeric column '" + column.name() + "' holds dates written as numbers (yyyymmdd, yyyymm or "
                        + "yyyymmddHHMMSS; e.g. "
                        + String.format(java.util.Locale.ROOT, "%.0f", values.iterator().next()) + "), read as "
                        + "amounts: generated and SMOTE rows write dates that do not exist (month 13, day 74); write "
                        + "them as a number of days (e.g. since the first) or remove the column");
            }
        }
        return lines;
    }

    /**
     * @return whether the value is a yyyymm period, a yyyymmdd date or a yyyymmddHHMM[SS] time (the three forms of
     *     one export; periods and times were missed at first, a re-check, 6 Dec)
     */
    private static boolean isNumberDate(double v) {
        if (v != Math.rint(v) || v < 0 || v >= 1e15) {
            return false;
        }
        String digits = Long.toString((long) v);
        return switch (digits.length()) {
            case 6 -> validDate(digits + "01");
            case 8 -> validDate(digits);
            case 12 -> validDate(digits.substring(0, 8)) && validTime(digits.substring(8) + "00");
            case 14 -> validDate(digits.substring(0, 8)) && validTime(digits.substring(8));
            default -> false;
        };
    }

    private static boolean validDate(String yyyymmdd) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        int month = Integer.parseInt(yyyymmdd.substring(4, 6));
        int day = Integer.parseInt(yyyymmdd.substring(6, 8));
        return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean validTime(String hhmmss) {
        return Integer.parseInt(hhmmss.substring(0, 2)) < 24 && Integer.parseInt(hhmmss.substring(2, 4)) < 60
                && Integer.parseInt(hhmmss.substring(4, 6)) < 60;
    }

    /**
     * @param schema a table's schema, as inferred by {@link TableReader}
     * @return its categorical columns of at least {@value #FEWEST_DATES} categories, every one a date; in column order
     */
    public static List<DateColumn> find(TableSchema schema) {
        List<DateColumn> found = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            if (column.kind() != ColumnKind.CATEGORICAL) {
                continue;
            }
            // a few gaps or words without a digit (N/A, TBD, pending) beside the dates
            List<String> others = column.categories().stream().filter(v -> !isDate(v)
                    && !CLOCK.matcher(v.strip()).matches() && v.chars().noneMatch(Character::isDigit)).toList();
            List<String> rest = column.categories().stream().filter(v -> !others.contains(v)).toList();
            if (others.size() > MOST_OTHERS || rest.size() < Math.max(FEWEST_DATES,
                    NumberLikeColumn.MOSTLY * others.size())) {
                continue;
            }
            if (areDates(rest)) {
                found.add(new DateColumn(column.name(), rest.size(), false, others));
            } else if (areClockTimes(rest)) {
                // 05:21 and 05:22 were unrelated categories, without the note dates get (a fresh user, 6 Dec)
                found.add(new DateColumn(column.name(), rest.size(), true, others));
            }
        }
        return found;
    }
}

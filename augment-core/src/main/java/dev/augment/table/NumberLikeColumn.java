package dev.augment.table;

import java.util.ArrayList;
import java.util.List;

/**
 * A column inferred categorical although nearly all its values are numbers: a few texts such as {@code NA},
 * {@code NULL} or {@code nan} (a missing-value marker other than the table's) made every number a category of its
 * own, so the column loses its order and a generator trained on it one-hots dozens of categories. Found from the
 * schema alone, so a caller can name the column and its texts and suggest the missing marker or a numeric
 * override.
 *
 * @param column the column's header
 * @param numbers how many of its distinct values are finite numbers
 * @param texts its distinct values that are not, at most {@value #MOST_TEXTS} (and, beside formatted numbers, the gap
 *     spellings among them)
 * @param moreTexts how many more distinct values that are not numbers it has, not listed in {@code texts}, at least 0
 * @param codesAreValues whether letter codes ({@code B1}) among its texts may be values of their own (beside whole
 *     numbers: floors), not mistyped numbers (beside amounts with decimals, where one {@code B1} among 400 made a
 *     column of row ids to remove: a re-check, 7 Dec); true where it holds no letter code
 */
public record NumberLikeColumn(String column, int numbers, List<String> texts, int moreTexts,
                               boolean codesAreValues) {

    /** A column with more distinct non-numbers than this is taken as really categorical. */
    public static final int MOST_TEXTS = 3;

    /** A column of more than {@value #MOST_TEXTS} texts is named when it has this many times as many numbers. */
    static final int MOSTLY = 4;

    /** Fewer distinct numbers than this are read as codes (1, 2, 3 as categories), not as a numeric column. */
    public static final int FEWEST_NUMBERS = 5;

    /** Copies the texts. */
    public NumberLikeColumn {
        texts = List.copyOf(texts);
    }

    /** A column whose every text is listed, letter codes among them taken as values. */
    public NumberLikeColumn(String column, int numbers, List<String> texts) {
        this(column, numbers, texts, 0, true);
    }

    /**
     * @return {@link #advice(ColumnRemedies)} with the fixes named as {@link TableReader}'s arguments
     */
    public String advice() {
        return advice(ColumnRemedies.LIBRARY);
    }

    /**
     * @return the advice for a NaN cell: only the exact spelling {@code NaN} is a number to Java and Tribuo, so
     *     numpy's {@code nan} can be the missing marker (it was told it could not be: a fresh user, 7 Dec); "" when
     *     no cell spells NaN
     */
    private String nanAdvice(ColumnRemedies remedies) {
        java.util.Optional<String> marker = texts.stream().map(String::strip).filter(t -> t.equalsIgnoreCase("nan")
                && !TableReader.parsesAsDouble(t)).findFirst();
        if (marker.isPresent()) {
            return "; if '" + marker.get() + "' marks a missing cell, give " + remedies.missingMarker(marker.get());
        }
        return texts.stream().anyMatch(t -> t.strip().equals("NaN")) ? "; if NaN marks a missing cell, write it as "
                + "an empty cell or ? (Tribuo's CSV reader reads NaN as a number, so it cannot be the missing marker)"
                : "";
    }

    /**
     * @param remedies how the caller names the two fixes
     * @return one line for the user: which column, which texts, and the two ways out (a missing marker, or a numeric
     *     override of the column)
     */
    public String advice(ColumnRemedies remedies) {
        String quoted = "'" + String.join("', '", texts) + "'";
        if (texts.stream().allMatch(NumberLikeColumn::isNumberNoDoubleHolds)) {
            return "column '" + column + "' is read as categories although " + numbersOfIt() + "; "
                    + byReason(texts) + ". Correct the cell, or read the column as numeric ("
                    + remedies.numeric(column) + ") to be shown each cell that is not a finite number"
                    + nanAdvice(remedies);
        }
        List<String> gaps = texts.stream().filter(NumberLikeColumn::isGap).toList();
        List<String> formed = texts.stream().filter(t -> !isGap(t)).toList();
        // a spreadsheet's currency or percent column holds a gap spelling too (N/A, #DIV/0!), which hid the note
        // (a fresh user, 6 Dec)
        String gapAdvice = gaps.isEmpty() ? "" : "; " + quotedList(gaps) + (gaps.size() == 1 ? " looks" : " look")
                + " like a missing cell: write " + (gaps.size() == 1 ? "it" : "them") + " as an empty cell, or give "
                + (gaps.size() == 1 ? "it" : "one") + " as the missing marker (" + remedies.missingMarker(gaps.get(0))
                + ")";
        List<String> formatted = formed.stream().filter(NumberLikeColumn::isFormattedNumber).toList();
        List<String> words = formed.stream().filter(t -> !isFormattedNumber(t)).toList();
        if (!formatted.isEmpty() && words.stream().noneMatch(NumberLikeColumn::hasDigit)) {
            // a word beside formatted numbers ($46.16 and TBD) hid the note (a fresh user, 7 Dec)
            String wordAdvice = words.isEmpty() ? "" : "; " + quotedList(words) + (words.size() == 1 ? " is" : " are")
                    + " no number: correct " + (words.size() == 1 ? "it" : "them") + ", or if " + (words.size() == 1
                    ? "it marks" : "one marks") + " a missing cell, write it as an empty cell or give it as the "
                    + "missing marker (" + remedies.missingMarker(words.get(0)) + ")";
            formed = formatted;
            quoted = quotedList(formed);
            boolean leadingZeros = formed.stream().anyMatch(t -> plain(t).matches("[+-]?0\\d.*"));
            if (formed.stream().allMatch(t -> SPREADSHEET_TEXT.matcher(t).find()) && (leadingZeros
                    || formed.stream().allMatch(t -> t.strip().startsWith("=")))) {
                // ="01926" keeps a ZIP code's zero on purpose: "write plain numbers" lost it, and the next note then
                // advised categories (a re-check, 7 Dec); ="90203", a ZIP code without one, was told to be a
                // number alone (a re-check, 7 Dec)
                return "column '" + column + "' is read as categories: values such as " + quoted + " are numbers a "
                        + "spreadsheet kept as text" + (leadingZeros ? ", with leading zeros" : "")
                        + "; if they are codes (ZIP codes, account "
                        + "numbers), categories are right and every file augment writes keeps them as written; if they "
                        + "are amounts, write plain numbers (e.g. " + plain(formed.get(0)).replaceFirst(
                        "^([+-]?)0+(?=\\d)", "$1") + ")" + gapAdvice
                        + wordAdvice;
            }
            return "column '" + column + "' is read as categories because values such as " + quoted + " are numbers "
                    + "written with commas, spaces, apostrophes, % or currency signs or codes, a Unicode or trailing "
                    + "minus, digits of another script (fullwidth, Arabic-Indic), in "
                    + "accounting parentheses, as a spreadsheet's text ('47.0, =\"00150\") or with a ± uncertainty, "
                    + "which neither augment nor Tribuo reads as numbers; "
                    + "write plain numbers (a thousands separator dropped, a decimal comma made a point, e.g. "
                    + plain(formed.get(0)) + ")" + (formed.stream().anyMatch(t -> UNCERTAINTY.matcher(t).find()
                    || t.contains("±"))
                    ? ", and a ± uncertainty in a column of its own" : "") + gapAdvice + wordAdvice;
        }
        if (texts.stream().allMatch(NumberLikeColumn::isCensored)) {
            return "column '" + column + "' is read as categories although " + numbersOfIt() + "; " + quoted
                    + (texts.size() == 1 ? " is a censored value" : " are censored values") + " (beyond a measuring "
                    + "range, as labs write them), which neither augment nor Tribuo reads as numbers; write the bound "
                    + "as a number, or the cell empty (with a column of its own that flags it)";
        }
        String units = numbers < FEWEST_NUMBERS ? unitOf(gaps.isEmpty() || formed.isEmpty() ? texts : formed) : null;
        if (units != null) {
            quoted = quotedList(gaps.isEmpty() || formed.isEmpty() ? texts : formed);
            boolean several = units.contains("'");
            String how = several ? "units ('" + units + "'), in more than one unit" : "a unit ('" + units + "')";
            return "column '" + column + "' is read as categories because values such as " + quoted + " are numbers "
                    + "with " + how + ", which neither augment nor Tribuo reads as numbers; " + (several ? "convert "
                    + "them to one unit, " : "") + "write the number alone (e.g. " + withoutUnit(
                    (formed.isEmpty() ? texts : formed).get(0)) + ") and put the unit in the header" + gapAdvice;
        }
        if (texts.stream().allMatch(NumberLikeColumn::isJavaNumber)) {
            // 3d, 0x1p3: Java's (and Tribuo's) number forms, which no missing marker may be
            return "column '" + column + "' is read as categories although " + numbersOfIt() + "; "
                    + quoted + (texts.size() == 1 ? " is a number" : " are numbers") + " only in Java's own forms "
                    + "(a type suffix or hexadecimal), which Tribuo reads as numbers; write "
                    + (texts.size() == 1 ? "it" : "them") + " as decimal numbers, or read the column as numeric ("
                    + remedies.numeric(column) + ")";
        }
        List<String> candidates = markerCandidates();
        List<String> mistyped = mistypedNumbers();
        List<String> otherForms = texts.stream().filter(t -> !candidates.contains(t) && !mistyped.contains(t)
                && !(codesAreValues && isLetterCode(t))).toList();
        String numbersInOtherForms = otherForms.isEmpty() ? "" : "'" + String.join("', '", otherForms.stream()
                .map(ColumnAdvice::shown).toList()) + "' "
                + (otherForms.size() == 1 ? "is a number" : "are numbers") + " in a form Tribuo does not read as a "
                + "decimal number (hexadecimal, a type suffix, formatting, or beyond a double): write "
                + (otherForms.size() == 1 ? "it" : "them") + " as decimal numbers";
        // shown escaped: a zero-width space printed raw made '12' look like a number (a fresh user, 6 Dec)
        String mistypedText = mistyped.isEmpty() ? "" : "'" + String.join("', '", mistyped.stream()
                .map(ColumnAdvice::shown).toList()) + "' "
                + (mistyped.size() == 1 ? "holds" : "hold") + " digits but " + (mistyped.size() == 1 ? "is" : "are")
                + " no number (mistyped?): correct " + (mistyped.size() == 1 ? "it" : "them");
        if (!mistyped.isEmpty() && candidates.isEmpty()) {
            return "column '" + column + "' is read as categories although " + numbersOfIt() + "; " + mistypedText
                    + (otherForms.isEmpty() ? "" : "; " + numbersInOtherForms) + "; to be shown each cell that is not "
                    + "a number, read the column as numeric (" + remedies.numeric(column) + ")";
        }
        if (candidates.isEmpty()) {
            // a numeric override reads what Java's parseDouble reads (1d, 0x1p3), not 0x1F: offer it only then
            boolean javaReadsThem = otherForms.stream().allMatch(TableReader::parsesAsDouble);
            return "column '" + column + "' is read as categories although " + numbersOfIt() + "; "
                    + numbersInOtherForms + (javaReadsThem ? ", or read the column as numeric ("
                    + remedies.numeric(column) + ")" : "");
        }
        // four Excel errors were named as three (a fresh user, 7 Dec)
        return "column '" + column + "' is read as categories although " + numbersOfIt() + "; "
                + quoted + (moreTexts > 0 ? " and " + moreTexts + " more text" + (moreTexts == 1 ? "" : "s") : "")
                + (texts.size() == 1 && moreTexts == 0 ? " is" : " are") + " not. If " + (candidates.size() > 1
                ? "one marks" : texts.size() == 1 ? "it marks" : "'" + candidates.get(0) + "' marks")
                + " a missing cell, give it "
                + "as the missing marker ("
                + remedies.missingMarker(candidates.get(0)) + (candidates.size() == 1 ? "" : "; one marker is read, so "
                + "write the others as it or as empty cells") + ")" + valuesOfTheirOwn()
                + (otherForms.isEmpty() ? "" : "; "
                + numbersInOtherForms) + (mistyped.isEmpty() ? "" : "; " + mistypedText) + "; to be shown each cell "
                + "that is not a number, read the column as numeric (" + remedies.numeric(column) + ")";
    }

    /** @return "; if 'G', 'B1' are values of their own (codes), categories are right", or "" when none may be */
    private String valuesOfTheirOwn() {
        List<String> values = possibleValues();
        return values.isEmpty() ? "" : "; if " + quotedList(values) + (values.size() == 1 ? " is a value"
                : " are values") + " of " + (values.size() == 1 ? "its" : "their")
                + " own (a code such as a floor's G or B1, a size), "
                + "categories are right";
    }

    /** @return whether the text is a number after {@code <}, {@code >}, {@code <=} or {@code >=}: {@code <0.5} */
    static boolean isCensored(String text) {
        return text.strip().matches("[<>≤≥]=?\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    }

    /** A number followed by a unit of letters: 72kg, 15 min, 3.5 mm, 20 °C. */
    private static final java.util.regex.Pattern WITH_UNIT = java.util.regex.Pattern.compile(
            "\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+))\\s?(°?\\p{L}{1,5})\\s*");

    /**
     * @param texts a column's texts
     * @return the units they are written with, after a number ({@code 72kg}, {@code 15 min}; {@code kg} and {@code lb}
     *     mixed), joined as {@code kg', 'lb}, or null when one is no number with a unit, or they have more than
     *     {@value #MOST_UNITS} units (1st, 2nd, 3rd, 4th are no amounts), or are codes (one number with two letters,
     *     {@code 1a} and {@code 1b}, or single letters only) (a fresh user, 5 Dec: weights and durations
     *     were categories, without a word, where {@code $5} and {@code 12%} were named)
     */
    static String unitOf(List<String> texts) {
        java.util.Set<String> units = new java.util.LinkedHashSet<>();
        java.util.Map<String, String> unitOfNumber = new java.util.HashMap<>();
        boolean codes = false;
        for (String text : texts) {
            java.util.regex.Matcher m = WITH_UNIT.matcher(text);
            if (!m.matches()) {
                return null;
            }
            units.add(m.group(2));
            String before = unitOfNumber.putIfAbsent(m.group(1), m.group(2));
            codes |= before != null && !before.equals(m.group(2));
        }
        // one number with two "units" (1a, 1b), or single letters only (2a, 3b): codes such as tumour stages, which
        // "write the number alone" would merge (a re-check, 7 Dec)
        codes |= units.size() > 1 && units.stream().allMatch(u -> u.length() == 1);
        return units.isEmpty() || units.size() > MOST_UNITS || codes ? null : String.join("', '", units);
    }

    /** The most units a column of numbers with units is named with: kg and lb mixed is one such column. */
    static final int MOST_UNITS = 3;

    private static String withoutUnit(String text) {
        java.util.regex.Matcher m = WITH_UNIT.matcher(text);
        return m.matches() ? m.group(1) : text;
    }

    /** @return "1 of its distinct values is a number", "4 of its distinct values are numbers" */
    private String numbersOfIt() {
        return numbers + " of its distinct values " + (numbers == 1 ? "is a number" : "are numbers");
    }

    /**
     * @return whether {@link #advice} suggests its texts as a missing marker: they are neither numbers no double
     *     holds, nor formatted numbers, nor Java's own number forms
     */
    boolean suggestsMissingMarker() {
        return !markerCandidates().isEmpty();
    }

    /**
     * @return the texts that may mark a missing cell: those that are not numbers in another form (beyond a double,
     *     formatted, Java's own forms, a hexadecimal integer such as {@code 0x1F}) and hold no digit, in order
     */
    List<String> markerCandidates() {
        // pandas' nan (df.astype(str)) is a gap, and a marker Tribuo's reader leaves alone: only NaN is Java's number
        return texts.stream().filter(t -> !isNumberInAnotherForm(t) && (!hasDigit(t) || isGap(t)) || isPandasNan(t))
                .toList();
    }

    private static boolean isPandasNan(String text) {
        return text.strip().equalsIgnoreCase("nan") && !TableReader.parsesAsDouble(text.strip());
    }

    /**
     * @return the texts that hold a digit but are no number in any form: mistyped numbers ({@code 4o}, {@code 1.2.3}),
     *     which were offered as a missing marker (a fresh user, 5 Dec)
     */
    List<String> mistypedNumbers() {
        // not Excel's #DIV/0!, a gap whose 0 made it "mistyped" (a fresh user, 6 Dec)
        // but for codes such as a floor's B1 (a re-check, 7 Dec)
        return texts.stream().filter(t -> !isNumberInAnotherForm(t) && hasDigit(t) && !isGap(t)
                        && !(codesAreValues && isLetterCode(t)))
                .toList();
    }

    /** @return whether the text is a code of capitals then digits ({@code B1}, {@code A12}): no mistyped number */
    private static boolean isLetterCode(String text) {
        return text.strip().matches("\\p{Lu}{1,3}\\d{1,3}");
    }

    /**
     * @return the texts that are neither a usual missing-cell spelling nor a number in another form nor mistyped:
     *     words and codes ({@code G}, {@code PH}, {@code B1}, {@code one size}) that may be values of their own,
     *     which the note offered as a missing marker without a word that they may not be one (a re-check, 7 Dec)
     */
    List<String> possibleValues() {
        List<String> mistyped = mistypedNumbers();
        return texts.stream().filter(t -> !isGap(t) && !isPandasNan(t) && !isNumberInAnotherForm(t)
                && !mistyped.contains(t)).toList();
    }

    private static boolean hasDigit(String text) {
        return text.chars().anyMatch(Character::isDigit);
    }

    private static boolean isNumberInAnotherForm(String text) {
        return !isPandasNan(text) && isNumberNoDoubleHolds(text) || isFormattedNumber(text) || isJavaNumber(text)
                || text.strip().matches("(?i)[+-]?0x[0-9a-f]+");
    }

    /** @return whether the text is an IPv4 address: four dot-separated parts of 0–255 (a re-check, 6 Dec) */
    private static boolean isIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        return parts.length == 4 && java.util.Arrays.stream(parts).allMatch(p -> p.matches("\\d{1,3}")
                && Integer.parseInt(p) <= 255);
    }

    /** @return 'a', 'b', each shown escaped where a reader cannot see it */
    private static String quotedList(List<String> values) {
        return "'" + String.join("', '", values.stream().map(ColumnAdvice::shown).toList()) + "'";
    }

    /**
     * @return whether the text is a gap a spreadsheet or program writes in a column of numbers: a missing spelling
     *     ({@link #isMissingSpelling}), an Excel error ({@code #DIV/0!}, {@code #VALUE!}, {@code #REF!}), or an
     *     accounting zero ({@code $ -})
     */
    static boolean isGap(String text) {
        String t = text.strip();
        return isMissingSpelling(t) || t.matches("#[A-Z][A-Z/0]*[!?]|#N/A|#NULL!") || t.matches("\\p{Sc}\\s*-+");
    }

    /** How programs and people write a missing cell, lower-cased: R's and pandas' NA, SQL's NULL, Excel's #N/A. */
    private static final java.util.Set<String> MISSING_SPELLINGS = java.util.Set.of("na", "n/a", "#n/a", "null",
            "none", "nil", "missing", "-", "--", ".", "unknown", "n.a.", "n.a", "not available", "\u2014", "\u2013",
            "unk");

    /** How programs write a missing cell, lower-cased: Weka's ?, R's NA, SQL's NULL, pandas' NaN and NA, Excel's. */
    private static final java.util.Set<String> PROGRAM_GAPS = java.util.Set.of("?", "na", "n/a", "#n/a", "null",
            "nan", "nil", "<na>", "#null!");

    /**
     * @param text a cell's text
     * @return whether it is how a program writes a missing cell ({@link #PROGRAM_GAPS}), whatever its case; not words
     *     such as {@code none} or {@code unknown}, which may be categories
     */
    static boolean isProgramGap(String text) {
        return PROGRAM_GAPS.contains(text.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** @return whether the text is one of {@link #MISSING_SPELLINGS}, whatever its case */
    static boolean isMissingSpelling(String text) {
        return MISSING_SPELLINGS.contains(text.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /** @return whether Java's {@code Double.parseDouble} (Tribuo's reading) takes the text as a finite number */
    private static boolean isJavaNumber(String text) {
        return TableReader.parsesAsDouble(text) && !isNumberNoDoubleHolds(text);
    }

    /**
     * A spreadsheet's ways of keeping a number as text: a leading apostrophe ({@code '47.0}) and Excel's formula
     * {@code ="00150"}; both were read as categories without a note (a fresh user, 7 Dec).
     */
    private static final java.util.regex.Pattern SPREADSHEET_TEXT = java.util.regex.Pattern.compile(
            "^\\s*(?:'(?=[+-]?[\\d.])|=\"(?=.*\"\\s*$))");

    /** @return whether the text is a number a spreadsheet kept as text: {@code '47.0} or {@code ="00150"} */
    static boolean isSpreadsheetText(String text) {
        return SPREADSHEET_TEXT.matcher(text).find() && isFormattedNumber(text);
    }

    /**
     * An uncertainty after a number, as labs and papers write it: {@code ± 0.5}, {@code +/- 0.5}, {@code +- 0.5},
     * {@code (±0.5)}; only {@code ±} was named (a re-check, 7 Dec).
     */
    private static final java.util.regex.Pattern UNCERTAINTY = java.util.regex.Pattern.compile(
            "(?<=\\d)\\s*\\(?\\s*(?:±|\\+/-|\\+-)\\s*[\\d.]+\\s*\\)?\\s*\\p{L}{0,5}\\s*$");

    /**
     * What spreadsheets add to a number: commas, a percent sign, currency signs, spaces (the no-break ones French
     * and other locales group thousands with too), an accounting negative's parentheses, a ± uncertainty, a
     * spreadsheet's text forms.
     */
    private static final java.util.regex.Pattern FORMATTING = java.util.regex.Pattern.compile(
            "[,%\\p{Sc}\\s\u00A0\u202F()_\u2010-\u2013\u2212\uFF10-\uFF19±]|[\\p{Nd}&&[^0-9]]|\\d-$"
                    + "|\\d['\u2019]\\d{3}(?!\\d)|" + SPREADSHEET_TEXT.pattern() + "|" + UNCERTAINTY.pattern());


    /** The longest text taken for a formatted number: {@code CHF -1'234'567'890.123456 ± 0.000005 mm} is 40. */
    private static final int LONGEST_FORMATTED = 64;

    /** Currency codes (ISO 4217) written before or after an amount: {@code CHF 2'500.00}, {@code 2,500.00 USD}. */
    private static final String CURRENCY_CODES = "(?:USD|EUR|GBP|CHF|JPY|CNY|INR|BRL|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK"
            + "|HUF|RUB|KRW|MXN|ZAR|TRY|HKD|SGD)";

    /**
     * @param text a category's text
     * @return whether it is a number with spreadsheet formatting: {@code 1,169} or {@code 1 169} (thousands
     *     separator, a no-break space too, or Python's {@code 1_169}), {@code 3,5} (decimal comma), {@code 12%},
     *     {@code $5}, {@code (1169)}
     */
    static boolean isFormattedNumber(String text) {
        if (text.length() > LONGEST_FORMATTED) {
            return false; // 120 free-text cells of 140 kB took 40 s of these patterns (a fresh user, 7 Dec)
        }
        // 1.234.567: dots grouping a million's thousands, which no other rule names once a column reaches a million
        // (a column of them was called an identifier to remove: a fresh user, 6 Dec)
        return (FORMATTING.matcher(text).find() || text.strip().matches("[+-]?\\d{1,3}(\\.\\d{3}){2,}")
                && !isIpv4(text.strip()))
                && !plain(text).isEmpty()
                && TableReader.isDecimal(plain(text)) && !text.strip().startsWith(",");
    }

    /**
     * @return the text without its formatting, a lone comma read as a thousands separator when 3 digits follow it, an
     *     accounting negative {@code (1169)} as {@code -1169}, a trailing minus {@code 800.25-} as {@code -800.25},
     *     dots that group thousands before a decimal comma ({@code 1.200,50}) as {@code 1200.50}; currency signs of
     *     any kind, currency codes ({@code CHF}, {@code USD}) and apostrophes that group thousands ({@code 2'500})
     *     dropped
     */
    private static String plain(String text) {
        // a spreadsheet's text forms ('47.0, ="00150") and a ± uncertainty (17.3 ± 0.5: the value before it)
        String bare = asciiDigits(text).strip().replaceFirst("^=\"(.*)\"$", "$1").replaceFirst("^'", "")
                .replaceFirst(UNCERTAINTY.pattern(), "").replaceFirst("\\s*±.*$", "")
                .replaceFirst("^" + CURRENCY_CODES + "(?=[\\s\u00A0]|\\p{Sc})", "")
                .replaceFirst("(?<=[\\d\\s\u00A0])" + CURRENCY_CODES + "$", "")
                .replaceFirst("^[A-Z]{1,2}(?=\\p{Sc})", "") // R$ (Brazil), US$, A$
                .replaceAll("[%\\p{Sc}\\s\u00A0\u202F_]|['\u2019](?=\\d{3}(?!\\d))", "");
        if (bare.matches("\\([^()]+\\)")) {
            bare = "-" + bare.substring(1, bare.length() - 1);
        }
        if (bare.matches("[\\d.,]*\\d-")) {
            bare = "-" + bare.substring(0, bare.length() - 1); // SAP's and mainframes' trailing minus: 800.25-
        }
        if (bare.matches("[+-]?\\d{1,3}(\\.\\d{3})+,\\d+|[+-]?\\d{1,3}(\\.\\d{3}){2,}")) {
            // dots group the thousands, a comma is the decimal point (German, Brazilian): 1.200,50 is 1200.50, which
            // the advice called 1.20050 (a fresh user, 6 Dec)
            return bare.replace(".", "").replace(',', '.');
        }
        // a comma before an exponent or after a lone 0 is a decimal comma: 1,20E-03 and 0,125 (German Excel) were
        // to be written 120E-03 and 0125 (a fresh user, 6 Dec)
        boolean decimalComma = bare.matches("[+-]?\\d+,\\d+") && !bare.matches("[+-]?\\d{1,3},\\d{3}")
                || bare.matches("[+-]?\\d+,\\d+[eE][+-]?\\d+|[+-]?0,\\d+");
        return decimalComma ? bare.replace(',', '.') : bare.replace(",", "");
    }

    /**
     * @param text a cell's text
     * @return the text in NFKC form with every decimal digit of another script as its ASCII digit and the Unicode
     *     minus sign as '-': fullwidth digits (Japanese exports), Arabic-Indic and Persian digits (a fresh user's
     *     column of {@code ٤٢} was 90 categories without a note, 6 Dec), the minus of Excel in Nordic locales
     */
    static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder();
        java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).codePoints().forEach(c -> {
            int digit = Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER ? Character.digit(c, 10) : -1;
            // the Arabic decimal and thousands separators as a point and a comma (٣٫٥: a re-check, 6 Dec)
            // the dashes Word's autocorrect puts before a number (-1 as –1: a fresh user, 7 Dec) read as its minus
            boolean dash = c == '\u2212' || c >= '\u2010' && c <= '\u2013';
            out.appendCodePoint(dash ? '-' : c == '\u066B' ? '.' : c == '\u066C' ? ',' : digit >= 0 ? '0' + digit : c);
        });
        return out.toString();
    }

    /**
     * @param text a number no finite double holds ({@link #isNumberNoDoubleHolds})
     * @return why, for that text: the note listed three reasons for every such cell, and the user had to guess
     *     which (a fresh user, 5 Dec)
     */
    private static String whyNoDouble(String text) {
        if (text.strip().matches("(?i)[+-]?(inf|infinity|nan)")) {
            return "not finite";
        }
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? "beyond a double's range (about ±1.8e308)" : Double.isNaN(value)
                ? "not finite" : "closer to 0 than any double (about 4.9e-324)";
    }

    /** @return "'inf', '-inf' are not finite; '1e400' is beyond a double's range (…)": the texts grouped by reason */
    private static String byReason(List<String> texts) {
        java.util.Map<String, List<String>> grouped = new java.util.LinkedHashMap<>();
        texts.forEach(t -> grouped.computeIfAbsent(whyNoDouble(t), r -> new ArrayList<>()).add(t));
        List<String> parts = new ArrayList<>();
        grouped.forEach((reason, group) -> parts.add("'" + String.join("', '", group) + "'"
                + (group.size() == 1 ? " is " : " are ") + reason));
        return String.join("; ", parts);
    }

    /**
     * @param text a category's text
     * @return whether it is written as a number that no finite double holds ({@code 1e400}, {@code Infinity},
     *     {@code NaN}, {@code 1e-400}, which Java reads as 0): a value the writer meant as a number, never as a
     *     category
     */
    static boolean isNumberNoDoubleHolds(String text) {
        if (text.strip().matches("(?i)[+-]?(inf|infinity|nan)")) {
            return true; // inf, -inf and nan as other programs write them; Java reads only Infinity and NaN
        }
        try {
            Double.parseDouble(text);
            return Double.isNaN(TableReader.parse(text)); // not finite, or closer to 0 than any double (1e-400)
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * @param schema a table's schema, as inferred by {@link TableReader}
     * @return its categorical columns with at most {@value #MOST_TEXTS} distinct values that are not finite numbers
     *     and either at least {@value #FEWEST_NUMBERS} distinct numeric values, or at least one where every other
     *     value is a number no double holds ({@code 1e400}, {@code -Infinity}, {@code NaN}) or a usual spelling of a
     *     missing cell ({@code NA}, {@code NULL}, {@code #N/A}, {@code -}); and those whose every
     *     value that is not a number is a formatted one ({@code 1,169}, {@code 3,5}, {@code 12%}, {@code $5}); in
     *     column order
     */
    public static List<NumberLikeColumn> find(TableSchema schema) {
        List<NumberLikeColumn> found = new ArrayList<>();
        for (TableColumn column : schema.columns()) {
            if (column.kind() != ColumnKind.CATEGORICAL) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            int numbers = 0;
            for (String category : column.categories()) {
                if (Double.isNaN(TableReader.decimalNumber(category))) {
                    texts.add(category);
                } else {
                    numbers++;
                }
            }
            // beside whole numbers only: one B1 among 400 amounts made a column of row ids to remove (a re-check)
            boolean codesAreValues = column.categories().stream().mapToDouble(TableReader::decimalNumber)
                    .filter(v -> !Double.isNaN(v)).allMatch(v -> v == Math.rint(v));
            if (codesAreValues && texts.stream().allMatch(NumberLikeColumn::isLetterCode)) {
                continue; // floors B1, B2 beside 1 to 14: codes, no number mistyped (a re-check, 7 Dec)
            }
            List<String> notGaps = texts.stream().filter(t -> !isGap(t)).toList();
            if (numbers >= FEWEST_NUMBERS && !notGaps.isEmpty() && notGaps.stream().allMatch(
                    AnnotatedNumberColumn::isAnnotated)
                    && !notGaps.stream().allMatch(NumberLikeColumn::isFormattedNumber)) {
                continue; // 10.5 (0.5), 12k: AnnotatedNumberColumn's note; three of them were "mistyped?" (7 Dec)
            }
            List<String> gaps = texts.stream().filter(NumberLikeColumn::isGap).toList();
            List<String> formed = texts.stream().filter(t -> !isGap(t)).toList();
            List<String> formatted = formed.stream().filter(NumberLikeColumn::isFormattedNumber).toList();
            // words beside formatted numbers ($46.16 and TBD) hid the note (a fresh user, 7 Dec): a few are named
            List<String> words = formed.stream().filter(t -> !isFormattedNumber(t)).toList();
            boolean formattedWithFewWords = !formatted.isEmpty() && words.stream().noneMatch(NumberLikeColumn::hasDigit)
                    && (words.isEmpty() || gaps.size() + words.size() <= MOST_TEXTS
                    && formatted.size() + numbers >= Math.max(FEWEST_NUMBERS, MOSTLY * (gaps.size() + words.size())));
            if (!formed.isEmpty() && gaps.size() <= MOST_TEXTS && (formattedWithFewWords
                    || formed.size() >= FEWEST_NUMBERS && numbers < FEWEST_NUMBERS && unitOf(formed) != null)) {
                // every text is a formatted number (or one with a unit), however many, but for a few gap spellings
                // (N/A, #DIV/0!, which hid the note: a fresh user, 6 Dec): name the column with three of them
                List<String> shown = new ArrayList<>(formattedWithFewWords ? formatted.subList(0, Math.min(MOST_TEXTS,
                        formatted.size())) : formed.subList(0, Math.min(MOST_TEXTS, formed.size())));
                shown.addAll(formattedWithFewWords ? words : List.of());
                shown.addAll(gaps);
                found.add(new NumberLikeColumn(column.name(), numbers, shown, 0, true));
                continue;
            }
            // more texts than that among many more numbers: censored values (<0.5, >300) or mistyped numbers hid the
            // note, and 160 numbers became categories without a word (a fresh user, 5 Dec)
            // words too: NA, NULL, -, missing and n/a typed by hand in a column of 254 numbers made 258 categories
            // without a word (a fresh user, 6 Dec)
            // but codes mixing letters and digits (floors G, B1, B2, PH) are no gaps (a re-check, 6 Dec)
            // and gaps among mistyped numbers (#DIV/0! beside #VALUE!, NA beside 3o.1: a fresh user, 7 Dec)
            boolean mostlyNumbers = numbers >= MOSTLY * texts.size() && (texts.stream().allMatch(t -> isCensored(t)
                    || hasDigit(t) || isGap(t)) || texts.stream().noneMatch(NumberLikeColumn::hasDigit)
                    && texts.stream().anyMatch(NumberLikeColumn::isGap));
            if (!texts.isEmpty() && texts.size() > MOST_TEXTS && numbers >= FEWEST_NUMBERS && mostlyNumbers) {
                found.add(new NumberLikeColumn(column.name(), numbers, texts.subList(0, MOST_TEXTS),
                        texts.size() - MOST_TEXTS, codesAreValues
                        || texts.stream().noneMatch(NumberLikeColumn::isLetterCode)));
                continue;
            }
            boolean fewTexts = !texts.isEmpty() && texts.size() <= MOST_TEXTS;
            boolean onlyUnreadableNumbers = texts.stream().allMatch(NumberLikeColumn::isNumberNoDoubleHolds);
            // a count or a flag (0-3 children, 0/1) has few numbers, but NA beside them is still a missing cell
            boolean onlyMissingSpellings = texts.stream().allMatch(NumberLikeColumn::isMissingSpelling);
            if (fewTexts && (numbers >= FEWEST_NUMBERS
                    || numbers > 0 && (onlyUnreadableNumbers || onlyMissingSpellings))) {
                found.add(new NumberLikeColumn(column.name(), numbers, texts, 0,
                        codesAreValues || texts.stream().noneMatch(NumberLikeColumn::isLetterCode)));
            }
        }
        return found;
    }
}

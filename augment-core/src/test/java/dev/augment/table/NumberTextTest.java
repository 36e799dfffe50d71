package dev.augment.table;

import dev.augment.errors.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers written in ways a program's output really has: binary noise from a double's sum
 * ({@code 0.30000000000000004}) must not give a column 12 decimals (it would go unrounded in the generator), and a
 * number no double holds ({@code 1e400}) in a column of a few numbers must not turn it into categories without a word.
 */
class NumberTextTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"1.50, 2", "1e-3, 3", "12, 0", "1.2E+3, 0", "0.30000000000000004, 1", "0.1234567890123, 12",
            "1234567890.1234567, 5", "-2.0000000000000004, 0", "100000000000000000001, 0", "3.360000e+01, 1",
            "1.50E+00, 1", "' 2.25 ', 2"})
    void decimalsCountTheDigitsADoubleHolds(String cell, int decimals) {
        assertEquals(decimals, TableReader.decimals(cell), cell);
    }

    @Test
    void javaOnlyNumberFormsAreTextToInferenceButReadWhenTheColumnIsForcedNumeric() {
        Path csv = TableFiles.write(dir, "suffix.csv", "days,x,y\n3d,1,a\n7d,2,a\n10d,0x1p3,b\n14D,4,b\n");

        Table inferred = TableReader.read(csv, "y");
        assertEquals(ColumnKind.CATEGORICAL, inferred.schema().columns().get(0).kind(), "3d is a text");
        assertEquals(List.of("10d", "14D", "3d", "7d"), inferred.schema().columns().get(0).categories());
        assertEquals(ColumnKind.CATEGORICAL, inferred.schema().columns().get(1).kind(), "0x1p3 is no 8");
        assertEquals(List.of(), NumberLikeColumn.find(inferred.schema()), "three numbers: read as codes");

        Table forced = TableReader.read(csv, "y", Map.of("days", ColumnKind.NUMERIC));
        assertEquals(14, forced.numeric()[3][0], "forced numeric reads them as Tribuo's DoubleFieldProcessor does");
    }

    @Test
    void oneJavaNumberFormAmongDecimalsIsNamedWithoutSuggestingItAsAMissingMarker() {
        String advice = onlyNumberLike("one-3d.csv",
                "x,y\n1.5,a\n2.5,a\n3d,b\n4.5,b\n5.5,a\n6.5,b\n7.5,a\n8.5,b\n9.5,a\n10.5,b\n").advice();
        assertTrue(advice.contains("'3d' is a number only in Java's own forms"), advice);
        assertFalse(advice.contains("missing marker"), "a number cannot be the missing marker: " + advice);
    }

    /** numpy's nan was told it "cannot be the missing marker", though only Java's NaN is a number (7 Dec). */
    @Test
    void aLowerCaseNanIsOfferedAsTheMissingMarkerButJavasNaNIsNot() {
        String rows = "x,y\n1.5,a\n2.5,a\n3.5,b\n4.5,b\n5.5,a\n6.5,b\n7.5,a\n8.5,b\n9.5,a\n";
        String numpy = onlyNumberLike("nan.csv", rows + "nan,b\n").advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(numpy.endsWith("; if 'nan' marks a missing cell, give --missing nan"), numpy);
        String java = onlyNumberLike("java-nan.csv", rows + "NaN,b\n").advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(java.endsWith("(Tribuo's CSV reader reads NaN as a number, so it cannot be the missing marker)"),
                java);
    }

    @Test
    void aColumnWithOneNoisySumKeepsTheDecimalsOfItsOtherCells() {
        Table table = TableReader.read(TableFiles.write(dir, "noise.csv",
                "x,y\n0.1,a\n0.2,a\n0.30000000000000004,b\n0.7,b\n"), "y");

        TableColumn x = table.schema().columns().get(0);
        assertEquals(ColumnKind.NUMERIC, x.kind());
        assertEquals(1, x.decimals(), "before, the noisy cell gave 12 decimals and the generator did not round");
        assertEquals(0.30000000000000004, table.numeric()[2][0], "the data's own value is kept as Tribuo reads it");
    }

    /** pandas' 4965.0 for a whole column with a gap made a generator write 4960.6 (a fresh user, 5 Dec). */
    @Test
    void aColumnOfWholeNumbersWrittenWithPointZeroHasNoDecimals() {
        Table table = TableReader.read(TableFiles.write(dir, "pandas.csv",
                "amount,share,y\n4965.0,0.50,a\n103.0,1.25,a\n,2.00,b\n2500.00,3.0,b\n"), "y");
        assertEquals(0, table.schema().columns().get(0).decimals(), "every amount is whole");
        assertEquals(2, table.schema().columns().get(1).decimals(), "1.25 has a fraction: 2 places, as written");
    }

    @Test
    void aNumberBeyondADoubleInAColumnOfFewNumbersIsNamed() {
        Table table = TableReader.read(TableFiles.write(dir, "big.csv",
                "x,code,y\n1,1,a\n2,2,a\n1e400,x,b\n3,3,b\n"), "y");

        assertEquals(ColumnKind.CATEGORICAL, table.schema().columns().get(0).kind());
        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(List.of(new NumberLikeColumn("x", 3, List.of("1e400"))), found,
                "a text category among three codes is not named; a number beyond a double's range is");
        String advice = found.get(0).advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(advice.contains("'1e400' is beyond a double's range (about ±1.8e308). Correct the cell") && advice.contains("--numeric x")
                && !advice.contains("--missing"), advice);
    }

    @Test
    void readAsNumericTheCellBeyondADoubleIsRefusedByLine() {
        Path csv = TableFiles.write(dir, "big.csv", "x,y\n1,a\n2,a\n-1e400,b\n3,b\n");

        InvalidDataException thrown = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, "y", Map.of("x", ColumnKind.NUMERIC)));
        assertTrue(thrown.getMessage().contains("line 4 holds '-1e400', which is beyond a double's range"),
                thrown.getMessage());
    }

    @Test
    void aNumberCloserToZeroThanAnyDoubleIsNotReadAsZero() {
        // Java (and Tribuo) read 1e-400 as 0: a number column would hold a 0 the file never wrote
        Table table = TableReader.read(TableFiles.write(dir, "tiny.csv",
                "x,code,y\n1,1,a\n2,2,a\n1e-400,x,b\n3,3,b\n"), "y");
        assertEquals(ColumnKind.CATEGORICAL, table.schema().columns().get(0).kind());
        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(List.of(new NumberLikeColumn("x", 3, List.of("1e-400"))), found);
        assertTrue(found.get(0).advice().contains("'1e-400' is closer to 0 than any double"), found.get(0).advice());

        InvalidDataException thrown = assertThrows(InvalidDataException.class, () -> TableReader.read(
                TableFiles.write(dir, "tiny2.csv", "x,y\n1,a\n2,a\n-2.5E-400,b\n3,b\n"), "y",
                Map.of("x", ColumnKind.NUMERIC)));
        assertTrue(thrown.getMessage().contains("line 4 holds '-2.5E-400', which is closer to 0 than any double"),
                thrown.getMessage());

        Table zeros = TableReader.read(TableFiles.write(dir, "zeros.csv", "x,y\n0e-400,a\n0.000,a\n4.9e-324,b\n3,b\n"),
                "y");
        assertEquals(ColumnKind.NUMERIC, zeros.schema().columns().get(0).kind(), "zeros and the least double stay");
        assertEquals(4.9e-324, zeros.numeric()[2][0]);
    }

    @Test
    void noBreakSpaceSeparatorsAccountingNegativesAndInfAreNamed() {
        NumberLikeColumn spaced = onlyNumberLike("nbsp.csv",
                "amount,y\n1\u00A0007,a\n5\u202F951,a\n2\u00A0096,b\n7\u00A0882,b\n250,b\n");
        assertTrue(spaced.advice().endsWith("e.g. 1007)"), spaced.advice());
        NumberLikeColumn accounting = onlyNumberLike("acc.csv",
                "amount,y\n(1169),a\n5951,a\n(2096),b\n7882,b\n250,b\n");
        assertTrue(accounting.advice().contains("accounting parentheses") && accounting.advice().endsWith("e.g. -1169)"),
                accounting.advice());
        NumberLikeColumn python = onlyNumberLike("py.csv", "n,y\n1_000,a\n2_500,a\n3_000,b\n7_882,b\n250,b\n");
        assertTrue(python.advice().endsWith("e.g. 1000)") && !python.advice().contains("--missing"), python.advice());
        NumberLikeColumn inf = onlyNumberLike("inf.csv", "x,y\n1,a\n2,a\ninf,b\n-inf,b\nInfinity,b\n");
        assertTrue(inf.advice().contains("'-inf', 'Infinity', 'inf' are not finite. Correct"),
                inf.advice());
        assertEquals(List.of(), NumberLikeColumn.find(TableReader.read(TableFiles.write(dir, "words.csv",
                "x,y\n(A),a\n(B),a\nC,b\nD,b\n"), "y").schema()), "parenthesised words are no numbers");
    }

    @Test
    void numbersWithThousandsSeparatorsAreNamedHoweverManyTheyAre() {
        NumberLikeColumn found = onlyNumberLike("amounts.csv",
                "amount,y\n\"1,169\",a\n\"5,951\",a\n\"2,096\",b\n\"7,882\",b\n250,b\n");
        assertEquals(3, found.texts().size());
        assertTrue(found.advice().startsWith("column 'amount' is read as categories because values such as '1,169'")
                && found.advice().endsWith("a decimal comma made a point, e.g. 1169)"), found.advice());
    }

    @Test
    void percentagesCurrencyAndDecimalCommasAreNamedAndTextIsNot() {
        Table table = TableReader.read(TableFiles.write(dir, "formatted.csv", "rate,price,weight,city,y\n"
                + "12%,$5,\"3,5\",Oslo,a\n7%,$12.50,\"4,25\",Rome,a\n3%,$7,\"2,0\",Oslo,b\n9%,$1,\"1,75\",Rome,b\n"), "y");

        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(List.of("rate", "price", "weight"), found.stream().map(NumberLikeColumn::column).toList(),
                "city holds words, not numbers");
        assertTrue(found.get(2).advice().endsWith("e.g. 1.75)"), "a decimal comma becomes a point: "
                + found.get(2).advice());
    }

    /**
     * German and Brazilian grouping (1.200,50 was to be written 1.20050), Swiss apostrophes, currency codes, currency
     * signs beyond $ € £ ¥ and SAP's trailing minus were categories without a word, or "mistyped" (a fresh user,
     * 6 Dec).
     */
    @Test
    void numbersOfMoreLocalesAndExportsAreNamedWithTheirPlainForm() {
        java.util.Map<String, String> plainOf = new java.util.LinkedHashMap<>();
        plainOf.put("\"1.200,50\"", "1200.50");
        plainOf.put("2'500.00", "2500.00");
        plainOf.put("2\u2019500.00", "2500.00");
        plainOf.put("CHF 2'500.00", "2500.00");
        plainOf.put("EUR 2500.00", "2500.00");
        plainOf.put("\"2,500.00 USD\"", "2500.00");
        plainOf.put("\u20B92500.00", "2500.00");
        plainOf.put("\"R$ 2.500,00\"", "2500.00");
        plainOf.put("800.25-", "-800.25");
        plainOf.put("1.234.567", "1234567");
        plainOf.put("\"1,25E-03\"", "1.25E-03");
        plainOf.put("\"0,125\"", "0.125");
        int n = 0;
        for (java.util.Map.Entry<String, String> e : plainOf.entrySet()) {
            String other = e.getKey().replace("5", "7");
            NumberLikeColumn found = onlyNumberLike("locale" + n++ + ".csv", "amount,y\n" + e.getKey() + ",a\n"
                    + other + ",a\n" + e.getKey() + ",b\n" + other + ",b\n");
            assertTrue(found.advice().contains("are numbers written with") && found.advice().endsWith("e.g. "
                    + e.getValue() + ")"), e.getKey() + ": " + found.advice());
        }
    }

    /**
     * Currency and percent columns that also hold a gap spelling (N/A, #DIV/0!), and numbers with a unit beside NA,
     * got no note; nor did a column of many numbers with four or more typed gaps (a fresh user, 6 Dec).
     */
    @Test
    void formattedNumbersBesideGapsAndManyTypedGapsAreNamed() {
        StringBuilder csv = new StringBuilder("revenue,share,weight,hours,y\n");
        String[] words = {"n/a", "unknown", "see notes", "varies"};
        String[] gaps = {"NA", "NULL", "-", "missing", "n/a"};
        for (int i = 0; i < 60; i++) {
            csv.append(i % 10 == 0 ? "N/A" : "\"$" + (1 + i % 7) + ",200.50\"").append(',')
                    .append(i % 15 == 0 ? "#DIV/0!" : (i % 9) + "%").append(',')
                    .append(i % 12 == 0 ? "NA" : (60 + i % 6) + " kg").append(',')
                    .append(i % 12 == 1 ? words[i / 12 % 4] : i % 12 == 2 ? gaps[i / 12 % 5] : String.valueOf(i))
                    .append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<NumberLikeColumn> found = NumberLikeColumn.find(TableReader.read(TableFiles.write(dir, "gaps.csv",
                csv.toString()), "y").schema());
        assertEquals(List.of("revenue", "share", "weight", "hours"), found.stream().map(NumberLikeColumn::column)
                .toList());
        String revenue = found.get(0).advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(revenue.contains("are numbers written with") && revenue.contains("; 'N/A' looks like a missing "
                + "cell: write it as an empty cell, or give it as the missing marker (--missing N/A)"), revenue);
        assertTrue(found.get(1).advice(ColumnRemedies.COMMAND_LINE).contains("'#DIV/0!' looks like a missing cell"),
                found.get(1).advice(ColumnRemedies.COMMAND_LINE));
        assertTrue(found.get(2).advice(ColumnRemedies.COMMAND_LINE).contains("numbers with a unit ('kg')"),
                found.get(2).advice(ColumnRemedies.COMMAND_LINE));
        assertTrue(found.get(3).advice(ColumnRemedies.COMMAND_LINE).contains("give it as the missing marker"),
                found.get(3).advice(ColumnRemedies.COMMAND_LINE));
    }

    /**
     * IPv4 addresses were called German-grouped numbers, "e.g. 192168100106", minutes'seconds (1'23) Swiss-grouped, and
     * floors G, B1, B2 beside numbers typed gaps (a re-check, 6 Dec).
     */
    @Test
    void ipAddressesTimesAndCodesAreNoFormattedNumbers() {
        assertTrue(NumberLikeColumn.isFormattedNumber("1.234.567") && NumberLikeColumn.isFormattedNumber("2'500.00"));
        assertFalse(NumberLikeColumn.isFormattedNumber("192.168.100.106"));
        assertFalse(NumberLikeColumn.isFormattedNumber("1'23"));
        StringBuilder floors = new StringBuilder("floor,y\n");
        String[] codes = {"G", "B1", "B2", "PH", "LG"};
        for (int i = 0; i < 60; i++) {
            floors.append(i % 6 == 0 ? codes[i / 6 % 5] : String.valueOf(1 + i % 30)).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        assertEquals(List.of(), NumberLikeColumn.find(TableReader.read(TableFiles.write(dir, "floors.csv",
                floors.toString()), "y").schema()));
    }

    /**
     * Floors G, B1 and PH beside 1 to 14, and shoe sizes with {@code one size}: B1 was "mistyped", and a closing line
     * said flatly that G, PH and {@code one size} spell a missing cell; a user giving {@code --missing G} loses every
     * ground floor (a re-check, 7 Dec). They are offered as values of their own too, and letter codes alone get no
     * note.
     */
    @Test
    void codesAndWordsAmongNumbersAreOfferedAsValuesOfTheirOwn() {
        StringBuilder csv = new StringBuilder("floor,shoe,y\n");
        String[] floors = {"G", "B1", "PH"};
        for (int r = 0; r < 60; r++) {
            csv.append(r % 5 == 0 ? floors[r / 5 % 3] : String.valueOf(1 + r % 14)).append(',')
                    .append(r % 7 == 0 ? "one size" : String.valueOf(8 + r % 9 * 0.5)).append(',')
                    .append(r % 2 == 0 ? "a" : "b").append('\n');
        }
        Table table = TableReader.read(TableFiles.write(dir, "floors.csv", csv.toString()), "y");
        List<String> lines = ColumnAdvice.lines(table, ColumnRemedies.COMMAND_LINE);
        assertEquals(2, lines.size(), "one note per column, no closing line on missing spellings: " + lines);
        assertTrue(lines.get(0).contains("if 'B1', 'G', 'PH' are values of their own (a code such as a floor's G or "
                + "B1, a size), categories are right"), lines.get(0));
        assertFalse(lines.get(0).contains("mistyped") || lines.get(0).contains("in a form Tribuo does not read"),
                lines.get(0));
        assertTrue(lines.get(1).contains("if 'one size' is a value of its own"), lines.get(1));

        // B1 and B2 alone beside the numbers: codes, no note
        String codes = csv.toString().replace("G,", "B2,").replace("PH,", "B2,");
        assertEquals(List.of("shoe"), NumberLikeColumn.find(TableReader.read(TableFiles.write(dir, "b.csv", codes),
                "y").schema()).stream().map(NumberLikeColumn::column).toList());

        // one lower-case code among 400 amounts is a typo to name, not a code that makes the column one of row ids
        // (a re-check, 7 Dec, of a rule that took b1 for a floor's code)
        StringBuilder amounts = new StringBuilder("amount,y\n");
        for (int r = 0; r < 400; r++) {
            amounts.append(r == 7 ? "b1" : String.format(java.util.Locale.ROOT, "%d.%02d", 10 + r, r % 97)).append(',')
                    .append(r % 2 == 0 ? "a" : "b").append('\n');
        }
        assertTrue(ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "amounts.csv", amounts.toString()), "y"),
                ColumnRemedies.COMMAND_LINE).get(0).contains("'b1' holds digits but is no number (mistyped?)"),
                amounts.toString().substring(0, 40));
        // nor one upper-case B1 (a re-check, 7 Dec): it was a column of row ids to remove
        List<String> upper = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "upper.csv",
                amounts.toString().replace("b1,", "B1,")), "y"), ColumnRemedies.COMMAND_LINE);
        assertTrue(upper.get(0).contains("'B1' holds digits but is no number (mistyped?)")
                && upper.stream().noneMatch(l -> l.contains("identifies rows")), upper.toString());

        // unknown, n.a. and a dash are usual gap spellings too: they were left out of the closing line (7 Dec)
        String words = csv.toString().replace("G,", "NA,").replace("B1,", "NA,").replace("PH,", "NA,")
                .replace("one size", "unknown");
        assertTrue(ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "words.csv", words), "y"),
                ColumnRemedies.COMMAND_LINE).stream().anyMatch(l -> l.contains("spell a missing cell in 2 ways "
                + "('NA', 'unknown')")), words);
        // the usual gap spellings in two columns keep the closing line
        String gaps = csv.toString().replace("G,", "NA,").replace("B1,", "NA,").replace("PH,", "NA,")
                .replace("one size", "NULL");
        assertTrue(ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "gaps.csv", gaps), "y"),
                ColumnRemedies.COMMAND_LINE).stream().anyMatch(l -> l.contains("spell a missing cell in 2 ways "
                + "('NA', 'NULL')")), gaps);
    }

    /**
     * Numbers a spreadsheet kept as text, with a leading apostrophe ({@code '47.0}) or as Excel's formula
     * {@code ="00150"}, and numbers with a ± uncertainty were read as categories without a note (a fresh user, 7 Dec).
     */
    @Test
    void numbersKeptAsTextOrWithAnUncertaintyAreNamed() {
        // each form of the number 10 + i, and the plain number the advice gives for its first cell
        // +/-, +- and (±0.5) were read as categories without a note (a re-check, 7 Dec)
        Map<String, String> forms = Map.of("'%d.5", "10.5", "%d.3 ± 0.5", "10.3",
                "%d.2+/-0.5", "10.2", "%d.2 +- 0.5", "10.2", "%d.4 (±0.5)", "10.4");
        forms.forEach(this::numbersInTheFormAreNamed);
        // ZIP codes kept as text with their zero were told to become plain numbers, which loses it (a re-check, 7 Dec)
        StringBuilder zips = new StringBuilder("zip,y\n");
        for (int i = 0; i < 40; i++) {
            zips.append(String.format(java.util.Locale.ROOT, "\"=\"\"%05d\"\"\"", 1000 + 37 * i)).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        String zip = onlyNumberLike("zips.csv", zips.toString()).advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(zip.contains("are numbers a spreadsheet kept as text, with leading zeros; if they are codes (ZIP "
                + "codes, account numbers), categories are right") && zip.endsWith("(e.g. 1000)"), zip);
        // Excel's ="90203" is a code's form as much as ="01926" is: "write plain numbers" alone was half the answer
        String noZero = onlyNumberLike("zips-no-zero.csv", zips.toString().replace("\"\"0", "\"\"9"))
                .advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(noZero.contains("are numbers a spreadsheet kept as text; if they are codes (ZIP codes, account "
                + "numbers), categories are right") && noZero.endsWith("(e.g. 91000)"), noZero);
        // a quoted name or a formula that is no number stays a category without a note
        assertFalse(NumberLikeColumn.isFormattedNumber("'abc"));
        assertFalse(NumberLikeColumn.isFormattedNumber("=\"x1\""));
        assertFalse(NumberLikeColumn.isFormattedNumber("=SUM(A1:A3)"));
        // a free-text cell is not searched for a number's formatting: 120 cells of 140 kB took 40 s (7 Dec)
        assertTrue(NumberLikeColumn.isFormattedNumber("$" + "1".repeat(40)));
        assertFalse(NumberLikeColumn.isFormattedNumber("$" + "1".repeat(70)));
    }

    private void numbersInTheFormAreNamed(String form, String plainOfFirst) {
        StringBuilder csv = new StringBuilder("v,w,c\n");
        for (int i = 0; i < 40; i++) {
            String cell = String.format(java.util.Locale.ROOT, form, 10 + i);
            csv.append(cell.startsWith("=") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell).append(',')
                    .append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Table table = TableReader.read(TableFiles.write(dir, "text-numbers.csv", csv.toString()), "c");
        assertEquals(ColumnKind.CATEGORICAL, table.schema().columns().get(0).kind());
        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(1, found.size(), found.toString());
        String advice = found.get(0).advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(advice.startsWith("column 'v' is read as categories because values such as "), advice);
        assertTrue(advice.contains("write plain numbers"), advice);
        assertTrue(advice.contains("e.g. " + plainOfFirst + ")"), advice);
        assertEquals(form.contains("±") || form.contains("+"), advice.contains("a ± uncertainty in a column of its "
                + "own"), advice);
    }

    /**
     * A column of numbers with four kinds of Excel error, or with NA, N/A, - and a mistyped 3o.1, became a hundred
     * categories without a note; so did currency amounts beside one TBD, and percentages beside unknown and n/a
     * (a fresh user, 7 Dec).
     */
    @Test
    void gapsBesideMistypedNumbersAndWordsBesideFormattedNumbersAreNamed() {
        Map<String, List<String>> columns = new java.util.LinkedHashMap<>();
        columns.put("errors.csv", List.of("#DIV/0!", "#VALUE!", "#REF!", "#NUM!"));
        columns.put("typed.csv", List.of("NA", "N/A", "-", "3o.1"));
        for (Map.Entry<String, List<String>> column : columns.entrySet()) {
            StringBuilder csv = new StringBuilder("mass,y\n");
            for (int i = 0; i < 60; i++) {
                String cell = i % 15 == 3 ? column.getValue().get(i / 15) : (20 + i) + ".5";
                csv.append(cell).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
            }
            NumberLikeColumn found = onlyNumberLike(column.getKey(), csv.toString());
            assertEquals("mass", found.column());
            assertTrue(found.advice(ColumnRemedies.COMMAND_LINE).contains("is read as categories although 56 of its "
                    + "distinct values are numbers"), found.advice(ColumnRemedies.COMMAND_LINE));
            assertTrue(found.advice(ColumnRemedies.COMMAND_LINE).contains("' and 1 more text are not"),
                    found.advice(ColumnRemedies.COMMAND_LINE));
        }
        StringBuilder amounts = new StringBuilder("price,y\n");
        StringBuilder shares = new StringBuilder("share,y\n");
        for (int i = 0; i < 40; i++) {
            String label = i % 2 == 0 ? "a" : "b";
            amounts.append(i == 7 ? "TBD" : "$" + (40 + i) + ".16").append(',').append(label).append('\n');
            shares.append(i == 7 ? "unknown" : i == 9 ? "n/a" : (10 + i) + ".6%").append(',').append(label)
                    .append('\n');
        }
        String price = onlyNumberLike("tbd.csv", amounts.toString()).advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(price.contains("values such as '$40.16', '$41.16', '$42.16' are numbers written with"), price);
        assertTrue(price.endsWith("; 'TBD' is no number: correct it, or if it marks a missing cell, write it as an "
                + "empty cell or give it as the missing marker (--missing TBD)"), price);
        String share = onlyNumberLike("pct.csv", shares.toString()).advice(ColumnRemedies.COMMAND_LINE);
        // unknown is a usual gap spelling since 7 Dec (a re-check: it was offered as a value of its own)
        assertTrue(share.contains("'n/a', 'unknown' look like a missing cell"), share);
    }

    /** Tumour stages 1a, 1b, 2a were called numbers with units, to be written as the number alone (7 Dec). */
    @Test
    void codesWithALetterAreNoNumbersWithUnits() {
        assertEquals(null, NumberLikeColumn.unitOf(List.of("1a", "1b", "2a", "2b", "3a", "3b")));
        assertEquals(null, NumberLikeColumn.unitOf(List.of("12a", "14b", "15c")), "single letters only");
        assertEquals("kg', 'lb", NumberLikeColumn.unitOf(List.of("72kg", "160lb", "80kg")));
        assertEquals("m", NumberLikeColumn.unitOf(List.of("3 m", "4 m")), "one single-letter unit is a unit");
    }

    /** Excel's #DIV/0! was called a mistyped number for its 0 (a fresh user, 6 Dec). */
    @Test
    void excelErrorsAreGapsNotMistypedNumbers() {
        NumberLikeColumn found = onlyNumberLike("excel.csv", "score,y\n1,a\n2,a\n3,b\n4,b\n5,a\n#DIV/0!,b\n");
        assertEquals(List.of(), found.mistypedNumbers());
        assertTrue(found.advice(ColumnRemedies.COMMAND_LINE).contains("give it as the missing marker"),
                found.advice(ColumnRemedies.COMMAND_LINE));
    }

    /** 72kg and 15 min were categories without a word, where $5 and 12% were named (a fresh user, 5 Dec). */
    @Test
    void numbersWithOneUnitAreNamedAndOrdinalsAreNot() {
        StringBuilder csv = new StringBuilder("w,dur,rank,y\n");
        String[] ordinals = {"1st", "2nd", "3rd", "4th", "5th", "6th"};
        for (int i = 0; i < 12; i++) {
            csv.append(60 + i).append("kg,").append(i + 3).append(" min,").append(ordinals[i % 6]).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Table table = TableReader.read(TableFiles.write(dir, "units.csv", csv.toString()), "y");
        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(List.of("w", "dur"), found.stream().map(NumberLikeColumn::column).toList(), "ordinals vary");
        assertTrue(found.get(0).advice().endsWith("are numbers with a unit ('kg'), which neither augment nor Tribuo "
                + "reads as numbers; write the number alone (e.g. 60) and put the unit in the header"),
                found.get(0).advice());
        assertTrue(found.get(1).advice().contains("with a unit ('min')"), found.get(1).advice());
        // kg and lb mixed: 97 categories without a word (a re-check, 5 Dec)
        StringBuilder mixed = new StringBuilder("w,y\n");
        for (int i = 0; i < 12; i++) {
            mixed.append(60 + i).append(i % 2 == 0 ? "kg," : " lb,").append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<NumberLikeColumn> units = NumberLikeColumn.find(TableReader.read(TableFiles.write(dir, "kg-lb.csv",
                mixed.toString()), "y").schema());
        assertEquals(1, units.size());
        assertTrue(units.get(0).advice().contains("with units ('kg', 'lb'), in more than one unit") || units.get(0)
                .advice().contains("with units ('lb', 'kg'), in more than one unit"), units.get(0).advice());
    }

    /**
     * Censored lab values among 160 numbers, the Unicode minus sign and fullwidth digits made categories without a note
     * (a fresh user, 5 Dec); pandas' nan among other gaps was called a number in another form.
     */
    @Test
    void censoredValuesUnicodeMinusFullwidthDigitsAndPandasNanAreNamed() {
        StringBuilder csv = new StringBuilder("crp,t,w,size,y\n");
        String[] censored = {"<0.5", "<0.3", ">150", ">200", "<1"};
        String[] gaps = {"n/a", "nan", "Null"};
        for (int i = 0; i < 40; i++) {
            csv.append(i % 8 == 0 ? censored[i / 8] : String.valueOf(i + 0.5)).append(',')
                    .append(i % 3 == 0 ? "\u2212" + i : String.valueOf(i)).append(',')
                    .append(i % 4 == 0 ? "\uFF11" + (char) ('\uFF10' + i % 10) : String.valueOf(i)).append(',')
                    .append(i < 3 ? gaps[i] : String.valueOf(i % 9 + 1)).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Table table = TableReader.read(TableFiles.write(dir, "lab.csv", csv.toString()), "y");
        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(List.of("crp", "t", "w", "size"), found.stream().map(NumberLikeColumn::column).toList());
        assertTrue(found.get(0).advice().contains("'<0.3', '<0.5', '<1' are censored values (beyond a measuring "
                + "range, as labs write them)"), found.get(0).advice());
        assertTrue(found.get(1).advice().contains("because values such as '\u22120'"), found.get(1).advice());
        assertTrue(found.get(1).advice().endsWith("e.g. -0)"), found.get(1).advice());
        assertTrue(found.get(2).advice().endsWith("e.g. 10)"), found.get(2).advice());
        String gapAdvice = found.get(3).advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(gapAdvice.contains("If one marks a missing cell, give it as the missing marker (--missing Null; one "
                + "marker is read"), gapAdvice);
        assertFalse(gapAdvice.contains("in a form Tribuo does not read"), gapAdvice);
    }

    /** A zero-width space in a mistyped number was printed raw, so '12' looked like a number (6 Dec). */
    @Test
    void aMistypedNumberWithAnInvisibleCharacterIsShownEscaped() {
        StringBuilder csv = new StringBuilder("n,y\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i == 4 ? "12\u200b" : String.valueOf(i)).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<NumberLikeColumn> found = NumberLikeColumn.find(TableReader.read(TableFiles.write(dir, "zw.csv",
                csv.toString()), "y").schema());
        assertEquals(1, found.size());
        assertTrue(found.get(0).advice().contains("'12\\u200b'"), found.get(0).advice());
    }

    /** Versions 1.1 and 1.10 were one number, and generated rows wrote 1.90 (a fresh user, 6 Dec). */
    @Test
    void aFewValuedColumnWritingOneNumberWithAndWithoutTrailingZerosIsNamed() {
        String[] versions = {"1.1", "1.2", "1.9", "1.10", "1.11", "2.0"};
        StringBuilder csv = new StringBuilder("app_version,price,y\n");
        for (int i = 0; i < 120; i++) {
            csv.append(versions[i % versions.length]).append(',').append(i % 60 == 0 ? "1.50" : i % 60 == 1 ? "1.5"
                    : String.format(java.util.Locale.ROOT, "%.2f", 2 + i * 0.37)).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        TableFile file = TableReader.readFile(TableFiles.write(dir, "versions.csv", csv.toString()), "y", Map.of(),
                TableSchema.DEFAULT_MISSING_MARKER);
        List<TrailingZeroColumn> found = TrailingZeroColumn.find(file.table(), file.cellsInLayoutOrder());
        assertEquals(List.of(new TrailingZeroColumn("app_version", "1.1", "1.10")), found,
                "the prices' 1.5 and 1.50 are among more than 50 values: amounts");
        List<TrailingZeroColumn> versionsAlone = trailingZeros("ver", 60, "1.8", "1.9", "1.10", "1.11", "1.12", "2.0");
        assertEquals(1, versionsAlone.size(), "1.10 beside 1.9, no 1.1 (a re-check, 6 Dec)");
        assertTrue(versionsAlone.get(0).advice(ColumnRemedies.COMMAND_LINE).startsWith("numeric column 'ver' writes "
                + "'1.10', the number 1.1, to Tribuo"), versionsAlone.get(0).advice(ColumnRemedies.COMMAND_LINE));
        assertEquals(List.of(), trailingZeros("dose", 70, "0.5", "0.50", "1", "1.0", "0.25", "0.75", "2.5"),
                "doses typed 0.5 and 0.50 beside quarters are amounts (a re-check, 6 Dec)");
        assertEquals(List.of(), trailingZeros("d", 70, "-0.00", "0.00", "0.03", "-0.02", "0.01", "-0.04", "+0.01"),
                "printf's -0.00 beside 0.00, and +0.01 beside 0.01, differ by a sign, not a trailing zero (6 Dec)");
        assertEquals(List.of(), trailingZeros("Ba", 70, "0", "0.00", "0.6", "1.59", "0.09", "0.00", "3.15"),
                "a padded 0.00 (augment's generated rows merged into glass.csv's) is no version (a fresh user, 6 Dec)");
        assertEquals("numeric column 'app_version' writes '1.1' and '1.10', one number to Tribuo (and to augment): if "
                + "its values are versions or codes, read the column as categories (--categorical app_version)",
                found.get(0).advice(ColumnRemedies.COMMAND_LINE));
    }

    /** @return what {@link TrailingZeroColumn#find} finds in a table of one column of these values, cycled, and y */
    private List<TrailingZeroColumn> trailingZeros(String column, int rows, String... values) {
        StringBuilder csv = new StringBuilder(column + ",y\n");
        for (int i = 0; i < rows; i++) {
            csv.append(values[i % values.length]).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        TableFile file = TableReader.readFile(TableFiles.write(dir, column + ".csv", csv.toString()), "y", Map.of(),
                TableSchema.DEFAULT_MISSING_MARKER);
        return TrailingZeroColumn.find(file.table(), file.cellsInLayoutOrder());
    }

    /** A column written wholly in Arabic-Indic digits was 40 categories without a note (a fresh user, 6 Dec). */
    @Test
    void numbersInDigitsOfAnotherScriptAreNamedWithThePlainNumber() {
        StringBuilder csv = new StringBuilder("n,y\n");
        for (int i = 0; i < 40; i++) {
            String plain = String.valueOf(10 + i);
            StringBuilder arabic = new StringBuilder();
            plain.chars().forEach(c -> arabic.append((char) ('\u0660' + (c - '0'))));
            csv.append(arabic).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Table table = TableReader.read(TableFiles.write(dir, "arabic.csv", csv.toString()), "y");
        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(List.of("n"), found.stream().map(NumberLikeColumn::column).toList());
        assertTrue(found.get(0).advice().contains("digits of another script (fullwidth, Arabic-Indic)")
                && found.get(0).advice().endsWith("e.g. 10)"), found.get(0).advice());
        String decimals = "n,y\n" + java.util.stream.IntStream.range(0, 30).mapToObj(i -> "\u0663\u066B"
                + (char) ('\u0660' + i % 10) + "," + (i % 2 == 0 ? "a" : "b"))
                .collect(java.util.stream.Collectors.joining("\n")) + "\n";
        List<NumberLikeColumn> arabicDecimals = NumberLikeColumn.find(TableReader.read(TableFiles.write(dir,
                "arabic-decimals.csv", decimals), "y").schema());
        assertEquals(1, arabicDecimals.size(), "3.0 to 3.9 with the Arabic decimal separator");
        assertTrue(arabicDecimals.get(0).advice().endsWith("e.g. 3.0)"), arabicDecimals.get(0).advice());
    }

    @Test
    void severalMissingTextsAreToldThatOneMarkerIsRead() {
        Table table = TableReader.read(TableFiles.write(dir, "na.csv",
                "x,y\n1,a\n2,a\nNA,a\n4,b\nnull,b\n6,b\n7,b\n"), "y");

        String advice = NumberLikeColumn.find(table.schema()).get(0).advice(ColumnRemedies.COMMAND_LINE);
        assertTrue(advice.contains("(--missing NA; one marker is read, so write the others as it or as empty cells)"),
                advice);
    }

    /** @return the one number-like column of a table with label column y written from the text */
    private NumberLikeColumn onlyNumberLike(String name, String csv) {
        Table table = TableReader.read(TableFiles.write(dir, name, csv), "y");
        List<NumberLikeColumn> found = NumberLikeColumn.find(table.schema());
        assertEquals(1, found.size(), found.toString());
        return found.get(0);
    }
}

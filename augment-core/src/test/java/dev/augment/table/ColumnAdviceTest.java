package dev.augment.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ColumnAdvice}: identifier columns and number-like columns are named; ordinary columns are not. */
class ColumnAdviceTest {

    @TempDir
    Path dir;

    private Path table(int rows, boolean repeatOneId) {
        StringBuilder csv = new StringBuilder("customer,x,colour,y\n");
        for (int i = 0; i < rows; i++) {
            String id = repeatOneId && i == rows - 1 ? "c-0" : "c-" + i;
            csv.append(id).append(',').append(i == 3 ? "NA" : String.valueOf(i * 1.5)).append(',')
                    .append(i % 2 == 0 ? "red" : "blue").append(',').append(i % 3 == 0 ? "a" : "b").append('\n');
        }
        return TableFiles.write(dir, "t" + rows + repeatOneId + ".csv", csv.toString());
    }

    /**
     * A column repeating the label upper-cased, or a class code, made every arm of an evaluation score 1.000 without
     * a word (a fresh user, 7 Dec); a column that only nearly follows the classes is no copy.
     */
    @Test
    void aColumnThatRestatesTheLabelIsNamed() {
        StringBuilder csv = new StringBuilder("x,kind,code,near,y\n");
        for (int i = 0; i < 30; i++) {
            String label = List.of("cat", "dog", "owl").get(i % 3);
            csv.append(i * 0.5).append(',').append(label.toUpperCase(java.util.Locale.ROOT)).append(',')
                    .append(i % 3 == 0 ? "" : String.valueOf(10 + i % 3)).append(',')
                    .append(i == 7 ? "p" : i % 3 == 0 ? "p" : "q").append(',').append(label).append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "copy.csv", csv.toString()),
                "y"));
        assertTrue(lines.contains("column 'kind' restates the label column 'y': each of its values goes with one "
                + "class and each class with one of its values, so a classifier reads the class off it (every arm of "
                + "an evaluation scores about 1) and a generator copies it; if it is the label or derived from it, "
                + "remove it from the CSV"), lines.toString());
        // numbers too, judged on the rows that hold them (class cat has none)
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("column 'code' restates the label")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("column 'near'") || l.startsWith("column 'x'")),
                lines.toString());
        // a copy with one typo in 45 rows is named; a column filled in 3 of 45 rows, and a 4-row table, are not
        // (a re-check, 7 Dec)
        StringBuilder near = new StringBuilder("x,species2,sparse,y\n");
        for (int i = 0; i < 45; i++) {
            String label = List.of("setosa", "versicolor", "virginica").get(i % 3);
            near.append(i * 0.5).append(',').append(i == 10 ? "SETOSA" : label.toUpperCase(java.util.Locale.ROOT))
                    .append(',').append(i == 0 || i == 3 ? "hi" : i == 1 ? "lo" : "").append(',').append(label)
                    .append('\n');
        }
        List<String> typo = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "near.csv", near.toString()),
                "y"));
        assertTrue(typo.stream().anyMatch(l -> l.startsWith("column 'species2' restates the label column 'y': each "
                + "of its values goes with one class and each class with one of its values (in all but 1 of its 45 "
                + "rows)")), typo.toString());
        assertTrue(typo.stream().noneMatch(l -> l.startsWith("column 'sparse' restates")), typo.toString());
        List<String> tiny = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "tiny.csv",
                "age,smoker,y\n30,yes,sick\n41,yes,sick\n25,no,well\n52,no,well\n"), "y"));
        assertTrue(tiny.stream().noneMatch(l -> l.contains("restates the label")), tiny.toString());
        // a value matching a small class in 3 of its 12 rows, the rest of them another's (a re-check, 7 Dec)
        StringBuilder plate = new StringBuilder("plate,x,y\n");
        for (int i = 0; i < 500; i++) {
            boolean small = i < 12;
            plate.append(small && i >= 3 ? "Q" + i : small ? "P2" : "P1").append(',').append(i).append(',')
                    .append(small ? "rare" : "common").append('\n');
        }
        List<String> plates = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "plate.csv",
                plate.toString()), "y"));
        assertTrue(plates.stream().noneMatch(l -> l.contains("restates the label")), plates.toString());
        // one value in every row beside a class of 1 row in 50 (a re-check, 7 Dec)
        StringBuilder constant = new StringBuilder("site,x,y\n");
        for (int i = 0; i < 100; i++) {
            constant.append("lab1,").append(i).append(',').append(i < 2 ? "fraud" : "ok").append('\n');
        }
        List<String> site = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "site.csv",
                constant.toString()), "y"));
        assertTrue(site.stream().noneMatch(l -> l.contains("restates the label")), site.toString());
    }

    /** A NUL inside a category was read as a category of its own and written back raw, without a word (5 Dec). */
    @Test
    void categoriesHoldingControlCharactersAreNoted() {
        Table table = TableReader.read(TableFiles.write(dir, "nul.csv", "n,colour,y\n1,r\u0000ed,a\n2,green,a\n"
                + "3,red,b\n4,green,b\n"), "y");
        List<String> lines = ColumnAdvice.lines(table);
        assertTrue(lines.contains("column 'colour' has 1 category holding control characters (e.g. 'r\\u0000ed'), "
                + "which are kept and written back as they are; remove them from the data if they are not meant"),
                lines.toString());
        assertTrue(ColumnAdvice.controlCharacters(TableReader.read(TableFiles.write(dir, "clean.csv",
                "n,colour,y\n1,red,a\n2,green,a\n3,red,b\n4,green,b\n"), "y").schema()).isEmpty());
    }

    @Test
    void aColumnWithADifferentValueInEveryRowAndANumberColumnWithNaAreNamedInColumnOrder() {
        Table table = TableReader.read(table(30, false), "y");

        List<String> lines = ColumnAdvice.lines(table);

        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'x' is read as categories although 29 of its distinct values are numbers"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("column 'customer' has a different value in each of its 30 rows"),
                lines.get(1));
        assertEquals(List.of(new IdentifierColumn("customer", 30)), IdentifierColumn.find(table));
    }

    /** A mistyped number ('4o') was offered as the missing marker (--missing 4o; a fresh user, 5 Dec). */
    @Test
    void aMistypedNumberIsToldToBeCorrectedNotOfferedAsAMarker() {
        StringBuilder csv = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 12; i++) {
            csv.append(i == 3 ? "4o" : String.valueOf(i)).append(',').append(i == 5 ? "?x" : String.valueOf(i * 2))
                    .append(',').append(i % 2 == 0 ? "p" : "q").append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "typo.csv", csv.toString()),
                "y"), ColumnRemedies.COMMAND_LINE);
        assertTrue(lines.contains("column 'a' is read as categories although 11 of its distinct values are numbers; "
                + "'4o' holds digits but is no number (mistyped?): correct it; to be shown each cell that is not a "
                + "number, read the column as numeric (--numeric a)"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("column 'b' is read as categories although 11 of its "
                + "distinct values are numbers; '?x' is not. If it marks a missing cell, give it as the missing marker "
                + "(--missing '?x')")), "a text without digits may still be a marker, quoted for the shell: " + lines);
        assertFalse(lines.stream().anyMatch(l -> l.contains("--missing 4o")), lines.toString());
    }

    @Test
    void columnsWhoseOneTextIsTheSameMarkerShareOneLine() {
        StringBuilder csv = new StringBuilder("a,b,c,d,y\n");
        for (int i = 0; i < 12; i++) {
            csv.append(i == 2 ? "NA" : i * 1.5).append(',').append(i == 5 ? "NA" : i + 0.25).append(',')
                    .append(i == 7 ? "NA" : i * 3).append(',').append(i == 1 ? "null" : i * 0.5).append(',')
                    .append(i % 2 == 0 ? "p" : "q").append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "na.csv", csv.toString()), "y"),
                ColumnRemedies.COMMAND_LINE);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("columns 'a', 'b', 'c' are read as categories although nearly all their "
                + "values are numbers; 'NA' is not. If it marks a missing cell, give it as the missing marker "
                + "(--missing NA)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("column 'd' is read as categories"), lines.get(1));
        // each line suggests its own marker, and a table has one
        assertEquals("columns 'a', 'b', 'c', 'd' spell a missing cell in 2 ways ('NA', 'null'); a table has one "
                + "missing marker, so write the others as it or as empty cells", lines.get(2));
    }

    @Test
    void aColumnOfDistinctDatesIsNamedAsDatesToTurnIntoNumbers() {
        StringBuilder csv = new StringBuilder("day,x,y\n");
        for (int i = 0; i < 25; i++) {
            csv.append("2024-01-").append(String.format("%02d", i + 1)).append(',').append(i % 4).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "dates.csv", csv.toString()),
                "y"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'day' holds dates, a different one in each of its 25 rows")
                && lines.get(0).contains("days since a start"), lines.get(0));
    }

    @Test
    void oneRepeatedValueOrATableUnderTwentyRowsIsNoIdentifier() {
        assertEquals(List.of(), IdentifierColumn.find(TableReader.read(table(30, true), "y")));
        assertEquals(List.of(), IdentifierColumn.find(TableReader.read(table(19, false), "y")));
    }

    @Test
    void aNumericColumnNumberingTheRowsIsNamedAndDistinctAmountsWithGapsAreNot() {
        StringBuilder csv = new StringBuilder("id,amount,x,y\n");
        for (int i = 0; i < 25; i++) {
            // ids 0..24 shuffled; amounts distinct whole numbers with gaps between them
            csv.append((i * 7) % 25).append(',').append(100 + i * 3).append(',').append(i % 5).append(',')
                    .append(i < 12 ? "a" : "b").append('\n');
        }
        Table table = TableReader.read(TableFiles.write(dir, "ids.csv", csv.toString()), "y");

        assertEquals(List.of(new RowNumberColumn("id", 0, 24)), RowNumberColumn.find(table));
        List<String> lines = ColumnAdvice.lines(table);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'id' holds whole numbers from 0 to 24, a different one in each row"),
                lines.get(0));

        String repeated = csv.toString().replace("\n7,", "\n8,"); // 8 twice, 7 never
        assertEquals(List.of(), RowNumberColumn.find(TableReader.read(TableFiles.write(dir, "r.csv", repeated), "y")));
        // rising ids with two left out (rows filtered away) are row numbers; shuffled with gaps, or too sparse, not
        StringBuilder filtered = new StringBuilder("id,y\n");
        for (int i = 1; i <= 30; i++) {
            if (i != 7 && i != 19) {
                filtered.append(i).append(',').append(i % 2).append('\n');
            }
        }
        assertEquals(List.of(new RowNumberColumn("id", 1, 30)), RowNumberColumn.find(TableReader.read(
                TableFiles.write(dir, "f.csv", filtered.toString()), "y")));
        String sparse = "amount,y\n" + java.util.stream.IntStream.range(0, 25).mapToObj(i -> (i * 3) + "," + (i % 2))
                .collect(java.util.stream.Collectors.joining("\n")) + "\n";
        assertEquals(List.of(), RowNumberColumn.find(TableReader.read(TableFiles.write(dir, "s.csv", sparse), "y")),
                "rising but a third of the run: amounts, not row numbers");
        // named as an index or identifier: any order, any gaps (a shuffled split's pandas index, 6 Dec)
        for (String name : List.of("Unnamed: 0", "customer_id", "index", "customerId", "Customer ID", "ID")) {
            String shuffled = "\"" + name + "\",y\n" + java.util.stream.IntStream.range(0, 25).mapToObj(i ->
                    ((i * 7) % 25 * 13 + 1000) + "," + (i % 2)).collect(java.util.stream.Collectors.joining("\n"))
                    + "\n";
            assertEquals(List.of(new RowNumberColumn(name, 1000, 1312)), RowNumberColumn.find(TableReader.read(
                    TableFiles.write(dir, "n.csv", shuffled), "y")), name);
        }
        // a survey's sequence numbers (SEQN), a hospital's MRN, a lab's sample number: no note (a fresh user, 7 Dec)
        for (String name : List.of("SEQN", "MRN", "Sample No.", "ID#", "record_number", "Nr")) {
            String shuffled = "\"" + name + "\",y\n" + java.util.stream.IntStream.range(0, 25).mapToObj(i ->
                    ((i * 7) % 25 * 13 + 1000) + "," + (i % 2)).collect(java.util.stream.Collectors.joining("\n"))
                    + "\n";
            assertEquals(List.of(new RowNumberColumn(name, 1000, 1312)), RowNumberColumn.find(TableReader.read(
                    TableFiles.write(dir, "n.csv", shuffled), "y")), name);
        }
        // rising row by row over 60 rows, a tenth of the run kept: a table sorted by income as often as a sample of a
        // survey's people, so not named without a name saying so (a re-check, 7 Dec)
        String sorted = "income,y\n" + java.util.stream.IntStream.range(0, 60).mapToObj(i -> (83732 + i * 10 + i
                % 3) + "," + (i % 2)).collect(java.util.stream.Collectors.joining("\n")) + "\n";
        assertEquals(List.of(), RowNumberColumn.find(TableReader.read(TableFiles.write(dir, "sorted.csv", sorted),
                "y")));
        assertEquals(List.of(new RowNumberColumn("SEQN", 83732, 83732 + 590 + 2)), RowNumberColumn.find(
                TableReader.read(TableFiles.write(dir, "seqn.csv", sorted.replace("income", "SEQN")), "y")));
        // measurements whose names end in the letters id were called row numbers (a fresh user, 6 Dec); nitric oxide
        // (NO) and a bare case or subject are no numbering either (a re-check, 7 Dec)
        for (String name : List.of("amount_paid", "lipid", "fluid", "Humid", "NO", "case", "subject", "key")) {
            String shuffled = "\"" + name + "\",y\n" + java.util.stream.IntStream.range(0, 25).mapToObj(i ->
                    ((i * 7) % 25 * 13 + 1000) + "," + (i % 2)).collect(java.util.stream.Collectors.joining("\n"))
                    + "\n";
            assertEquals(List.of(), RowNumberColumn.find(TableReader.read(TableFiles.write(dir, "m.csv", shuffled),
                    "y")), name);
        }
        String tenths = "id,y\n" + java.util.stream.IntStream.range(0, 25).mapToObj(i -> i + ".5," + (i % 2))
                .collect(java.util.stream.Collectors.joining("\n")) + "\n";
        assertEquals(List.of(), RowNumberColumn.find(TableReader.read(TableFiles.write(dir, "t.csv", tenths), "y")));
    }

    @Test
    void aNumericColumnWithLeadingZerosIsNamedWithTheCategoricalFix() {
        TableFile file = TableReader.readFile(TableFiles.write(dir, "codes.csv",
                "zip,x,y\n2134,0.5,a\n02139,1,a\n10001,0.25,b\n94105,0,b\n"), "y", java.util.Map.of(), "?");
        List<String> lines = ColumnAdvice.leadingZeros(file.table(), file.cellsInLayoutOrder(),
                ColumnRemedies.COMMAND_LINE);
        assertEquals(List.of("numeric column 'zip' writes numbers with leading zeros ('02139'): read as numbers, as "
                + "Tribuo reads them, so added rows write them without (2139, not 02139); if they are codes, read the "
                + "column as categories (--categorical zip)"), lines, "0.5 and 0 are no leading zeros");
    }

    @Test
    void threeLabelsOfOneNumberAreOneNote() {
        assertEquals(List.of("labels '01', '1' and '1.0' are 3 classes (as Tribuo reads them) although they are the "
                + "same number; if they are one class, write them alike in the data"),
                ColumnAdvice.lookalikeLabels(List.of("01", "1", "1.0", "2")));
    }

    @Test
    void thousandsGroupedByDotsAreNamedAndThreeDecimalMeasurementsAreNot() {
        TableFile german = TableReader.readFile(TableFiles.write(dir, "de.csv",
                "amount,rate,y\n950,1.250,a\n1.007,0.125,a\n?,2.500,b\n12.345,1.000,b\n-3,5.000,b\n"), "y",
                java.util.Map.of(), "?");
        assertEquals(List.of("numeric column 'amount' holds whole numbers below 1 000 ('950') and numbers with exactly "
                + "three decimals from 1 on ('1.007'), as when a dot groups thousands (German style, 1.007 for 1007); "
                + "it is read as written, 1.007 as a little over 1: if the dots group thousands, remove them from the "
                + "file"), ColumnAdvice.thousandsDots(german.table(), german.cellsInLayoutOrder()),
                "rate writes every value to three decimals (%.3f) and 0.125 below one: measurements, not named");
        TableFile mixed = TableReader.readFile(TableFiles.write(dir, "r.csv",
                "x,y\n950,a\n1.007,a\n2.5,b\n3,b\n"), "y", java.util.Map.of(), "?");
        assertEquals(List.of(), ColumnAdvice.thousandsDots(mixed.table(), mixed.cellsInLayoutOrder()),
                "2.5 has one decimal: a decimal point, not a thousands dot");
        // salaries of 10.000 to 60.000 in steps of 500 have no whole number below 1 000 (a fresh user, 7 Dec)
        StringBuilder salaries = new StringBuilder("salary,rate,y\n");
        for (int i = 0; i < 40; i++) {
            salaries.append(String.format(java.util.Locale.ROOT, "%d.%03d,%d.%03d,%s%n", 10 + i, i % 2 * 500,
                    1 + i % 5, 137 * i % 1000, i % 2 == 0 ? "a" : "b"));
        }
        TableFile paid = TableReader.readFile(TableFiles.write(dir, "salaries.csv", salaries.toString()), "y",
                java.util.Map.of(), "?");
        List<String> lines = ColumnAdvice.thousandsDots(paid.table(), paid.cellsInLayoutOrder());
        assertEquals(1, lines.size(), "rate's decimals are seldom round: " + lines);
        assertTrue(lines.get(0).startsWith("numeric column 'salary' holds only numbers with exactly three decimals "
                + "from 1 on, 40 of 40 ending in 00 ('10.000'), as when a dot groups thousands (German style, 10.000 "
                + "for 10000)"), lines.get(0));
    }

    @Test
    void aMissingMarkerThatNoCellHoldsIsNamedAndOneInUseIsNot() {
        Path csv = TableFiles.write(dir, "m.csv", "x,colour,y\n1,red,a\n2,blue,a\n3,NA,b\n4,red,b\n");

        List<String> unused = ColumnAdvice.lines(TableReader.read(csv, "y", java.util.Map.of(), "Na"));
        List<String> used = ColumnAdvice.lines(TableReader.read(csv, "y", java.util.Map.of(), "NA"));

        List<String> typo = ColumnAdvice.lines(TableReader.read(csv, "y", java.util.Map.of(), "N/A"));

        assertEquals(List.of("column 'colour' has the category 'NA', which is not the missing marker 'Na' (a marker "
                + "matches a whole cell exactly, case included), so it is read as a category; if it marks a missing "
                + "cell, give it as the missing marker (the missing marker 'NA')"), unused);
        assertEquals(List.of(), used);
        assertEquals(List.of("no cell is the missing marker 'N/A' (or empty); a marker matches a whole cell exactly, "
                + "case included"), typo);
    }

    @Test
    void numbersInJavaOrHexadecimalFormsAreNotOfferedAsMissingMarkers() {
        // a fresh user (4 Dec): 0x1F, 1d and 2f beside whole numbers were offered as the missing marker, and a second
        // note said the column "spells a missing cell in 3 ways"
        StringBuilder csv = new StringBuilder("n,y\n");
        for (int i = 0; i < 21; i++) {
            csv.append(i).append(i % 2 == 0 ? ",a\n" : ",b\n");
        }
        csv.append("0x1F,a\n1d,b\n2f,a\n");
        List<String> numbers = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "h.csv", csv.toString()),
                "y"));
        List<String> withNa = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "h2.csv",
                csv.toString().replace("2f,a", "NA,a")), "y"));

        assertEquals(List.of("column 'n' is read as categories although 21 of its distinct values are numbers; '0x1F', "
                + "'1d', '2f' are numbers in a form Tribuo does not read as a decimal number (hexadecimal, a type "
                + "suffix, formatting, or beyond a double): write them as decimal numbers"), numbers,
                "no numeric override: it would refuse 0x1F, which Java's parseDouble does not read");
        assertEquals(1, withNa.size(), withNa.toString());
        assertTrue(withNa.get(0).contains("If 'NA' marks a missing cell, give it as the missing marker (the missing "
                + "marker 'NA'); '0x1F', '1d' are numbers in a form"), withNa.get(0));
    }

    @Test
    void aSecondSpellingOfAGapInACategoricalColumnIsNamedOnlyBesideMissingCells() {
        Path gaps = TableFiles.write(dir, "g.csv", "x,cat,y\n1,a,p\n2,?,p\n3,NA,q\n4,b,q\n5,,p\n");
        Path noGaps = TableFiles.write(dir, "n.csv", "x,region,y\n1,EU,p\n2,NA,p\n3,NA,q\n4,EU,q\n");

        assertEquals(List.of("column 'cat' has 2 missing cells (empty or '?') and also the category 'NA', a usual "
                + "spelling of a missing cell, read as a category of its own; if it marks a missing cell too, write it "
                + "as an empty cell (a table has one missing marker)"),
                ColumnAdvice.lines(TableReader.read(gaps, "y")));
        assertEquals(List.of(), ColumnAdvice.lines(TableReader.read(noGaps, "y")), "NA may be North America");
    }

    @Test
    void aTextBesideCellsAlreadyMissingIsToBeWrittenAsTheMarkerNotMadeOne() {
        // a fresh user (4 Dec): ? and NA in one numeric column; each note offered the other as the marker
        StringBuilder csv = new StringBuilder("n,m,y\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i == 3 ? "?" : i == 7 ? "NA" : Integer.toString(i)).append(',').append(i % 5 + 0.5)
                    .append(i % 2 == 0 ? ",a\n" : ",b\n");
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "two.csv", csv.toString()),
                "y"));
        assertTrue(lines.contains("column 'n' is read as categories although 18 of its distinct values are numbers, "
                + "because of 'NA'; it also has 1 missing cell (empty or '?'), and a table has one missing marker: "
                + "giving another as the marker would make those cells text; write 'NA' as '?' or as empty cells "
                + "instead"), lines.toString());
        // the number-like line offered --missing NA, and with it the next run offered --missing ? (a fresh user)
        assertTrue(lines.stream().noneMatch(l -> l.contains("give it as the missing marker")), lines.toString());
    }

    @Test
    void controlCharactersAndHangulFillersAreShownEscaped() {
        // a fresh user (4 Dec): a label with a terminal escape coloured the warning; NEL and U+3164 printed as nothing
        assertEquals("esc\\u001b[31mRED", ColumnAdvice.shown("esc\u001b[31mRED"));
        assertEquals("ctl\\u0085", ColumnAdvice.shown("ctl\u0085"));
        assertEquals("a\\u3164b", ColumnAdvice.shown("a\u3164b"));
        assertEquals("plain café", ColumnAdvice.shown("plain café"));
    }

    @Test
    void aMarkerInAnotherCaseIsNamedEvenWhenOtherCellsAreEmpty() {
        // a fresh user (4 Dec): --missing na, cells NA and some empty cells; the note on an unused marker kept silent
        Path csv = TableFiles.write(dir, "e.csv", "x,colour,y\n1,red,a\n,blue,a\n3,NA,b\n4,red,b\n");

        List<String> lines = ColumnAdvice.lines(TableReader.read(csv, "y", java.util.Map.of(), "na"));

        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'colour' has the category 'NA', which is not the missing marker "
                + "'na'"), lines.get(0));
        // an R export writes NA in every column: one line names them all
        Path everywhere = TableFiles.write(dir, "r.csv", "a,b,y\nu,v,p\nNA,w,p\nu,NA,q\nw,v,q\n");
        List<String> grouped = ColumnAdvice.lines(TableReader.read(everywhere, "y", java.util.Map.of(), "na"));
        assertEquals(1, grouped.size(), grouped.toString());
        assertTrue(grouped.get(0).startsWith("columns 'a', 'b' have the category 'NA'"), grouped.get(0));
    }

    /** A price column given as the label trained as 60 classes of 3 rows without a word (a fresh user, 6 Dec). */
    @Test
    void aLabelColumnOfManyNumbersIsNamedAsAQuantity() {
        StringBuilder csv = new StringBuilder("x,price\n");
        for (int i = 0; i < 180; i++) {
            csv.append(i % 7).append(',').append(100 + (i % 60) * 2.5).append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "price.csv", csv.toString()),
                "price"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("the label column 'price' holds 60 different numbers in "
                + "180 rows (") && l.contains("bin it into a few classes")), lines.toString());
        StringBuilder codes = new StringBuilder("x,grade\n");
        for (int i = 0; i < 180; i++) {
            codes.append(i % 7).append(',').append(1 + i % 6).append('\n');
        }
        assertTrue(ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "grade.csv", codes.toString()), "grade"))
                .stream().noneMatch(l -> l.contains("label column")), "six whole-number classes are codes");
    }

    /** R's unquoted NA in a factor column, with no other gap, was a category without a word (a fresh user, 6 Dec). */
    @Test
    void rsNaInACategoricalColumnOfATableWithoutGapsIsNamed() {
        StringBuilder csv = new StringBuilder("\"x\",\"z\",\"y\"\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i).append(',').append(i % 5 == 0 ? "NA" : i % 2 == 0 ? "\"u\"" : "\"v\"").append(",\"")
                    .append(i % 2 == 0 ? 'a' : 'b').append("\"\n");
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "rna.csv", csv.toString()),
                "y"));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("column 'z' has the category 'NA', as R and pandas "
                + "write a missing cell")), lines.toString());
    }

    @Test
    void theSharedSampleTablesNeedNoAdvice() {
        assertEquals(List.of(), ColumnAdvice.lines(TableReader.read(TableFiles.CREDIT, "class")));
        assertEquals(List.of(), ColumnAdvice.lines(TableReader.read(TableFiles.SOYBEAN, "class")));
        assertEquals(List.of(), ColumnAdvice.lines(TableReader.read(TableFiles.GLASS, "Type")));
    }

    @Test
    void aColumnWithMoreDigitsThanAFloatHoldsIsNamedAndTheSharedTablesAreNot() {
        Table table = TableReader.read(TableFiles.write(dir, "big.csv", "id,amount,x,y\n"
                + "9007199254740993,12345678.125,1.5,a\n9007199254740994,12345679.250,2.5,a\n"
                + "9007199254740995,12345680.375,3.5,b\n9007199254740996,12345681.500,4.5,b\n"), "y");

        List<String> lines = ColumnAdvice.beyondFloatDigits(table.schema());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("numeric column 'id' holds values up to 9.007199e+15 written to 0 "
                + "decimals; a table generator computes in 32-bit floats, which near that size step by 1.07e+09"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("numeric column 'amount' holds values up to 1.234568e+07 written to 3 "
                + "decimals") && lines.get(1).contains("step by 1.00"), lines.get(1));
        // a double's full digits, as Python and pandas write measurements: no rescaling helps (a fresh user, 6 Dec)
        Table python = TableReader.read(TableFiles.write(dir, "py.csv", "sepal,ratio,y\n6.810201218315027,"
                + "0.30000000000000004,a\n5.1234567890123,0.7071067811865476,a\n7.141659432,0.1,b\n5.5,0.25,b\n"), "y");
        assertEquals(List.of(), ColumnAdvice.beyondFloatDigits(python.schema()));
        for (Path sample : List.of(TableFiles.CREDIT, TableFiles.DIABETES, TableFiles.GLASS, TableFiles.UNBALANCED)) {
            Table shared = TableReader.read(sample, sample.equals(TableFiles.UNBALANCED) ? "Outcome"
                    : sample.equals(TableFiles.GLASS) ? "Type" : "class");
            assertEquals(List.of(), ColumnAdvice.beyondFloatDigits(shared.schema()), sample.toString());
        }
    }

    /** A column of 7 codes far apart was read as amounts: half the generated codes did not exist (5 Dec). */
    @Test
    void fewWholeNumbersFarApartAreNamedAsPossibleCodesAndACountIsNot() {
        long[] codes = {101, 205, 230, 480, 512, 777, 901};
        StringBuilder csv = new StringBuilder("code,children,label\n");
        for (int i = 0; i < 140; i++) {
            csv.append(codes[i % codes.length]).append(',').append(i % 7).append(',').append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        Table table = TableReader.read(TableFiles.write(dir, "codes.csv", csv.toString()), "label");
        assertEquals(List.of("column 'code' holds only 7 different whole numbers, far apart (101, 205, 230, 480, 512, "
                + "777, …), each in many rows: if they are codes or categories rather than amounts, read it as "
                + "categories (--categorical code); as numbers, generated and SMOTE rows take values between them that "
                + "no real row has"), ColumnAdvice.lines(table, ColumnRemedies.COMMAND_LINE));
    }

    /** A 1..7 score with 99 for a missing answer was also called codes far apart (a re-check, 5 Dec). */
    @Test
    void aScoreWithAMissingCodeIsNoCodeColumn() {
        StringBuilder csv = new StringBuilder("score,label\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i % 10 == 0 ? 99 : i % 7 + 1).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "score99.csv", csv.toString()),
                "label"), ColumnRemedies.COMMAND_LINE);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'score' has 10 cells of 99, far outside its other values (1 … 7)"),
                lines.toString());
    }

    /**
     * Two different typos in one column hid each other: each lay within ten spans of the others, the other typo among
     * them, and 26.9% of generated values lay above the data's 846 (a re-check, 6 Dec).
     */
    /** Two of a 4-row table's four values were each called a typo beside the other two (a fresh user, 7 Dec). */
    @Test
    void farValuesAreAtMostAFifthOfTheColumn() {
        String rows = "plas,label\n148,a\n183,b\n85,a\n89,b\n";
        assertEquals(List.of(), ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "tiny.csv", rows), "label"),
                ColumnRemedies.COMMAND_LINE));
        String more = rows + "86,a\n87,b\n88,a\n86,b\n87,a\n88,b\n";
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "ten.csv", more), "label"),
                ColumnRemedies.COMMAND_LINE);
        assertEquals(2, lines.size(), "two of ten may be typos: " + lines);
    }

    @Test
    void twoDifferentFarValuesInOneColumnAreBothNamed() {
        StringBuilder csv = new StringBuilder("insu,label\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i == 10 ? "8460000" : i == 40 ? "5000000" : String.valueOf(i * 8)).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "typos.csv", csv.toString()),
                "label"), ColumnRemedies.COMMAND_LINE);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'insu' has one cell of 5000000, far outside its other values (0 … "
                + "792): if it is a typing or unit error, correct it"), lines.get(0));
        assertTrue(lines.get(1).startsWith("column 'insu' has one cell of 8460000, far outside its other values (0 … "
                + "792)"), lines.get(1));
    }

    /**
     * Four typos in one column got no note at all, the search stopping at three, and a far value at the other end
     * (-99999) hid behind one above, shown as part of the column's range; a value of 2e37 was written in 38 digits
     * (a re-check, 6 Dec).
     */
    @Test
    void anyFewFarValuesAtEitherEndAreNamedAgainstTheRest() {
        StringBuilder csv = new StringBuilder("insu,mass,label\n");
        for (int i = 0; i < 400; i++) {
            String insu = switch (i) {
                case 10 -> "8460000";
                case 20 -> "5000000";
                case 30 -> "3000000";
                case 40, 41 -> "7000000";
                default -> String.valueOf(i * 2);
            };
            csv.append(insu).append(',').append(i == 50 ? "-99999" : i == 60 ? "2e37" : i == 70 ? "99999"
                    : String.valueOf(20 + i % 40))
                    .append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "typos4.csv", csv.toString()),
                "label"), ColumnRemedies.COMMAND_LINE);
        // -99999 and 99999 alike at both ends hid each other when one side was peeled at a time (a re-check)
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'insu' has 5 cells far outside its other values (0 … 798): 3000000, "
                + "5000000, 7000000 (2 cells), 8460000; if they are typing or unit errors, correct them"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("column 'mass' has one cell of -99999, far outside its other values (20 … "
                + "59)"), lines.get(1));
        assertTrue(lines.get(2).startsWith("column 'mass' has one cell of 99999, far outside its other values (20 … "
                + "59)"), lines.get(2));
        assertTrue(lines.get(3).startsWith("column 'mass' has one cell of 2.0E37, far outside its other values (20 … "
                + "59)"), lines.get(3));
    }

    /**
     * One age of 33.333333 among whole numbers gave every generated age six decimals, and only the 32-bit float note
     * was said (a fresh user, 6 Dec); a column written to two decimals throughout is not named.
     */
    @Test
    void aFewCellsWithMoreDecimalsThanTheRestAreNamed() {
        StringBuilder csv = new StringBuilder("age,price,label\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i == 20 ? "33.333333" : String.valueOf(20 + i % 50)).append(',')
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 1 + i * 0.37)).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        TableFile ages = TableReader.readFile(TableFiles.write(dir, "ages.csv", csv.toString()), "label",
                java.util.Map.of(), "?");
        Table table = ages.table();
        List<String[]> cells = ages.cellsInLayoutOrder();
        assertEquals(List.of("numeric column 'age' writes 6 decimals in one cell ('33.333333', row 21) and at most 0 "
                + "in its other 199: generated values take the most decimals any cell writes, so every generated 'age' "
                + "gets 6; if that cell is a computed or pasted value, round it in the data"),
                ColumnAdvice.fewCellsDecimals(table, cells));
    }

    /**
     * One cell of six decimals in a one-decimal column was also told, by the 32-bit float note, to rescale or drop the
     * column; rounding the cell mends both (a re-check, 6 Dec). A column written to six decimals throughout is still
     * named.
     */
    @Test
    void theFloatNoteJudgesAColumnWithAFewLongCellsByItsOtherCells() {
        StringBuilder csv = new StringBuilder("mass,wide,label\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i == 9 ? "33.612345" : String.format(java.util.Locale.ROOT, "%.1f", 20 + i * 0.2355))
                    .append(',').append(String.format(java.util.Locale.ROOT, "%.6f", 1000 + i * 0.123457))
                    .append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        TableFile file = TableReader.readFile(TableFiles.write(dir, "mass.csv", csv.toString()), "label",
                java.util.Map.of(), "?");
        Table table = file.table();
        assertEquals(List.of("mass", "wide"), ColumnAdvice.beyondFloatDigits(table.schema()).stream()
                .map(line -> line.substring(line.indexOf('\'') + 1, line.indexOf('\'', line.indexOf('\'') + 1)))
                .toList(), "both columns hold six decimals as the schema reads them");
        List<String> judged = ColumnAdvice.beyondFloatDigits(table.schema(),
                ColumnAdvice.decimalsWithoutFewCells(table, file.cellsInLayoutOrder()), java.util.Map.of());
        assertEquals(1, judged.size(), judged.toString());
        assertTrue(judged.get(0).startsWith("numeric column 'wide' holds values up to 1024.568 written to 6 decimals"),
                judged.get(0));
    }

    /** One typed 2e37 in a column of 0–67.1 was also told to rescale or drop the column (a re-check, 6 Dec). */
    @Test
    void theFloatNoteJudgesAColumnWithAFarCellByItsOtherValues() {
        StringBuilder csv = new StringBuilder("mass,label\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i == 9 ? "2e37" : String.format(java.util.Locale.ROOT, "%.1f", 20 + i * 0.2355)).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Table table = TableReader.read(TableFiles.write(dir, "far.csv", csv.toString()), "label");
        assertEquals(1, ColumnAdvice.beyondFloatDigits(table.schema()).size(), "judged by its largest cell");
        assertEquals(List.of(), ColumnAdvice.beyondFloatDigits(table.schema(), java.util.Map.of(),
                ColumnAdvice.largestWithoutFarCells(table)));
    }

    /** -999 for a missing temperature made the generator write -998.9 (a fresh user, 5 Dec). */
    @Test
    void aRepeatedValueFarOutsideTheRestIsNamedAsAPossibleMissingCode() {
        StringBuilder csv = new StringBuilder("temp,hum,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 8 == 0 ? "-999" : String.valueOf(20 + i * 0.25)).append(',').append(30 + i).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        csv.append("-999,95,a\n"); // a fifth missing temperature, and one humidity far out but once
        csv.append("30,5000,b\n");
        Table table = TableReader.read(TableFiles.write(dir, "codes999.csv", csv.toString()), "label");
        // the humidity of 5000 among 30-95, a typo or a real extreme, stretches its column all the same: one typed
        // insu of 8460000 among 0-846 put 34.7% of a table GAN's values above 846, without a word (a fresh user, 6 Dec)
        assertEquals(List.of("column 'temp' has 6 cells of -999, far outside its other values (20.25 … 30): if -999 "
                + "marks a missing value, write those cells empty (a number cannot be the missing marker); read as a "
                + "number it stretches the column's range, and generated and SMOTE rows take values near it or between "
                + "it and the data", "column 'hum' has one cell of 5000, far outside its other values (30 … 95): if it "
                + "is a typing or unit error, correct it; as it is, it stretches the column's range, and generated and "
                + "SMOTE rows take values between it and the data"), ColumnAdvice.lines(table,
                ColumnRemedies.COMMAND_LINE));
    }

    /**
     * Survey codes near the scale (9 on a 1–5 scale, -9 beside hours of 0–60) got no note, and SMOTE wrote 6.4 on the
     * scale (a fresh user, 6 Dec); a 0–9 scale's 9 and a count's few high values are no code.
     */
    @Test
    void conventionalMissingCodesNearTheScaleAreNamed() {
        StringBuilder csv = new StringBuilder("q2,hours,scale,count,label\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i % 12 == 0 ? 9 : i % 5 + 1).append(',').append(i % 14 == 0 ? "-9" : String.valueOf(i * 0.6))
                    .append(',').append(i % 10).append(',').append(i % 25 == 0 ? 9 : i % 4).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "survey.csv", csv.toString()),
                "label"), ColumnRemedies.COMMAND_LINE);
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'q2' has 9 cells of 9, outside its other values (1 … 5): if 9 "
                + "marks a missing value"), lines.get(0));
        assertTrue(lines.get(1).startsWith("column 'hours' has 8 cells of -9, outside its other values (0.6 … 59.4)"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("column 'count' has 4 cells of 9"), "a count's 9 beside 0–3 may be a "
                + "code too: only a note, " + lines.get(2));
        // auto-mpg's 8 cylinders, a quarter of the cars, is a value (a re-check, 6 Dec)
        StringBuilder cars = new StringBuilder("cylinders,label\n");
        for (int i = 0; i < 100; i++) {
            cars.append(i % 4 == 0 ? 8 : 4 + i % 3).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        assertEquals(List.of(), ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "cars.csv",
                cars.toString()), "label"), ColumnRemedies.COMMAND_LINE));
    }

    /**
     * NA for North America as a class, and NA gaps in a numeric column: the note offered --missing NA, which then
     * refused every North American row as unlabelled (a fresh user, 6 Dec).
     */
    @Test
    void aMarkerThatIsAlsoAClassIsNotOffered() {
        StringBuilder csv = new StringBuilder("sales,region\n");
        String[] regions = {"NA", "EU", "APAC"};
        for (int i = 0; i < 60; i++) {
            csv.append(i % 10 == 0 ? "NA" : String.valueOf(100 + i * 3.5)).append(',').append(regions[i % 3])
                    .append('\n');
        }
        Path file = TableFiles.write(dir, "region.csv", csv.toString());
        List<String> lines = ColumnAdvice.lines(TableReader.read(file, "region"), ColumnRemedies.COMMAND_LINE);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("column 'sales' is read as categories although 54 of "
                + "its distinct values are numbers, because of 'NA'; it cannot be the missing marker, as it is also a "
                + "class of the label column 'region'")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("as the missing marker (--missing NA)")),
                lines.toString());
        dev.augment.errors.InvalidDataException refused = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidDataException.class, () -> TableReader.read(file, "region",
                        java.util.Map.of(), "NA"));
        // "give another missing marker (or none)" named a 'none' that no option takes (a fresh user, 7 Dec)
        assertTrue(refused.getMessage().contains("; 20 rows are labelled 'NA': if it is a class, give as --missing a "
                + "text no cell holds (e.g. --missing NONE; there is no 'none', a cell left empty is always missing)"),
                refused.getMessage());
        // a marker no cell holds: NONE offered to a table whose cells hold it would make them gaps (a re-check)
        Path none = TableFiles.write(dir, "none.csv", csv.toString().replace("APAC", "NONE"));
        dev.augment.errors.InvalidDataException offered = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidDataException.class, () -> TableReader.read(none, "region",
                        java.util.Map.of(), "NA"));
        assertTrue(offered.getMessage().contains("(e.g. --missing NO_VALUE;"), offered.getMessage());
    }

    /** 116 ISO dates became 116 one-hot features without a word (a fresh user, 5 Dec). */
    @Test
    void aColumnOfDatesIsNamed() {
        StringBuilder csv = new StringBuilder("date,day,x,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(String.format("2024-01-%02d,%02d/02/2024,%d,%s%n", i % 20 + 1, i % 9 + 1, i % 7, i % 2 == 0 ? "a"
                    : "b"));
        }
        Table table = TableReader.read(TableFiles.write(dir, "dates.csv", csv.toString()), "label");
        String why = " categories without their order (neither augment nor Tribuo reads dates): a generator can "
                + "only copy dates it saw; write them as a number (e.g. days since the first) or remove the column";
        assertEquals(List.of("column 'date' holds dates, read as 20" + why,
                "column 'day' holds dates, read as 9" + why),
                ColumnAdvice.lines(table, ColumnRemedies.COMMAND_LINE));
        // a pending or unknown cell among the dates hid the note (a fresh user, 7 Dec)
        String pending = csv.toString().replaceFirst("2024-01-03", "TBD").replaceFirst("2024-01-04", "N/A");
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "pending.csv", pending),
                "label"), ColumnRemedies.COMMAND_LINE);
        assertTrue(lines.contains("column 'date' holds dates (and 'N/A', 'TBD', which may be written as empty cells), "
                + "read as 22" + why), lines.toString()); // 20 dates (each twice) and the two
        String four = pending.replaceFirst("2024-01-05", "unknown").replaceFirst("2024-01-06", "-");
        List<String> fourLines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "four.csv", four),
                "label"), ColumnRemedies.COMMAND_LINE);
        assertTrue(fourLines.stream().anyMatch(l -> l.startsWith("column 'date' holds dates (and ")), fourLines
                .toString());
    }

    /** Each split a class in two without a word (a fresh user, 6 Dec). */
    @Test
    void misEncodedTextHtmlEntitiesOtherScriptLettersAndBooleanSpellingsAreLookAlikes() {
        assertEquals(1, ColumnAdvice.lookalikeLabels(List.of("tr\u00e8s bien", "tr\u00c3\u00a8s bien", "oui")).size(),
                "très bien saved again as Windows-1252");
        assertTrue(ColumnAdvice.lookalikeLabels(List.of("R&D", "R&amp;D", "Sales")).get(0).contains("differ "
                + "only in how "
                + "the text is encoded"), "an HTML entity, named");
        String script = "a letter of another script that looks like a Latin one (shown escaped: Cyrillic or "
                + "Greek, typed "
                + "on another keyboard layout)";
        assertEquals(List.of("labels 'cat' and 'c\\u0430t' are two classes (as Tribuo reads them) although they differ "
                + "only in " + script + "; if they are one class, write them alike in the data"),
                ColumnAdvice.lookalikeLabels(List.of("cat", "c\u0430t", "dog")), "a Cyrillic a, shown escaped");
        assertEquals(List.of("labels 'A' and '\\u0391' are two classes (as Tribuo reads them) although they "
                + "differ only "
                + "in " + script + "; if they are one class, write them alike in the data"),
                ColumnAdvice.lookalikeLabels(List.of("A", "\u0391", "B")), "a grade typed on a Greek layout");
        assertEquals(List.of(), ColumnAdvice.lookalikeLabels(List.of("\u0434\u043e\u043c", "dom", "dog")),
                "a Cyrillic word that does not look like a Latin one (its \u0434 is no d)");
        assertEquals(List.of(), ColumnAdvice.lookalikeLabels(List.of("mg", "\u03bcg", "g", "\u03b1-blocker",
                "a-blocker")),
                "Greek small letters of units and science are letters of their own (a re-check, 6 Dec)");
        assertEquals(2, ColumnAdvice.lookalikeLabels(List.of("yes", "no", "maybe", "Y", "N")).size(),
                "yes and Y beside a third answer");
        assertEquals(1, ColumnAdvice.lookalikeLabels(List.of("tr\u00c3\u0192\u00c2\u00a8s bien", "tr\u00e8s bien",
                "oui")).size(), "mis-encoded twice");
        List<String> yesNo = ColumnAdvice.lookalikeLabels(List.of("yes", "no", "Y", "N"));
        assertEquals(2, yesNo.size(), yesNo.toString());
        assertTrue(yesNo.get(0).startsWith("labels 'yes' and 'Y' are two classes (as Tribuo reads them) although they "
                + "both spell yes"), yesNo.get(0));
        assertEquals(2, ColumnAdvice.lookalikeLabels(List.of("TRUE", "FALSE", "1", "0")).size(), "TRUE and 1");
        assertEquals(List.of(), ColumnAdvice.lookalikeLabels(List.of("0", "1", "2")), "numbers are no booleans");
        assertEquals(List.of(), ColumnAdvice.lookalikeLabels(List.of("Y", "N", "X")), "letters are no booleans");
        assertEquals(List.of(), ColumnAdvice.lookalikeLabels(List.of("na\u00efve", "tr\u00e8s", "Z\u00fcrich")),
                "correct accents are no mis-encoding");
    }

    /** --missing <NA> pasted into a shell was a redirection; --missing -- cannot be given at all (6 Dec). */
    @Test
    void suggestedOptionsAreQuotedForTheShellAndADoubleDashIsToldToBeWrittenEmpty() {
        assertEquals("--missing '<NA>'", ColumnRemedies.COMMAND_LINE.missingMarker("<NA>"));
        assertEquals("--missing '#NULL!'", ColumnRemedies.COMMAND_LINE.missingMarker("#NULL!"));
        assertEquals("--missing NA", ColumnRemedies.COMMAND_LINE.missingMarker("NA"));
        assertEquals("--categorical 'blood pressure'", ColumnRemedies.COMMAND_LINE.categorical("blood pressure"));
        assertEquals("--numeric '\"Income, USD\"'", ColumnRemedies.COMMAND_LINE.numeric("Income, USD"),
                "in double quotes inside the list, then for the shell (a re-check, 6 Dec)");
        assertTrue(ColumnRemedies.COMMAND_LINE.missingMarker("--").startsWith("write those cells empty"));
    }

    /** Dates with the month's name, year first with '/', or a time with an offset were not named (5 Dec). */
    @Test
    void datesInOtherUsualFormsAreNamedAndVersionNumbersAreNot() {
        String[] months = {"Jan", "Feb", "March", "Apr.", "Sept"};
        StringBuilder csv = new StringBuilder("spoken,oracle,us,slash,stamp,version,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(String.format("%d %s 2024,%02d-%S-24,\"%s %d, 2024\",2024/%d/%d,2024-01-%02d 10:00:00+00,"
                    + "3.%d.1%d,%s%n", i % 28 + 1, months[i % 5], i % 28 + 1, months[i % 5], months[i % 5], i % 9 + 1,
                    i % 12 + 1, i % 7 + 1, i % 6 + 1, i % 5, i % 6, i % 2 == 0 ? "a" : "b"));
        }
        Table table = TableReader.read(TableFiles.write(dir, "more-dates.csv", csv.toString()), "label");
        List<String> lines = ColumnAdvice.lines(table, ColumnRemedies.COMMAND_LINE);
        for (String column : List.of("spoken", "oracle", "us", "slash", "stamp")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("column '" + column + "' holds dates")),
                    column + " is named: " + lines);
        }
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("column 'version' holds dates")), "3.1.12 is no date");
        // German spreadsheets' short dates were read as categories without a word (6 Dec); 1.2.24 is still a version
        StringBuilder german = new StringBuilder("datum,version,label\n");
        for (int i = 0; i < 30; i++) {
            german.append(String.format("%02d.%02d.24,1.%d.2%d,%s%n", i % 28 + 1, i % 12 + 1, i % 9, i % 7,
                    i % 2 == 0 ? "a" : "b"));
        }
        List<String> germanLines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "german-dates.csv",
                german.toString()), "label"), ColumnRemedies.COMMAND_LINE);
        assertTrue(germanLines.stream().anyMatch(l -> l.startsWith("column 'datum' holds dates")),
                germanLines.toString());
        assertTrue(germanLines.stream().noneMatch(l -> l.startsWith("column 'version' holds dates")),
                germanLines.toString());
        assertFalse(DateColumn.isDate("32.01.24") || DateColumn.isDate("12.13.24") || DateColumn.isDate("1.2.24"));
        // padded codes and versions have that form: a day above 12 tells dates (a re-check, 6 Dec)
        assertFalse(DateColumn.areDates(List.of("01.02.03", "02.03.02", "10.06.02", "12.01.33", "05.05.05")));
        assertTrue(DateColumn.areDates(List.of("01.02.03", "24.03.24")));
        StringBuilder numbers = new StringBuilder("day,amount,label\n");
        for (int i = 0; i < 30; i++) {
            numbers.append(20230101 + i % 12 * 100 + i % 28).append(',').append(20230101 + i * 7).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<String> yyyymmdd = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "ymd.csv",
                numbers.toString()), "label"), ColumnRemedies.COMMAND_LINE);
        assertTrue(yyyymmdd.stream().anyMatch(l -> l.startsWith("numeric column 'day' holds dates written as numbers")),
                yyyymmdd.toString());
        StringBuilder periods = new StringBuilder("period,stamp,label\n");
        for (int i = 0; i < 30; i++) {
            periods.append(201801 + i % 5 * 100 + i % 12).append(',').append(20220101000000L + i % 28 * 1000000L
                    + i % 24 * 10000 + i * 61 % 60).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        List<String> other = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "ym.csv", periods.toString()),
                "label"), ColumnRemedies.COMMAND_LINE);
        assertEquals(2, other.stream().filter(l -> l.contains("holds dates written as numbers")).count(),
                "yyyymm and yyyymmddHHMMSS: " + other);
        assertTrue(yyyymmdd.stream().noneMatch(l -> l.contains("'amount' holds dates")), "20230130 + 7 steps "
                + "over month "
                + "ends: " + yyyymmdd);
        StringBuilder clock = new StringBuilder("t,x,label\n");
        for (int i = 0; i < 30; i++) {
            clock.append(String.format("%02d:%02d,%d,%s%n", i % 12, i % 4 * 15, i % 5, i % 2 == 0 ? "a" : "b"));
        }
        List<String> times = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "times.csv", clock.toString()),
                "label"), ColumnRemedies.COMMAND_LINE);
        assertTrue(times.stream().anyMatch(l -> l.startsWith("column 't' holds times of day or durations, read as ")),
                times.toString());
        // a time per row was called an identifier to remove, though it is a feature to write as minutes (7 Dec)
        StringBuilder distinct = new StringBuilder("t,x,label\n");
        for (int i = 0; i < 30; i++) {
            distinct.append(String.format("%d:%02d,%d,%s%n", 8 + i / 10, i * 2, i % 5, i % 2 == 0 ? "a" : "b"));
        }
        List<String> each = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "each.csv",
                distinct.toString()), "label"), ColumnRemedies.COMMAND_LINE);
        assertEquals(List.of("column 't' holds times of day or durations, read as 30 categories without their order "
                + "(neither augment nor Tribuo reads times): a generator can only copy times it saw; write them as a "
                + "number (e.g. minutes) or remove the column"), each);
    }

    /** Kaggle's Fashion-MNIST CSV got 44 notes calling pixels codes, and no word that it holds images (6 Dec). */
    @Test
    void aTableOfPixelRowsIsNamedOnceAndItsColumnsAreNotCalledCodes() {
        StringBuilder csv = new StringBuilder("label");
        for (int p = 1; p <= 64; p++) {
            csv.append(",pixel").append(p);
        }
        csv.append('\n');
        for (int r = 0; r < 40; r++) {
            csv.append(r % 2);
            for (int p = 0; p < 64; p++) {
                // the last pixel is a near-black edge but for one bright stroke: no typo (8 notes for 3 000 real rows)
                csv.append(',').append(p == 63 ? (r == 5 ? 180 : r % 3) : p % 3 == 0 ? (r * p) % 4 * 60
                        : (r + p) % 2 == 0 ? 0 : 200 + r % 50);
            }
            csv.append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "pixels.csv", csv.toString()),
                "label"), ColumnRemedies.COMMAND_LINE);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("the table looks like images stored one per row (64 columns of whole "
                + "numbers in 0..255, 8×8)"), lines.get(0));
    }

    /** 299 customer codes in 300 rows had no identifier note (a re-check, 6 Dec). */
    @Test
    void aColumnDistinctInNearlyEveryRowIsAnIdentifier() {
        StringBuilder csv = new StringBuilder("cust,x,label\n");
        for (int i = 0; i < 300; i++) {
            csv.append("C").append(10000 + (i == 299 ? 0 : i) * 7).append(',').append(i % 9).append(',')
                    .append(i % 3 == 0 ? "b" : "a").append('\n');
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "nearid.csv", csv.toString()),
                "label"), ColumnRemedies.COMMAND_LINE);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("column 'cust' has 299 different values in its 300 rows, "
                + "nearly one per row: it identifies rows")), lines.toString());
        assertTrue(new IdentifierColumn("user", 10000).advice().contains("take native memory outside the launcher's "
                + "limits"), "a train of 10 000 values took 3.5 GB (a fresh user, 6 Dec)");
        assertFalse(new IdentifierColumn("user", 300).advice().contains("native memory"));
    }

    /** --missing NA, as a note advised for another column, made Namibia's rows missing countries (6 Dec). */
    @Test
    void aMarkerWrittenLikeAColumnsValuesIsNamedThere() {
        StringBuilder csv = new StringBuilder("country,income,age,label\n");
        String[] countries = {"NA", "ZA", "BW", "ZW"};
        for (int i = 0; i < 40; i++) {
            csv.append(countries[i % 4]).append(',').append(i % 11 == 0 ? "NA" : String.valueOf(i % 13 * 100))
                    .append(',')
                    .append(20 + i % 7).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Table marked = TableReader.read(TableFiles.write(dir, "namibia.csv", csv.toString()), "label", Map.of(), "NA");
        assertEquals(List.of("column 'country' holds values written like the missing marker 'NA' (BW, ZA, ZW), "
                + "so its 10 "
                + "missing cells may be a value 'NA' (a country, a dose, an answer): a missing marker applies to every "
                + "column; if 'NA' is a value there, write the other columns' missing cells empty and give no marker"),
                ColumnAdvice.lines(marked, ColumnRemedies.COMMAND_LINE));
        Table wordedTable = TableReader.read(TableFiles.write(dir, "worded.csv", csv.toString().replace("ZA,",
                "Zambia,")), "label", Map.of(), "NA");
        List<String> worded = ColumnAdvice.lines(wordedTable, ColumnRemedies.COMMAND_LINE);
        assertEquals(1, worded.size(), "Zambia is not shaped as NA, but NA is as frequent as a category: " + worded);
        assertTrue(worded.get(0).startsWith("column 'country' has 10 missing cells, as many as a category of "
                + "its 3 (BW, "
                + "ZW, Zambia) has rows: they may be a value 'NA'"), worded.get(0));
        // a column with a few missing cells among many rows of its categories: no note
        StringBuilder rare = new StringBuilder("dose,income,age,label\n");
        for (int i = 0; i < 200; i++) {
            rare.append(i == 7 || i == 50 ? "NA" : i % 3 == 0 ? "Low" : "High").append(',').append(i % 11 == 0 ? "NA"
                    : String.valueOf(i % 13 * 100)).append(',').append(20 + i % 7).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        assertTrue(ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "rare.csv", rare.toString()), "label",
                Map.of(), "NA"), ColumnRemedies.COMMAND_LINE).stream().noneMatch(l -> l.startsWith("column 'dose'")),
                "2 missing of 200: 1 %");
    }

    /** Rows labelled NA became a class that balancing grew most, without a word (a fresh user, 5 Dec). */
    @Test
    void aLabelThatSpellsAMissingCellIsNamedWithItsRows() {
        Table table = TableReader.read(TableFiles.write(dir, "na-label.csv", "x,label\n1,yes\n2,no\n3,NA\n4,NA\n"
                + "5,yes\n6,no\n"), "label");
        assertEquals(List.of("label 'NA' (2 rows) is a usual spelling of a missing cell, and is read as a class of its "
                + "own, which oversampling grows like any other; if those rows have no label, remove them (with "
                + "--missing NA they are refused as rows without a label); if 'NA' is a class, ignore this"),
                ColumnAdvice.lines(table, ColumnRemedies.COMMAND_LINE));
        Table named = TableReader.read(TableFiles.write(dir, "na-free.csv", "x,label\n1,yes\n2,no\n3,NAB\n4,NAB\n"
                + "5,yes\n6,no\n"), "label");
        assertEquals(List.of(), ColumnAdvice.lines(named, ColumnRemedies.COMMAND_LINE));
        Table none = TableReader.read(TableFiles.write(dir, "none.csv", "x,label\n1,resp\n2,none\n3,resp\n4,none\n"),
                "label");
        assertEquals(List.of(), ColumnAdvice.lines(none, ColumnRemedies.COMMAND_LINE), "no response is a class");
        // NaN is a number to Tribuo's reader, which --missing refuses: the note offered --missing NaN (a fresh user)
        Table nan = TableReader.read(TableFiles.write(dir, "nan-label.csv", "x,label\n1,yes\n2,no\n3,NaN\n4,NaN\n"
                + "5,yes\n6,no\n"), "label");
        assertEquals(List.of("label 'NaN' (2 rows) is a usual spelling of a missing cell, and is read as a class of "
                + "its own, which oversampling grows like any other; if those rows have no label, remove them; if "
                + "'NaN' is a class, ignore this"), ColumnAdvice.lines(nan, ColumnRemedies.COMMAND_LINE));
        // '?', the default marker, is a class only under another marker: 5 rows grew to 70 silently (7 Dec)
        Table question = TableReader.read(TableFiles.write(dir, "q-label.csv", "x,label\n1,yes\n2,no\n3,?\n4,?\n"
                + "5,yes\n6,no\n"), "label", Map.of(), "NONE_");
        assertEquals(List.of("label '?' (2 rows) is a usual spelling of a missing cell, and is read as a class of its "
                + "own, which oversampling grows like any other; if those rows have no label, remove them (with "
                + "--missing '?' they are refused as rows without a label); if '?' is a class, ignore this"),
                ColumnAdvice.lines(question, ColumnRemedies.COMMAND_LINE).stream().filter(l -> l.startsWith("label"))
                        .toList());
    }

    @Test
    void labelsThatDifferOnlyInCaseOrNumberSpellingAreNamed() {
        assertEquals(List.of("labels 'Good' and 'good' are two classes (as Tribuo reads them) although they differ only "
                + "in " + ColumnAdvice.LOOK_ALIKE + "; if they are one class, write them alike in the data",
                "labels '1' and '1.0' are two classes (as Tribuo reads them) although they are the same number; if they "
                + "are one class, write them alike in the data"),
                ColumnAdvice.lookalikeLabels(List.of("Good", "good", "bad", "1", "1.0", "10")));
        // the spellings a person reads alike; other punctuation tells classes apart (adult's <=50K and >50K)
        assertEquals(List.of("labels 'tested positive', 'tested  positive' and 'Tested_Positive' are 3 classes (as "
                + "Tribuo reads them) although they differ only in " + ColumnAdvice.LOOK_ALIKE + "; if they "
                + "are one class, write them alike in the data"),
                ColumnAdvice.lookalikeLabels(List.of("tested positive", "tested  positive", "Tested_Positive")));
        assertEquals(List.of(), ColumnAdvice.lookalikeLabels(List.of("<=50K", ">50K", "A-", "A", "A+")));
        // UCI Adult's test file writes >50K. where its training file writes >50K; wind-float beside wind float (5 Dec)
        assertEquals(List.of("labels '>50K' and '>50K.' are two classes (as Tribuo reads them) although they differ "
                + "only in " + ColumnAdvice.LOOK_ALIKE + "; if they are one class, write them alike in the data",
                "labels 'wind float' and 'wind-float' are two classes (as Tribuo reads them) although they differ "
                + "only in " + ColumnAdvice.LOOK_ALIKE + "; if they are one class, write them alike in the data"),
                ColumnAdvice.lookalikeLabels(List.of(">50K", ">50K.", "wind float", "wind-float", "1-2", "12")));
        assertEquals(List.of("labels '0' and '-0' are two classes (as Tribuo reads them) although they are the same "
                + "number; if they are one class, write them alike in the data"),
                ColumnAdvice.lookalikeLabels(List.of("0", "-0", "1")));
        assertEquals(2, ColumnAdvice.lookalikeLabels(List.of("-1", "\u22121", "1", "\uFF11")).size(),
                "a Unicode minus and fullwidth digits spell the same numbers");
        assertEquals(List.of(), ColumnAdvice.lookalikeLabels(List.of("9007199254740992", "9007199254740993")),
                "two 16-digit codes one double holds are two numbers");
        assertEquals(2, ColumnAdvice.lookalikeLabels(List.of("1", "\u0661", "2", "\u06F2")).size(),
                "Arabic-Indic and Persian digits too (a fresh user, 6 Dec)");
        // an accent written as its own character (macOS), a no-break or zero-width space: shown as escapes
        assertEquals(List.of("labels 'Caf\u00e9' and 'Cafe\\u0301' are two classes (as Tribuo reads them) although "
                + "they differ only in " + ColumnAdvice.LOOK_ALIKE + "; if "
                + "they are one class, write them alike in the data", "labels 'Yes', 'Yes\\u00a0' and 'Yes\\u200b' are 3 "
                + "classes (as Tribuo reads them) although they differ only in " + ColumnAdvice.LOOK_ALIKE
                + "; if they are one class, write them alike in the data"),
                ColumnAdvice.lookalikeLabels(List.of("Caf\u00e9", "Cafe\u0301", "Yes", "Yes\u00a0", "Yes\u200b")));
        // numbers after the loose spelling: '1' and '1' with a no-break space are one number; compatibility forms
        // (a ligature, a superscript, the micro sign) are other characters to a reader, not look-alikes
        String why = " are two classes (as Tribuo reads them) although they are the same number written differently "
                + "(other digits, spaces or invisible characters); if they are one class, write them alike in the data";
        assertEquals(List.of("labels '1' and '1\\u00a0'" + why, "labels '2' and '2\\u200b'" + why),
                ColumnAdvice.lookalikeLabels(List.of("1", "1\u00a0", "2", "2\u200b", "\ufb01sh", "fish", "m\u00b2",
                        "m2", "\u00b5m", "\u03bcm")));
        assertEquals(List.of("labels '1', '1.0' and '1\\u00a0' are 3 classes (as Tribuo reads them) although they are "
                + "the same number written differently (other digits, spaces or invisible characters); if they are one "
                + "class, write them alike in the data"), ColumnAdvice.lookalikeLabels(List.of("1", "1.0", "1\u00a0")));
        Table table = TableReader.read(TableFiles.write(dir, "case.csv", "x,y\n1,Good\n2,Good\n3,good\n4,good\n"),
                "y");
        assertTrue(ColumnAdvice.lines(table).get(0).startsWith("labels 'Good' and 'good' are two classes"),
                ColumnAdvice.lines(table).toString());
    }

    @Test
    void categoriesThatLookAlikeAreNamed() {
        Table table = TableReader.read(TableFiles.write(dir, "city.csv", "city,y\nZ\u00fcrich,a\nZu\u0308rich,a\n"
                + "Bern,b\nbern,b\nBasel,a\n"), "y");
        // categories are sorted, so Bern comes first, and the decomposed Zu + U+0308 before the composed Zürich
        assertEquals(List.of("column 'city' has categories 'Bern' and 'bern' that differ only in "
                + ColumnAdvice.LOOK_ALIKE + " (Tribuo reads them as two features); "
                + "if they are one category, write them alike in the data", "column 'city' has categories "
                + "'Zu\\u0308rich' and 'Z\u00fcrich' that differ only in "
                + ColumnAdvice.LOOK_ALIKE + " (Tribuo reads them as two features); if they are one "
                + "category, write them alike in the data"), ColumnAdvice.lookalikeCategories(table.schema()));
    }

    /** ZIP codes with the leading zero lost in some rows, and grades 1 and 1.0, split silently (6 Dec). */
    @Test
    void categoriesThatAreTheSameNumberAreNamed() {
        Table table = TableReader.read(TableFiles.write(dir, "zips.csv", "zip,grade,y\n02139,1,a\n2139,1.0,a\n"
                + "10001,2,b\nA1,x,b\n"), "y", java.util.Map.of("zip", ColumnKind.CATEGORICAL, "grade",
                ColumnKind.CATEGORICAL), "?");
        List<String> lines = ColumnAdvice.lookalikeCategories(table.schema());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'zip' has categories '02139' and '2139' that are the same number "
                + "written differently (a leading zero lost in some rows"), lines.get(0));
        assertTrue(lines.get(1).startsWith("column 'grade' has categories '1' and '1.0' that are the same number"),
                lines.get(1));
    }

    /** A genotype table's columns of AA/Aa/aa, where case matters: five notes, then one line for the rest. */
    @Test
    void lookalikeCategoryNotesStopAtFiveColumnsAndCountTheRest() {
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < 8; c++) {
            csv.append("m").append(c).append(',');
        }
        csv.append("y\n");
        String[] genotypes = {"AA", "Aa", "aa"};
        for (int r = 0; r < 6; r++) {
            for (int c = 0; c < 8; c++) {
                csv.append(genotypes[(r + c) % 3]).append(',');
            }
            csv.append(r % 2 == 0 ? "p" : "q").append('\n');
        }
        List<String> lines = ColumnAdvice.lookalikeCategories(TableReader.read(TableFiles.write(dir, "geno.csv",
                csv.toString()), "y").schema());
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(4).startsWith("column 'm4' has categories 'AA', 'Aa' and 'aa'"), lines.get(4));
        assertEquals("columns 'm5', 'm6', 'm7' also have categories alike in those ways", lines.get(5));
    }

    /**
     * A column of numbers with the Unicode minus in every other row (−0.14 beside -0.167) got one note per number,
     * each blaming a lost leading zero or decimals (a fresh user, 7 Dec): five, the minus named, then a count.
     */
    @Test
    void numbersAlikeButForTheirMinusSignAreCappedWithinAColumnAndNamedSo() {
        StringBuilder csv = new StringBuilder("pedi,y\n");
        for (int r = 0; r < 12; r++) {
            String number = "0." + (10 + r);
            csv.append('-').append(number).append(",a\n").append('\u2212').append(number).append(",b\n");
        }
        List<String> lines = ColumnAdvice.lookalikeCategories(TableReader.read(TableFiles.write(dir, "minus.csv",
                csv.toString()), "y", java.util.Map.of("pedi", ColumnKind.CATEGORICAL), "?").schema());
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("column 'pedi' has categories '-0.10' and '\u22120.10' that are the same "
                + "number written with other characters (U+2212, minus sign, in some"), lines.get(0));
        assertEquals("column 'pedi' has 7 more groups of categories alike in those ways", lines.get(5));
    }

    /**
     * {@code '14.8} beside {@code 14.8} got five lines blaming a lost leading zero or decimals, then a count, before
     * the one note naming a spreadsheet's text form, the real cause (a re-check, 7 Dec).
     */
    @Test
    void numbersKeptAsASpreadsheetsTextGetOneNoteNamingItAlone() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int r = 0; r < 24; r++) {
            String number = (10 + r % 8) + ".5";
            csv.append(r % 3 == 2 ? "'" : "").append(number).append(r % 2 == 0 ? ",a\n" : ",b\n");
        }
        Table table = TableReader.read(TableFiles.write(dir, "apostrophe.csv", csv.toString()), "y");
        List<String> groups = ColumnAdvice.lookalikeCategories(table.schema());
        assertTrue(groups.size() > 1, "the groups are there to be named");
        assertTrue(groups.get(0).contains("are the same number, kept as a spreadsheet's text in some rows"),
                groups.get(0));
        List<String> lines = ColumnAdvice.lines(table, ColumnRemedies.COMMAND_LINE);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("as a spreadsheet's text"), lines.get(0));
        // with a gap beside them, the usual case, the five lines came back (a re-check, 7 Dec)
        List<String> withGap = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "apostrophe-na.csv",
                csv + "N/A,a\n"), "y"), ColumnRemedies.COMMAND_LINE);
        assertEquals(1, withGap.size(), withGap.toString());
    }

    /** An en dash (Word's autocorrect) as the minus: "identifies rows, remove the column" (a re-check, 7 Dec). */
    @Test
    void anEnDashBeforeANumberIsReadAsItsMinus() {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int r = 0; r < 30; r++) {
            csv.append(r % 2 == 0 ? "-" : "\u2013").append(1 + r / 2).append(r % 2 == 0 ? ",a\n" : ",b\n");
        }
        List<String> lines = ColumnAdvice.lines(TableReader.read(TableFiles.write(dir, "dash.csv", csv.toString()),
                "y"), ColumnRemedies.COMMAND_LINE);
        assertTrue(lines.stream().noneMatch(l -> l.contains("identifies rows")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("(U+2013, en dash, in some")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("column 'x' is read as categories because values "
                + "such as '\u20131'")), lines.toString());
    }
}

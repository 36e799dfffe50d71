package dev.augment.table;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Numbers with text after them, as papers and lab sheets write them: every third cell {@code 10.5 (0.5)} made a
 * measured column one category per value, without a word, for each spelling that no rule listed (fresh users, 5 to
 * 7 Dec). The note takes the kind; codes that start with a number, dates and ranges stay unnamed.
 */
class AnnotatedNumberColumnTest {

    @TempDir
    Path dir;

    /** Twelve rows of a measured column, every third cell written with the annotation's spelling. */
    private Table tableWith(String spelling) {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 12; i++) {
            String value = (10 + i) + "." + (i % 10);
            csv.append(i % 3 == 2 ? spelling.replace("V", value) : value).append(',').append(i % 2 == 0 ? "a" : "b")
                    .append('\n');
        }
        return TableReader.read(TableFiles.write(dir, "t.csv", csv.toString()), "y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"V (0.5)", "V(5)", "V (SD 0.5)", "V [11.9-13.3]", "V+/-0.5*", "V \\pm 0.5", "(V ± 0.5)",
            "V ∓ 0.5", "V + / - 0.5", "V*", "Vk", "V mg/dL", "V (n=12)"})
    void aNumberFollowedByTextIsNamedWithTheNumberToWriteAlone(String spelling) {
        Table table = tableWith(spelling);
        assertEquals(ColumnKind.CATEGORICAL, table.schema().columns().get(0).kind());
        List<String> lines = ColumnAdvice.lines(table);
        List<String> aboutX = lines.stream().filter(l -> l.startsWith("column 'x'")).toList();
        assertEquals(1, aboutX.size(), "one note for the column: " + lines);
        String note = aboutX.get(0);
        assertTrue(note.contains("'" + spelling.replace("V", "12.2") + "'"), note);
        assertTrue(note.contains("are a number followed by other text") && note.contains("(e.g. 12.2)"), note);
        assertEquals(spelling.equals("Vk"), note.contains("a multiplier multiplied out (12.2k as 12200)"), note);
    }

    @org.junit.jupiter.api.Test
    void theSpellingsWithTheirOwnNoteKeepIt() {
        String note = ColumnAdvice.lines(tableWith("V ± 0.5")).stream().filter(l -> l.startsWith("column 'x'"))
                .findFirst().orElseThrow();
        assertTrue(note.contains("a ± uncertainty in a column of its own"), note);
        assertTrue(!note.contains("followed by other text"), "one note, not two: " + note);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1a,1b,2a,2b,3", "12A,14B,3,4,5", "20-29,30-39,5,6,7", "2024-01-31,5,6,7,8",
            "1.2.3,1.2.4,5,6,7", "1a,2a,3a,4a,5", "12 Main St,221B Baker St,1,2,3", "10x20,11x14,1,2,3",
            "1+,2+,3-,4,5", "1st,2nd,3rd,4,5", "6 of 10,7 of 10,1,2,3", "30+,65+,1,2,3", "1.1-rc1,2.0-beta,1,2,3",
            "1h30,2h15,1,2,3", "2 x 5mg,1 x 10mg,1,2,3", "2 bed,3 bed,1,2,3", "66 East,101 West,1,2,3",
            "7=,10=,1,2,3", "1 (early),2 (mid),3,4,5", "1 year 3 months,2 years 1 month,1,2,3"})
    void codesDatesAndRangesThatStartWithANumberAreNotNamed(String values) {
        String[] cells = (values + ",8,9,10,11").split(",");
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < cells.length; i++) {
            csv.append(cells[i]).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Table table = TableReader.read(TableFiles.write(dir, "codes.csv", csv.toString()), "y");
        assertEquals(List.of(), AnnotatedNumberColumn.find(table.schema(), NumberLikeColumn.find(table.schema())),
                values);
    }

    /** Three such cells among 78 numbers were "mistyped? correct them" (a re-check, 7 Dec). */
    @org.junit.jupiter.api.Test
    void aFewAnnotatedCellsAmongManyNumbersGetThisNoteNotMistyped() {
        StringBuilder csv = new StringBuilder("value,y\n");
        for (int i = 0; i < 78; i++) {
            csv.append(10 + i / 10.0).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        csv.append("10.55 (0.5),a\n12.35*,b\n12k,a\n");
        Table table = TableReader.read(TableFiles.write(dir, "few.csv", csv.toString()), "y");
        List<String> lines = ColumnAdvice.lines(table);
        assertEquals(1, lines.size(), lines.toString());
        assertEquals(List.of(), IdentifierColumn.find(table), "no identifier by the public way either");
        assertTrue(lines.get(0).contains("are a number followed by other text") && !lines.get(0).contains("mistyped"),
                lines.get(0));
        assertTrue(lines.get(0).contains("a multiplier multiplied out (12k as 12000)"), lines.get(0));
    }

    @org.junit.jupiter.api.Test
    void fewerThanFivePlainNumbersAreCodesAndAGapSpellingIsAllowed() {
        Table few = TableReader.read(TableFiles.write(dir, "few.csv",
                "x,y\n1 (a),a\n2,b\n3,a\n4 (b),b\n"), "y");
        assertEquals(List.of(), AnnotatedNumberColumn.find(few.schema(), List.of()));

        Table gap = TableReader.read(TableFiles.write(dir, "gap.csv",
                "x,y\n1.5,a\n2.5,b\n3.5,a\n4.5,b\n5.5,a\n6.5 (0.2),b\nNA,a\n"), "y");
        List<AnnotatedNumberColumn> found = AnnotatedNumberColumn.find(gap.schema(), List.of());
        assertEquals(1, found.size());
        assertEquals(List.of("6.5 (0.2)"), found.get(0).annotated());
        assertEquals(5, found.get(0).numbers());
    }
}

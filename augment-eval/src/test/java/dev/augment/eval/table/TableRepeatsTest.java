package dev.augment.eval.table;

import dev.augment.table.Table;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Duplicate rows on both sides of a split are counted, missing cells matching missing cells. */
class TableRepeatsTest {

    @Test
    void testRowsThatRepeatATrainingRowAreCounted(@TempDir Path dir) throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "a,b,c\n1,x,p\n?,y,p\n3,x,q\n4,y,q\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "a,b,c\n1,x,q\n?,y,p\n9,x,q\n4,x,q\n");
        Table trainTable = TableReader.read(train, "c");
        Table testTable = TableReader.read(test, trainTable.schema());
        assertEquals(1, TableRepeats.testRowsInTraining(trainTable, testTable), "?,y; not 1,x, of another label");
        assertEquals(Optional.empty(), TableRepeats.caveat(0, 40, 2));
        assertEquals("5.0% of the test rows (2 of 40 over 2 seeds) repeat a training row exactly (the table has "
                + "duplicate rows), so the scores are optimistic by up to that share",
                TableRepeats.caveat(2, 40, 2).orElseThrow());
    }

    @Test
    void aTableMostlyOfRepeatedRowsIsRefused(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int copy = 0; copy < 3; copy++) {
            for (int i = 0; i < 10; i++) {
                csv.append(i).append(',').append(i * 2).append(",p\n").append(i + 100).append(',').append(i)
                        .append(",q\n");
            }
        }
        Path file = Files.writeString(dir.resolve("thrice.csv"), csv);
        Table table = TableReader.read(file, "c");
        dev.augment.errors.InvalidDataException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidDataException.class,
                () -> TableRepeats.check(table, java.util.List.of(1L, 2L).stream().map(seed -> StratifiedSplit.of(
                        table.classes(), table.schema().classCount(), 0.3, seed)).toList(), file));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("repeat a training row exactly, so the "
                + "scores would measure memorisation"), e.getMessage());
    }

    /** A survey of a few answers repeats by nature; refusing told a fresh user to delete 95 % of it (6 Dec). */
    @Test
    void aTableWhoseColumnsAllowFewerRowsThanItHasGetsACaveatNotARefusal(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("smoker,sex,age_group,label\n");
        String[] ages = {"young", "middle", "old"};
        for (int i = 0; i < 200; i++) {
            csv.append(i % 2 == 0 ? "yes" : "no").append(',').append(i % 3 == 0 ? "f" : "m").append(',')
                    .append(ages[i % 3]).append(',').append(i % 5 == 0 ? "sick" : "well").append('\n');
        }
        Path file = Files.writeString(dir.resolve("survey.csv"), csv);
        Table table = TableReader.read(file, "label");
        assertEquals(12.0, TableRepeats.possibleRows(table), "2 x 2 x 3 answers");
        String caveat = TableRepeats.check(table, java.util.List.of(StratifiedSplit.of(table.classes(),
                table.schema().classCount(), 0.3, 1L)), file).orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(caveat.contains("as the table's columns of few values each "
                + "allow few "
                + "different rows (at most 12) for its 200"), caveat);
        // twelve yes/no questions allow 4 096 rows, more than the 300 people, who still repeat each other
        StringBuilder twelve = new StringBuilder("q1,q2,q3,q4,q5,q6,q7,q8,q9,q10,q11,q12,label\n");
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 300; i++) {
            boolean lean = random.nextInt(10) < 9;
            for (int q = 0; q < 12; q++) {
                twelve.append(random.nextInt(10) < 9 == lean ? "yes" : "no").append(',');
            }
            twelve.append(lean ? "pro" : "contra").append('\n');
        }
        Path survey = Files.writeString(dir.resolve("survey12.csv"), twelve);
        Table answers = TableReader.read(survey, "label");
        assertEquals(true, TableRepeats.fewValued(answers));
        TableRepeats.check(answers, java.util.List.of(StratifiedSplit.of(answers.classes(),
                answers.schema().classCount(), 0.3, 1L)), survey); // no refusal, whatever the share
    }
}

package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augment.table.ColumnKind;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --missing}: a table whose missing numbers say {@code NA}. Without the option the column silently became
 * categories; now the commands say so and name the fix, and with {@code --missing NA} the column is numeric and
 * the marker travels with the model and the report.
 */
class MissingMarkerCommandTest {

    @TempDir
    Path dir;

    /** 40 rows, two classes; column x holds numbers and two NA cells, column colour one NA cell. */
    private Path table() throws IOException {
        StringBuilder csv = new StringBuilder("x,colour,y\n");
        for (int i = 0; i < 40; i++) {
            String x = i == 7 || i == 23 ? "NA" : String.valueOf(i % 2 == 0 ? i * 0.5 : 20 + i * 0.25);
            String colour = i == 11 ? "NA" : i % 3 == 0 ? "red" : "blue";
            csv.append(x).append(',').append(colour).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        return Files.writeString(dir.resolve("na.csv"), csv);
    }

    @Test
    void withoutMissingTrainSaysTheNumericColumnBecameCategoriesAndNamesTheFix() throws IOException {
        CliRun train = CliRun.of("train", "--data", table().toString(), "--label", "y", "--out",
                dir.resolve("m.onnx").toString(), "--steps", "2");

        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("note: column 'x' is read as categories although 38 of its distinct values "
                + "are numbers; 'NA' is not. If it marks a missing cell, give it as the missing marker (--missing NA)"),
                train.out());
        assertFalse(train.out().contains("column 'colour'"), train.out());
    }

    @Test
    void missingNaKeepsTheColumnNumericAndTheModelAndItsCsvRowsUseNa() throws IOException {
        Path csv = table();
        Path model = dir.resolve("m.onnx");
        CliRun train = CliRun.of("train", "--data", csv.toString(), "--label", "y", "--missing", "NA", "--out",
                model.toString(), "--steps", "2");
        assertEquals(0, train.exitCode(), train.err());
        assertFalse(train.out().contains("note:"), train.out());
        assertTrue(train.out().contains("2 feature columns (3 Tribuo features)"), "x numeric, colour red/blue: "
                + train.out());

        CliRun inspect = CliRun.of("inspect", "--model", model.toString());
        assertTrue(inspect.out().contains("1 numeric, 1 categorical") && inspect.out().contains("missing marker 'NA'"),
                inspect.out());
        Path out = dir.resolve("synth");
        CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "5",
                "--format", "csv", "--out", out.toString());
        assertEquals(0, generate.exitCode(), generate.err());
        Table real = TableReader.read(csv, "y", java.util.Map.of(), "NA");
        Table synthetic = TableReader.read(out.resolve("samples.csv"), real.schema());
        assertEquals(10, synthetic.rows());
        assertEquals(ColumnKind.NUMERIC, synthetic.schema().columns().get(0).kind());
    }

    @Test
    void evaluateReadsTheTableWithTheMarkerAndRecordsIt() throws IOException {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("evaluate", "--data", table().toString(), "--label", "y", "--missing", "NA",
                "--trainer", "logistic", "--seeds", "1", "--gan-steps", "0", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        // the marker's cells are missing, not a text that makes x categorical: the one note is that they read as 0
        assertTrue(run.out().lines().filter(l -> l.startsWith("note:")).allMatch(l -> l.startsWith(
                "note: numeric column x (2) has missing cells")), run.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("NA", json.path("settings").path("missingMarker").asText());
    }

    @Test
    void oversampleSaysThatMissingNumbersAreReadAsZeroAndRefusesTableOptionsForImages() throws IOException {
        CliRun table = CliRun.of("oversample", "--data", table().toString(), "--label", "y", "--missing", "NA",
                "--policy", "smote", "--multiply", "1.5", "--format", "csv", "--out", dir.resolve("o").toString());
        assertEquals(0, table.exitCode(), table.err());
        // the plugin's warning, so that Tribuo code using AugmentingDataSource hears it too
        assertTrue(table.err().contains("augment: warning: missing numbers in x (2) (counted in the classes SMOTE adds to) are read as 0, as Tribuo reads a "
                + "missing number"), table.err());
        // the real rows keep their missing cells, written with the table's marker
        List<String> written = Files.readAllLines(dir.resolve("o").resolve("samples.csv"));
        assertEquals("x,colour,y", written.get(0));
        assertEquals("NA,blue,b", written.get(8), "row 8 (i = 7): x missing");
        assertEquals("22.75,NA,b", written.get(12), "row 12 (i = 11): colour missing");

        Path images = Path.of("..", "datasets", "fashion-mnist-sample");
        for (String option : List.of("--missing", "--label")) {
            CliRun run = CliRun.of("oversample", "--data", images.toString(), option, "NA", "--policy", "ros",
                    "--format", "idx", "--out", dir.resolve("i").toString());
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains(option + " applies to a .csv --data only"), run.err());
            assertFalse(Files.exists(dir.resolve("i")));
        }
    }

    @Test
    void missingIsRefusedForImagesAndForATextNoCellCanBe() throws IOException {
        CliRun images = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--missing", "NA", "--out", dir.resolve("i.onnx").toString());
        assertEquals(2, images.exitCode());
        assertTrue(images.err().contains("--missing applies to a .csv --data only"), images.err());

        for (String bad : List.of(" ", "N,A")) {
            CliRun run = CliRun.of("train", "--data", table().toString(), "--label", "y", "--missing", bad, "--out",
                    dir.resolve("b.onnx").toString(), "--steps", "2");
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("--missing"), run.err());
            assertFalse(Files.exists(dir.resolve("b.onnx")));
        }
    }
}

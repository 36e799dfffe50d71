package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augment.table.Table;
import dev.augment.table.TableColumn;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code augment train} on a CSV table, and what generate makes of the model. */
class TableTrainCommandTest {

    private static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");
    private static final Path IMAGES = Path.of("..", "datasets", "fashion-mnist-sample");

    @Test
    void aFewStepsOnTheCreditSampleGiveAModelThatGenerateTurnsIntoTheTablesRows(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("credit.onnx");
        CliRun train = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "6", "--seed", "3");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("training the table GAN on 150 rows"), train.out());
        assertTrue(train.out().contains("batch 75 (not 80: at most half the 150 rows), 6 steps"),
                "150 rows: batch = largest multiple of pac 1 (the sample's bad class has 45 rows) in half "
                + "the rows: " + train.out());
        assertTrue(train.out().contains("pac 1: the smallest class has 45 training rows (under 50)"), train.out());
        assertTrue(train.out().contains("critic steps per generator step 5: the smallest class has 45 training rows "
                + "(under 50)"), train.out());
        assertTrue(train.out().contains("batch size asked for 80: the smallest class has 45 training rows (under 50)"),
                train.out());

        CliRun packed = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out",
                dir.resolve("packed.onnx").toString(), "--steps", "2", "--pac", "10");
        assertEquals(0, packed.exitCode(), packed.err());
        assertTrue(packed.out().contains("batch 70 (not 80: at most half the 150 rows, a multiple of pac 10)")
                && packed.out().contains("pac 10 (as given)"), packed.out());

        CliRun inspect = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals(0, inspect.exitCode(), inspect.err());
        JsonNode json = new ObjectMapper().readTree(inspect.out());
        assertEquals(3, json.path("provenance").path("seed").asInt());
        assertEquals(6, json.path("provenance").path("steps").asInt());
        assertEquals(150, json.path("provenance").path("trainingData").path("count").asInt());
        assertFalse(json.path("provenance").path("settings").has("epochs"), "a step run records no unused epochs");
        assertEquals(75, json.path("provenance").path("settings").path("batchSize").asInt(), "the batch used");
        assertEquals(1, json.path("provenance").path("settings").path("pac").asInt(), "the pac used");
        assertEquals(5, json.path("provenance").path("settings").path("criticSteps").asInt(), "the critic steps used");
        assertEquals(80, json.path("provenance").path("settings").path("batchSizeAsked").asInt(),
                "the class-size rule's batch for a table with a small class");
        assertEquals(1.0, json.path("provenance").path("settings").path("auxiliaryWeight").asDouble(),
                "the auxiliary classifier is on by default");
        CliRun text = CliRun.of("inspect", "--model", model.toString());
        assertTrue(text.out().contains("steps:       6, seed 3"), text.out());

        Path out = dir.resolve("synth");
        CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "40",
                "--format", "csv", "--out", out.toString());
        assertEquals(0, generate.exitCode(), generate.err());
        Path csv = out.resolve("samples.csv");
        assertEquals(Files.readAllLines(CREDIT).get(0), Files.readAllLines(csv).get(0));
        Table real = TableReader.read(CREDIT, "class");
        Table synthetic = TableReader.read(csv, real.schema());
        assertEquals(80, synthetic.rows());
        assertEquals(40, synthetic.examplesPerClass()[0]);
        for (int c = 0; c < real.schema().columns().size(); c++) {
            TableColumn column = real.schema().columns().get(c);
            for (int r = 0; r < synthetic.rows() && column.isNumeric(); r++) {
                double v = synthetic.numeric()[r][c];
                assertTrue(v >= column.min() && v <= column.max(), column.name() + " = " + v);
            }
        }
    }

    @Test
    void auxWeightSetsTheTableClassifierLossAndANegativeOneIsAOneLineUsageError(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("plain.onnx");
        CliRun off = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2", "--aux-weight", "0");
        assertEquals(0, off.exitCode(), off.err());
        assertTrue(off.out().contains("auxiliary classifier weight 0.0 (as given)"), "a given weight is logged too");
        CliRun inspect = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals(0.0, new ObjectMapper().readTree(inspect.out()).path("provenance").path("settings")
                .path("auxiliaryWeight").asDouble(-1), inspect.out());

        Path never = dir.resolve("never.onnx");
        CliRun negative = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out",
                never.toString(), "--steps", "2", "--aux-weight", "-1");
        assertEquals(2, negative.exitCode(), negative.err());
        assertTrue(negative.err().contains("--aux-weight must be a finite number, not negative, was -1.0"),
                negative.err());
        assertEquals(1, negative.err().strip().lines().count(), negative.err());
        assertFalse(Files.exists(never));
    }

    @Test
    void infoWeightIsRecordedAndRefusedWhenNegativeOrForImages(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("info.onnx");
        CliRun off = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2", "--info-weight", "0.5");
        assertEquals(0, off.exitCode(), off.err());
        assertTrue(off.out().contains("information loss weight 0.5 (as given)"), off.out());
        CliRun inspect = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals(0.5, new ObjectMapper().readTree(inspect.out()).path("provenance").path("settings")
                .path("informationWeight").asDouble(-1), inspect.out());

        Path never = dir.resolve("never.onnx");
        CliRun negative = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out",
                never.toString(), "--steps", "2", "--info-weight", "-1");
        assertEquals(2, negative.exitCode(), negative.err());
        assertTrue(negative.err().contains("--info-weight must be a finite number, not negative, was -1.0"),
                negative.err());
        assertEquals(1, negative.err().strip().lines().count(), negative.err());
        CliRun images = CliRun.of("train", "--data", IMAGES.toString(), "--out", never.toString(), "--epochs", "1",
                "--info-weight", "1");
        assertEquals(2, images.exitCode(), images.err());
        assertTrue(images.err().contains("--info-weight applies to a .csv --data only"), images.err());
        assertFalse(Files.exists(never));
    }

    @Test
    void aTableNeedsItsLabelColumn(@TempDir Path dir) {
        Path model = dir.resolve("m.onnx");
        CliRun run = CliRun.of("train", "--data", CREDIT.toString(), "--out", model.toString(), "--steps", "2");
        assertEquals(2, run.exitCode());
        // the example is the table's own last column, and its columns are listed: "e.g. --label class" was given for
        // tables without one (a fresh user, 7 Dec)
        assertTrue(run.err().contains("--label is required for a .csv --data: name the class column, e.g. --label "
                + "class (its columns: checking_status, duration,"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(model));
        Path glass = Path.of("..", "datasets", "tabular-sample", "glass.csv");
        CliRun other = CliRun.of("evaluate", "--data", glass.toString(), "--out", dir.resolve("e").toString());
        assertEquals(2, other.exitCode(), other.err());
        assertTrue(other.err().contains("e.g. --label Type (its columns: RI, Na,"), other.err());
        // an option a table never reads is refused first: "must be 0 or at least 10" sent the user to values the
        // table then refused too (a fresh user, 7 Dec)
        CliRun check = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2", "--check-samples", "5");
        assertEquals(2, check.exitCode(), check.err());
        assertTrue(check.err().contains("--check-samples applies to image data only, not to the table")
                && check.err().contains("; leave it out"), check.err());
    }

    /** A Latin-1 table is named as not UTF-8, without the decoder's "Input length = 1" appended. */
    @Test
    void aLatin1TableIsOneLineSayingUtf8(@TempDir Path dir) throws IOException {
        Path csv = Files.write(dir.resolve("latin1.csv"), "a,b,class\n1.5,caf\u00e9,x\n2.5,t,y\n3,t,x\n4,u,y\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path model = dir.resolve("m.onnx");
        CliRun run = CliRun.of("train", "--data", csv.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2");
        assertEquals(3, run.exitCode(), run.err());
        assertEquals("augment: " + csv + ": not UTF-8 text: line 2 holds bytes that UTF-8 does not allow (a Latin-1 "
                + "or Windows-1252 export?); save the table as UTF-8 CSV", run.err().strip());
        assertFalse(Files.exists(model));
    }

    /** --steps 0 used to train the default 4 000 steps silently: 0 is only the option's unset value. */
    @ParameterizedTest
    @ValueSource(strings = {"-5", "0"})
    void stepsBelowOneAreRefusedForATable(String steps, @TempDir Path dir) {
        Path model = dir.resolve("m.onnx");
        CliRun run = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", steps);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--steps must be at least 1, was " + steps), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(model));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--arch=conv", "--ema-decay=0.9", "--check-every=2", "--check-samples=0", "--names=mnist"})
    void imageOnlyOptionsAreRefusedForATable(String option, @TempDir Path dir) {
        Path model = dir.resolve("m.onnx");
        CliRun run = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2", option);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(option.split("=")[0] + " applies to image data only"), run.err());
        assertFalse(Files.exists(model));
    }

    /**
     * A column of 1e-20 had its 21 decimal places recorded as the cap, 12, and every generated value was rounded to
     * 0.000000000000, below the column's smallest; now such a column is not rounded. A column a float cannot hold
     * (1e300, or 1e-300, which a float reads as 0) failed inside the mixture fit (exit 1) or came out as 0; refused.
     */
    @Test
    void tinyNumbersAreGeneratedAsNonZeroAndNumbersBeyondAFloatAreRefused(@TempDir Path dir) throws IOException {
        StringBuilder tiny = new StringBuilder("size,weight,kind\n");
        for (int i = 0; i < 40; i++) {
            tiny.append(1 + i % 9).append(".0").append(i % 5).append("e-20,").append(50 + i).append(',')
                    .append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path csv = Files.writeString(dir.resolve("tiny.csv"), tiny);
        Path model = dir.resolve("tiny.onnx");
        CliRun train = CliRun.of("train", "--data", csv.toString(), "--label", "kind", "--out", model.toString(),
                "--steps", "30", "--seed", "2");
        assertEquals(0, train.exitCode(), train.err());
        Path out = dir.resolve("gen");
        CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "50",
                "--format", "csv", "--out", out.toString());
        assertEquals(0, generate.exitCode(), generate.err());
        List<String> rows = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals(101, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            double size = Double.parseDouble(row.split(",")[0]);
            assertTrue(size >= 1.0e-20 && size <= 9.04e-20, row);
        }
        // 3.3e38 is a float, but the decoding's mean + 4 sigma of it is not: every generated value was NaN (6 Dec)
        for (String huge : new String[] {"1e300", "1e-300", "3.3e38"}) {
            Path bad = Files.writeString(dir.resolve("bad.csv"), tiny.toString().replaceFirst("\n1\\.00e-20,",
                    "\n" + huge + ","));
            Path badModel = dir.resolve("bad.onnx");
            CliRun refused = CliRun.of("train", "--data", bad.toString(), "--label", "kind", "--out",
                    badModel.toString(), "--steps", "2");
            assertEquals(3, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("numeric column 'size' holds " + Double.parseDouble(huge)
                    + ", beyond what the table generator's 32-bit floats hold"), refused.err());
            assertEquals(1, refused.err().strip().lines().count(), refused.err());
            assertFalse(Files.exists(badModel));
            CliRun evaluate = CliRun.of("evaluate", "--data", bad.toString(), "--label", "kind", "--gan-steps", "0",
                    "--seeds", "1", "--out", dir.resolve("eval").toString());
            assertEquals(3, evaluate.exitCode(), evaluate.err());
            assertTrue(evaluate.err().contains("numeric column 'size' holds"), evaluate.err());
        }
    }

    @Test
    void tableOptionsAreRefusedForImages(@TempDir Path dir) {
        CliRun run = CliRun.of("train", "--data", IMAGES.toString(), "--label", "class", "--out",
                dir.resolve("m.onnx").toString(), "--steps", "2");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--label applies to a .csv --data only"), run.err());
        assertFalse(run.err().contains("save or convert it"), run.err());
    }

    /** A .tsv or .csv.gz table was "not a CSV table", with no word on what would be. */
    @Test
    void aTableInAnotherFormIsToldToBeSavedAsCsv(@TempDir Path dir) throws IOException {
        for (String name : new String[] {"t.tsv", "t.csv.gz"}) {
            Path table = Files.writeString(dir.resolve(name), "a\tclass\n1\tx\n");
            CliRun evaluate = CliRun.of("evaluate", "--data", table.toString(), "--label", "class", "--out",
                    dir.resolve("eval").toString());
            assertEquals(2, evaluate.exitCode(), evaluate.err());
            // a .csv.gz is told to decompress (it was told to "save or convert it" as a .tsv is)
            String advice = name.endsWith(".gz") ? "a gzip-compressed table: decompress it first (gunzip -k "
                    + "FILE.csv.gz) and give the .csv"
                    : "a table is read from a comma-separated UTF-8 file named .csv: "
                    + "save or convert it as one";
            assertTrue(evaluate.err().contains("is not one; " + (name.endsWith(".gz") ? "it is " : "") + advice),
                    evaluate.err());
            for (String command : new String[] {"train", "oversample"}) {
                CliRun run = command.equals("train") ? CliRun.of(command, "--data", table.toString(), "--label", "class",
                        "--out", dir.resolve(command).toString()) : CliRun.of(command, "--data", table.toString(),
                        "--label", "class", "--policy", "ros", "--out", dir.resolve(command).toString());
                assertEquals(2, run.exitCode(), run.err());
                assertTrue(run.err().contains("--label applies to a .csv --data only; " + table + (name.endsWith(".gz")
                        ? " is " + advice : " is not a CSV table (" + advice + ")")), run.err());
            }
        }
    }

    /** A comma-separated .txt was told to save or convert itself, a Spark-written x.csv folder nothing (7 Dec). */
    @Test
    void aCommaSeparatedTxtIsToldToBeRenamedAndACsvFolderIsNamedAsOne(@TempDir Path dir) throws IOException {
        Path txt = Files.writeString(dir.resolve("t.txt"), "a,class\n1,x\n");
        CliRun train = CliRun.of("train", "--data", txt.toString(), "--label", "class", "--out",
                dir.resolve("m.onnx").toString());
        assertEquals(2, train.exitCode(), train.err());
        assertTrue(train.err().contains(" is not a CSV table (it looks comma-separated already: give it a name ending "
                + ".csv, e.g. cp " + txt + " " + txt + ".csv)"), train.err());
        // without an extension, as tables are often downloaded, likewise (a fresh user, 7 Dec)
        Path bare = Files.writeString(dir.resolve("diab"), "a,class\n1,x\n");
        CliRun bareTrain = CliRun.of("train", "--data", bare.toString(), "--label", "class", "--out",
                dir.resolve("m.onnx").toString());
        assertEquals(2, bareTrain.exitCode(), bareTrain.err());
        assertTrue(bareTrain.err().contains(" is not a CSV table (it looks comma-separated already: give it a name "
                + "ending .csv, e.g. cp " + bare + " " + bare + ".csv)"), bareTrain.err());
        Path folder = Files.createDirectories(dir.resolve("out.csv"));
        Files.writeString(folder.resolve("part-00000.csv"), "a,class\n1,x\n");
        CliRun evaluate = CliRun.of("evaluate", "--data", folder.toString(), "--label", "class", "--out",
                dir.resolve("eval").toString());
        assertEquals(2, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains("is not one; it is a folder, as Spark writes a CSV (part files inside): "
                + "give one .csv file"), evaluate.err());
        Path empty = Files.createDirectories(dir.resolve("empty.csv"));
        CliRun none = CliRun.of("evaluate", "--data", empty.toString(), "--label", "class", "--out",
                dir.resolve("eval2").toString());
        assertTrue(none.err().contains("is not one; it is a folder, not a file: give the CSV file itself"),
                none.err());
    }

    /**
     * A table piped in ({@code --data -}, a shell's {@code <(…)}) was "not a CSV table", and evaluate advised
     * {@code --train - --test -}; a missing {@code --data} was advised {@code --train nothere.txt} (6 Dec).
     */
    @Test
    void standardInputAndAMissingPathAreNamedAsSuch(@TempDir Path dir) {
        String pipe = "standard input or a pipe, which augment does not read as a table: save it as a file named .csv";
        CliRun evaluate = CliRun.of("evaluate", "--data", "-", "--label", "class", "--out",
                dir.resolve("eval").toString());
        assertEquals(2, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains("- is not one; it is " + pipe), evaluate.err());
        CliRun train = CliRun.of("train", "--data", "/dev/fd/63", "--label", "class", "--out",
                dir.resolve("m.onnx").toString());
        assertEquals(2, train.exitCode(), train.err());
        assertTrue(train.err().contains("/dev/fd/63 is not a CSV table but " + pipe), train.err());
        Path missing = dir.resolve("nothere.txt");
        CliRun notFound = CliRun.of("evaluate", "--data", missing.toString(), "--label", "class", "--out",
                dir.resolve("eval").toString());
        assertEquals(3, notFound.exitCode(), notFound.err());
        assertTrue(notFound.err().contains(missing + ": data not found"), notFound.err());
        assertFalse(notFound.err().contains("--train " + missing), notFound.err());
    }

    @Test
    void aTableWithASmallClassTrainsOnBatchesOfEightyAndOneWithoutOnCtgansBatch(@TempDir Path dir) throws IOException {
        Path small = twoClasses(dir.resolve("small.csv"), 200, 20);
        CliRun run = CliRun.of("train", "--data", small.toString(), "--label", "class", "--out",
                dir.resolve("small.onnx").toString(), "--steps", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("batch size asked for 80: the smallest class has 20 training rows (under 50)")
                && run.out().contains("; batch 80, 2 steps"), "220 rows allow 110, the rule asks for 80: " + run.out());
        Path large = twoClasses(dir.resolve("large.csv"), 110, 110);
        CliRun ctgan = CliRun.of("train", "--data", large.toString(), "--label", "class", "--out",
                dir.resolve("large.onnx").toString(), "--steps", "2");
        assertEquals(0, ctgan.exitCode(), ctgan.err());
        assertTrue(ctgan.out().contains("batch size asked for 500: the smallest class has 110 training rows (not "
                + "under 50)") && ctgan.out().contains("; batch 110 (not 500: at most half the 220 rows), 2 steps"),
                ctgan.out());
        CliRun given = CliRun.of("train", "--data", small.toString(), "--label", "class", "--out",
                dir.resolve("given.onnx").toString(), "--steps", "2", "--batch-size", "100");
        assertEquals(0, given.exitCode(), given.err());
        assertTrue(given.out().contains("batch size asked for 100 (as given)")
                && given.out().contains("; batch 100, 2 steps"), given.out());
    }

    /** A CSV of two numeric columns and a class column, {@code a} rows of class a then {@code b} of class b. */
    private static Path twoClasses(Path file, int a, int b) throws IOException {
        StringBuilder csv = new StringBuilder("x,y,class\n");
        for (int r = 0; r < a + b; r++) {
            csv.append(r % 7).append('.').append(r % 3).append(',').append(r % 11).append(',')
                    .append(r < a ? "a" : "b").append('\n');
        }
        return Files.writeString(file, csv);
    }

    @Test
    void aBadBatchSizeOrPacNamesTheOptionAndAnyPacFitsAnyBatch(@TempDir Path dir) {
        Path model = dir.resolve("m.onnx");
        CliRun zero = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2", "--batch-size", "0");
        assertEquals(2, zero.exitCode(), zero.err());
        assertTrue(zero.err().contains("--batch-size must be at least 2 (the generator's batch normalisation learns "
                + "nothing from one row a step: its rows all come out alike), was 0"), zero.err());
        CliRun one = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2", "--batch-size", "1", "--pac", "1");
        assertEquals(2, one.exitCode(), one.err());
        assertTrue(one.err().contains("--batch-size must be at least 2 "), one.err());
        CliRun huge = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2", "--pac", "500");
        assertEquals(2, huge.exitCode(), huge.err());
        assertTrue(huge.err().contains("--pac 500 packs more rows into one critic input than half the 150 training "
                + "rows; choose at most 75"), huge.err());
        assertFalse(Files.exists(model));

        CliRun odd = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2", "--pac", "3", "--batch-size", "25");
        assertEquals(0, odd.exitCode(), odd.err());
        assertTrue(odd.out().contains("batch 24 (not 25: a multiple of pac 3), 2 steps"), odd.out());
    }

    @Test
    void criticStepsOutsideOneToAHundredAreRefusedBeforeReadingAndAGivenCountIsUsed(@TempDir Path dir)
            throws IOException {
        Path model = dir.resolve("m.onnx");
        for (String bad : new String[] {"0", "-3", "101"}) {
            CliRun run = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out",
                    model.toString(), "--steps", "2", "--critic-steps", bad);
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("--critic-steps must be from 1 to 100, was " + bad), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
        }
        assertFalse(Files.exists(model));
        CliRun two = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2", "--critic-steps", "2");
        assertEquals(0, two.exitCode(), two.err());
        assertTrue(two.out().contains("critic steps per generator step 2 (as given)"), two.out());
        CliRun inspect = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals(2, new ObjectMapper().readTree(inspect.out()).path("provenance").path("settings")
                .path("criticSteps").asInt());
        CliRun evaluate = CliRun.of("evaluate", "--data", CREDIT.toString(), "--label", "class", "--out",
                dir.resolve("eval").toString(), "--gan-critic-steps", "0");
        assertEquals(2, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains("--gan-critic-steps must be from 1 to 100, was 0"), evaluate.err());
        assertFalse(Files.exists(dir.resolve("eval")));
    }
}

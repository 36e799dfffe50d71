package dev.augment.cli;

import dev.augment.errors.InvalidDataException;
import dev.augment.table.Table;
import dev.augment.table.TableColumn;
import dev.augment.table.TableReader;
import dev.augment.table.TableSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.data.csv.CSVDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables on the command line: generate from a table generator, and CSV tables as --data. */
class TableCommandsTest {

    private static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");

    @TempDir
    Path dir;
    Table credit;
    Path model;

    @BeforeEach
    void writeModel() throws IOException {
        credit = TableReader.read(CREDIT, "class");
        model = TestModels.writeTable(dir.resolve("credit.onnx"), credit.schema(), credit.examplesPerClass(), 3000f);
    }

    @Test
    void generateWritesTheTablesOwnColumnsWhichTribuoReadsIntoTheTablesFeatureNames() throws IOException {
        Path out = dir.resolve("synth");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "300",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(csv)"), run.out());
        Path csv = out.resolve("samples.csv");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(601, lines.size());
        assertEquals(Files.readAllLines(CREDIT).get(0), lines.get(0), "the training CSV's header, label last");

        TableSchema schema = credit.schema();
        MutableDataset<Label> back = new MutableDataset<>(new CSVDataSource<>(csv, schema.rowProcessor(), true));
        Set<String> names = StreamSupport.stream(back.getFeatureMap().spliterator(), false)
                .map(VariableInfo::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(schema.featureNames()), names, "every category and number turns up in 600 rows");
        assertEquals(Set.of("bad", "good"), back.getOutputInfo().getDomain().stream().map(Label::getLabel)
                .collect(Collectors.toSet()));

        Table again = TableReader.read(csv, schema);
        assertEquals(600, again.rows());
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn column = schema.columns().get(c);
            for (int r = 0; r < again.rows() && column.isNumeric(); r++) {
                double v = again.numeric()[r][c];
                assertTrue(v >= column.min() && v <= column.max(), column.name() + " = " + v);
            }
        }
    }

    @Test
    void inspectShowsTheTableColumns() {
        CliRun text = CliRun.of("inspect", "--model", model.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("table:       20 columns (7 numeric, 13 categorical), label column 'class'"),
                text.out());
        assertTrue(text.out().contains("checking_status"), text.out());
        CliRun json = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().contains("\"labelColumn\" : \"class\""), json.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "idx"})
    void imageFormatsAreRefusedForATableGeneratorAndNothingIsWritten(String format) {
        Path out = dir.resolve("refused");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "3",
                "--format", format, "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--format") && run.err().contains("cannot hold a table"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(out));
    }

    /** A table written as IDX could not be read back by train or Tribuo (a 2-D float file), so it is refused. */
    @ParameterizedTest
    @ValueSource(strings = {"png", "idx"})
    void oversampleRefusesImageFormatsForATable(String format) {
        Path out = dir.resolve("refused-" + format);
        CliRun run = CliRun.of("oversample", "--data", CREDIT.toString(), "--label", "class", "--policy", "ros",
                "--format", format, "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--format " + format + " cannot hold a table;") && run.err().contains("use csv"),
                run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void oversampleRefusesImageClassNamesForATable() {
        CliRun run = CliRun.of("oversample", "--data", CREDIT.toString(), "--label", "class", "--policy", "smote",
                "--names", "fashion-mnist", "--out", dir.resolve("named").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--names applies to image data"), run.err());
        assertFalse(Files.exists(dir.resolve("named")));
    }

    @Test
    void oversampleWritesATableAsCsvWhenNoFormatIsGiven() throws IOException {
        Path out = dir.resolve("natural");
        CliRun run = CliRun.of("oversample", "--data", CREDIT.toString(), "--label", "class", "--policy", "ros",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("to " + out.resolve("samples.csv") + " (csv)"), run.out());
        try (var files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().allMatch(n -> n.endsWith(".csv")), names.toString());
        }
    }

    /** --missing=-- ended in picocli's bare line (a re-check, 6 Dec). */
    @Test
    void aDoubleDashAsTheMissingMarkerIsToldToBeWrittenEmpty() {
        CliRun run = CliRun.of("oversample", "--data", CREDIT.toString(), "--label", "class", "--missing=--",
                "--policy", "ros", "--out", dir.resolve("dd").toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("so it cannot be the missing marker: write those cells empty"), run.err());
    }

    /**
     * 20 of 30 rows labelled both p and q trained without a word, where class folders sharing images get a note (a
     * re-check, 6 Dec); one such pair among hundreds of rows (soybean's) is no note.
     */
    @Test
    void rowsOfTwoLabelsAreNamedWhenTheyAreAShareOfTheTable() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,class\n");
        for (int i = 1; i <= 10; i++) {
            csv.append("1,2,p\n1,2,q\n").append(i).append(",3,r\n");
        }
        Path data = Files.writeString(dir.resolve("twice.csv"), csv.toString());
        CliRun train = CliRun.of("train", "--data", data.toString(), "--label", "class", "--steps", "2", "--out",
                dir.resolve("twice.onnx").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains(": classes 'p' and 'q' share 1 row value for value (20 examples of the two) "
                + "(20 of "
                + "the 30 rows): a classifier can only learn which label such a row has more often"), train.out());
        CliRun soybean = CliRun.of("train", "--data", Path.of("..", "datasets", "tabular-sample", "soybean.csv")
                .toString(), "--label", "class", "--steps", "1", "--out", dir.resolve("soy.onnx").toString());
        assertEquals(0, soybean.exitCode(), soybean.err());
        assertFalse(soybean.out().contains("value for value"), soybean.out());
    }

    /** A table whose label column is named synthetic was taken for oversample's flags (a fresh user, 6 Dec). */
    @Test
    void aLabelColumnNamedSyntheticIsNoFlagColumn() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,synthetic\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 9).append(',').append(i * 0.5).append(',').append(i % 4 == 0 ? 1 : 0).append('\n');
        }
        Path data = Files.writeString(dir.resolve("detect.csv"), csv.toString());
        CliRun first = CliRun.of("oversample", "--data", data.toString(), "--label", "synthetic", "--policy", "ros",
                "--out", dir.resolve("o1").toString());
        assertEquals(0, first.exitCode(), first.err());
        CliRun refused = CliRun.of("oversample", "--data", dir.resolve("o1/samples.csv").toString(), "--label",
                "synthetic", "--policy", "ros", "--out", dir.resolve("o2").toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("delete synthetic.csv and classes.csv (beside samples.csv without the flags, "
                + "it reads as generate's output)"), refused.err());
        Files.delete(dir.resolve("o1").resolve(dev.augment.data.AddedExamples.CSV_FLAGS));
        Files.delete(dir.resolve("o1").resolve("classes.csv"));
        CliRun again = CliRun.of("oversample", "--data", dir.resolve("o1/samples.csv").toString(), "--label",
                "synthetic", "--policy", "ros", "--out", dir.resolve("o2").toString());
        assertEquals(0, again.exitCode(), "the flags deleted, every row is used as real: " + again.err());
        assertFalse(again.err().contains("generate's output"), again.err());
    }

    /** A column named with a comma could not be given to --categorical, quoted or not (a fresh user, 6 Dec). */
    @Test
    void aColumnNameWithACommaIsGivenInDoubleQuotesInsideTheListAndTheSplitOneIsExplained() throws IOException {
        StringBuilder csv = new StringBuilder("\"Income, USD\",age,class\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 5 * 1000).append(',').append(20 + i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path data = Files.writeString(dir.resolve("comma.csv"), csv.toString());
        CliRun split = CliRun.of("oversample", "--data", data.toString(), "--label", "class", "--categorical",
                "Income, USD", "--policy", "ros", "--out", dir.resolve("o1").toString());
        assertEquals(ExitCodes.BAD_INPUT, split.exitCode(), split.err());
        assertTrue(split.err().contains("the columns are: 'Income, USD', age, class (the column 'Income, USD' has a "
                + "comma in its name: give it in double quotes inside the list, e.g. '\"Income, USD\"')"), split.err());
        CliRun quoted = CliRun.of("oversample", "--data", data.toString(), "--label", "class", "--categorical",
                "\"Income, USD\"", "--policy", "ros", "--out", dir.resolve("o2").toString());
        assertEquals(0, quoted.exitCode(), quoted.err());
        assertTrue(Files.readString(dir.resolve("o2/samples.csv")).startsWith("\"Income, USD\",age,class"));
    }

    /** --out balanced.csv made a folder; the next command called it "not a CSV table" (a fresh user, 6 Dec). */
    @Test
    void anOutputFolderNamedLikeACsvIsNamedAsAFolderAndItsTableIsPointedTo() {
        Path out = dir.resolve("balanced.csv");
        CliRun run = CliRun.of("oversample", "--data", CREDIT.toString(), "--label", "class", "--policy", "ros",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("to " + out.resolve("samples.csv") + " (csv)"), run.out());
        String pointer = "a folder holding the table " + out.resolve("samples.csv");
        CliRun train = CliRun.of("train", "--data", out.toString(), "--label", "class", "--out",
                dir.resolve("m.onnx").toString(), "--steps", "2");
        assertEquals(ExitCodes.USAGE, train.exitCode(), train.err());
        assertTrue(train.err().contains(pointer), train.err());
        CliRun evaluate = CliRun.of("evaluate", "--data", out.toString(), "--label", "class", "--trainer", "logistic",
                "--seeds", "1", "--out", dir.resolve("ev").toString());
        assertEquals(ExitCodes.USAGE, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains(pointer), evaluate.err());
        assertFalse(Files.exists(dir.resolve("m.onnx")) || Files.exists(dir.resolve("ev")), "nothing written");
    }

    @Test
    void oversampleReadsACsvTableWithItsLabelColumn() throws IOException {
        Path out = dir.resolve("ros");
        CliRun run = CliRun.of("oversample", "--data", CREDIT.toString(), "--label", "class", "--policy", "ros",
                "--format", "csv", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote 150 real and 60 added examples (ros)"), run.out());
        // SMOTE on a table with categorical columns is SMOTE-NC, and says so as its provenance does
        CliRun nc = CliRun.of("oversample", "--data", CREDIT.toString(), "--label", "class", "--policy", "smote",
                "--format", "csv", "--out", dir.resolve("nc").toString());
        assertEquals(0, nc.exitCode(), nc.err());
        assertTrue(nc.out().contains("wrote 150 real and 60 added examples (smote-nc)"), nc.out());
        // the table's own columns: the real rows read back as they were read in, the flags beside the file
        Path csv = out.resolve("samples.csv");
        assertEquals(Files.readAllLines(CREDIT).get(0), Files.readAllLines(csv).get(0));
        // augment's readers refuse oversample's output while it holds added rows (AddedExamples), under any name
        // while its flags are beside it; a copy elsewhere, without them, is the user's own data
        InvalidDataException refused = assertThrows(InvalidDataException.class,
                () -> TableReader.read(csv, credit.schema()));
        assertTrue(refused.getMessage().contains("its synthetic.csv flags 60 of 210 examples as added"),
                refused.getMessage());
        Path renamed = Files.copy(csv, out.resolve("credit-augmented.csv")); // the flags are still beside it
        assertThrows(InvalidDataException.class, () -> TableReader.read(renamed, credit.schema()));
        // a row deleted (an outlier) or appended: the flags no longer tell the rows apart, and it is refused too
        List<String> edited = new java.util.ArrayList<>(Files.readAllLines(csv));
        edited.remove(100);
        Path oneLess = Files.write(out.resolve("credit-edited.csv"), edited);
        InvalidDataException changed = assertThrows(InvalidDataException.class,
                () -> TableReader.read(oneLess, credit.schema()));
        assertTrue(changed.getMessage().contains("flags 60 of 210 rows as added, beside a table of 209 rows"),
                changed.getMessage());
        Files.delete(oneLess);
        // the same with the label column moved first and one column dropped: compared by column name
        List<String> moved = new java.util.ArrayList<>();
        for (String line : edited) {
            List<String> cells = new java.util.ArrayList<>(List.of(line.split(",", -1)));
            cells.add(0, cells.remove(cells.size() - 1));
            cells.remove(1);
            moved.add(String.join(",", cells));
        }
        Path reordered = Files.write(out.resolve("credit-moved.csv"), moved);
        InvalidDataException byName = assertThrows(InvalidDataException.class,
                () -> TableReader.readFile(reordered, "class", java.util.Map.of(), "?"));
        assertTrue(byName.getMessage().contains("beside a table of 209 rows"), byName.getMessage());
        Files.delete(reordered);
        // the user's other tables kept in the folder, holding no added row, are read: the real data itself, and its
        // rows cut out of the output (ROS copies equal their real rows, so rows are counted, not only matched)
        Path original = Files.copy(CREDIT, out.resolve("credit-original.csv"));
        assertEquals(150, TableReader.read(original, credit.schema()).rows());
        Files.delete(original);
        Path realRows = Files.write(out.resolve("real-rows.csv"), Files.readAllLines(csv).subList(0, 151));
        assertEquals(150, TableReader.read(realRows, credit.schema()).rows());
        Files.delete(realRows);
        // a link to the output's table, elsewhere: its flags are beside the file the link points to
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), csv);
        assertThrows(InvalidDataException.class, () -> TableReader.read(link, credit.schema()));
        Files.delete(link);
        Table back = TableReader.read(Files.copy(csv, dir.resolve("back.csv")), credit.schema());
        assertEquals(210, back.rows());
        for (int r = 0; r < credit.rows(); r++) {
            assertArrayEquals(credit.values(r), back.values(r), "row " + (r + 1));
            assertEquals(credit.classes()[r], back.classes()[r], "row " + (r + 1));
        }
        List<String> flags = Files.readAllLines(out.resolve("synthetic.csv"));
        assertEquals(211, flags.size());
        assertEquals(60, flags.stream().filter(f -> f.endsWith(",1")).count());
        assertEquals("151,bad,1", flags.get(151), "ROS grows the smaller class, bad");
    }

    @Test
    void aCsvTableWithoutLabelIsAUsageError() {
        Path out = dir.resolve("nolabel");
        CliRun run = CliRun.of("oversample", "--data", CREDIT.toString(), "--policy", "ros", "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--label"), run.err());
        assertFalse(Files.exists(out));
    }

    static Stream<Arguments> badTables() {
        return Stream.of(
                Arguments.of("missing label column", "a,b,y\n1,2,p\n3,4,p\n", "label column 'class' is not in the header"),
                Arguments.of("empty file", "", "the file is empty"),
                Arguments.of("ragged row", "a,b,class\n1,2,p\n3,p\n5,6,q\n7,8,q\n",
                        "line 3 has 2 cells but the header has 3"),
                Arguments.of("label with one example", "a,b,class\n1,2,p\n3,4,p\n5,6,q\n", "label 'q' has only 1 row"),
                Arguments.of("numeric column with text", "a,b,class\n1,2,p\n3,x,p\n5,6,q\n7,8,q\n",
                        "column 'b' is numeric but line 3 holds 'x'"),
                Arguments.of("--numeric column not in the header", "a,c,class\n1,2,p\n3,4,p\n5,6,q\n7,8,q\n",
                        "column 'b', given as numeric, is not in the header; the columns are: a, c, class"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTables")
    void badTablesExitThreeWithOneLineAndWriteNothing(String name, String text, String expected) throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), text);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("oversample", "--data", csv.toString(), "--label", "class", "--numeric", "a,b",
                "--policy", "ros", "--format", "csv", "--out", out.toString());
        assertEquals(3, run.exitCode(), name + ": " + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void benchRefusesATableModelBeforeMeasuring() {
        CliRun run = CliRun.of("bench", "--model", model.toString(), "--n", "100", "--png-n", "10", "--steps", "0");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("is a table generator"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.out().contains("ceiling"), "nothing is measured: " + run.out());
    }

    @Test
    void ganOversamplingReadsTheDataInTheGeneratorsLayoutSoAMissingCategoryStillFits() throws IOException {
        List<String> lines = Files.readAllLines(CREDIT);
        List<String> without = new java.util.ArrayList<>(List.of(lines.get(0)));
        lines.stream().skip(1).filter(line -> !line.startsWith("'no checking'") && !line.startsWith("no checking,"))
                .forEach(without::add);
        Path data = Files.write(dir.resolve("fewer-categories.csv"), without);
        assertTrue(without.size() < lines.size(), "the subset lacks a checking_status category");
        Path out = dir.resolve("oversampled");
        CliRun run = CliRun.of("oversample", "--data", data.toString(), "--label", "class", "--policy", "gan",
                "--model", model.toString(), "--format", "csv", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(out), run.err());
        CliRun noModel = CliRun.of("oversample", "--data", data.toString(), "--label", "class", "--policy", "gan",
                "--out", dir.resolve("none").toString());
        assertEquals(2, noModel.exitCode(), noModel.err());
        assertTrue(noModel.err().contains("on a table needs --model"), noModel.err());
    }

    /** A generator's layout reads only its own columns; written back out, the data's other columns were lost. */
    @Test
    void oversampleRefusesDataWithColumnsTheTableGeneratorDoesNotHave() throws IOException {
        List<String> lines = Files.readAllLines(CREDIT);
        List<String> wider = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            wider.add((i == 0 ? "row_note" : "n" + i) + "," + lines.get(i));
        }
        Path data = Files.write(dir.resolve("wider.csv"), wider);
        Path out = dir.resolve("never");
        CliRun run = CliRun.of("oversample", "--data", data.toString(), "--label", "class", "--policy", "gan",
                "--model", model.toString(), "--counts", "good=3", "--format", "csv", "--out", out.toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("has column 'row_note' that the generator's table does not"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(out), "nothing written");

        CliRun images = CliRun.of("oversample", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--policy", "gan", "--model", model.toString(), "--counts", "0=3", "--out", out.toString());
        assertEquals(3, images.exitCode(), "images with a table generator: a model that does not fit, as the "
                + "reverse case; " + images.err());
        assertEquals(1, images.err().strip().lines().count(), images.err());

        CliRun kinds = CliRun.of("oversample", "--data", CREDIT.toString(), "--label", "class", "--policy", "gan",
                "--model", model.toString(), "--numeric", "duration", "--counts", "good=3", "--out", out.toString());
        assertEquals(2, kinds.exitCode(), kinds.err());
        assertTrue(kinds.err().contains("--numeric and --categorical do not apply with a table generator"),
                kinds.err());

        CliRun marker = CliRun.of("oversample", "--data", CREDIT.toString(), "--label", "class", "--policy", "gan",
                "--model", model.toString(), "--missing", "NA", "--counts", "good=3", "--out", out.toString());
        assertEquals(2, marker.exitCode(), marker.err());
        assertTrue(marker.err().contains("--missing NA does not apply with a table generator: its layout reads '?'"),
                "the generator's marker is named, not silently used: " + marker.err());
    }

    @Test
    void scoreRefusesATableAndPointsToEvaluate() throws java.io.IOException {
        CliRun run = CliRun.of("score", "--data", CREDIT.toString(), "--model", model.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("score compares an image generator's samples with image data"), run.err());
        // the path as given: the file name alone failed when run from where the user typed it (a fresh user, 5 Dec)
        assertTrue(run.err().contains("augment evaluate --data " + CREDIT + " --label class"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        // a path with a space is one shell word, so that the command can be pasted (a re-check, 5 Dec)
        Path spaced = java.nio.file.Files.copy(CREDIT, java.nio.file.Files.createDirectories(dir.resolve("my data"))
                .resolve("credit.csv"));
        CliRun quoted = CliRun.of("score", "--data", spaced.toString(), "--model", model.toString());
        assertTrue(quoted.err().contains("augment evaluate --data '" + spaced + "' --label class"), quoted.err());
    }
}

package dev.augment.eval.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.augment.eval.protocol.MajorityLevel;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.sampler.ConditionalSampler;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableEvaluationTest {

    @TempDir
    Path dir;

    /** A stand-in generator: copies of the split's own rows of the class (a memorising "GAN"), counted per call. */
    private static final class CopyingGenerators implements TableGenerators {
        final List<Integer> trainedOnRows = new ArrayList<>();

        @Override
        public ConditionalSampler generatorFor(long seed, Table trainSplit) {
            trainedOnRows.add(trainSplit.rows());
            LabelledRows rows = TableRows.labelled(trainSplit);
            return (c, n, s) -> {
                float[][] members = rows.ofClass(c);
                float[][] out = new float[n][];
                for (int i = 0; i < n; i++) {
                    out[i] = members[i % members.length].clone();
                }
                return out;
            };
        }

        @Override
        public String description() {
            return "copies of the training rows (test stand-in)";
        }

        @Override
        public ArrayNode provenance() {
            return new ObjectMapper().createArrayNode();
        }

        @Override
        public void close() {
        }
    }

    private TableEvaluationSettings settings(Path csv, List<Arm> arms, String trainers, int seeds) {
        return new TableEvaluationSettings(csv, "kind", Map.of(), ClassifierSpec.parseList(trainers, 1), seeds, 1,
                0.3, arms, "test");
    }

    @Test
    void augmentingArmsBringEveryClassToTheLargestAndSmoteNcKeepsCategoriesOneHot() throws Exception {
        Table table = TableReader.read(TinyTables.write(dir, 30, 9, 4), "kind", Map.of());
        TableArmSets sets = new TableArmSets(table, 3);
        assertEquals(List.of(0, 21, 26), java.util.Arrays.stream(sets.topUp()).boxed().toList());
        for (Arm arm : List.of(Arm.OVERSAMPLING, Arm.SMOTE)) {
            ArmRows rows = sets.build(arm, null);
            for (int c = 0; c < 3; c++) {
                int k = c;
                assertEquals(30, rows.classes().stream().filter(x -> x == k).count(), arm + " class " + c);
            }
        }
        int colour = table.schema().columnIndex("colour");
        int offset = table.schema().featureOffset(colour);
        for (float[] row : sets.smote(2, 50)) {
            float sum = row[offset] + row[offset + 1] + row[offset + 2];
            assertEquals(1f, sum, "a SMOTE-NC row has exactly one category");
        }
        ArmRows ros = sets.build(Arm.OVERSAMPLING, null);
        ArmRows mixRos = sets.build(Arm.MIX_ROS, (c, n, seed) -> new float[n][ros.rows().get(0).length]);
        for (int i = 0; i < 30 + 9 + 10; i++) { // class 1: 9 real rows, then 10 copies and 11 GAN rows
            assertEquals(java.util.Arrays.toString(ros.rows().get(i)), java.util.Arrays.toString(mixRos.rows().get(i)),
                    "the real rows and the class's first ROS copies, row " + i);
        }
        assertEquals(30 + 9 + 4 + 21 + 26, mixRos.rows().size(), "the ROS mix tops up as the other arms do");
        ArmRows weighted = sets.build(Arm.CLASS_WEIGHTS, null);
        // N / (K n_c): 43 / (3 * 4) for the smallest class
        assertEquals(43f / 12, weighted.weights()[weighted.weights().length - 1], 1e-5);
    }

    /**
     * A balanced table's augmenting arms used to add nothing, so ROS, SMOTE and the GAN arms were real only under
     * other names and the report judged them (a fresh user, 4 Dec). Like the image evaluation, they now double
     * every class.
     */
    @Test
    void augmentingArmsDoubleEveryClassOfABalancedTable() throws Exception {
        Table table = TableReader.read(TinyTables.write(dir, 12, 12, 12), "kind", Map.of());
        TableArmSets sets = new TableArmSets(table, 3);
        assertEquals(List.of(12, 12, 12), java.util.Arrays.stream(sets.topUp()).boxed().toList());
        for (Arm arm : List.of(Arm.OVERSAMPLING, Arm.SMOTE, Arm.GAN, Arm.HYBRID, Arm.MIX)) {
            ArmRows rows = sets.build(arm, (c, n, seed) -> new float[n][table.schema().featureCount()]);
            int expected = arm == Arm.HYBRID ? 24 + 6 : 24; // the hybrid puts half the top-up of GAN rows on top
            for (int c = 0; c < 3; c++) {
                int k = c;
                assertEquals(expected, rows.classes().stream().filter(x -> x == k).count(), arm + " class " + c);
            }
        }
    }

    @Test
    void cheapArmsRunWithoutAGeneratorAndTheReportHasVerdictsAndSmoteDiagnostics() throws Exception {
        Path csv = TinyTables.write(dir, 30, 10, 6);
        List<String> lines = new java.util.ArrayList<>();
        TableEvaluationReport report = TableEvaluation.run(settings(csv, TableEvaluationSettings.ALL_ARMS,
                "logistic,cart", 2), null, lines::add);
        assertEquals(2, report.families().size());
        // the table has a categorical column, so its SMOTE arm runs SMOTE-NC and is named so (it said "real + SMOTE")
        assertTrue(report.smoteNc());
        assertTrue(report.console().lines().anyMatch(l -> l.startsWith("real + SMOTE-NC ")), report.console());
        assertFalse(report.console().contains("SMOTE "), report.console());
        // every row's last column starts under its heading: a gain printed with more places, wider than the column's
        // least width of 27, shifted it (6 Dec)
        String[] header = {"logistic", "macro-F1", "gain", "vs best"};
        String[] wide = {"real + GAN", "0.6877", "+0.00003 [-0.04712, +0.04721]", "-0.0280"};
        List<String> table = TableEvaluationReport.aligned(List.of(header, wide), 28, 24, 27).lines().toList();
        assertEquals(table.get(0).indexOf("vs best"), table.get(1).indexOf("-0.0280"), String.join("\n", table));
        assertTrue(lines.stream().anyMatch(l -> l.contains(": real + SMOTE-NC ")), lines.toString());
        assertTrue(report.verdicts().stream().noneMatch(v -> v.text().matches(".*SMOTE(?!-NC).*")),
                report.verdicts().toString());
        assertEquals(TableEvaluationSettings.CHEAP_ARMS,
                report.families().get(0).arms().stream().map(a -> a.arm()).toList());
        assertEquals(2, report.families().get(1).arms().get(0).runs().size());
        // well separated classes: logistic regression learns them
        assertTrue(report.families().get(0).arms().get(0).macroF1().mean() > 0.8);
        assertTrue(report.targets().isEmpty());
        assertTrue(report.diagnostics().containsKey("smote-nc"));
        assertNull(report.diagnostics().get("gan"));
        report.write(dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertEquals("logistic", json.get("families").get(0).get("trainer").asText());
        assertTrue(Files.readString(dir.resolve("report.txt")).contains("FAMILY cart: best policy"));
        // the same run, the same bytes: Map.of's per-JVM order swapped a trainer's fields between runs (6 Dec)
        List<String> fields = new java.util.ArrayList<>();
        json.get("provenance").get("trainers").get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("name", "description"), fields);
    }

    /** SMOTE-NC on a table without a numeric column copies rows; oversample said so, evaluate did not (7 Dec). */
    /**
     * Every feature constant: the diagnostics' standardised space had no dimension, and the evaluation died after
     * every arm was trained with "real[0] must be a non-empty vector" (a fresh user, 7 Dec). Coverage and DCR are
     * then "-", and the rest of the report stands.
     */
    @Test
    void aTableWhoseEveryFeatureIsConstantIsEvaluatedWithoutDistanceFigures() throws Exception {
        StringBuilder csv = new StringBuilder("f1,f2,kind\n");
        for (int i = 0; i < 40; i++) {
            csv.append("5,7,").append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path constant = Files.writeString(dir.resolve("constant.csv"), csv);
        TableEvaluationReport report = TableEvaluation.run(settings(constant, TableEvaluationSettings.CHEAP_ARMS,
                "logistic", 1), null, line -> { });
        assertTrue(report.console().contains("DCR 5th-pct ratio -, coverage -"), report.console());
    }

    @Test
    void smoteNcOnATableWithoutNumbersIsACaveat() throws Exception {
        StringBuilder csv = new StringBuilder("colour,size,kind\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < 40; i++) {
            csv.append(colours[i % 3]).append(',').append(i % 4 == 0 ? "big" : "small").append(',')
                    .append(i < 30 ? "a" : "b").append('\n');
        }
        Path categorical = Files.writeString(dir.resolve("categorical.csv"), csv);
        TableEvaluationReport report = TableEvaluation.run(settings(categorical, TableEvaluationSettings.CHEAP_ARMS,
                "logistic", 1), null, line -> { });
        assertTrue(report.caveats().stream().anyMatch(c -> c.startsWith("the SMOTE-NC arms: SMOTE-NC on a table "
                + "without a numeric column (2 categorical columns) interpolates nothing")),
                report.caveats().toString());
        // a numeric column: none
        TableEvaluationReport mixed = TableEvaluation.run(settings(TinyTables.write(dir, 30, 10, 10),
                TableEvaluationSettings.CHEAP_ARMS, "logistic", 1), null, line -> { });
        assertTrue(mixed.caveats().stream().noneMatch(c -> c.startsWith("the SMOTE-NC arms")), mixed.caveats()
                .toString());
    }

    @Test
    void aClassWithOneTrainingRowIsNamedSinceSmoteCopiesIt() throws Exception {
        // 2 rows of the third class: 1 to test, 1 to train
        Path csv = TinyTables.write(dir, 30, 10, 2);
        List<String> lines = new java.util.ArrayList<>();
        TableEvaluationReport report = TableEvaluation.run(settings(csv, TableEvaluationSettings.CHEAP_ARMS,
                "logistic", 1), null, lines::add);
        assertTrue(report.caveats().stream().anyMatch(c -> c.contains("has one training example in a seed's split; "
                + "SMOTE has no neighbour to interpolate with")), report.caveats().toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("CAVEAT: ") && l.contains("one training example")),
                lines.toString());
    }

    /** The note that every arm reads a missing number as 0 was printed on the console only, not kept in the report. */
    @Test
    void theMissingCellsNoteIsInTheReportAsOnTheConsole() throws Exception {
        Path csv = TinyTables.write(dir, 30, 10, 6);
        List<String> rows = Files.readAllLines(csv);
        for (int i = 1; i < rows.size(); i += 5) {
            String[] cells = rows.get(i).split(",");
            cells[1] = "";
            rows.set(i, String.join(",", cells));
        }
        Files.write(csv, rows);
        List<String> lines = new java.util.ArrayList<>();
        TableEvaluationReport report = TableEvaluation.run(settings(csv, TableEvaluationSettings.CHEAP_ARMS,
                "logistic", 1), null, lines::add);
        String note = "numeric column weight (10) has missing cells, which every arm's classifier reads as the value 0";
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith(note)), report.notes().toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("note: " + note)), lines.toString());
        report.write(dir);
        assertTrue(Files.readString(dir.resolve("report.txt")).contains("note: " + note));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        assertTrue(json.get("notes").get(0).asText().startsWith(note), json.get("notes").toString());
    }

    /**
     * The report's hash was taken by reading the file again at the end: a file deleted (or saved by an editor) while
     * the run worked failed the finished run, and an edited one was recorded with its new hash. It is the hash of the
     * bytes evaluated now.
     */
    @Test
    void theReportsHashIsOfTheBytesReadEvenWhenTheFileGoesDuringTheRun() throws Exception {
        Path csv = TinyTables.write(dir, 30, 10, 6);
        String before = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(csv)));
        TableEvaluationReport report = TableEvaluation.run(settings(csv, TableEvaluationSettings.CHEAP_ARMS,
                "logistic", 2), null, line -> {
                    try {
                        Files.deleteIfExists(csv); // at the first progress line, once the table was read
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        assertEquals(before, report.provenance().get("data").get("sha256").asText());
    }

    @Test
    void generatorIsTrainedOncePerSeedOnTheTrainingSplitAndFeedsTheGanArms() throws Exception {
        Path csv = TinyTables.write(dir, 30, 10, 6);
        CopyingGenerators generators = new CopyingGenerators();
        List<String> progress = new java.util.ArrayList<>();
        TableEvaluationReport report = TableEvaluation.run(settings(csv, TableEvaluationSettings.ALL_ARMS,
                "logistic", 2), generators, progress::add);
        // each arm's progress line has its figures in one column: "real + half SMOTE-NC, half GAN" ran past the
        // others' (a fresh user, 7 Dec)
        java.util.Set<Integer> figuresAt = progress.stream().filter(l -> l.matches("seed \\d+: logistic: .*"))
                .map(l -> l.indexOf(" macro-F1 ")).collect(java.util.stream.Collectors.toSet());
        assertEquals(1, figuresAt.size(), String.join("\n", progress));
        assertTrue(progress.stream().anyMatch(l -> l.contains(": real + half SMOTE-NC, half GAN ")),
                progress.toString());
        // 46 rows, 30% of each class to test: 21 + 7 + 4 = 32 training rows, once per seed
        assertEquals(List.of(32, 32), generators.trainedOnRows);
        var arms = report.families().get(0).arms();
        assertEquals(TableEvaluationSettings.ALL_ARMS, arms.stream().map(a -> a.arm()).toList());
        // synthetic only trains on the split's class counts, GAN on real + top-up to the largest class
        assertEquals(32, arms.get(7).runs().get(0).trainingSize());
        assertEquals(63, arms.get(4).runs().get(0).trainingSize());
        assertEquals(1, report.targets().size());
        // a copying generator sits on its training rows: DCR ratio 0, full coverage
        TableDiagnostics gan = report.diagnostics().get("gan");
        assertEquals(0, gan.overall().dcr().ratio(), 1e-9);
        assertEquals(1.0, gan.overall().coverage(), 1e-9);
        assertTrue(report.console().contains("TARGET logistic: real + GAN"));
        // every row's figures start in one column, "real + half SMOTE-NC, half GAN" included
        java.util.Set<Integer> starts = report.console().lines().filter(l -> l.startsWith("real"))
                .map(l -> l.replaceFirst("[0-9].*", "").length()) // titles hold no digit
                .collect(java.util.stream.Collectors.toSet());
        assertEquals(1, starts.size(), report.console());
        assertFalse(report.console().contains("majority-class level"));

        TableEvaluationReport atMajority = new TableEvaluationReport(report.settings(), report.provenance(),
                report.classNames(), report.families(), report.diagnostics(), report.seconds(), report.filter(),
                List.of(MajorityLevel.prefix("logistic") + " (macro-F1 0.496) is no better"), report.notes());
        assertTrue(atMajority.console().lines().anyMatch(l -> l.startsWith("TARGET logistic: ")
                && l.endsWith("(but real only is at the majority-class level, see the CAVEAT: the ratio says nothing)")),
                atMajority.console());
    }
}

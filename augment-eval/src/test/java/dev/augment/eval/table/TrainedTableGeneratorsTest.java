package dev.augment.eval.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.table.Table;
import dev.augment.table.TableColumn;
import dev.augment.table.TableReader;
import dev.augment.train.table.TableGanSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny real run of the GAN arms: one small table GAN per seed, trained for a few steps on the split. */
class TrainedTableGeneratorsTest {

    private static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");

    @TempDir
    Path dir;

    @Test
    void everySeedTrainsItsOwnGeneratorAndEveryArmIsScored() throws Exception {
        TableGanSettings gan = TableGanSettings.defaults(0).withSteps(10).withWidths(List.of(16));
        TableEvaluationSettings settings = new TableEvaluationSettings(CREDIT, "class", Map.of(),
                List.of(ClassifierSpec.parse("logistic")), 2, 7, 0.3, TableEvaluationSettings.ALL_ARMS, "test");
        TableEvaluationReport report;
        List<String> heard = new java.util.ArrayList<>();
        try (TrainedTableGenerators generators = new TrainedTableGenerators(gan, dir.resolve("gans"), heard::add)) {
            report = TableEvaluation.run(settings, generators, s -> { });
            assertEquals(2, generators.provenance().size());
            assertTrue(generators.description().contains(", batch by class size (80 when a class of the split has "
                    + "fewer than 50 rows, else 500; at most half the split's rows), pac by class size"),
                    generators.description());
            assertTrue(generators.description().endsWith("auxiliary classifier weight by class size (1.0 when a class "
                    + "of the split has fewer than 50 rows, else 0), information loss weight 0.0"),
                    generators.description());
        }
        // the tiny credit-g sample's smaller class has fewer than 50 training rows, so the rule turned it on
        assertTrue(heard.contains("seed 7: training the table GAN (10 steps, 5 critic steps per generator step) on "
                + "the 104 rows of this seed's training split only"), heard.toString());
        assertTrue(heard.stream().anyMatch(line -> line.matches("seed 7: table GAN trained in \\d+ s \\(batch 52, "
                + "not 80: at most half the 104 rows; auxiliary classifier weight 1\\.0, pac 1, critic steps 5\\)")),
                heard.toString());
        assertTrue(Files.exists(dir.resolve("gans/seed-7.onnx")) && Files.exists(dir.resolve("gans/seed-8.onnx")));
        assertEquals(TableEvaluationSettings.ALL_ARMS,
                report.families().get(0).arms().stream().map(a -> a.arm()).toList());
        assertEquals(2, report.families().get(0).arms().get(4).runs().size());
        TableDiagnostics diagnostics = report.diagnostics().get("gan");
        assertNotNull(diagnostics);
        assertEquals(2, diagnostics.classes().size());
        // credit-g has categorical columns: the comparison rows are SMOTE-NC's
        assertNotNull(report.diagnostics().get("smote-nc"));
        assertEquals(1, report.targets().size());
        assertTrue(report.provenance().get("generators").get(0).get("sha256").asText().length() == 64);
        assertTrue(report.families().get(0).arms().stream().anyMatch(a -> a.arm() == Arm.SYNTHETIC_ONLY));
        generatorKnowsOnlyItsTrainingSplitsRanges(dir.resolve("gans/seed-7.onnx"), 7);
    }

    /**
     * The generator of a seed clamps its numeric columns to the ranges in its schema; those must be the training
     * split's, not the whole table's (whose extremes may be test rows).
     */
    private static void generatorKnowsOnlyItsTrainingSplitsRanges(Path model, long seed) {
        Table table = TableReader.read(CREDIT, "class");
        Table train = table.select(StratifiedSplit.of(table.classes(), table.schema().classCount(), 0.3, seed).train());
        int differ = 0;
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            List<TableColumn> known = generator.metadata().table().columns();
            for (int c = 0; c < known.size(); c++) {
                if (!known.get(c).isNumeric()) {
                    continue;
                }
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                for (double[] row : train.numeric()) {
                    min = Math.min(min, row[c]);
                    max = Math.max(max, row[c]);
                }
                assertEquals(min, known.get(c).min(), known.get(c).name());
                assertEquals(max, known.get(c).max(), known.get(c).name());
                TableColumn whole = table.schema().columns().get(c);
                differ += whole.min() != min || whole.max() != max ? 1 : 0;
            }
        }
        assertTrue(differ > 0, "this split has a column whose extreme is a test row, so the check can fail");
    }
}

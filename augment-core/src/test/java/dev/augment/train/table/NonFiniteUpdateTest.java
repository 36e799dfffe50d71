package dev.augment.train.table;

import dev.augment.cancel.CancellationToken;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import dev.augment.train.TrainingDivergedException;
import dev.augment.train.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A NaN loss is never applied to the weights: the update is dropped and the step drawn again, so one bad draw
 * no longer turns every weight into NaN. A real row holding NaN stands in for the rare non-finite draw that
 * stopped unbalanced-table runs: it makes the loss NaN exactly when that row is drawn.
 */
class NonFiniteUpdateTest {

    /** One critic update a step, so that a step's draw holds the poisoned row about as often as the test counts. */
    private static final TableGanSettings SETTINGS = TableGanSettings.defaults(3).withSteps(30)
            .withWidths(List.of(16, 16)).withCriticSteps(1);

    /** credit-g's sample, encoded, with NaN in the first value of the rows {@code poison} picks. */
    private record Encoded(TableEncoder encoder, float[] rows, int[] classes, int classCount) {

        static Encoded creditWithNaN(java.util.function.IntPredicate poison) {
            Table table = TableReader.read(TableExportParityTest.CREDIT, "class");
            TableEncoder encoder = TableEncoder.fit(table, 3);
            float[] rows = encoder.encode(table, 3);
            for (int r = 0; r < table.rows(); r++) {
                if (poison.test(r)) {
                    rows[r * encoder.width()] = Float.NaN;
                }
            }
            return new Encoded(encoder, rows, table.classes(), table.schema().classCount());
        }

        TrainedTableGan train(TrainingListener listener) {
            return new TableGanTrainer(SETTINGS, listener, new CancellationToken()).train(encoder, rows, classes,
                    classCount);
        }
    }

    @Test
    void aDrawWithANonFiniteLossIsDroppedAndTrainingGoesOnWithFiniteWeights() {
        int[] classes = TableReader.read(TableExportParityTest.CREDIT, "class").classes();
        int poisoned = firstRowOf(classes, 0);
        Encoded credit = Encoded.creditWithNaN(r -> r == poisoned);
        List<String> heard = new ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void info(String message) {
                heard.add(message);
            }
        };
        try (TrainedTableGan gan = credit.train(listener)) {
            assertTrue(heard.stream().anyMatch(m -> m.contains("had a NaN or infinite loss or gradient")),
                    "the poisoned row is drawn in some of 30 steps, and each such update is reported: " + heard);
            float[] z = new float[8 * SETTINGS.latentDim()];
            for (int i = 0; i < z.length; i++) {
                z[i] = (i % 7) / 7f - 0.5f;
            }
            for (float[] row : gan.generate(z, new int[8])) {
                for (float v : row) {
                    assertTrue(Float.isFinite(v), "every weight stayed finite, so every output is");
                }
            }
            assertEquals(30, gan.history().stream().mapToInt(r -> r.steps()).sum(), "every step was trained");
        }
    }

    @Test
    void aStepWhoseEveryDrawIsNonFiniteStopsAsDiverged() {
        int[] classes = TableReader.read(TableExportParityTest.CREDIT, "class").classes();
        Encoded credit = Encoded.creditWithNaN(r -> classes[r] == 1);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () ->
                credit.train(TrainingListener.NONE).close());
        assertTrue(e.getMessage().contains("training diverged at step 1: " + TableGanTrainer.MAX_REDRAWS
                + " draws in a row"), e.getMessage());
    }

    private static int firstRowOf(int[] classes, int c) {
        for (int r = 0; r < classes.length; r++) {
            if (classes[r] == c) {
                return r;
            }
        }
        throw new AssertionError("no row of class " + c);
    }
}

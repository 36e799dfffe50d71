package dev.augment.train.table;

import dev.augment.cancel.CancellationToken;
import dev.augment.errors.InvalidSettingException;
import dev.augment.train.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The auxiliary classifier (CTAB-GAN's classifier loss) makes the generator honour the class it is asked for:
 * on a table whose class decides a categorical column, generated rows carry their class's category far more
 * often with the classifier than with CTGAN's loss alone after the same short training (measured: 0.87 of the
 * rows against 0.51, where 0.33 is chance).
 */
class AuxiliaryClassifierTest {

    private static final int ROWS_PER_CLASS = 20;
    /**
     * Small networks, a short run, learning rates ten times CTGAN's so that a few hundred steps tell; CTGAN's one
     * critic step per generator step, under which the critic alone barely conditions a short run (with five, the
     * run without the classifier already follows the class in about three rows of four).
     */
    private static final TableGanSettings SHORT = fast(TableGanSettings.defaults(5).withSteps(200)
            .withWidths(List.of(16, 16)).withCriticSteps(1));

    private static TableGanSettings fast(TableGanSettings s) {
        return new TableGanSettings(s.epochs(), s.steps(), s.batchSize(), s.pac(), s.criticSteps(), s.latentDim(),
                s.generatorWidths(), s.discriminatorWidths(), 2e-3f, 2e-3f, s.beta1(), s.beta2(), s.weightDecay(),
                s.penaltyWeight(), s.tau(), s.auxiliaryWeight(), s.informationWeight(), s.conditioning(), s.seed());
    }

    @Test
    void generatedRowsCarryTheirClassesCategoryMoreOftenWithTheClassifier() {
        double without = agreement(SHORT.withAuxiliaryWeight(0));
        double with = agreement(SHORT.withAuxiliaryWeight(1));
        assertTrue(with >= 0.8, "with the classifier, rows follow their class: " + with + " (without: " + without
                + ")");
        assertTrue(with > without + 0.2, "the classifier is what makes the difference: " + with + " vs " + without);
    }

    @Test
    void aZeroWeightTrainsNoClassifierAndAPositiveOneDoes() {
        try (TableNetworks off = new TableNetworks(SHORT.withAuxiliaryWeight(0), 7, 2);
             TableNetworks on = new TableNetworks(SHORT.withAuxiliaryWeight(0.5f), 7, 2)) {
            assertNull(off.classifier);
            assertNotNull(on.classifier);
            assertEquals(6, on.classifier.parameters().size(), "two hidden layers and an output, weight and bias");
        }
    }

    @Test
    void byDefaultTheClassifierIsOnExactlyWhenSomeClassHasFewerThanFiftyRows() {
        TableGanSettings auto = TableGanSettings.defaults(1);
        assertTrue(auto.automaticAuxiliaryWeight());
        assertEquals(1f, auto.resolvedFor(new long[] {6, 53, 12}).auxiliaryWeight(), "glass's training split");
        assertEquals(1f, auto.resolvedFor(new long[] {49, 500}).auxiliaryWeight());
        assertEquals(0f, auto.resolvedFor(new long[] {50, 500}).auxiliaryWeight());
        assertEquals(0f, auto.resolvedFor(new long[] {210, 490}).auxiliaryWeight(), "credit-g's training split");
        TableGanSettings given = auto.withAuxiliaryWeight(0.25f).withPac(5).withCriticSteps(2).withBatchSize(64);
        assertEquals(given, given.resolvedFor(new long[] {3, 500}), "what is given is kept whatever the table");
    }

    @Test
    void byDefaultPacIsOneExactlyWhenSomeClassHasFewerThanFiftyRowsAndTenOtherwise() {
        TableGanSettings auto = TableGanSettings.defaults(1);
        assertTrue(auto.automaticPac());
        assertEquals(1, auto.resolvedFor(new long[] {6, 53, 12}).pac(), "glass's training split");
        assertEquals(1, auto.resolvedFor(new long[] {49, 500}).pac());
        assertEquals(10, auto.resolvedFor(new long[] {50, 500}).pac());
        assertEquals(10, auto.resolvedFor(new long[] {210, 490}).pac(), "credit-g's training split: CTGAN's pac");
        assertEquals(2, auto.withPac(2).resolvedFor(new long[] {6, 53}).pac(), "a given pac is kept");
        assertEquals(0f, auto.withAuxiliaryWeight(0).resolvedFor(new long[] {6, 53}).auxiliaryWeight(),
                "each setting is resolved on its own");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> auto.batchFor(100),
                "the batch depends on pac, so an unresolved one has none");
    }

    @Test
    void byDefaultTheBatchIsEightyExactlyWhenSomeClassHasFewerThanFiftyRowsAndCtgansFiveHundredOtherwise() {
        TableGanSettings auto = TableGanSettings.defaults(1);
        assertTrue(auto.automaticBatch());
        assertEquals(80, auto.resolvedFor(new long[] {8, 591}).batchSize(), "unbalanced's training split");
        assertEquals(80, auto.resolvedFor(new long[] {49, 500}).batchSize());
        assertEquals(500, auto.resolvedFor(new long[] {50, 500}).batchSize());
        assertEquals(500, auto.resolvedFor(new long[] {210, 490}).batchSize(), "credit-g's training split: CTGAN's");
        assertEquals(74, auto.resolvedFor(new long[] {6, 53, 12, 20, 9, 49}).batchFor(149),
                "glass's training split: half its rows, below the small-class batch");
        assertEquals(80, auto.resolvedFor(new long[] {8, 591}).batchFor(599));
        assertEquals(299, auto.withBatchSize(500).resolvedFor(new long[] {8, 591}).batchFor(599),
                "a given batch is kept");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> auto.withPac(1).batchFor(100), "an unresolved batch size has no batch");
        assertTrue(auto.withPac(1).withCriticSteps(1).withAuxiliaryWeight(0).resolvedFor(new long[] {8, 591})
                .resolved());
        assertFalse(auto.withPac(1).withCriticSteps(1).withAuxiliaryWeight(0).resolved(), "the batch is left");
    }

    @Test
    void theBatchUsedIsAMultipleOfPacAtMostHalfTheRowsAtLeastTwoAndTheNoteSaysWhyItDiffers() {
        TableGanSettings ten = TableGanSettings.defaults(1).withPac(10).withBatchSize(500);
        assertEquals(50, ten.batchFor(104), "at most half the rows, a multiple of pac");
        assertEquals("not 500: at most half the 104 rows, a multiple of pac 10", ten.batchNote(104));
        assertEquals(500, ten.batchFor(5000));
        assertEquals("", ten.batchNote(5000), "the batch asked for is used");
        assertEquals(10, ten.withBatchSize(3).batchFor(5000));
        assertEquals("not 3: a multiple of pac 10", ten.withBatchSize(3).batchNote(5000));
        TableGanSettings one = TableGanSettings.defaults(1).withPac(1).withBatchSize(500);
        assertEquals(2, one.batchFor(4));
        InvalidSettingException tooFew = assertThrows(InvalidSettingException.class, () -> one.batchFor(3));
        assertEquals("batchSize", tooFew.setting());
        assertTrue(tooFew.getMessage().contains("3 training rows allow at most 1 a step"), tooFew.getMessage());
        InvalidSettingException single = assertThrows(InvalidSettingException.class, () -> one.withBatchSize(1));
        assertEquals("batchSize", single.setting(), "one row a step trains a collapsed generator");
    }

    @Test
    void theTrainedGeneratorRecordsTheWeightChosenForItsRows() {
        int[] classes = new int[60];
        for (int r = 0; r < classes.length; r++) {
            classes[r] = r < 10 ? 1 : 0;
        }
        double[][] numeric = new double[classes.length][1];
        int[][] category = new int[classes.length][];
        for (int r = 0; r < classes.length; r++) {
            category[r] = new int[] {classes[r]};
        }
        TableEncoder encoder = TableEncoder.fit(new int[] {2}, new double[1], new double[1], numeric, category, 5);
        java.util.List<String> heard = new java.util.ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void info(String message) {
                heard.add(message);
            }
        };
        try (TrainedTableGan gan = new TableGanTrainer(TableGanSettings.defaults(5).withSteps(2)
                .withWidths(List.of(8)), listener, new CancellationToken())
                .train(encoder, encoder.encode(numeric, category, 5), classes, 2)) {
            assertEquals(1f, gan.settings().auxiliaryWeight(), "a class of 10 rows is small");
            assertEquals(5, gan.settings().criticSteps());
            assertEquals(80, gan.settings().batchSize());
        }
        assertTrue(heard.contains("auxiliary classifier weight 1.0: the smallest class has 10 training rows "
                + "(under 50)"), heard.toString());
        assertTrue(heard.contains("critic steps per generator step 5: the smallest class has 10 training rows "
                + "(under 50)"), heard.toString());
        assertTrue(heard.contains("batch size asked for 80: the smallest class has 10 training rows (under 50)"),
                heard.toString());
    }

    @Test
    void aNegativeOrNonFiniteWeightIsRefusedByName() {
        // -1 is the automatic weight's stand-in inside the record, but no weight a caller can give
        for (float bad : new float[] {-1f, -0.5f, Float.NaN, Float.POSITIVE_INFINITY}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> SHORT.withAuxiliaryWeight(bad));
            assertEquals("auxiliaryWeight", e.setting());
        }
    }

    /** {@code --aux-weight -0} parses to -0f, which the provenance and the checkpoint would show as -0.0. */
    @Test
    void aNegativeZeroWeightIsZero() {
        TableGanSettings negativeZero = SHORT.withAuxiliaryWeight(-0f);
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(negativeZero.auxiliaryWeight()));
        assertEquals(SHORT.withAuxiliaryWeight(0f), negativeZero);
        assertEquals("0.0", TableCheckpointIdentity.of(negativeZero).get("auxiliaryWeight"));
        TableGanSettings constructed = new TableGanSettings(SHORT.epochs(), SHORT.steps(), SHORT.batchSize(),
                SHORT.pac(), SHORT.criticSteps(), SHORT.latentDim(), SHORT.generatorWidths(),
                SHORT.discriminatorWidths(), SHORT.learningRateG(), SHORT.learningRateD(), SHORT.beta1(),
                SHORT.beta2(), SHORT.weightDecay(), SHORT.penaltyWeight(), SHORT.tau(), -0f, SHORT.informationWeight(),
                SHORT.conditioning(), SHORT.seed());
        assertEquals("0.0", String.valueOf(constructed.auxiliaryWeight()));
    }

    /**
     * Trains on two classes of {@value #ROWS_PER_CLASS} rows: column 0 (3 categories) is category 0 for class 0
     * and category 2 for class 1; column 1 (2 categories) alternates whatever the class.
     *
     * @return the share of generated rows whose column 0 is their class's category
     */
    private static double agreement(TableGanSettings settings) {
        int rows = 2 * ROWS_PER_CLASS;
        double[][] numeric = new double[rows][2];
        int[][] category = new int[rows][];
        int[] classes = new int[rows];
        for (int r = 0; r < rows; r++) {
            classes[r] = r / ROWS_PER_CLASS;
            category[r] = new int[] {classes[r] == 0 ? 0 : 2, r % 2};
        }
        TableEncoder encoder = TableEncoder.fit(new int[] {3, 2}, new double[2], new double[2], numeric, category, 5);
        float[] encoded = encoder.encode(numeric, category, 5);
        try (TrainedTableGan gan = new TableGanTrainer(settings, TrainingListener.NONE, new CancellationToken())
                .train(encoder, encoded, classes, 2)) {
            int n = 200;
            float[] z = new float[n * settings.latentDim()];
            dev.augment.random.SeededNoise.gaussian(z, 0, z.length, 9L);
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i % 2;
            }
            float[][] samples = gan.generate(z, labels);
            int agree = 0;
            for (int i = 0; i < n; i++) {
                agree += samples[i][labels[i] == 0 ? 0 : 2] == 1f ? 1 : 0;
            }
            return agree / (double) n;
        }
    }
}

package dev.augment.eval.cnn;

import dev.augment.cancel.CancellationToken;
import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CNN on dense colour images: 3×6×6 images, values 0–255, class c bright (150–255) in channel c and
 * dark (1–100) in the others, so every image has the same mean and only the channels tell them apart.
 */
class CnnFeatureClassifierTest {

    private static final List<Integer> SHAPE = List.of(3, 6, 6);
    private static final int PIXELS = 3 * 6 * 6;

    private record Images(float[][] rows, int[] classes) {
    }

    private static Images images(int perClass, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] rows = new float[3 * perClass][PIXELS];
        int[] classes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            classes[i] = i % 3;
            for (int p = 0; p < PIXELS; p++) {
                rows[i][p] = p / 36 == classes[i] ? rng.nextInt(150, 256) : rng.nextInt(1, 101);
            }
        }
        return new Images(rows, classes);
    }

    private static CnnFeatureClassifier train(long seed) {
        Images train = images(100, 1);
        return CnnFeatureClassifier.train(SHAPE, 255, train.rows(), train.classes(), 3, 40, 32, 3e-3, seed,
                new CancellationToken());
    }

    @Test
    void readsTheChannelsApartAndGivesHiddenLayerFeatures() {
        Images test = images(50, 2);
        CnnFeatureClassifier.Outputs out = train(5).apply(test.rows());
        int hits = 0;
        for (int i = 0; i < test.classes().length; i++) {
            hits += out.predicted()[i] == test.classes()[i] ? 1 : 0;
            assertEquals(CnnFeatureClassifier.HIDDEN_UNITS, out.features()[i].length);
            for (float f : out.features()[i]) {
                assertTrue(f >= 0, "features come after a ReLU, got " + f);
            }
        }
        assertTrue(hits > 0.95 * test.classes().length, hits + " of " + test.classes().length);
    }

    @Test
    void equalSeedsGiveEqualFeatures() {
        float[][] rows = images(5, 3).rows();
        float[][] a = train(9).apply(rows).features();
        float[][] b = train(9).apply(rows).features();
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
    }

    @Test
    void refusesBadSettingsAndImagesOfAnotherSize() {
        Images train = images(10, 1);
        InvalidSettingException steps = assertThrows(InvalidSettingException.class,
                () -> CnnFeatureClassifier.train(SHAPE, 255, train.rows(), train.classes(), 3, 0, 32, 1e-3, 1,
                        new CancellationToken()));
        assertEquals("steps", steps.setting());
        InvalidSettingException divisor = assertThrows(InvalidSettingException.class,
                () -> CnnFeatureClassifier.train(SHAPE, 0, train.rows(), train.classes(), 3, 5, 32, 1e-3, 1,
                        new CancellationToken()));
        assertEquals("inputDivisor", divisor.setting());
        CnnFeatureClassifier model = CnnFeatureClassifier.train(SHAPE, 255, train.rows(), train.classes(), 3, 2, 32,
                1e-3, 1, new CancellationToken());
        assertThrows(IllegalArgumentException.class, () -> model.apply(new float[][] {new float[PIXELS - 1]}));
    }
}

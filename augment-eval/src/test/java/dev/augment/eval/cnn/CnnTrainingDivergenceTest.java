package dev.augment.eval.cnn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.augment.cancel.CancellationToken;
import dev.augment.train.TrainingDivergedException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A pass that stays non-finite on the same batch is divergence: said with the step, the attempts and both remedies
 * (a Tribuo user's small CNN "diverged" at a random step whatever the learning rate, and was told only to lower it).
 */
class CnnTrainingDivergenceTest {

    @Test
    void aLossThatStaysInfiniteNamesTheAttemptsAndTheThreadRemedy() {
        CnnArchitecture architecture = new CnnArchitecture(1, 8, 8, 2, 2, 4, 2);
        int n = 4;
        float[] images = new float[n * 64];
        Arrays.fill(images, 0.5f);
        float[] weights = new float[n];
        Arrays.fill(weights, Float.MAX_VALUE); // the weighted loss overflows to infinity on every pass
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> CnnTraining.train(
                architecture, images, new int[] {0, 1, 0, 1}, weights, 3, n, 1e-3f, 1, new CancellationToken()));
        assertTrue(e.getMessage().startsWith("CNN training diverged at step 1 (loss "), e.getMessage());
        assertTrue(e.getMessage().contains(", 3 times on the same batch); lower the learning rate or the example "
                + "weights, or, if it recurs at other seeds and learning rates, try one PyTorch thread "
                + "(-Dai.djl.pytorch.num_threads=1"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}

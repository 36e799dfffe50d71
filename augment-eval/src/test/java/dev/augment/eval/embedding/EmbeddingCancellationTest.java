package dev.augment.eval.embedding;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation's embedding network trains for seconds on a large split without a progress line; a signal then
 * waited for the whole training. It now stops before the next optimiser step.
 */
class EmbeddingCancellationTest {

    @Test
    void aCancelledTokenStopsTrainingBeforeAStep() {
        int rows = 4096;
        float[][] features = new float[rows][16];
        int[] labels = new int[rows];
        for (int r = 0; r < rows; r++) {
            labels[r] = r % 2;
            features[r][r % 16] = labels[r] == 0 ? 1 : -1;
        }
        CancellationToken token = new CancellationToken();
        token.cancel();
        CancelledException e = assertThrows(CancelledException.class, () -> EmbeddingTrainer.train(features, labels,
                2, 1f, EmbeddingSettings.defaults(1), token));
        assertTrue(e.getMessage().contains("training the embedding network"), e.getMessage());
    }
}

package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeCamAnchorsTest {

    @Test
    void penaltyIsZeroWhenOutputsEqualTheAnchors() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray real = m.create(new float[] {0.4f, 0.4f, 0.4f});
            NDArray fake = m.create(new float[] {0.4f, 0.4f, 0.4f});
            assertEquals(0f, LeCamAnchors.penalty(real, fake, 0.4f, 0.4f).getFloat(), 0f);
        }
    }

    @Test
    void penaltyGrowsWithTheSquaredDistancePastTheOppositeAnchor() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray real = m.create(new float[] {2f, 0f});
            NDArray fake = m.create(new float[] {-1f, 1f});
            // real part: mean(relu(real - aF)^2) with aF = 0 -> (4 + 0) / 2; fake part: mean(relu(aR - fake)^2)
            // with aR = 0.5 -> (2.25 + 0) / 2.
            assertEquals(2f + 1.125f, LeCamAnchors.penalty(real, fake, 0.5f, 0f).getFloat(), 1e-6f);
        }
    }

    @Test
    void anchorsStartAtTheFirstBatchThenMoveSlowly() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            LeCamAnchors anchors = new LeCamAnchors();
            NDArray real = m.create(new float[] {1f, 1f});
            NDArray fake = m.create(new float[] {-1f, -1f});
            anchors.update(1f, -1f);
            // aR = 1, aF = -1: real part relu(1 - -1)^2 = 4; fake part relu(1 - -1)^2 = 4.
            assertEquals(8f, anchors.penalty(real, fake).getFloat(), 1e-6f);
            anchors.update(2f, -1f);
            // aR = 0.99 * 1 + 0.01 * 2 = 1.01: fake part (2.01)^2.
            assertEquals(4f + 2.01f * 2.01f, anchors.penalty(real, fake).getFloat(), 1e-4f);
        }
    }
}

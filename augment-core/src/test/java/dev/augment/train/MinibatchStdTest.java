package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class MinibatchStdTest {

    private final TinyData data = new TinyData(4, 8, 4, 3);

    @Test
    void discriminatorScoresOneSampleDifferentlyInAVariedBatchThanInABatchOfCopies() {
        try (GanNetworks nets = new GanNetworks(data.schema, GanSettings.defaults(Architecture.MLP, 1, 16, 1)
                .withMinibatchStd(true));
             NDManager sub = nets.manager.newSubManager()) {
            float[] first = data.features[0];
            float[] varied = new float[4 * 64];
            float[] copies = new float[4 * 64];
            for (int i = 0; i < 4; i++) {
                System.arraycopy(data.features[i * 4], 0, varied, i * 64, 64);
                System.arraycopy(first, 0, copies, i * 64, 64);
            }
            NDArray labels = sub.create(new int[] {0, 1, 2, 3}).toType(DataType.INT32, false).oneHot(4);
            float inVaried = logit(nets, sub, varied, labels);
            float inCopies = logit(nets, sub, copies, labels);
            // Row 0 is the same sample in both batches; only the batch statistic differs.
            assertNotEquals(inVaried, inCopies);
        }
    }

    @Test
    void withoutTheOptionABatchDoesNotChangeASamplesScore() {
        try (GanNetworks nets = new GanNetworks(data.schema, GanSettings.defaults(Architecture.MLP, 1, 16, 1));
             NDManager sub = nets.manager.newSubManager()) {
            float[] varied = new float[4 * 64];
            float[] copies = new float[4 * 64];
            for (int i = 0; i < 4; i++) {
                System.arraycopy(data.features[i * 4], 0, varied, i * 64, 64);
                System.arraycopy(data.features[0], 0, copies, i * 64, 64);
            }
            NDArray labels = sub.create(new int[] {0, 1, 2, 3}).toType(DataType.INT32, false).oneHot(4);
            assertEquals(logit(nets, sub, varied, labels), logit(nets, sub, copies, labels), 1e-6f);
        }
    }

    private static float logit(GanNetworks nets, NDManager sub, float[] batch, NDArray labels) {
        NDList out = nets.discriminator.forward(nets.store,
                new NDList(sub.create(batch, new Shape(4, 64)).div(255f), labels), false);
        return out.get(0).toFloatArray()[0];
    }
}

package dev.augment.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What lets the image GAN drop an update whose gradients are not finite (a NaN from this PyTorch build's convolution
 * backward on two threads, README "train"): the check sees a single NaN, and zeroing clears NaN and infinity too
 * (subtracting a gradient from itself, as zeroing did before, left a NaN in place for every later step).
 */
class DroppedUpdateTest {

    @Test
    void aNanGradientIsSeenAndZeroingClearsIt() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); NDManager scratch = manager.newSubManager()) {
            Linear layer = Linear.builder().setUnits(3).build();
            layer.initialize(manager, DataType.FLOAT32, new Shape(2, 4));
            assertTrue(Recomputation.finiteGradients(layer, scratch), "fresh gradients are finite");
            Parameter weight = layer.getParameters().get("weight");
            // a backward pass from an input holding a NaN: the weight's gradient is x^T · 1, NaN in one column
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray x = scratch.create(new float[] {1, 2, Float.NaN, 4, 5, 6, 7, 8}, new Shape(2, 4));
                NDArray y = layer.forward(new ParameterStore(scratch, false), new NDList(x), true).singletonOrThrow();
                collector.backward(y.sum());
            }
            assertFalse(Recomputation.finiteGradients(layer, scratch), "one NaN is enough to drop the update");
            Recomputation.zeroGradients(layer, scratch);
            NDArray cleared = weight.getArray().getGradient();
            assertArrayEquals(new float[12], cleared.toFloatArray(), Arrays.toString(cleared.toFloatArray()));
            cleared.close();
            assertTrue(Recomputation.finiteGradients(layer, scratch));
        }
    }
}

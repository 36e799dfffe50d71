package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.augment.errors.InvalidSettingException;
import dev.augment.train.PyTorchEngine;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InformationLossTest {

    @Test
    void isTheDistanceBetweenColumnMeansPlusTheDistanceBetweenColumnSpreads() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            // real: column means (1, 0), population sds (1, 2); fake: means (4, 4), sds (0, 0)
            NDArray real = manager.create(new float[] {0, -2, 2, 2}, new Shape(2, 2));
            NDArray fake = manager.create(new float[] {4, 4, 4, 4}, new Shape(2, 2));
            double expected = Math.hypot(3, 4) + Math.hypot(1, 2);
            assertEquals(expected, InformationLoss.of(real, fake).getFloat(), 1e-3);
        }
    }

    @Test
    void isZeroForBatchesWithTheSameMomentsAndShrinksAsTheyMeet() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray real = manager.create(new float[] {0, 1, 2, 3, 4, 5}, new Shape(3, 2));
            NDArray permuted = manager.create(new float[] {4, 5, 0, 1, 2, 3}, new Shape(3, 2));
            assertEquals(0, InformationLoss.of(real, permuted).getFloat(), 1e-3);
            NDArray narrower = manager.create(new float[] {1, 2, 2, 3, 3, 4}, new Shape(3, 2));
            NDArray narrowest = manager.create(new float[] {2, 3, 2, 3, 2, 3}, new Shape(3, 2));
            float near = InformationLoss.of(real, narrower).getFloat();
            float far = InformationLoss.of(real, narrowest).getFloat();
            assertTrue(near > 0.1f && far > near, near + " then " + far);
        }
    }

    @Test
    void hasAFiniteGradientWhenTheGeneratedColumnIsConstant() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray real = manager.create(new float[] {0, 1, 2, 3}, new Shape(2, 2));
            NDArray fake = manager.create(new float[] {1, 1, 1, 1}, new Shape(2, 2));
            fake.setRequiresGradient(true);
            try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                collector.backward(InformationLoss.of(real, fake));
            }
            for (float g : fake.getGradient().toFloatArray()) {
                assertTrue(Float.isFinite(g), "gradient " + g);
            }
        }
    }

    @Test
    void itsWeightIsOffByDefaultAndMustBeFiniteAndNotNegative() {
        TableGanSettings defaults = TableGanSettings.defaults(1);
        assertEquals(0f, defaults.informationWeight());
        assertEquals("0.0", String.valueOf(defaults.withInformationWeight(-0f).informationWeight()));
        for (float bad : new float[] {-1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> defaults.withInformationWeight(bad));
            assertEquals("informationWeight", e.setting());
        }
    }
}

package dev.augment.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.augment.errors.InvalidSettingException;
import dev.augment.random.SeededNoise;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffAugmentTest {

    private static final DiffAugment.Ops ALL = DiffAugment.Ops.parse("translation,cutout,brightness");

    private static float[] images(int n, int channels, int side) {
        SplittableRandom random = new SplittableRandom(1);
        float[] x = new float[n * channels * side * side];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }

    @Test
    void keepsTheBatchShapeAndIsTheIdentityWithEveryOperationOff() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] values = images(5, 3, 8);
            NDArray x = m.create(values, new Shape(5, 3 * 8 * 8));
            NDArray augmented = DiffAugment.apply(x, 3, 8, 8, ALL, SeededNoise.rng(1, 2));
            assertEquals(new Shape(5, 192), augmented.getShape());
            assertFalse(java.util.Arrays.equals(values, augmented.toFloatArray()));
            assertArrayEquals(values, DiffAugment.apply(x, 3, 8, 8, DiffAugment.Ops.NONE, SeededNoise.rng(1, 2))
                    .toFloatArray());
            assertArrayEquals(values, DiffAugment.apply(x, 3, 8, 8, DiffAugment.Ops.parse(""), SeededNoise.rng(1, 2))
                    .toFloatArray());
        }
    }

    @Test
    void isDeterministicPerSeedAndDiffersAcrossSeeds() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = m.create(images(6, 1, 12), new Shape(6, 144));
            float[] a = DiffAugment.apply(x, 1, 12, 12, ALL, SeededNoise.rng(7, 0, 3)).toFloatArray();
            float[] b = DiffAugment.apply(x, 1, 12, 12, ALL, SeededNoise.rng(7, 0, 3)).toFloatArray();
            float[] c = DiffAugment.apply(x, 1, 12, 12, ALL, SeededNoise.rng(8, 0, 3)).toFloatArray();
            assertArrayEquals(a, b);
            assertFalse(java.util.Arrays.equals(a, c));
        }
    }

    @Test
    void translationMovesContentAndFillsWithZeros() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] ones = new float[16 * 16];
            java.util.Arrays.fill(ones, 1f);
            DiffAugment.Ops translate = DiffAugment.Ops.parse("translation");
            boolean sawShift = false;
            for (int key = 0; key < 10; key++) {
                float[] out = DiffAugment.apply(m.create(ones, new Shape(1, 256)), 1, 16, 16, translate,
                        SeededNoise.rng(key)).toFloatArray();
                int zeros = 0;
                for (float v : out) {
                    assertTrue(v == 0f || v == 1f, "a translation only moves pixels, got " + v);
                    zeros += v == 0f ? 1 : 0;
                }
                // At most 2 of 16 rows and 2 of 16 columns leave the image (ratio 1/8).
                assertTrue(zeros <= 16 * 2 + 16 * 2, "zeros " + zeros);
                sawShift |= zeros > 0;
            }
            assertTrue(sawShift);
        }
    }

    @Test
    void gradientsFlowBackToTheInput() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray x = m.create(images(4, 1, 8), new Shape(4, 64));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
                NDArray y = DiffAugment.apply(x, 1, 8, 8, ALL, SeededNoise.rng(3));
                collector.backward(y.sum());
            }
            float[] grad = x.getGradient().toFloatArray();
            int nonZero = 0;
            for (float g : grad) {
                nonZero += g != 0f ? 1 : 0;
            }
            // Cutout zeroes a quarter of each image and translation drops a border; the rest gets gradient 1.
            assertTrue(nonZero > grad.length / 3, "non-zero gradients " + nonZero + " of " + grad.length);
        }
    }

    @Test
    void unknownOperationNamesTheSetting() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> GanSettings.builder(Architecture.MLP).diffAugment("translation,colour").build());
        assertEquals("diffAugment", e.setting());
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"translation,,cutout", ",translation", "translation,", "translation,translation",
            "cutout, cutout", "cutout,Cutout", " , "})
    void emptyEntriesAndRepeatsAreRefused(String list) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> GanSettings.builder(Architecture.MLP).diffAugment(list).build());
        assertEquals("diffAugment", e.setting());
    }

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(value = {"'translation, cutout' | translation,cutout", "cutout,translation | translation,cutout",
            "brightness,cutout,translation | translation,cutout,brightness", "'' | ''", "'  ' | ''",
            "none | ''", "' none ' | ''", "Cutout,TRANSLATION | translation,cutout", "None | ''"},
            delimiter = '|')
    void oneRecipeIsRecordedOneWay(String spelled, String recorded) {
        assertEquals(recorded, GanSettings.builder(Architecture.MLP).diffAugment(spelled).build().diffAugment());
    }
}

package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.augment.random.SeededNoise;
import dev.augment.train.PyTorchEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingPiecesTest {

    @Test
    void gumbelSoftmaxRowsAreDistributionsAndTanhPartsStayInRange() {
        PyTorchEngine.get().setRandomSeed(3);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            float[] values = new float[40 * 9];
            SeededNoise.gaussian(values, 0, values.length, 1);
            for (int i = 0; i < values.length; i++) {
                values[i] *= 5;
            }
            NDArray raw = manager.create(values, new Shape(40, 9));
            List<TableEncoder.Span> spans = List.of(new TableEncoder.Span(0, 1, false), new TableEncoder.Span(1, 3, true),
                    new TableEncoder.Span(4, 5, true));
            float[] out = GumbelSoftmax.activate(raw, spans, GumbelSoftmax.TAU).toFloatArray();
            for (int r = 0; r < 40; r++) {
                assertTrue(Math.abs(out[r * 9]) <= 1, "tanh part");
                assertEquals(1.0, out[r * 9 + 1] + out[r * 9 + 2] + out[r * 9 + 3], 1e-5, "modes of row " + r);
                double sum = 0;
                for (int j = 4; j < 9; j++) {
                    assertTrue(out[r * 9 + j] >= 0);
                    sum += out[r * 9 + j];
                }
                assertEquals(1.0, sum, 1e-5, "categories of row " + r);
            }
        }
    }

    @Test
    void gumbelNoiseIsFiniteEvenForUniformDrawsOfExactlyZeroAndOne() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            float[] noise = GumbelSoftmax.gumbel(manager.create(new float[] {0f, 1f, 0.5f, Math.nextDown(1f)}))
                    .toFloatArray();
            for (float g : noise) {
                assertTrue(Float.isFinite(g), "Gumbel noise " + java.util.Arrays.toString(noise));
            }
            assertEquals(-Math.log(-Math.log(0.5)), noise[2], 1e-5);
        }
    }

    @Test
    void classSamplerDrawsClassesAsAskedAndRowsOfTheDrawnClass() {
        int[] classes = new int[1000];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i < 900 ? 0 : i < 990 ? 1 : 2;
        }
        int n = 30000;
        for (Conditioning how : Conditioning.values()) {
            ClassSampler sampler = new ClassSampler(classes, 3, how, 4);
            double[] expected = switch (how) {
                case UNIFORM -> new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0};
                case FREQUENCY -> new double[] {0.9, 0.09, 0.01};
                case LOG_FREQUENCY -> {
                    double a = Math.log1p(900);
                    double b = Math.log1p(90);
                    double c = Math.log1p(10);
                    yield new double[] {a / (a + b + c), b / (a + b + c), c / (a + b + c)};
                }
            };
            assertArrayEquals(expected, sampler.probabilities(), 1e-9);
            int[] drawn = sampler.classes(n, 0, 0);
            int[] rows = sampler.rows(drawn, 0, 0);
            int[] counts = new int[3];
            for (int i = 0; i < n; i++) {
                counts[drawn[i]]++;
                assertEquals(drawn[i], classes[rows[i]], "the real row is of the drawn class");
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(expected[c], counts[c] / (double) n, 0.01, how + " class " + c);
            }
            assertArrayEquals(drawn, sampler.classes(n, 0, 0), "the same key draws the same classes");
        }
    }

    @Test
    void analyticInputGradientEqualsAutograd() {
        PyTorchEngine.get().setRandomSeed(5);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            PacDiscriminator critic = new PacDiscriminator(manager, 6, 3, new int[] {16, 8}, SeededNoise.rng(2));
            float[] values = new float[12 * 6];
            SeededNoise.gaussian(values, 0, values.length, 9);
            NDArray x = manager.create(values, new Shape(12, 6));
            x.setRequiresGradient(true);
            float[] analytic;
            try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                PacDiscriminator.Pass pass = critic.forward(x, true);
                analytic = critic.inputGradient(pass).toFloatArray();
                collector.backward(pass.score().sum());
            }
            float[] autograd = x.getGradient().reshape(4, 18).toFloatArray();
            assertEquals(4 * 18, analytic.length);
            assertArrayEquals(autograd, analytic, 1e-5f);
            assertTrue(java.util.stream.IntStream.range(0, analytic.length).anyMatch(i -> analytic[i] != 0));
        }
    }
}

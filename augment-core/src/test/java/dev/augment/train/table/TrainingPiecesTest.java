package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.augment.random.SeededNoise;
import dev.augment.train.PyTorchEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void groupedActivationEqualsActivatingSpanAfterSpanToTheBitWithItsGradient() {
        List<TableEncoder.Span> spans = List.of(new TableEncoder.Span(0, 1, false), new TableEncoder.Span(1, 3, true),
                new TableEncoder.Span(4, 1, false), new TableEncoder.Span(5, 1, true), new TableEncoder.Span(6, 3, true),
                new TableEncoder.Span(9, 1, false), new TableEncoder.Span(10, 5, true),
                new TableEncoder.Span(15, 3, true));
        int rows = 37;
        int width = 18;
        float[] values = new float[rows * width];
        SeededNoise.gaussian(values, 0, values.length, 5);
        float[] weights = new float[rows * width];
        SeededNoise.gaussian(weights, 0, weights.length, 6);
        float[][] grouped = activateWithGradient(values, weights, rows, width, spans, true);
        float[][] spanBySpan = activateWithGradient(values, weights, rows, width, spans, false);
        assertArrayEquals(spanBySpan[0], grouped[0], "activated values");
        assertArrayEquals(spanBySpan[1], grouped[1], "gradient of the raw output");
        assertTrue(Math.abs(grouped[0][1] + grouped[0][2] + grouped[0][3] - 1) < 1e-5, "a softmax span sums to 1");
    }

    /** @return {activated values, gradient of sum(weights × activated) with respect to the raw output} */
    private static float[][] activateWithGradient(float[] values, float[] weights, int rows, int width,
            List<TableEncoder.Span> spans, boolean grouped) {
        PyTorchEngine.get().setRandomSeed(11);
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            NDArray raw = manager.create(values, new Shape(rows, width));
            raw.setRequiresGradient(true);
            NDArray out;
            try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                out = grouped ? GumbelSoftmax.activate(raw, spans, GumbelSoftmax.TAU) : activateSpanBySpan(raw, spans);
                collector.backward(out.mul(manager.create(weights, new Shape(rows, width))).sum());
            }
            return new float[][] {out.toFloatArray(), raw.getGradient().toFloatArray()};
        }
    }

    /** The activation as it was written before the grouping (CTGAN's {@code _apply_activate}, span by span). */
    private static NDArray activateSpanBySpan(NDArray raw, List<TableEncoder.Span> spans) {
        NDList parts = new NDList();
        for (TableEncoder.Span span : spans) {
            NDArray part = raw.get(new NDIndex(":, {}:{}", span.start(), span.start() + span.width()));
            parts.add(span.softmax() ? GumbelSoftmax.sample(part, GumbelSoftmax.TAU) : part.tanh());
        }
        return NDArrays.concat(parts, 1);
    }

    @Test
    void anyNaNOrInfinityInAnyGradientMakesTheGradientsNotFinite() {
        float[][] shapes = {new float[3], new float[4], new float[1]};
        assertTrue(finiteAfterBackward(shapes, -1, 0, 0f), "zero gradients");
        for (float value : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int array = 0; array < shapes.length; array++) {
                for (int entry = 0; entry < shapes[array].length; entry++) {
                    assertFalse(finiteAfterBackward(shapes, array, entry, value),
                            value + " at entry " + entry + " of array " + array);
                }
            }
        }
        assertTrue(finiteAfterBackward(shapes, 1, 2, -3e38f), "a large finite gradient");
    }

    /**
     * @return {@link dev.augment.train.Recomputation#finiteGradients(java.util.List, ai.djl.ndarray.NDManager)} of
     *     arrays shaped like {@code shapes} after a backward pass that gives every entry gradient 1, except entry
     *     {@code entry} of array {@code array}, which gets {@code value}
     */
    private static boolean finiteAfterBackward(float[][] shapes, int array, int entry, float value) {
        try (NDManager manager = NDManager.newBaseManager("PyTorch"); NDManager scratch = manager.newSubManager()) {
            List<NDArray> parameters = new java.util.ArrayList<>();
            try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
                NDArray loss = null;
                for (int i = 0; i < shapes.length; i++) {
                    NDArray p = manager.create(shapes[i]);
                    p.setRequiresGradient(true);
                    parameters.add(p);
                    float[] weights = new float[shapes[i].length];
                    java.util.Arrays.fill(weights, 1f);
                    if (i == array) {
                        weights[entry] = value;
                    }
                    NDArray term = p.mul(manager.create(weights)).sum();
                    loss = loss == null ? term : loss.add(term);
                }
                collector.backward(loss);
            }
            return dev.augment.train.Recomputation.finiteGradients(parameters, scratch);
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

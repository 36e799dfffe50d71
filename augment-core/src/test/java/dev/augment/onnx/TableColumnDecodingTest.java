package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.augment.onnx.TableGeneratorGraph.ColumnDecoder;
import dev.augment.table.DecimalRounding;
import org.junit.jupiter.api.Test;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXRef;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The table generator's decoding, run in ONNX Runtime on raw rows the test chooses, against the column-by-column
 * definition of {@link ColumnDecoder} computed here in Java: numeric columns of 1–4 modes, rounded or not, with and
 * without a missing slot; categorical columns of 2–5 categories, with and without a missing slot; interleaved. And
 * the graph's size does not grow with the number of columns (a 3 000-column model once took minutes to load).
 */
class TableColumnDecodingTest {

    private static final int ROWS = 200;

    @Test
    void onnxRuntimeDecodesEveryKindOfColumnAsTheDecoderDefinesIt() throws Exception {
        Layout layout = layout(60, 7);
        float[][] raw = raw(layout.width, 11);
        Comparison comparison = compare(layout.columns, raw, run(graph(layout.columns, layout.width), raw,
                layout.features));
        assertTrue(comparison.missingCells > 0, "some rows chose a missing slot, so that path is checked");
        assertTrue(comparison.roundingSteps <= 2, comparison.roundingSteps + " cells differ by a rounding step");
    }

    @Test
    void theGraphHasAsManyNodesForThreeHundredColumnsAsForSix() {
        Layout small = layout(6, 3);
        Layout large = layout(300, 3);
        assertEquals(graph(small.columns, small.width).getNodeCount(), graph(large.columns, large.width)
                .getNodeCount());
        assertTrue(graph(large.columns, large.width).getNodeCount() < 60);
    }

    @Test
    void onlyNumericAndOnlyCategoricalColumnsDecodeToo() throws Exception {
        Layout all = layout(12, 5);
        float[][] raw = raw(all.width, 3);
        for (boolean numeric : new boolean[] {true, false}) {
            List<ColumnDecoder> kept = all.columns.stream()
                    .filter(c -> (c instanceof ColumnDecoder.Numeric) == numeric).toList();
            int features = kept.stream().mapToInt(ColumnDecoder::featureWidth).sum();
            Comparison comparison = compare(kept, raw, run(graph(kept, all.width), raw, features));
            assertTrue(comparison.roundingSteps <= 1, comparison.roundingSteps + " cells differ by a rounding step");
        }
    }

    @Test
    void aValueBeyondTheRangeIsMirroredBackInsideUnlessTheDataPilesOnThatBound() throws Exception {
        // over [0, 10]: a mode at 9 with scale 4 spans (5, 13), so 10 + d gives 10 - d; one at 1 spans (-3, 5), so
        // -d gives d; the same two columns clamped (their data piles on the bound) give 10 and 0
        List<ColumnDecoder> columns = new ArrayList<>();
        for (boolean clamped : new boolean[] {false, true}) {
            int at = columns.size() * 2;
            columns.add(new ColumnDecoder.Numeric(at, at + 1, new float[] {9f}, new float[] {4f}, 0f, 10f, -1, false,
                    false, clamped));
            columns.add(new ColumnDecoder.Numeric(at + 2, at + 3, new float[] {1f}, new float[] {4f}, 0f, 10f, -1,
                    false, clamped, false));
        }
        float[][] raw = new float[ROWS][8];
        for (int i = 0; i < ROWS; i++) {
            for (int c = 0; c < 4; c++) {
                raw[i][2 * c] = -3f + 6f * i / (ROWS - 1);
            }
        }
        float[] decoded = run(graph(columns, 8), raw, 4);
        int mirrored = 0;
        int reflectedOnBounds = 0;
        for (int i = 0; i < ROWS; i++) {
            float high = (float) Math.tanh(raw[i][0]) * 4f + 9f;
            float low = (float) Math.tanh(raw[i][0]) * 4f + 1f;
            mirrored += (high > 10f ? 1 : 0) + (low < 0f ? 1 : 0);
            assertEquals(high > 10f ? 20f - high : high, decoded[4 * i], 1e-5f, "reflected above, value " + high);
            assertEquals(low < 0f ? -low : low, decoded[4 * i + 1], 1e-5f, "reflected below, value " + low);
            assertEquals(Math.min(high, 10f), decoded[4 * i + 2], 1e-5f, "clamped above, value " + high);
            assertEquals(Math.max(low, 0f), decoded[4 * i + 3], 1e-5f, "clamped below, value " + low);
            reflectedOnBounds += (decoded[4 * i] == 10f ? 1 : 0) + (decoded[4 * i + 1] == 0f ? 1 : 0);
        }
        assertTrue(mirrored > ROWS / 4, mirrored + " values overshot a bound, so the mirroring was exercised");
        assertTrue(reflectedOnBounds <= 2, reflectedOnBounds + " reflected values sit exactly on a bound");
    }

    /** What {@link #compare} found besides agreement: missing cells, and cells a rounding step apart. */
    private record Comparison(int missingCells, int roundingSteps) {
    }

    /**
     * Asserts that ONNX Runtime's decoding equals the definition's, a missing cell being NaN in both; Tanh may differ
     * from Java's in its last bits, which can move a rounded value by one step, so such cells are counted.
     */
    private static Comparison compare(List<ColumnDecoder> columns, float[][] raw, float[] decoded) {
        int features = columns.stream().mapToInt(ColumnDecoder::featureWidth).sum();
        int missing = 0;
        int steps = 0;
        for (int i = 0; i < raw.length; i++) {
            float[] expected = reference(columns, raw[i]);
            for (int f = 0; f < features; f++) {
                float got = decoded[i * features + f];
                String where = "row " + i + " feature " + f + ": " + got + " vs " + expected[f];
                if (Float.isNaN(expected[f])) {
                    assertTrue(Float.isNaN(got), where);
                    missing++;
                } else if (Math.abs(got - expected[f]) > 1e-5 * Math.max(1, Math.abs(expected[f]))) {
                    assertTrue(Math.abs(got - expected[f]) <= 1.0001, where);
                    steps++;
                }
            }
        }
        return new Comparison(missing, steps);
    }

    /** Columns of every kind, their raw logits laid out one after another. */
    private record Layout(List<ColumnDecoder> columns, int width, int features) {
    }

    private static Layout layout(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ColumnDecoder> columns = new ArrayList<>();
        int next = 0;
        for (int c = 0; c < count; c++) {
            if (c % 3 == 2) {
                int categories = 2 + random.nextInt(4);
                int width = categories + (random.nextBoolean() ? 1 : 0);
                columns.add(new ColumnDecoder.Categorical(next, width, categories));
                next += width;
            } else {
                int modes = 1 + random.nextInt(4);
                boolean missing = random.nextInt(3) == 0;
                float[] means = new float[modes];
                float[] scales = new float[modes];
                for (int m = 0; m < modes; m++) {
                    means[m] = (float) (random.nextDouble() * 200 - 100);
                    scales[m] = (float) (random.nextDouble() * 40);
                }
                int decimals = random.nextInt(4) - 1; // -1 (not rounded), 0, 1, 2
                // clamped at one bound in some columns (not drawn, so the draws above stay what they were)
                columns.add(new ColumnDecoder.Numeric(next, next + 1, means, scales, -60f, 80f, decimals, missing,
                        c % 4 == 0, c % 5 == 1));
                next += 1 + modes + (missing ? 1 : 0);
            }
        }
        return new Layout(columns, next, columns.stream().mapToInt(ColumnDecoder::featureWidth).sum());
    }

    private static float[][] raw(int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] raw = new float[ROWS][width];
        for (float[] row : raw) {
            for (int j = 0; j < width; j++) {
                row[j] = (float) (random.nextGaussian() * 2);
            }
        }
        return raw;
    }

    /** The definition in {@link ColumnDecoder}'s Javadoc, column by column. */
    private static float[] reference(List<ColumnDecoder> columns, float[] raw) {
        float[] out = new float[columns.stream().mapToInt(ColumnDecoder::featureWidth).sum()];
        int f = 0;
        for (ColumnDecoder column : columns) {
            if (column instanceof ColumnDecoder.Numeric n) {
                int slots = n.means().length + (n.missingSlot() ? 1 : 0);
                int k = argmax(raw, n.modesStart(), slots);
                if (k == n.means().length) {
                    out[f++] = Float.NaN;
                    continue;
                }
                float value = (float) Math.tanh(raw[n.alphaIndex()]) * n.scales()[k] + n.means()[k];
                float above = n.clampMin() ? value : n.min() + Math.abs(value - n.min()); // reflected unless clamped
                float below = n.clampMax() ? above : n.max() - Math.abs(n.max() - above);
                value = Math.min(Math.max(below, n.min()), n.max());
                if (n.decimals() >= 0) {
                    float factor = DecimalRounding.factor(n.decimals());
                    value = (float) Math.rint(value * factor) / factor;
                }
                out[f++] = value;
            } else if (column instanceof ColumnDecoder.Categorical c) {
                int k = argmax(raw, c.start(), c.width());
                for (int j = 0; j < c.categories(); j++) {
                    out[f++] = j == k ? 1f : 0f;
                }
            }
        }
        return out;
    }

    private static int argmax(float[] raw, int start, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (raw[start + j] > raw[start + best]) {
                best = j;
            }
        }
        return best;
    }

    private static OnnxMl.GraphProto graph(List<ColumnDecoder> columns, int width) {
        ONNXContext context = new ONNXContext();
        int[] counter = {0};
        ONNXRef<?> raw = context.floatInput("raw", width);
        ONNXRef<?> samples = new TableColumnDecoding(context, (operator, inputs, attributes) -> context.operation(
                operator, new ArrayList<>(inputs), operator.getOpName().toLowerCase() + "_" + counter[0]++,
                attributes)).decode(raw, columns);
        context.assignTo(samples, context.floatOutput("samples",
                columns.stream().mapToInt(ColumnDecoder::featureWidth).sum()));
        return context.buildGraph();
    }

    private static float[] run(OnnxMl.GraphProto graph, float[][] raw, int features) throws Exception {
        byte[] model = OnnxMl.ModelProto.newBuilder().setIrVersion(7).setGraph(graph)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("")
                        .setVersion(AugmentOnnxOperators.OPSET_VERSION)).build().toByteArray();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[] flat = new float[raw.length * raw[0].length];
        for (int i = 0; i < raw.length; i++) {
            System.arraycopy(raw[i], 0, flat, i * raw[0].length, raw[0].length);
        }
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {raw.length,
                     raw[0].length});
             OrtSession.Result result = session.run(Map.of("raw", input))) {
            float[][] out = (float[][]) result.get(0).getValue();
            assertEquals(features, out[0].length);
            float[] decoded = new float[raw.length * features];
            for (int i = 0; i < raw.length; i++) {
                System.arraycopy(out[i], 0, decoded, i * features, features);
            }
            return decoded;
        }
    }
}

package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link TableGeneratorGraph} as a contract model (see {@link GeneratorContract}): inputs
 * {@code z} float32 {@code [N, latent]} and {@code label} int64 {@code [N]}, output {@code samples} float32
 * {@code [N, features]} already decoded into Tribuo's feature scale. The class becomes a one-hot vector by
 * {@code Gather} from an identity matrix; residual blocks are {@code Gemm}, {@code BatchNormalization} (running
 * statistics), {@code Relu} and {@code Concat}; each numeric column is {@code Gather} of its value and mode
 * logits, {@code Tanh}, {@code Hardmax} of the modes, a {@code Gemm} with the modes' means and scales and a
 * {@code Clip} to the column's range, then {@code Mul}, {@code Round} and {@code Div} to round it to the column's
 * decimal places (as the data writes them), and where a column has a "missing" slot after its modes, {@code Greater}
 * and {@code Where} put NaN (a missing cell) in the rows whose {@code Hardmax} chose it; each categorical column is
 * the {@code Hardmax} of its logits (times a
 * selection matrix that drops a "missing" slot). Opset 13, built with Tribuo's {@link ONNXContext}.
 */
public final class TableGeneratorOnnxExporter {

    private final ONNXContext context = new ONNXContext();
    private int nameCounter;

    private TableGeneratorOnnxExporter() {
    }

    /**
     * @param graph the generator
     * @param metadata schema (its feature count must match the graph's decoded width), latent size, provenance
     * @param producerVersion augment's version
     * @return the model
     * @throws IllegalArgumentException when graph and metadata disagree
     */
    public static OnnxMl.ModelProto toModel(TableGeneratorGraph graph, ModelMetadata metadata, String producerVersion) {
        if (graph.latentDim() != metadata.latentDim() || graph.classes() != metadata.schema().classCount()
                || graph.featureCount() != metadata.schema().featureCount()) {
            throw new IllegalArgumentException("table generator and metadata disagree on latent size, class count or "
                    + "feature count");
        }
        return new TableGeneratorOnnxExporter().build(graph, metadata, producerVersion);
    }

    private OnnxMl.ModelProto build(TableGeneratorGraph graph, ModelMetadata metadata, String producerVersion) {
        context.setName("augment_table_generator");
        int features = graph.featureCount();
        ONNXPlaceholder z = context.floatInput(GeneratorContract.INPUT_Z, graph.latentDim());
        ONNXPlaceholder label = context.floatInput(GeneratorContract.INPUT_LABEL, 1);
        int k = graph.classes();
        float[] identity = new float[k * k];
        for (int c = 0; c < k; c++) {
            identity[c * k + c] = 1f;
        }
        ONNXRef<?> table = context.floatTensor("class_one_hot", List.of(k, k), b -> b.put(identity));
        ONNXRef<?> condition = op(ONNXOperators.GATHER, List.of(table, label), Map.of("axis", 0));
        ONNXRef<?> x = op(ONNXOperators.CONCAT, List.of(z, condition), Map.of("axis", 1));
        for (int i = 0; i < graph.blocks().size(); i += 2) {
            ONNXRef<?> h = dense(x, (GeneratorLayer.Dense) graph.blocks().get(i));
            GeneratorLayer.BatchNorm n = (GeneratorLayer.BatchNorm) graph.blocks().get(i + 1);
            h = op(AugmentOnnxOperators.BATCH_NORMALIZATION, List.of(h,
                    context.array("bn_gamma", n.gamma()), context.array("bn_beta", n.beta()),
                    context.array("bn_mean", n.runningMean()), context.array("bn_var", n.runningVar())),
                    Map.of("epsilon", n.epsilon()));
            h = op(AugmentOnnxOperators.RELU, List.of(h), Map.of());
            x = op(ONNXOperators.CONCAT, List.of(h, x), Map.of("axis", 1));
        }
        ONNXRef<?> raw = dense(x, graph.output());
        List<ONNXRef<?>> decoded = new ArrayList<>();
        for (TableGeneratorGraph.ColumnDecoder column : graph.columns()) {
            if (column instanceof TableGeneratorGraph.ColumnDecoder.Numeric n) {
                decoded.add(numeric(raw, n));
            } else if (column instanceof TableGeneratorGraph.ColumnDecoder.Categorical c) {
                decoded.add(categorical(raw, c));
            }
        }
        ONNXRef<?> samples = decoded.size() == 1 ? op(ONNXOperators.IDENTITY, decoded, Map.of())
                : op(ONNXOperators.CONCAT, decoded, Map.of("axis", 1));
        context.assignTo(samples, context.floatOutput(GeneratorContract.OUTPUT_SAMPLES, features));
        return GeneratorOnnxExporter.wrap(context.buildGraph(), metadata, producerVersion,
                "augment conditional table generator (CTGAN): z ~ N(0, I) [N, " + graph.latentDim()
                        + "], label int64 [N] -> samples [N, " + features + "] in Tribuo's feature scale");
    }

    private ONNXRef<?> dense(ONNXRef<?> x, GeneratorLayer.Dense d) {
        return op(ONNXOperators.GEMM, List.of(x,
                context.floatTensor("dense_w", List.of(d.outputs(), d.inputs()), b -> b.put(d.weight())),
                context.floatTensor("dense_b", List.of(d.outputs()), b -> b.put(d.bias()))), Map.of("transB", 1));
    }

    private ONNXRef<?> columns(ONNXRef<?> raw, int start, int width) {
        long[] indices = new long[width];
        for (int j = 0; j < width; j++) {
            indices[j] = start + j;
        }
        return op(ONNXOperators.GATHER, List.of(raw, context.array("columns", indices)), Map.of("axis", 1));
    }

    private ONNXRef<?> numeric(ONNXRef<?> raw, TableGeneratorGraph.ColumnDecoder.Numeric n) {
        int modes = n.means().length;
        int slots = modes + (n.missingSlot() ? 1 : 0);
        // the missing slot's row of scales and means is 0: its value is replaced by NaN below
        float[] scales = java.util.Arrays.copyOf(n.scales(), slots);
        float[] means = java.util.Arrays.copyOf(n.means(), slots);
        ONNXRef<?> alpha = op(AugmentOnnxOperators.TANH, List.of(columns(raw, n.alphaIndex(), 1)), Map.of());
        ONNXRef<?> chosen = op(ONNXOperators.HARDMAX, List.of(columns(raw, n.modesStart(), slots)), Map.of("axis", 1));
        ONNXRef<?> scale = op(ONNXOperators.GEMM, List.of(chosen,
                context.floatTensor("mode_scale", List.of(slots, 1), b -> b.put(scales))), Map.of());
        ONNXRef<?> mean = op(ONNXOperators.GEMM, List.of(chosen,
                context.floatTensor("mode_mean", List.of(slots, 1), b -> b.put(means))), Map.of());
        ONNXRef<?> value = op(ONNXOperators.ADD, List.of(op(ONNXOperators.MUL, List.of(alpha, scale), Map.of()), mean),
                Map.of());
        ONNXRef<?> clipped = op(AugmentOnnxOperators.CLIP, List.of(value, context.constant("column_min", n.min()),
                context.constant("column_max", n.max())), Map.of());
        ONNXRef<?> decoded = clipped;
        if (n.decimals() >= 0) {
            ONNXRef<?> factor = context.constant("column_decimals",
                    dev.augment.table.DecimalRounding.factor(n.decimals()));
            ONNXRef<?> rounded = op(AugmentOnnxOperators.ROUND, List.of(op(ONNXOperators.MUL, List.of(clipped, factor),
                    Map.of())), Map.of());
            decoded = op(ONNXOperators.DIV, List.of(rounded, factor), Map.of());
        }
        if (!n.missingSlot()) {
            return decoded;
        }
        // Hardmax gives exactly 1 at the chosen slot: where that is the missing slot, the cell is NaN
        ONNXRef<?> missing = op(ONNXOperators.GREATER, List.of(columns(chosen, modes, 1),
                context.constant("half", 0.5f)), Map.of());
        return op(ONNXOperators.WHERE, List.of(missing, context.constant("missing_cell", Float.NaN), decoded),
                Map.of());
    }

    private ONNXRef<?> categorical(ONNXRef<?> raw, TableGeneratorGraph.ColumnDecoder.Categorical c) {
        ONNXRef<?> chosen = op(ONNXOperators.HARDMAX, List.of(columns(raw, c.start(), c.width())), Map.of("axis", 1));
        if (c.width() == c.categories()) {
            return chosen;
        }
        float[] keep = new float[c.width() * c.categories()];
        for (int j = 0; j < c.categories(); j++) {
            keep[j * c.categories() + j] = 1f;
        }
        return op(ONNXOperators.GEMM, List.of(chosen,
                context.floatTensor("drop_missing", List.of(c.width(), c.categories()), b -> b.put(keep))), Map.of());
    }

    private ONNXRef<?> op(ONNXOperator operator, List<ONNXRef<?>> inputs, Map<String, Object> attributes) {
        String output = operator.getOpName().toLowerCase() + "_out_" + nameCounter++;
        return context.operation(operator, new ArrayList<>(inputs), output, attributes);
    }
}

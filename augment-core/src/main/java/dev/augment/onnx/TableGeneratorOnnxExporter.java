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
 * statistics), {@code Relu} and {@code Concat}; a last {@code Gemm} gives the raw row, which
 * {@link TableColumnDecoding} decodes as {@link TableGeneratorGraph.ColumnDecoder} defines
 * (numeric columns by their modes, rounded and clipped; categorical ones one-hot; missing cells), in a few nodes
 * whatever the number of columns. Opset 13, built with Tribuo's {@link ONNXContext}.
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
        ONNXRef<?> samples = new TableColumnDecoding(context, this::op).decode(raw, graph.columns());
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

    private ONNXRef<?> op(ONNXOperator operator, List<ONNXRef<?>> inputs, Map<String, Object> attributes) {
        String output = operator.getOpName().toLowerCase() + "_out_" + nameCounter++;
        return context.operation(operator, new ArrayList<>(inputs), output, attributes);
    }
}

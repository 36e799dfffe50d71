package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import dev.augment.io.AtomicFiles;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXPlaceholder;
import org.tribuo.util.onnx.ONNXRef;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link GeneratorGraph} and its {@link ModelMetadata} as an ONNX model that follows the
 * contract: inputs {@code z} float32 {@code [N, latent]} and {@code label} int64 {@code [N]}, output
 * {@code samples} float32 {@code [N, features]} in the source's feature scale. The graph is built with
 * Tribuo's {@link ONNXContext}; the int64 input and the {@code ModelProto} wrapper with the protobuf
 * classes Tribuo ships, since Tribuo's builder only declares float inputs.
 */
public final class GeneratorOnnxExporter {

    /** ONNX IR version written (ONNX 1.10+, read by every ONNX Runtime since 1.10). */
    public static final long IR_VERSION = 8;

    private final ONNXContext context = new ONNXContext();
    private int nameCounter;

    private GeneratorOnnxExporter() {
    }

    /**
     * Builds the model proto.
     *
     * @param graph the generator
     * @param metadata schema, latent size, provenance and scores
     * @param producerVersion augment's version, recorded as the producer version
     * @return the model
     */
    public static OnnxMl.ModelProto toModel(GeneratorGraph graph, ModelMetadata metadata, String producerVersion) {
        if (graph.latentDim() != metadata.latentDim() || graph.classes() != metadata.schema().classCount()) {
            throw new IllegalArgumentException("generator and metadata disagree on latent size or class count");
        }
        return new GeneratorOnnxExporter().build(graph, metadata, producerVersion);
    }

    /**
     * Writes the model to {@code target} through a temporary file, so a failure leaves nothing behind.
     *
     * @param model the model
     * @param target where to write it
     * @throws IOException when the file cannot be written
     */
    public static void write(OnnxMl.ModelProto model, Path target) throws IOException {
        AtomicFiles.write(target, model::writeTo);
    }

    private OnnxMl.ModelProto build(GeneratorGraph graph, ModelMetadata metadata, String producerVersion) {
        context.setName("augment_conditional_generator");
        int features = metadata.schema().featureCount();
        ONNXPlaceholder z = context.floatInput(GeneratorContract.INPUT_Z, graph.latentDim());
        ONNXPlaceholder label = context.floatInput(GeneratorContract.INPUT_LABEL, 1);
        ONNXRef<?> table = context.floatTensor("label_embedding", List.of(graph.classes(), graph.embeddingDim()),
                buffer -> buffer.put(graph.embedding()));
        ONNXRef<?> embedded = op(ONNXOperators.GATHER, List.of(table, label), Map.of("axis", 0));
        ONNXRef<?> x = op(ONNXOperators.CONCAT, List.of(z, embedded), Map.of("axis", 1));
        for (GeneratorLayer layer : graph.layers()) {
            x = layer(x, layer);
        }
        x = op(ONNXOperators.MUL, List.of(x, context.constant("output_scale", graph.outputScale())), Map.of());
        x = op(ONNXOperators.ADD, List.of(x, context.constant("output_shift", graph.outputShift())), Map.of());
        context.assignTo(x, context.floatOutput(GeneratorContract.OUTPUT_SAMPLES, features));

        return wrap(context.buildGraph(), metadata, producerVersion, "augment conditional GAN generator: z ~ N(0, I) [N, "
                + graph.latentDim() + "], label int64 [N] -> samples [N, " + features + "]");
    }

    /**
     * Wraps a generator graph into a contract model: retypes its {@code label} input to int64 {@code [N]},
     * sets IR version, producer, opset and the metadata.
     *
     * @param graph a graph with inputs {@code z} and {@code label} (declared float by Tribuo's builder)
     * @param metadata schema, latent size, provenance and scores
     * @param producerVersion augment's version
     * @param docString the model's description
     * @return the model
     */
    static OnnxMl.ModelProto wrap(OnnxMl.GraphProto graph, ModelMetadata metadata, String producerVersion,
                                  String docString) {
        OnnxMl.GraphProto.Builder graphProto = graph.toBuilder();
        retypeLabelInput(graphProto);
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("augment")
                .setProducerVersion(producerVersion)
                .setDomain("dev.augment")
                .setModelVersion(GeneratorContract.VERSION)
                .setDocString(docString)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("")
                        .setVersion(AugmentOnnxOperators.OPSET_VERSION))
                .setGraph(graphProto);
        MetadataCodec.encode(metadata).forEach((key, value) -> model.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return GraphChecksum.stamp(model.build());
    }

    private ONNXRef<?> layer(ONNXRef<?> x, GeneratorLayer layer) {
        if (layer instanceof GeneratorLayer.Dense d) {
            return op(ONNXOperators.GEMM, List.of(x,
                    context.floatTensor("dense_w", List.of(d.outputs(), d.inputs()), b -> b.put(d.weight())),
                    context.floatTensor("dense_b", List.of(d.outputs()), b -> b.put(d.bias()))),
                    Map.of("transB", 1));
        } else if (layer instanceof GeneratorLayer.BatchNorm n) {
            return op(AugmentOnnxOperators.BATCH_NORMALIZATION, List.of(x,
                    context.array("bn_gamma", n.gamma()), context.array("bn_beta", n.beta()),
                    context.array("bn_mean", n.runningMean()), context.array("bn_var", n.runningVar())),
                    Map.of("epsilon", n.epsilon()));
        } else if (layer instanceof GeneratorLayer.Conv c) {
            int pad = c.kernel() / 2;
            return op(AugmentOnnxOperators.CONV, List.of(x,
                    context.floatTensor("conv_w", List.of(c.filters(), c.channels(), c.kernel(), c.kernel()),
                            b -> b.put(c.weight())),
                    context.array("conv_b", c.bias())),
                    Map.of("kernel_shape", new int[] {c.kernel(), c.kernel()},
                            "pads", new int[] {pad, pad, pad, pad}, "strides", new int[] {1, 1}));
        } else if (layer instanceof GeneratorLayer.LeakyRelu l) {
            return op(AugmentOnnxOperators.LEAKY_RELU, List.of(x), Map.of("alpha", l.alpha()));
        } else if (layer instanceof GeneratorLayer.Relu) {
            return op(AugmentOnnxOperators.RELU, List.of(x), Map.of());
        } else if (layer instanceof GeneratorLayer.Tanh) {
            return op(AugmentOnnxOperators.TANH, List.of(x), Map.of());
        } else if (layer instanceof GeneratorLayer.ToImage i) {
            return op(AugmentOnnxOperators.RESHAPE, List.of(x,
                    context.array("image_shape", new long[] {-1, i.channels(), i.height(), i.width()})), Map.of());
        } else if (layer instanceof GeneratorLayer.Flatten) {
            return op(AugmentOnnxOperators.FLATTEN, List.of(x), Map.of("axis", 1));
        } else if (layer instanceof GeneratorLayer.PixelShuffle p) {
            return op(AugmentOnnxOperators.DEPTH_TO_SPACE, List.of(x),
                    Map.of("blocksize", p.factor(), "mode", "CRD"));
        }
        throw new IllegalArgumentException("no ONNX mapping for " + layer.getClass().getSimpleName());
    }

    private ONNXRef<?> op(ONNXOperator operator, List<ONNXRef<?>> inputs, Map<String, Object> attributes) {
        String output = operator.getOpName().toLowerCase() + "_out_" + nameCounter++;
        return context.operation(operator, new ArrayList<>(inputs), output, attributes);
    }

    private static void retypeLabelInput(OnnxMl.GraphProto.Builder graph) {
        OnnxMl.TensorShapeProto batchOnly = OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("batch")).build();
        OnnxMl.TypeProto int64Vector = OnnxMl.TypeProto.newBuilder().setTensorType(
                OnnxMl.TypeProto.Tensor.newBuilder().setElemType(OnnxMl.TensorProto.DataType.INT64.getNumber())
                        .setShape(batchOnly)).build();
        for (int i = 0; i < graph.getInputCount(); i++) {
            if (graph.getInput(i).getName().equals(GeneratorContract.INPUT_LABEL)) {
                graph.setInput(i, graph.getInput(i).toBuilder().setType(int64Vector));
            }
        }
    }
}

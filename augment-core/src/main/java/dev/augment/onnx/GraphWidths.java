package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import dev.augment.errors.ModelContractException;

/**
 * The widths of a generator graph's latent input and sample output against its metadata, read from the file's
 * protobuf without ONNX Runtime: {@code augment models} listed a copy whose {@code augment.latent_dim} said 32 over a
 * graph input of 64 as a usable model, which every load refuses, and {@code generate --class bag} without
 * {@code --model} then found two shipped models of the class and stopped (a fresh user, 7 Dec). The full contract
 * (types, ranks, names) is checked when a model is loaded ({@code dev.augment.generate.OnnxGenerator}).
 */
final class GraphWidths {

    private GraphWidths() {
    }

    /**
     * @param graph the model file's graph
     * @param metadata its metadata
     * @param source the file, for the message
     * @throws ModelContractException as the load would: "input 'z' has width 64, the metadata says 32"; nothing when
     *     a width is symbolic or missing (the load names those)
     */
    static void verify(OnnxMl.GraphProto graph, ModelMetadata metadata, String source) {
        check(graph.getInputList(), GeneratorContract.INPUT_Z, metadata.latentDim(), "input", source);
        check(graph.getOutputList(), GeneratorContract.OUTPUT_SAMPLES, metadata.schema().featureCount(), "output",
                source);
    }

    private static void check(java.util.List<OnnxMl.ValueInfoProto> values, String name, long width, String kind,
                              String source) {
        for (OnnxMl.ValueInfoProto value : values) {
            if (value.getName().equals(name) && value.getType().hasTensorType()) {
                OnnxMl.TensorShapeProto shape = value.getType().getTensorType().getShape();
                if (shape.getDimCount() == 2 && shape.getDim(1).hasDimValue()
                        && shape.getDim(1).getDimValue() != width) {
                    throw ModelContractException.breach(source, kind + " '" + name + "' has width "
                            + shape.getDim(1).getDimValue() + ", the metadata says " + width, null, null);
                }
            }
        }
    }
}

package dev.augment.generate;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.augment.errors.ModelContractException;
import dev.augment.onnx.GeneratorContract;
import dev.augment.onnx.ModelMetadata;

import java.util.Map;

/** Checks a loaded session against the ONNX contract: input and output names, types and widths. */
final class ContractCheck {

    private ContractCheck() {
    }

    static void verify(OrtSession session, ModelMetadata metadata, String source) throws OrtException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        if (inputs.size() != 2) {
            throw broken(source, "it has inputs " + inputs.keySet() + ", the contract wants exactly [z, label]");
        }
        tensor(inputs, GeneratorContract.INPUT_Z, OnnxJavaType.FLOAT, 2, metadata.latentDim(), source, "input");
        tensor(inputs, GeneratorContract.INPUT_LABEL, OnnxJavaType.INT64, 1, -1, source, "input");
        tensor(outputs, GeneratorContract.OUTPUT_SAMPLES, OnnxJavaType.FLOAT, 2,
                metadata.schema().featureCount(), source, "output");
    }

    private static void tensor(Map<String, NodeInfo> nodes, String name, OnnxJavaType type, int rank, long width,
                               String source, String kind) {
        NodeInfo node = nodes.get(name);
        if (node == null) {
            throw broken(source, kind + " '" + name + "' is missing (has " + nodes.keySet() + ")");
        }
        if (!(node.getInfo() instanceof TensorInfo info)) {
            throw broken(source, kind + " '" + name + "' is not a tensor");
        }
        if (info.type != type) {
            throw broken(source, kind + " '" + name + "' is " + info.type + ", the contract wants " + type);
        }
        long[] shape = info.getShape();
        if (shape.length != rank) {
            throw broken(source, kind + " '" + name + "' has rank " + shape.length + ", the contract wants " + rank);
        }
        if (width > 0 && shape[1] < 0) {
            // ONNX Runtime reports a symbolic dimension (an exporter's dynamic axis) as -1 (helper k12, 6 Dec)
            throw broken(source, kind + " '" + name + "' has a dynamic (symbolic) width; the contract fixes it at "
                    + width + ", the metadata's");
        }
        if (width > 0 && shape[1] != width) {
            throw broken(source, kind + " '" + name + "' has width " + shape[1] + ", the metadata says " + width);
        }
    }

    private static ModelContractException broken(String source, String what) {
        return ModelContractException.breach(source, what, null, null);
    }
}

package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.augment.errors.ModelContractException;

import java.util.Optional;

/**
 * Refuses a model that keeps a tensor's bytes in another file. ONNX lets an initializer or a constant's data live in a
 * file named by a path ({@code data_location: EXTERNAL}, ONNX IR's {@code TensorProto.external_data}), and ONNX
 * Runtime follows absolute paths and {@code ../}: a generator received from someone else read
 * {@code /usr/share/common-licenses/GPL-3} into the pixels it generated (a fresh user's forged model, 6 Dec), so a
 * user's keys or tokens could end up in samples they share. augment's exporters never write external data, so such a
 * file is no augment generator. Checked before ONNX Runtime opens the model.
 */
public final class ExternalData {

    private ExternalData() {
    }

    /**
     * @param bytes an ONNX file's bytes
     * @param where the file, for the message
     * @throws ModelContractException naming the first tensor whose data lies in another file, and that file
     */
    public static void refuse(byte[] bytes, String where) {
        OnnxMl.ModelProto model;
        try {
            model = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return; // not a model protobuf: ONNX Runtime's own error names it
        }
        Optional<OnnxMl.TensorProto> external = first(model.getGraph());
        if (external.isPresent()) {
            OnnxMl.TensorProto tensor = external.get();
            String location = tensor.getExternalDataList().stream().filter(e -> e.getKey().equals("location"))
                    .map(OnnxMl.StringStringEntryProto::getValue).findFirst().orElse("another file");
            throw new ModelContractException(where + ": breaks the generator contract: its tensor '"
                    + tensor.getName() + "' keeps its data in another file (ONNX external data, " + location
                    + "), which augment generators never do and which would copy that file into the samples; use a "
                    + "generator exported by 'augment train'");
        }
    }

    private static Optional<OnnxMl.TensorProto> first(OnnxMl.GraphProto graph) {
        for (OnnxMl.TensorProto tensor : graph.getInitializerList()) {
            if (isExternal(tensor)) {
                return Optional.of(tensor);
            }
        }
        for (OnnxMl.SparseTensorProto sparse : graph.getSparseInitializerList()) {
            if (isExternal(sparse.getValues()) || isExternal(sparse.getIndices())) {
                return Optional.of(isExternal(sparse.getValues()) ? sparse.getValues() : sparse.getIndices());
            }
        }
        for (OnnxMl.NodeProto node : graph.getNodeList()) {
            for (OnnxMl.AttributeProto attribute : node.getAttributeList()) {
                Optional<OnnxMl.TensorProto> found = first(attribute);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** @return an attribute's first external tensor, in its tensors and in its subgraphs (If, Loop, Scan) */
    private static Optional<OnnxMl.TensorProto> first(OnnxMl.AttributeProto attribute) {
        if (attribute.hasT() && isExternal(attribute.getT())) {
            return Optional.of(attribute.getT());
        }
        for (OnnxMl.TensorProto tensor : attribute.getTensorsList()) {
            if (isExternal(tensor)) {
                return Optional.of(tensor);
            }
        }
        if (attribute.hasSparseTensor() && isExternal(attribute.getSparseTensor().getValues())) {
            return Optional.of(attribute.getSparseTensor().getValues());
        }
        if (attribute.hasG()) {
            Optional<OnnxMl.TensorProto> found = first(attribute.getG());
            if (found.isPresent()) {
                return found;
            }
        }
        for (OnnxMl.GraphProto graph : attribute.getGraphsList()) {
            Optional<OnnxMl.TensorProto> found = first(graph);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static boolean isExternal(OnnxMl.TensorProto tensor) {
        return tensor.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL
                || tensor.getExternalDataCount() > 0;
    }
}

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
     * @return the parsed model, for the loader's later checks, or null when the bytes are not a model protobuf
     *     (ONNX Runtime's own error then names the fault)
     * @throws ModelContractException naming the first tensor whose data lies in another file, and that file
     */
    public static OnnxMl.ModelProto refuse(byte[] bytes, String where) {
        OnnxMl.ModelProto model;
        try {
            model = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return null;
        }
        Optional<OnnxMl.TensorProto> external = first(model);
        if (external.isPresent()) {
            OnnxMl.TensorProto tensor = external.get();
            String location = tensor.getExternalDataList().stream().filter(e -> e.getKey().equals("location"))
                    .map(OnnxMl.StringStringEntryProto::getValue).findFirst().orElse("another file");
            throw ModelContractException.breach(where, "its tensor '" + tensor.getName() + "' keeps its data in "
                    + "another file (ONNX external data, " + location + "), which augment generators never do and "
                    + "which would copy that file into the samples", "use a generator exported by 'augment train'",
                    null);
        }
        return model;
    }

    /**
     * @return the first external tensor anywhere in the message: every field is walked, not only the graph's
     *     initializers and attributes, so that a tensor in a model-local function (ModelProto.functions, which ONNX
     *     Runtime inlines) or in any form ONNX adds later is found too (a re-check bypassed a graph-only walk, 6 Dec)
     */
    private static Optional<OnnxMl.TensorProto> first(com.google.protobuf.Message message) {
        if (message instanceof OnnxMl.TensorProto tensor && isExternal(tensor)) {
            return Optional.of(tensor);
        }
        for (java.util.Map.Entry<com.google.protobuf.Descriptors.FieldDescriptor, Object> field
                : message.getAllFields().entrySet()) {
            if (field.getKey().getJavaType() != com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            Iterable<?> values = field.getKey().isRepeated() ? (Iterable<?>) field.getValue()
                    : java.util.List.of(field.getValue());
            for (Object value : values) {
                Optional<OnnxMl.TensorProto> found = first((com.google.protobuf.Message) value);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isExternal(OnnxMl.TensorProto tensor) {
        return tensor.getDataLocation() == OnnxMl.TensorProto.DataLocation.EXTERNAL
                || tensor.getExternalDataCount() > 0;
    }
}

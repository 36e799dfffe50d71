package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.augment.errors.ModelContractException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 of a generator's graph (its operators and every weight, as serialised protobuf bytes), written at
 * export under the metadata key {@value GeneratorContract#KEY_GRAPH_SHA256} and checked when the file is loaded.
 * ONNX has no checksum of its own: a byte flipped inside a weight still parses and runs, and would silently change
 * every sample. Files written before the key existed load without the check.
 */
public final class GraphChecksum {

    private GraphChecksum() {
    }

    /**
     * @param graph a generator's graph
     * @return the SHA-256 of its serialised bytes, lower-case hex
     */
    public static String of(OnnxMl.GraphProto graph) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(graph.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /**
     * @param model a generator model without the checksum
     * @return the same model with {@value GeneratorContract#KEY_GRAPH_SHA256} added to its metadata
     */
    public static OnnxMl.ModelProto stamp(OnnxMl.ModelProto model) {
        return model.toBuilder().addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder()
                .setKey(GeneratorContract.KEY_GRAPH_SHA256).setValue(of(model.getGraph()))).build();
    }

    /**
     * For a deliberate edit of a generator's graph (a tool that rewrites operators): the model with its graph
     * replaced and the checksum recorded anew.
     *
     * @param model a generator model, with or without the checksum
     * @param graph its new graph
     * @return the model with {@code graph} and that graph's checksum
     */
    public static OnnxMl.ModelProto withGraph(OnnxMl.ModelProto model, OnnxMl.GraphProto graph) {
        OnnxMl.ModelProto.Builder copy = model.toBuilder().clearMetadataProps().setGraph(graph);
        model.getMetadataPropsList().stream()
                .filter(e -> !e.getKey().equals(GeneratorContract.KEY_GRAPH_SHA256))
                .forEach(copy::addMetadataProps);
        return stamp(copy.build());
    }

    /**
     * Checks a file's graph against the checksum its metadata records; does nothing when none is recorded.
     *
     * @param bytes the ONNX file's bytes
     * @param where the file, for the message
     * @throws ModelContractException when the bytes are not an ONNX model, or the graph's checksum differs from the
     *     recorded one (the file was damaged after export)
     */
    public static void verify(byte[] bytes, String where) {
        OnnxMl.ModelProto model;
        try {
            model = OnnxMl.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new ModelContractException(where + ": not a valid ONNX model (" + e.getMessage() + ")", e);
        }
        verify(model, where);
    }

    /**
     * As {@link #verify(byte[], String)}, for a model already parsed (a loader that parsed it for other checks).
     *
     * @param model the parsed ONNX model
     * @param where the file, for the message
     * @throws ModelContractException when the graph's checksum differs from the recorded one
     */
    public static void verify(OnnxMl.ModelProto model, String where) {
        String recorded = null;
        for (OnnxMl.StringStringEntryProto entry : model.getMetadataPropsList()) {
            if (entry.getKey().equals(GeneratorContract.KEY_GRAPH_SHA256)) {
                recorded = entry.getValue();
            }
        }
        if (recorded != null && !recorded.equals(of(model.getGraph()))) {
            throw new ModelContractException(where + ": the file is damaged: its graph (weights and operators) no "
                    + "longer has the SHA-256 recorded at export (" + GeneratorContract.KEY_GRAPH_SHA256 + "); copy "
                    + "it again from its source or re-export it");
        }
    }
}

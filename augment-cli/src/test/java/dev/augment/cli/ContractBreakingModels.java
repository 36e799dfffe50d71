package dev.augment.cli;

import ai.onnx.proto.OnnxMl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Valid ONNX files that break augment's contract, made by editing a good one. */
final class ContractBreakingModels {

    private ContractBreakingModels() {
    }

    static Path withoutMetadata(Path good, Path target) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(good));
        Files.write(target, model.toBuilder().clearMetadataProps().build().toByteArray());
        return target;
    }

    /** The good model with its declared value range's maximum lowered, so that its samples leave the range. */
    static Path withMaxValue(Path good, Path target, double maxValue) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(good));
        OnnxMl.ModelProto.Builder edited = model.toBuilder();
        for (int i = 0; i < edited.getMetadataPropsCount(); i++) {
            OnnxMl.StringStringEntryProto entry = edited.getMetadataProps(i);
            if (entry.getKey().equals(dev.augment.onnx.GeneratorContract.KEY_SCHEMA)) {
                edited.setMetadataProps(i, entry.toBuilder().setValue(entry.getValue()
                        .replaceFirst("\"maxValue\"\\s*:\\s*[0-9.eE+-]+", "\"maxValue\":" + maxValue)));
            }
        }
        Files.write(target, edited.build().toByteArray());
        return target;
    }

    static Path withRenamedInput(Path good, Path target) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(good));
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getInputCount(); i++) {
            if (graph.getInput(i).getName().equals("z")) {
                graph.setInput(i, graph.getInput(i).toBuilder().setName("noise"));
            }
        }
        for (int i = 0; i < graph.getNodeCount(); i++) {
            OnnxMl.NodeProto.Builder node = graph.getNode(i).toBuilder();
            for (int j = 0; j < node.getInputCount(); j++) {
                if (node.getInput(j).equals("z")) {
                    node.setInput(j, "noise");
                }
            }
            graph.setNode(i, node);
        }
        // the graph changed on purpose, so its checksum is written anew: the contract check, not the checksum,
        // must be what refuses it
        Files.write(target, dev.augment.onnx.GraphChecksum.withGraph(model, graph.build()).toByteArray());
        return target;
    }
}

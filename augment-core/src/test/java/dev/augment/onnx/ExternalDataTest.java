package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import dev.augment.errors.ModelContractException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model whose weights name another file read that file into its samples (a fresh user's forged model, 6 Dec). */
class ExternalDataTest {

    private static final Path SHIPPED = Path.of("..", "models", "fashion-mnist.onnx");

    @Test
    void aTensorWhoseDataLiesInAnotherFileIsRefusedBeforeOnnxRuntimeOpensIt(@TempDir Path dir) throws Exception {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(SHIPPED));
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        OnnxMl.TensorProto first = graph.getInitializer(0);
        Path secret = Files.writeString(dir.resolve("secret.txt"), "a token ".repeat(100_000));
        graph.setInitializer(0, first.toBuilder().clearRawData().clearFloatData()
                .setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL)
                .addExternalData(OnnxMl.StringStringEntryProto.newBuilder().setKey("location")
                        .setValue(secret.toString())));
        Path forged = Files.write(dir.resolve("forged.onnx"),
                GraphChecksum.withGraph(model, graph.build()).toByteArray());
        ModelContractException e = assertThrows(ModelContractException.class,
                () -> OnnxGenerator.load(forged, ExecutionDevice.CPU).close());
        assertTrue(e.getMessage().equals(forged + " breaks the generator contract: its tensor '" + first.getName()
                + "' keeps its data in another file (ONNX external data, " + secret + "), which augment generators "
                + "never do and which would copy that file into the samples; use a generator exported by 'augment "
                + "train'"), e.getMessage());
        // the same tensor as a constant inside a model-local function, which a graph-only walk missed (6 Dec)
        OnnxMl.ModelProto inFunction = model.toBuilder().addFunctions(OnnxMl.FunctionProto.newBuilder()
                .setName("F").setDomain("local").addOutput("c").addNode(OnnxMl.NodeProto.newBuilder()
                        .setOpType("Constant").addOutput("c").addAttribute(OnnxMl.AttributeProto.newBuilder()
                                .setName("value").setType(OnnxMl.AttributeProto.AttributeType.TENSOR)
                                .setT(graph.getInitializer(0))))).build();
        Path function = Files.write(dir.resolve("function.onnx"), inFunction.toByteArray());
        assertTrue(assertThrows(ModelContractException.class,
                () -> OnnxGenerator.load(function, ExecutionDevice.CPU).close()).getMessage()
                .contains("keeps its data in another file"));
        OnnxGenerator.load(SHIPPED, ExecutionDevice.CPU).close(); // augment's own models keep every byte inside
    }
}

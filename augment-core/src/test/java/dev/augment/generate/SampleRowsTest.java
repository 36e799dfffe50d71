package dev.augment.generate;

import ai.onnx.proto.OnnxMl;
import dev.augment.errors.ModelContractException;
import dev.augment.onnx.GeneratorContract;
import dev.augment.onnx.GraphChecksum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code samples} has one row per noise row: a graph that returned twice the rows had the extra ones dropped without a
 * word, and one that returned a single row failed with exit 1 or an index out of bounds (a fresh user's forged
 * models, 6 Dec).
 */
class SampleRowsTest {

    private static final Path SHIPPED = Path.of("..", "models", "fashion-mnist.onnx");

    @Test
    void aGraphReturningAnotherNumberOfRowsBreaksTheContractAtLoad(@TempDir Path dir) throws Exception {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(SHIPPED));
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            OnnxMl.NodeProto.Builder node = graph.getNode(i).toBuilder();
            for (int j = 0; j < node.getOutputCount(); j++) {
                if (node.getOutput(j).equals(GeneratorContract.OUTPUT_SAMPLES)) {
                    node.setOutput(j, "rows");
                }
            }
            graph.setNode(i, node);
        }
        graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Concat").addInput("rows").addInput("rows")
                .addOutput(GeneratorContract.OUTPUT_SAMPLES).addAttribute(OnnxMl.AttributeProto.newBuilder()
                        .setName("axis").setType(OnnxMl.AttributeProto.AttributeType.INT).setI(0)));
        Path doubled = Files.write(dir.resolve("doubled.onnx"),
                GraphChecksum.withGraph(model, graph.build()).toByteArray());
        ModelContractException e = assertThrows(ModelContractException.class,
                () -> OnnxGenerator.load(doubled, ExecutionDevice.CPU).close());
        assertTrue(e.getMessage().contains("breaks the generator contract: it returned 15680 values for 10 noise "
                + "rows, not 10 × 784"), e.getMessage());
    }
}

package dev.augment.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.onnx.proto.OnnxMl;
import dev.augment.errors.ModelContractException;
import dev.augment.onnx.GraphChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An exporter with a dynamic axis on every dimension declares {@code z} as {@code [batch, "latent"]}; ONNX Runtime
 * reports the symbolic width as -1, which was said as "width -1" (helper k12, 6 Dec).
 */
class SymbolicWidthTest {

    @Test
    void aSymbolicLatentWidthIsNamedAsSuch(@TempDir Path dir) throws IOException {
        OnnxMl.ModelProto shipped = OnnxMl.ModelProto.parseFrom(
                Files.readAllBytes(Path.of("..", "models", "fashion-mnist.onnx")));
        OnnxMl.GraphProto.Builder graph = shipped.getGraph().toBuilder();
        for (OnnxMl.ValueInfoProto.Builder input : graph.getInputBuilderList()) {
            if (input.getName().equals("z")) {
                input.getTypeBuilder().getTensorTypeBuilder().getShapeBuilder().getDimBuilder(1).setDimParam("latent");
            }
        }
        Path model = dir.resolve("symbolic-z.onnx");
        Files.write(model, GraphChecksum.withGraph(shipped, graph.build()).toByteArray());

        ModelContractException e = assertThrows(ModelContractException.class,
                () -> OnnxGenerator.load(model, ExecutionDevice.CPU).close());

        assertEquals(model + " breaks the generator contract: input 'z' has a dynamic (symbolic) width; the contract "
                + "fixes it at 64, the metadata's", e.getMessage());
    }
}

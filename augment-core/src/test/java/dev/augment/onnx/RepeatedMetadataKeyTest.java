package dev.augment.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import dev.augment.errors.ModelContractException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A metadata key given twice makes tools disagree on a model's class names, so it is refused (helper k13, 6 Dec). */
class RepeatedMetadataKeyTest {

    private static final Path SHIPPED = Path.of("..", "models", "fashion-mnist.onnx");

    @Test
    void aSecondSchemaEntryIsRefusedNamingTheKey(@TempDir Path dir) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(SHIPPED));
        OnnxMl.StringStringEntryProto schema = model.getMetadataPropsList().stream()
                .filter(e -> e.getKey().equals("augment.schema")).findFirst().orElseThrow();
        Path edited = dir.resolve("twice.onnx");
        Files.write(edited, model.toBuilder().addMetadataProps(schema.toBuilder()
                .setValue(schema.getValue().replace("\"Bag\"", "\"Handbag\""))).build().toByteArray());

        ModelContractException e = assertThrows(ModelContractException.class, () -> MetadataReader.read(edited));

        assertTrue(e.getMessage().contains("'augment.schema' is given twice"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        // generate and inspect load through ONNX Runtime, whose map keeps one of the two values (a re-check, 6 Dec)
        ModelContractException loading = assertThrows(ModelContractException.class,
                () -> dev.augment.generate.OnnxGenerator.load(edited, dev.augment.generate.ExecutionDevice.CPU));
        assertEquals(e.getMessage(), loading.getMessage());
    }

    /**
     * A download with an error page after the model, or zeros, and two models joined into one file were told only to
     * be trained again, though the user had downloaded the model (a fresh user, 7 Dec): copying it again is offered.
     */
    @Test
    void bytesAddedAfterAModelOrTwoModelsJoinedAreToldToCopyItAgain(@TempDir Path dir) throws IOException {
        byte[] shipped = Files.readAllBytes(SHIPPED);
        Path page = dir.resolve("page.onnx");
        Files.write(page, shipped);
        Files.writeString(page, "<html><body>502 Bad Gateway</body></html>", java.nio.file.StandardOpenOption.APPEND);
        Path joined = dir.resolve("joined.onnx");
        Files.write(joined, shipped);
        Files.write(joined, shipped, java.nio.file.StandardOpenOption.APPEND);
        for (Path model : java.util.List.of(page, joined)) {
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> dev.augment.generate.OnnxGenerator.load(model, dev.augment.generate.ExecutionDevice.CPU));
            assertTrue(e.getMessage().contains("copy it again from its source, or re-export it with 'augment train'"),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    /** A link left after its model was deleted was only "not found" (a fresh user, 7 Dec). */
    @Test
    void aDanglingLinkIsNamedWithItsTarget(@TempDir Path dir) throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("latest.onnx"), dir.resolve("v3.onnx"));
        for (org.junit.jupiter.api.function.Executable load : java.util.List.<org.junit.jupiter.api.function
                .Executable>of(() -> MetadataReader.read(link), () -> dev.augment.generate.OnnxGenerator.load(link,
                dev.augment.generate.ExecutionDevice.CPU))) {
            ModelContractException e = assertThrows(ModelContractException.class, load);
            assertEquals(link + " is a link to " + dir.resolve("v3.onnx") + ", which does not exist; point the link "
                    + "at an existing .onnx file, or remove it", e.getMessage());
        }
        // a link to that link: the missing file named, not the link between (a re-check, 7 Dec)
        Path chain = Files.createSymbolicLink(dir.resolve("chain.onnx"), Path.of("latest.onnx"));
        ModelContractException e = assertThrows(ModelContractException.class, () -> MetadataReader.read(chain));
        assertTrue(e.getMessage().startsWith(chain + " is a link to " + dir.resolve("v3.onnx") + ", which does not "
                + "exist"), e.getMessage());
    }

    @Test
    void theShippedModelHasEveryKeyOnce() {
        assertEquals("Bag", MetadataReader.read(SHIPPED).schema().classNames().get(8));
    }
}

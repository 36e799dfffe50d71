package dev.augment.onnx;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.augment.errors.ModelContractException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metadata read from the protobuf alone, and which files of a folder know a class. */
class ModelCatalogTest {

    @TempDir
    Path dir;

    /** A file holding only the metadata: the reader never looks at the graph, so none is needed. */
    private Path metadataOnly(String name, List<String> classNames) throws IOException {
        List<String> labels = classNames.stream().map(n -> "L" + n).toList();
        SampleSchema schema = new SampleSchema(List.of("a", "b"), List.of(2), 0, 1, labels, classNames);
        Map<String, String> props = MetadataCodec.encode(new ModelMetadata(schema, 4,
                JsonNodeFactory.instance.objectNode().put("note", name), null));
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder().setIrVersion(8).setProducerName("test");
        props.forEach((k, v) -> model.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        Path file = dir.resolve(name);
        Files.write(file, model.build().toByteArray());
        return file;
    }

    private static List<String> names(List<ModelCatalog.Model> models) {
        return models.stream().map(ModelCatalog.Model::name).toList();
    }

    @Test
    void readsTheSameMetadataAsOnnxRuntimeFromTheShippedModel() {
        Path shipped = Path.of("..", "models", "fashion-mnist.onnx");
        try (OnnxGenerator generator = OnnxGenerator.load(shipped, ExecutionDevice.CPU)) {
            assertEquals(generator.metadata(), MetadataReader.read(shipped));
        }
    }

    @Test
    void refusesAFileThatIsNotAnOnnxProtobufNamingIt() throws IOException {
        // bytes whose first tag has wire type 7, which no protobuf field has (text is named as text since 6 Dec)
        Path junk = Files.write(dir.resolve("junk.onnx"), new byte[] {0x0f, 1, 2, 3, (byte) 0x90});
        ModelContractException e = assertThrows(ModelContractException.class, () -> MetadataReader.read(junk));
        assertTrue(e.getMessage().startsWith(junk + ": not a valid ONNX model"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void scanListsReadableModelsInNameOrderAndKeepsUnreadableOnesAside() throws IOException {
        metadataOnly("b.onnx", List.of("cat", "dog"));
        metadataOnly("a.onnx", List.of("shirt"));
        metadataOnly("C.ONNX", List.of("sock")); // neither listed nor skipped before 5 Dec
        Files.writeString(dir.resolve("broken.onnx"), "not a model");
        Files.write(dir.resolve("plain.onnx"), OnnxMl.ModelProto.newBuilder().setIrVersion(8).build().toByteArray());
        Files.writeString(dir.resolve("notes.md"), "not a model, not looked at");
        Files.createDirectories(dir.resolve("sub.onnx"));
        // hidden files: a Mac's AppleDouble ._b.onnx, an editor's hidden copy (6 Dec)
        Files.write(dir.resolve("._b.onnx"), new byte[] {0, 5, 22, 7, 0, 2, 0, 0});
        metadataOnly(".copy.onnx", List.of("cat", "dog"));

        ModelCatalog catalog = ModelCatalog.scan(dir);
        assertEquals(List.of("C.ONNX", "a.onnx", "b.onnx"), names(catalog.models()));
        assertEquals(List.of(dir.resolve("broken.onnx"), dir.resolve("plain.onnx")),
                catalog.unreadable().stream().map(ModelCatalog.Unreadable::file).toList());
        assertTrue(catalog.unreadable().get(1).problem().contains("metadata 'augment.contract_version' is missing"),
                catalog.unreadable().get(1).problem());
        assertEquals("b.onnx", catalog.models().get(2).metadata().provenance().path("note").asText());
    }

    /**
     * A copy with a flipped weight byte (its metadata whole) was listed as a model and counted as knowing its classes
     * ("2 shipped models know it"), though every load refuses it as damaged; an empty file was "metadata missing".
     */
    @Test
    void aDamagedOrEmptyModelIsKeptAsideWithTheReason() throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("..", "models", "fashion-mnist.onnx"));
        Files.write(dir.resolve("good.onnx"), shipped);
        byte[] flipped = shipped.clone();
        flipped[flipped.length * 3 / 4] ^= 0x10; // inside the weights, as the fresh user's flip
        Files.write(dir.resolve("flipped.onnx"), flipped);
        Files.write(dir.resolve("empty.onnx"), new byte[0]);

        ModelCatalog catalog = ModelCatalog.scan(dir);
        assertEquals(List.of("good.onnx"), names(catalog.models()));
        assertEquals(List.of("good.onnx"), names(catalog.knowing("sneaker")));
        assertEquals(List.of(dir.resolve("empty.onnx"), dir.resolve("flipped.onnx")),
                catalog.unreadable().stream().map(ModelCatalog.Unreadable::file).toList());
        assertTrue(catalog.unreadable().get(0).problem().contains("the file is empty (0 bytes)"),
                catalog.unreadable().get(0).problem());
        assertTrue(catalog.unreadable().get(1).problem().contains("the file is damaged"),
                catalog.unreadable().get(1).problem());
        // given with --model, it said ONNX Runtime's "byte array is zero length" and "re-export it"
        ModelContractException empty = assertThrows(ModelContractException.class,
                () -> OnnxGenerator.load(dir.resolve("empty.onnx"), ExecutionDevice.CPU));
        assertTrue(empty.getMessage().contains("the file is empty (0 bytes); copy it again"), empty.getMessage());
    }

    /**
     * A copy whose metadata gives a latent size of 32 over a graph input of 64 was listed as a model of its classes,
     * which every load refuses, so generate --class bag found two models and stopped (a fresh user, 7 Dec).
     */
    @Test
    void aModelWhoseMetadataDisagreesWithItsGraphIsKeptAside() throws IOException {
        byte[] shipped = Files.readAllBytes(Path.of("..", "models", "fashion-mnist.onnx"));
        Files.write(dir.resolve("good.onnx"), shipped);
        OnnxMl.ModelProto.Builder edited = OnnxMl.ModelProto.parseFrom(shipped).toBuilder();
        for (int i = 0; i < edited.getMetadataPropsCount(); i++) {
            if (edited.getMetadataProps(i).getKey().equals(GeneratorContract.KEY_LATENT_DIM)) {
                edited.setMetadataProps(i, edited.getMetadataProps(i).toBuilder().setValue("32"));
            }
        }
        Files.write(dir.resolve("lat32.onnx"), edited.build().toByteArray());
        ModelCatalog catalog = ModelCatalog.scan(dir);
        assertEquals(List.of("good.onnx"), names(catalog.knowing("bag")));
        assertEquals(List.of(dir.resolve("lat32.onnx")),
                catalog.unreadable().stream().map(ModelCatalog.Unreadable::file).toList());
        assertTrue(catalog.unreadable().get(0).problem().contains("input 'z' has width 64, the metadata says 32"),
                catalog.unreadable().get(0).problem());
    }

    /**
     * A 3 GB file given as the model ran the heap out with advice to give Java more, at any heap; a 1.2 GB file of
     * zeros ran out of direct memory (a fresh user, 6 Dec): both are no model, said before the file is read whole.
     */
    @Test
    void aFileNoModelCanBeIsRefusedBeforeItIsRead() throws IOException {
        Path huge = dir.resolve("huge.onnx");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            file.write(8); // a plausible first tag, so only the size can tell
            file.setLength(3_000_000_000L); // sparse: no disk is filled
        }
        ModelContractException tooLarge = assertThrows(ModelContractException.class,
                () -> OnnxGenerator.load(huge, ExecutionDevice.CPU));
        assertTrue(tooLarge.getMessage().endsWith("huge.onnx: 3.0 GB, more than an ONNX model file can hold (2 GB, "
                + "protobuf's limit; augment's generators are a few MB): not a model; give the .onnx file 'augment "
                + "train' wrote"), tooLarge.getMessage());
        for (String head : List.of("PK\u0003\u0004", "GIF89a")) { // 1.2 GB: direct memory ran out (a re-check)
            Path other = dir.resolve("other.onnx");
            try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(other.toFile(), "rw")) {
                file.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                file.setLength(1_200_000_000L);
            }
            ModelContractException e = assertThrows(ModelContractException.class,
                    () -> OnnxGenerator.load(other, ExecutionDevice.CPU));
            assertTrue(e.getMessage().contains(head.startsWith("PK") ? "other.onnx: is a zip archive"
                    : "other.onnx: not an ONNX model: its first byte starts no protobuf field"), e.getMessage());
            Files.delete(other);
        }
        Path zeros = dir.resolve("zeros.onnx");
        Files.write(zeros, new byte[4096]);
        ModelContractException zero = assertThrows(ModelContractException.class,
                () -> OnnxGenerator.load(zeros, ExecutionDevice.CPU));
        assertTrue(zero.getMessage().contains("zeros.onnx: not an ONNX model: it starts with a zero byte"),
                zero.getMessage());
    }

    /** A named pipe among the models blocked {@code augment models} and {@code generate} without --model for good. */
    @Test
    void aPipeAmongTheModelsIsSkippedWithoutReadingIt() throws Exception {
        metadataOnly("a.onnx", List.of("shirt"));
        Path pipe = dir.resolve("pipe.onnx");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "no mkfifo here");
        ModelCatalog catalog = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20), () -> ModelCatalog.scan(dir));
        assertEquals(List.of("a.onnx"), catalog.models().stream().map(ModelCatalog.Model::name).toList());
        assertEquals(1, catalog.unreadable().size());
        assertTrue(catalog.unreadable().get(0).problem().contains("pipe.onnx: not a regular file"),
                catalog.unreadable().get(0).problem());
    }

    @Test
    void anExactNameOrLabelInOneModelWinsOverLooseMatchesInOthers() throws IOException {
        metadataOnly("animals.onnx", List.of("cat", "dog"));
        metadataOnly("big-cats.onnx", List.of("Cat", "Lion"));
        ModelCatalog catalog = ModelCatalog.scan(dir);
        assertEquals(List.of("animals.onnx"), names(catalog.knowing("cat")));
        assertEquals(List.of("big-cats.onnx"), names(catalog.knowing("Cat")));
        assertEquals(List.of("big-cats.onnx"), names(catalog.knowing("LLion")), "an exact Tribuo label");
        assertEquals(List.of("big-cats.onnx"), names(catalog.knowing("lion")), "loose, the only model");
        assertEquals(List.of("animals.onnx", "big-cats.onnx"), names(catalog.knowing("CAT")), "loose in both");
        assertEquals(List.of(), names(catalog.knowing("kitten")));
        assertEquals(List.of("animals.onnx", "big-cats.onnx"), names(catalog.knowing("1")), "an index is in both");
    }

    @Test
    void knowingAllKeepsTheModelsThatHaveEveryClass() throws IOException {
        metadataOnly("animals.onnx", List.of("cat", "dog"));
        metadataOnly("pets.onnx", List.of("dog", "hamster"));
        ModelCatalog catalog = ModelCatalog.scan(dir);
        assertEquals(List.of("animals.onnx", "pets.onnx"), names(catalog.knowingAll(List.of("dog"))));
        assertEquals(List.of("pets.onnx"), names(catalog.knowingAll(List.of("dog", "hamster"))));
        assertEquals(List.of(), names(catalog.knowingAll(List.of("cat", "hamster"))));
    }

    @Test
    void aMissingFolderIsAModelContractErrorNamingIt() {
        Path missing = dir.resolve("models");
        ModelContractException e = assertThrows(ModelContractException.class, () -> ModelCatalog.scan(missing));
        assertTrue(e.getMessage().startsWith(missing + ": models folder not found"), e.getMessage());
    }
}

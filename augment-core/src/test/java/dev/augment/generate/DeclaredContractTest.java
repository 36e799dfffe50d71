package dev.augment.generate;

import ai.onnx.proto.OnnxMl;
import dev.augment.errors.ModelContractException;
import dev.augment.onnx.MetadataCodec;
import dev.augment.onnx.MetadataReader;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Metadata that promises what the graph does not keep (fresh users' finds): an 11th class on a 10-row label
 * embedding loaded and failed deep inside ONNX Runtime when that class was asked for (exit 1); a declared range of
 * [0, 1] on a 0-255 generator made clamped, mostly white PNGs and unclamped CSV rows without a word.
 */
class DeclaredContractTest {

    private static final Path SHIPPED = Path.of("..", "models", "fashion-mnist.onnx");

    @TempDir
    Path dir;

    @Test
    void aClassTheGraphCannotGenerateIsRefusedAtLoad() throws IOException {
        Path model = withSchema("eleven.onnx", s -> {
            List<String> labels = new ArrayList<>(s.labels());
            List<String> names = new ArrayList<>(s.classNames());
            labels.add("10");
            names.add("Extra");
            return new SampleSchema(s.featureNames(), s.shape(), s.minValue(), s.maxValue(), labels, names);
        });
        ModelContractException e = assertThrows(ModelContractException.class,
                () -> OnnxGenerator.load(model, ExecutionDevice.CPU).close());
        assertTrue(e.getMessage().startsWith(model + " breaks the generator contract: it cannot generate all 11 "
                + "classes its metadata lists"), e.getMessage());
    }

    @Test
    void valuesOutsideTheDeclaredRangeAreRefused() throws IOException {
        Path model = withSchema("unit-range.onnx", s -> new SampleSchema(s.featureNames(), s.shape(), 0, 1,
                s.labels(), s.classNames()));
        ModelContractException e = assertThrows(ModelContractException.class,
                () -> OnnxGenerator.load(model, ExecutionDevice.CPU).close());
        assertTrue(e.getMessage().contains("outside the value range [0.0, 1.0] its metadata declares"),
                e.getMessage());
        // the evaluation reports its own GAN's breach without the temporary file's path and the re-export advice
        String breach = e.breach().orElseThrow();
        assertTrue(breach.startsWith("it generated ") && breach.endsWith("its metadata declares"), breach);
        assertTrue(e.getMessage().endsWith(breach + "; re-export it with 'augment train'"), e.getMessage());
    }

    @Test
    void theShippedModelsKeepTheirDeclaredContract() {
        for (String name : List.of("fashion-mnist.onnx", "cifar10.onnx")) {
            try (OnnxGenerator generator = OnnxGenerator.load(Path.of("..", "models", name), ExecutionDevice.CPU)) {
                int classes = generator.metadata().schema().classCount();
                for (int c = 0; c < classes; c++) {
                    generator.generate(c, 7, 0, 64); // throws if a value left the declared range
                }
            }
        }
    }

    @Test
    void aSchemaWithANegativeShapeRepeatedNamesAnInfiniteRangeOrMissingNamesIsRefused() {
        SampleSchema s = MetadataReader.read(SHIPPED).schema();
        List<String> repeated = new ArrayList<>(s.featureNames());
        repeated.set(5, repeated.get(0));
        List<Runnable> bad = List.of(
                () -> new SampleSchema(s.featureNames(), List.of(1, -28, -28), 0, 255, s.labels(), s.classNames()),
                () -> new SampleSchema(repeated, s.shape(), 0, 255, s.labels(), s.classNames()),
                () -> new SampleSchema(s.featureNames(), s.shape(), 0, Double.POSITIVE_INFINITY, s.labels(),
                        s.classNames()),
                () -> new SampleSchema(s.featureNames(), s.shape(), 0, 255, null, s.classNames()),
                () -> new SampleSchema(s.featureNames(), s.shape(), 0, 255, s.labels(),
                        java.util.Arrays.asList(new String[s.classCount()])));
        List<String> said = List.of("has a dimension below 1", "feature names are not distinct: '" + repeated.get(0)
                + "' appears more than once", "is not finite", "schema has no labels", "schema classNames holds a null");
        for (int i = 0; i < bad.size(); i++) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad.get(i)::run);
            assertTrue(e.getMessage().contains(said.get(i)), e.getMessage());
        }
    }

    private Path withSchema(String name, UnaryOperator<SampleSchema> change) throws IOException {
        OnnxMl.ModelProto onnx = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(SHIPPED));
        ModelMetadata original = MetadataReader.read(SHIPPED);
        ModelMetadata edited = new ModelMetadata(change.apply(original.schema()), original.latentDim(),
                original.provenance(), original.scores());
        OnnxMl.ModelProto.Builder builder = onnx.toBuilder().clearMetadataProps();
        for (OnnxMl.StringStringEntryProto prop : onnx.getMetadataPropsList()) {
            if (!MetadataCodec.encode(edited).containsKey(prop.getKey())) {
                builder.addMetadataProps(prop); // e.g. augment.graph_sha256, which covers the graph alone
            }
        }
        MetadataCodec.encode(edited).forEach((k, v) -> builder.addMetadataProps(
                OnnxMl.StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return Files.write(dir.resolve(name), builder.build().toByteArray());
    }
}

package dev.augment.tribuo;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.onnx.GeneratorLayer;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A class the generator had no training examples of is refused by the Tribuo API, in one line. */
class UntrainedClassTest {

    /** Labels 0, 1 and 3 had examples; class 2 had none (the bad input 11). */
    static final long[] COUNTS = {4, 4, 0, 4};

    static SampleSchema schema() {
        return new SampleSchema(List.of("0", "1", "2", "3"), List.of(1, 2, 2), 0, 255, List.of("0", "1", "2", "3"),
                List.of("zero", "one", "two", "three")).withExamplesPerClass(COUNTS);
    }

    /** A 2x2 generator with constant weights: enough for ONNX Runtime, no training needed. */
    static Path tinyGenerator(Path file, SampleSchema schema) throws IOException {
        int k = schema.classCount();
        int f = schema.featureCount();
        int latent = 2;
        int embedding = 2;
        float[] table = new float[k * embedding];
        float[] weight = new float[f * (latent + embedding)];
        Arrays.fill(weight, 0.1f);
        GeneratorGraph graph = new GeneratorGraph(latent, table, k, embedding,
                List.of(new GeneratorLayer.Dense(weight, new float[f], f, latent + embedding), new GeneratorLayer.Tanh()),
                127.5f, 127.5f);
        ModelMetadata metadata = new ModelMetadata(schema, latent, JsonNodeFactory.instance.objectNode(), null);
        GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(graph, metadata, "test"), file);
        return file;
    }

    @Test
    void syntheticExamplesRefuseAClassTheGeneratorNeverLearned(@TempDir Path dir) throws IOException {
        Path model = tinyGenerator(dir.resolve("m11.onnx"), schema());
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            assertEquals(List.of(4L, 4L, 0L, 4L), generator.metadata().schema().examplesPerClass(),
                    "the counts survive the ONNX file");
            SyntheticExamples synthetic = new SyntheticExamples(generator);
            for (String query : List.of("two", "2")) {
                InvalidSettingException e = assertThrows(InvalidSettingException.class,
                        () -> synthetic.generate(query, 3, 1L));
                assertEquals("class", e.setting());
                assertTrue(e.getMessage().contains("'two' (index 2), which had no training examples in generator "
                        + model), e.getMessage());
                assertEquals(1, e.getMessage().lines().count());
            }
            assertThrows(InvalidSettingException.class, () -> synthetic.stream(2, 1, 1L));
            assertEquals(0, synthetic.generate("two", 0, 1L).size(), "asking for none is not asking for the class");
            assertEquals(3, synthetic.generate("three", 3, 1L).size(), "learned classes still work");
        }
    }

    /** HYBRID asked for a class the source lacks named its baseline as the method the user chose (5 Dec). */
    @Test
    void aHybridAskedForAClassTheSourceLacksNamesItsBaselineAsItsPart(@TempDir Path dir) throws IOException {
        Path model = tinyGenerator(dir.resolve("m11.onnx"), schema());
        List<Example<Label>> real = new ArrayList<>();
        for (String label : List.of("0", "0", "3")) {
            real.add(new ArrayExample<>(new Label(label), new String[] {"0"}, new double[] {100}));
        }
        ListDataSource<Label> source = new ListDataSource<>(real, new LabelFactory(),
                new SimpleDataSourceProvenance("three examples", new LabelFactory()));
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(source,
                    generator, AugmentationPolicy.counts(Map.of("one", 2)),
                    MethodSettings.of(OversamplingMethod.HYBRID), 1L, 1f));
            assertTrue(e.getMessage().contains("from method hybrid (its smote part, which it always runs), but the "
                    + "source has no example of it"), e.getMessage());
        }
    }

    @Test
    void augmentingDataSourceRefusesToBalanceIntoAnUnlearnedClass(@TempDir Path dir) throws IOException {
        Path model = tinyGenerator(dir.resolve("m11.onnx"), schema());
        List<Example<Label>> real = new ArrayList<>();
        for (String label : List.of("0", "0", "1", "2", "3")) {
            real.add(new ArrayExample<>(new Label(label), new String[] {"0"}, new double[] {100}));
        }
        ListDataSource<Label> source = new ListDataSource<>(real, new LabelFactory(),
                new SimpleDataSourceProvenance("five examples", new LabelFactory()));
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class,
                    () -> new AugmentingDataSource(source, generator, AugmentationPolicy.balance()));
            assertEquals("mode", e.getProperty(), "OLCUT names the configuration property: no classes were listed");
            assertTrue(e.getMessage().contains("class 'two' (index 2) had no training examples"), e.getMessage());
            try (AugmentingDataSource learnedOnly = new AugmentingDataSource(source, generator,
                    AugmentationPolicy.balance("one", "three"))) {
                assertEquals(5 + 2, countOf(learnedOnly), "one and three grow to two examples each");
            }
        }
    }

    private static int countOf(Iterable<?> examples) {
        int n = 0;
        for (Object ignored : examples) {
            n++;
        }
        return n;
    }

    @Test
    void policiesRefuseToAddExamplesOfAClassTheGeneratorNeverLearned() {
        int[] real = {10, 10, 5, 10};
        InvalidSettingException balance = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance().syntheticCounts(real, schema()));
        assertEquals("mode", balance.setting(), "no classes were listed: the mode chose them");
        assertEquals("mode grows every class when no classes are listed, and class 'two' (index 2) had no training "
                + "examples in the generator's training data, so the generator never learned it; list the classes to "
                + "grow (classes) or retrain with examples of it", balance.getMessage());
        InvalidSettingException multiply = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.multiply(2).syntheticCounts(real, schema()));
        assertEquals("factor", multiply.setting());
        InvalidSettingException listed = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.balance("one", "two").syntheticCounts(real, schema()));
        assertEquals("classes", listed.setting(), "the listed classes asked for it");
        InvalidSettingException counts = assertThrows(InvalidSettingException.class,
                () -> AugmentationPolicy.counts(Map.of("two", 3)).syntheticCounts(real, schema()));
        assertEquals("counts", counts.setting());
        assertArrayEquals(new int[] {0, 0, 0, 5}, AugmentationPolicy.balance("three", "one")
                .syntheticCounts(new int[] {10, 10, 5, 5}, schema()), "learned classes only: fine");
    }
}

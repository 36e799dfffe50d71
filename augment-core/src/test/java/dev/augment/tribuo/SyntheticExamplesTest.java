package dev.augment.tribuo;

import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticExamplesTest {

    static final Path MODEL = Path.of("..", "models", "fashion-mnist.onnx");

    @Test
    void generatesLabelledMarkedWeightedExamplesWithTheSchemasFeatureNames() {
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            SyntheticExamples synthetic = new SyntheticExamples(generator, 0.3f, 4);
            List<Example<Label>> examples = synthetic.generate("sneaker", 10, 5L);

            assertEquals(10, examples.size());
            var names = new HashSet<>(generator.metadata().schema().featureNames());
            for (Example<Label> example : examples) {
                assertEquals("7", example.getOutput().getLabel(), "Sneaker is Tribuo label 7");
                assertTrue(SyntheticExamples.isSynthetic(example));
                assertEquals(generator.sha256().substring(0, 16),
                        example.getMetadataValue(SyntheticExamples.GENERATOR_KEY).orElseThrow());
                assertEquals(0.3f, example.getWeight());
                assertTrue(example.size() > 0 && example.size() <= 784);
                for (Feature feature : example) {
                    assertTrue(names.contains(feature.getName()), feature.getName());
                    assertTrue(feature.getValue() != 0, "zero features are left out, as Tribuo's IDX source does");
                }
            }
        }
    }

    @Test
    void eightBitPixelsAreTheWholeValuesGenerateWritesSoNearBlackPixelsAreLeftOut() {
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            int n = 6;
            List<Example<Label>> examples = new SyntheticExamples(generator, 1f, 4).generate("sneaker", n, 5L);
            float[] raw = generator.generate(7, 5L, 0, n);
            List<String> names = generator.metadata().schema().featureNames();
            int nearBlack = 0;
            for (int i = 0; i < n; i++) {
                Map<String, Double> values = new HashMap<>();
                for (Feature feature : examples.get(i)) {
                    values.put(feature.getName(), feature.getValue());
                }
                for (int d = 0; d < names.size(); d++) {
                    float value = raw[i * names.size() + d];
                    if (value > 0 && value < 0.5) {
                        nearBlack++;
                    }
                    double pixel = Math.max(0, Math.min(255, Math.floor(value + 0.5)));
                    assertEquals(pixel, values.getOrDefault(names.get(d), 0.0), "example " + i + ", " + names.get(d));
                }
            }
            assertTrue(nearBlack > 100, "the model makes near-black values, so the rounding is exercised: " + nearBlack);
        }
    }

    @Test
    void anIteratorLeftHalfWayDoesNotStopTheGeneratorClosingAndAClosedGeneratorRefusesWork() {
        OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU);
        var iterator = new SyntheticExamples(generator, 1f, 8).stream("sneaker", 10_000, 1L);
        iterator.next();
        generator.close();
        assertThrows(IllegalStateException.class, () -> generator.generate(0, 1L, 0, 4));
        generator.close();
    }

    @Test
    void sameSeedGivesSameExamplesWhateverTheBatchSizeAndAPrefixForFewer() {
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            List<Example<Label>> inOne = new SyntheticExamples(generator, 1f, 256).generate("3", 7, 11L);
            List<Example<Label>> byThree = new SyntheticExamples(generator, 1f, 3).generate("Dress", 7, 11L);
            List<Example<Label>> fewer = new SyntheticExamples(generator).generate("dress", 2, 11L);
            List<Example<Label>> otherSeed = new SyntheticExamples(generator).generate("dress", 2, 12L);

            assertEquals(features(inOne), features(byThree));
            assertEquals(features(inOne).subList(0, 2), features(fewer));
            assertFalse(features(fewer).equals(features(otherSeed)), "another seed gives other examples");
        }
    }

    /** A null generator, model, device or class failed with a bare NullPointerException from inside. */
    @Test
    void nullArgumentsAreNamedNotNullPointerExceptions() {
        assertEquals("generator", assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> new SyntheticExamples(null, 1f, 10)).setting());
        assertEquals("model", assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> OnnxGenerator.load(null, ExecutionDevice.CPU)).setting());
        assertEquals("device", assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> OnnxGenerator.load(MODEL, null)).setting());
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            dev.augment.errors.InvalidSettingException e = assertThrows(dev.augment.errors.InvalidSettingException.class,
                    () -> new SyntheticExamples(generator).generate(null, 3, 1L));
            assertEquals("class", e.setting());
            assertTrue(e.getMessage().contains("was null"), e.getMessage());
            // "all" was told to leave out a setting this method does not have (a fresh Tribuo user, 7 Dec)
            String all = assertThrows(dev.augment.errors.InvalidSettingException.class,
                    () -> new SyntheticExamples(generator).generate("all", 2, 1L)).getMessage();
            assertTrue(all.endsWith("this method makes one class at a time: for every class, call it once per name "
                    + "of schema().classNames()"), all);
        }
    }

    @Test
    void streamGeneratesOnlyWhatIsConsumed() {
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            Iterator<Example<Label>> stream = new SyntheticExamples(generator, 1f, 2).stream("bag", 1_000_000_000, 1L);
            assertTrue(stream.hasNext());
            assertEquals("8", stream.next().getOutput().getLabel(), "a billion examples are not made up front");
        }
    }

    @Test
    void refusesUnknownClassAndBadWeightNamingTheValue() {
        try (OnnxGenerator generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU)) {
            SyntheticExamples synthetic = new SyntheticExamples(generator);
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> synthetic.generate("unicorn", 1, 0L));
            assertTrue(unknown.getMessage().contains("'unicorn'"), unknown.getMessage());
            IllegalArgumentException weight = assertThrows(IllegalArgumentException.class,
                    () -> new SyntheticExamples(generator, 1.5f, 8));
            assertTrue(weight.getMessage().contains("syntheticWeight must be in (0, 1], was 1.5"), weight.getMessage());
            assertThrows(IllegalArgumentException.class, () -> synthetic.generate("bag", -1, 0L));
        }
    }

    private static List<String> features(List<Example<Label>> examples) {
        List<String> out = new ArrayList<>();
        for (Example<Label> example : examples) {
            StringBuilder row = new StringBuilder(example.getOutput().getLabel());
            for (Feature f : example) {
                row.append(' ').append(f.getName()).append('=').append(f.getValue());
            }
            out.add(row.toString());
        }
        return out;
    }
}

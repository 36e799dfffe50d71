package dev.augment.tribuo.example;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.io.ObjectMarshalledProvenance;
import dev.augment.tribuo.AugmentedDataSourceProvenance;
import dev.augment.tribuo.SyntheticExamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the README's example once and checks what it trained on. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AugmentExampleTest {

    private static final Path MODEL = Path.of("..", "models", "fashion-mnist.onnx");

    private AugmentExample.Result result;

    @BeforeAll
    void runExampleOnce() {
        result = AugmentExample.runExample();
    }

    @Test
    void balancesTheThreeRareClassesWithNinetySyntheticExamplesEach() {
        Map<String, Integer> promised = Map.of("0", 0, "1", 0, "2", 90, "3", 0, "4", 90, "5", 0, "6", 90, "7", 0,
                "8", 0, "9", 0);
        assertEquals(promised, new TreeMap<>(result.syntheticCounts()));

        Map<String, Integer> marked = new TreeMap<>();
        Map<String, Integer> all = new TreeMap<>();
        for (Example<Label> example : result.augmentedData()) {
            String label = example.getOutput().getLabel();
            all.merge(label, 1, Integer::sum);
            if (SyntheticExamples.isSynthetic(example)) {
                marked.merge(label, 1, Integer::sum);
                assertEquals(0.5f, example.getWeight(), "synthetic examples carry the weight");
            } else {
                assertEquals(1f, example.getWeight(), "real examples keep weight 1");
            }
        }
        assertEquals(Map.of("2", 90, "4", 90, "6", 90), marked);
        all.values().forEach(n -> assertEquals(100, n, "every class is balanced to the largest: " + all));
    }

    @Test
    void reportsBothAccuracies() {
        // Not asserted to improve: with this small model augmentation may not help.
        assertTrue(result.realAccuracy() > 0.1 && result.realAccuracy() <= 1, "real " + result.realAccuracy());
        assertTrue(result.augmentedAccuracy() > 0.1 && result.augmentedAccuracy() <= 1,
                "augmented " + result.augmentedAccuracy());
    }

    @Test
    void modelProvenanceRecordsGeneratorPolicyAndCountsAndSurvivesMarshalling() throws Exception {
        ModelProvenance provenance = result.augmentedModel().getProvenance();
        AugmentedDataSourceProvenance source = assertInstanceOf(AugmentedDataSourceProvenance.class,
                provenance.getDatasetProvenance().getSourceProvenance());

        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(MODEL)));
        assertEquals(sha, source.getGeneratorSha256());
        assertTrue(source.getGeneratorProvenance().contains("\"seed\""), source.getGeneratorProvenance());
        assertEquals(Map.of("2", 90, "4", 90, "6", 90), withoutZeros(source.getSyntheticCounts()));
        assertEquals(10, source.getRealCounts().get("6"));
        assertEquals("BALANCE", source.getConfiguredParameters().get("mode").toString());
        assertEquals("7", source.getConfiguredParameters().get("seed").toString());
        assertEquals("0.5", source.getConfiguredParameters().get("syntheticWeight").toString());
        assertTrue(source.getSourceProvenance().toString().contains("10 examples of labels 2, 4 and 6"));

        List<ObjectMarshalledProvenance> marshalled = ProvenanceUtil.marshalProvenance(provenance);
        assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(marshalled));
        assertEquals(provenance, Model.deserialize(result.augmentedModel().serialize()).getProvenance(),
                "Tribuo's protobuf model serialisation keeps the provenance");
    }

    @Test
    void readmeShowsExactlyThisExample() throws Exception {
        String code = Files.readString(Path.of("src", "main", "java", "dev", "augment", "tribuo", "example",
                "AugmentExample.java"));
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("```java\n" + code + "```"), "README.md must quote AugmentExample.java verbatim");
    }

    /** A folder that does not exist was "has no test split of its own" (a fresh user, 6 Dec). */
    @Test
    void aMissingDataFolderIsNamedAsMissing() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AugmentExample.runExample("no-such-folder", MODEL.toString()));
        assertTrue(e.getMessage().equals("no-such-folder: data not found; give a data folder that has a test split"),
                e.getMessage());
    }

    /** CIFAR-10's labels are names: nothing was cut or added, and the two accuracies were one model's (6 Dec). */
    @Test
    void dataWithoutLabelsTwoFourAndSixIsRefused() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AugmentExample.runExample(Path.of("..", "datasets", "cifar10-sample").toString(),
                        Path.of("..", "models", "cifar10.onnx").toString()));
        assertTrue(e.getMessage().contains(" has no examples labelled [2, 4, 6] (its labels: [airplane, "),
                e.getMessage());
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
        Map<String, Integer> out = new TreeMap<>(counts);
        out.values().removeIf(n -> n == 0);
        return out;
    }
}

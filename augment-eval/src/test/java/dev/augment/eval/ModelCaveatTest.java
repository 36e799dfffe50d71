package dev.augment.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.data.DataFingerprint;
import dev.augment.data.DenseSamples;
import dev.augment.eval.protocol.Scenario;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCaveatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SampleSchema SCHEMA = new SampleSchema(List.of("a", "b"), List.of(2), 0, 1,
            List.of("0", "1"), List.of("zero", "one"));
    private static final DenseSamples TRAIN = new DenseSamples(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new int[] {0, 0, 1, 1}, SCHEMA);
    private static final Scenario IMBALANCED = new Scenario(Scenario.Kind.IMBALANCED, List.of("1"), 0.5, 0);
    private static final Path MODEL = Path.of("models/g.onnx");

    private static ModelMetadata trainedOn(String sha, long count, String source) {
        ObjectNode provenance = JSON.createObjectNode();
        provenance.putObject("trainingData").put("sha256", sha).put("count", count).put("source", source);
        return new ModelMetadata(SCHEMA, 8, provenance, JSON.createObjectNode());
    }

    @Test
    void modelTrainedOnOtherDataIsACaveatNamingItsDataAndTheSplit() {
        Optional<String> caveat = ModelCaveat.check(trainedOn("ab".repeat(32), 60000, "/data/fm (train split)"),
                MODEL, TRAIN, IMBALANCED, 3);
        assertTrue(caveat.orElseThrow().startsWith("The generator models/g.onnx was not trained on this run's "
                + "training split: its provenance records 60000 examples of /data/fm (train split), while each "
                + "seed's split has 3"), caveat.get());
        assertTrue(caveat.get().contains("gains are optimistic"), caveat.get());
    }

    @Test
    void modelTrainedOnTheWholeTrainingSetSawWhatTheScenarioRemoved() {
        String sha = DataFingerprint.of(TRAIN).sha256();
        Optional<String> caveat = ModelCaveat.check(trainedOn(sha, 4, "train"), MODEL, TRAIN, IMBALANCED, 3);
        assertTrue(caveat.orElseThrow().startsWith("The generator models/g.onnx was trained on all 4 training "
                + "examples, including those the scenario removes"), caveat.get());
    }

    @Test
    void modelTrainedOnExactlyTheArmsDataNeedsNoCaveat() {
        String sha = DataFingerprint.of(TRAIN).sha256();
        Scenario asIs = new Scenario(Scenario.Kind.AS_IS, List.of(), 1, 0);
        assertEquals(Optional.empty(), ModelCaveat.check(trainedOn(sha, 4, "train"), MODEL, TRAIN, asIs, 4));
    }

    /**
     * train's default validation split made every as-is evaluation of a generator trained on the same folder say
     * "not trained on this run's training split" (a fresh user, 7 Dec): it learned from part of the arms' data.
     */
    @Test
    void modelTrainedOnTheTrainingSetLessItsValidationSplitNeedsNoCaveatAsIs() {
        ModelMetadata lessValidation = trainedOn("cd".repeat(32), 3, "train less a stratified validation split");
        ((ObjectNode) lessValidation.provenanceField("trainingData")).put(LeakageGuard.BEFORE_VALIDATION,
                DataFingerprint.of(TRAIN).sha256());
        Scenario asIs = new Scenario(Scenario.Kind.AS_IS, List.of(), 1, 0);
        assertEquals(Optional.empty(), ModelCaveat.check(lessValidation, MODEL, TRAIN, asIs, 4));
        Optional<String> caveat = ModelCaveat.check(lessValidation, MODEL, TRAIN, IMBALANCED, 3);
        assertTrue(caveat.orElseThrow().startsWith("The generator models/g.onnx was trained on 3 of the 4 training "
                + "examples, including those the scenario removes"), caveat.get());
        ModelMetadata otherData = trainedOn("cd".repeat(32), 3, "elsewhere less a stratified validation split");
        ((ObjectNode) otherData.provenanceField("trainingData")).put(LeakageGuard.BEFORE_VALIDATION, "ef".repeat(32));
        assertTrue(ModelCaveat.check(otherData, MODEL, TRAIN, asIs, 4).orElseThrow().contains("was not trained on "
                + "this run's training split"));
    }
}

package dev.augment.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augment.data.DataFingerprint;
import dev.augment.data.DenseSamples;
import dev.augment.eval.protocol.Scenario;
import dev.augment.onnx.ModelMetadata;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The provenance caveat of a given generator file: the arms learn from the scenario's split of the
 * training data, while a given generator learned from whatever its provenance records. When that is
 * all of the training data and the scenario removed some of it, or other data altogether, the GAN
 * arms may have seen examples the other arms did not (the shipped model saw all 60 000 Fashion-MNIST
 * training images), so their gains are optimistic. Test-set leakage is the {@link LeakageGuard}'s
 * job, not this class's.
 */
final class ModelCaveat {

    private ModelCaveat() {
    }

    /**
     * @param metadata the given generator's metadata
     * @param modelPath its file
     * @param train all training examples of the training source
     * @param scenario the scenario
     * @param splitSize examples in each seed's training split
     * @return the caveat, or empty when the generator was trained on exactly the arms' data (or on it less train's
     *     validation split) or its provenance records no training data (then the leakage guard speaks)
     */
    static Optional<String> check(ModelMetadata metadata, Path modelPath, DenseSamples train, Scenario scenario,
                                  int splitSize) {
        JsonNode data = metadata.provenanceField("trainingData");
        if (data == null || !data.isObject()) {
            return Optional.empty();
        }
        String model = "The generator " + modelPath;
        String sha = data.path("sha256").asText("");
        String trainSha = DataFingerprint.of(train).sha256();
        // train's default holds out a validation split: a generator trained so on this very training data was told
        // "not trained on this run's training split", in every as-is evaluation after it (a fresh user, 7 Dec)
        boolean lessValidation = !sha.equals(trainSha)
                && data.path(LeakageGuard.BEFORE_VALIDATION).asText("").equals(trainSha);
        boolean wholeTrainingSet = sha.equals(trainSha) || lessValidation;
        if (wholeTrainingSet && scenario.kind() == Scenario.Kind.AS_IS) {
            return Optional.empty();
        }
        String consequence = "the GAN arms learned from examples the other arms never saw, and their gains are "
                + "optimistic (an upper bound), not a fair comparison.";
        if (wholeTrainingSet) {
            return Optional.of(String.format(Locale.ROOT, "%s was trained on %s %d training examples, including "
                    + "those the scenario removes, while each seed's split keeps %d (%s): %s", model, lessValidation
                    ? data.path("count").asText("?") + " of the" : "all", train.size(), splitSize,
                    scenario.describe(train.schema()), consequence));
        }
        return Optional.of(String.format(Locale.ROOT, "%s was not trained on this run's training split: its "
                        + "provenance records %s examples of %s, while each seed's split has %d (%s). If those "
                        + "include examples the scenario removed, %s", model, data.path("count").asText("?"),
                data.path("source").asText("unknown data"), splitSize, scenario.describe(train.schema()), consequence));
    }
}

package dev.augment.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.data.DataFingerprint;
import dev.augment.data.DenseSamples;
import dev.augment.eval.embedding.EmbeddingNetwork;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.protocol.FilteredSamplers;
import dev.augment.io.PhysicalPaths;
import dev.augment.schema.SampleSchema;
import org.tribuo.Tribuo;

import java.util.List;

/**
 * Builds the settings and provenance sections of the report. The trainers are listed in
 * {@code settings.trainers} and {@code provenance.trainers} (name, description, seeding), one per
 * classifier family; {@code settings.trainer} (the names joined by commas) and {@code provenance.trainer}
 * (the first family's) keep the one-trainer shape.
 */
final class ReportProvenance {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportProvenance() {
    }

    /**
     * @param available the training data's examples per class, for what each minority class keeps
     */
    static ObjectNode settings(EvaluationSettings s, SampleSchema schema, int[] available, List<Long> seeds,
                               int ganBatchSize) {
        ObjectNode n = JSON.createObjectNode();
        n.put("train", dev.augment.io.PhysicalPaths.absolute(s.train()).toString());
        n.put("test", dev.augment.io.PhysicalPaths.absolute(s.test()).toString());
        n.put("trainer", String.join(",", s.classifiers().stream().map(ClassifierSpec::name).toList()));
        n.set("trainers", JSON.valueToTree(s.classifiers().stream().map(ClassifierSpec::name).toList()));
        n.put("scenario", s.scenario().describe(schema, available));
        n.set("scenarioSettings", JSON.valueToTree(s.scenario().appliedSettings()));
        n.set("seeds", JSON.valueToTree(seeds));
        n.put("model", s.model() == null ? null : dev.augment.io.PhysicalPaths.absolute(s.model()).toString());
        n.put("forceLeakyModel", s.forceLeakyModel());
        if (s.model() == null && s.hasGenerator()) {
            n.put("ganEpochs", s.ganEpochs());
            n.put("ganArchitecture", s.ganArchitecture().name());
            n.put("ganDiffAugment", s.ganDiffAugment());
            n.put("ganLecamWeight", s.ganLecamWeight());
            n.put("ganModeSeekingWeight", s.ganModeSeekingWeight());
            n.put("ganBatchSize", ganBatchSize);
            n.put("ganBatchSizeChoice", s.ganBatchSize() == 0 ? "fitted to the training split: the largest power of "
                    + "two ≤ " + EvaluationSettings.DEFAULT_GAN_BATCH_SIZE + " and ≤ its size" : "chosen");
        }
        if (s.filtersGan()) {
            n.set("ganFilter", JSON.valueToTree(FilteredSamplers.describe(s.ganFilter())));
        }
        n.set("arms", JSON.valueToTree(s.arms().stream().map(Arm::name).toList()));
        n.set("embedding", JSON.valueToTree(s.embedding()));
        n.set("verdictRules", JSON.valueToTree(s.rules()));
        n.put("diagnosticSamplesPerClass", s.diagnosticCap());
        n.put("classifierFeatures", "feature value / schema maximum (pixels / 255), clipped to [0, 1]");
        n.put("augmentation", "augmenting arms top each class up to the largest class (or double every class "
                + "when balanced); synthetic only draws the largest class size per class; every classifier family "
                + "learns the same training sets (one split and one GAN per seed)");
        return n;
    }

    static ObjectNode of(EvaluationSettings s, DenseSamples train, DenseSamples test, ArrayNode generators,
                         EmbeddingNetwork network, double embeddingAccuracy) {
        ObjectNode n = JSON.createObjectNode();
        n.set("trainData", data(PhysicalPaths.absolute(s.train()) + " (train split)", train));
        n.set("testData", data(PhysicalPaths.absolute(s.test()) + " (test split)", test));
        ArrayNode trainers = n.putArray("trainers");
        for (ClassifierSpec spec : s.classifiers()) {
            ObjectNode trainer = trainers.addObject();
            trainer.put("name", spec.name());
            trainer.put("description", spec.create(s.seed()).toString());
            trainer.put("seeding", spec.configFile() == null ? "rebuilt per run with the run's seed"
                    : "looked up afresh per run from the configuration file, with the file's seed");
        }
        n.set("trainer", trainers.get(0).deepCopy());
        n.set("generators", generators);
        ObjectNode embedding = n.putObject("embedding");
        if (network == null) {
            embedding.put("description", "none: no arm of this run uses a generator, so none was trained or "
                    + "diagnosed");
        } else {
            embedding.put("description", String.format("penultimate layer (%d-d, ReLU) of an MLP %d→%d→%d→%d "
                            + "trained with DJL on all real training examples; its test accuracy %.4f; its head gives "
                            + "label consistency", network.embeddingDim(), network.inputDim(), s.embedding().hidden(),
                    network.embeddingDim(), network.classCount(), embeddingAccuracy));
            embedding.put("testAccuracy", embeddingAccuracy);
        }
        ObjectNode versions = n.putObject("versions");
        versions.put("augment", s.augmentVersion());
        versions.put("tribuo", Tribuo.VERSION);
        versions.put("java", Runtime.version().toString());
        return n;
    }

    private static ObjectNode data(String source, DenseSamples samples) {
        DataFingerprint f = DataFingerprint.of(samples);
        ObjectNode n = JSON.createObjectNode();
        n.put("source", source);
        n.put("sha256", f.sha256());
        n.put("count", f.count());
        n.set("countsPerClass", JSON.valueToTree(samples.countsPerClass()));
        return n;
    }
}

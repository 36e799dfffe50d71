package dev.augment.eval;

import dev.augment.errors.InvalidSettingException;
import dev.augment.eval.embedding.EmbeddingSettings;
import dev.augment.eval.metrics.VerdictRules;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.protocol.Scenario;
import dev.augment.train.Architecture;

import java.nio.file.Path;

/**
 * Everything an evaluation run needs.
 *
 * @param train the labelled training source
 * @param test the test source (real data, never used for training)
 * @param names class names for both sources, or null for the layout's default
 * @param classifier the Tribuo trainer of every arm
 * @param scenario what part of the training split the arms see
 * @param seeds how many repetitions, ≥ 1 (seeds {@code seed, seed+1, …})
 * @param seed the first seed
 * @param model a generator file, or null to train a GAN per run on its training split
 * @param forceLeakyModel use {@code model} even if its provenance shows test data
 * @param ganEpochs epochs of each trained GAN, ≥ 1
 * @param ganArchitecture network family of trained GANs
 * @param embedding how the diagnostics' embedding network is trained
 * @param rules the verdict thresholds
 * @param diagnosticCap most samples compared per class in the diagnostics
 * @param augmentVersion augment's version, for provenance
 */
public record EvaluationSettings(Path train, Path test, String names, ClassifierSpec classifier, Scenario scenario,
                                 int seeds, long seed, Path model, boolean forceLeakyModel, int ganEpochs,
                                 Architecture ganArchitecture, EmbeddingSettings embedding, VerdictRules rules,
                                 int diagnosticCap, String augmentVersion) {

    /** Validates the fields, naming the option at fault. */
    public EvaluationSettings {
        if (train == null || test == null) {
            throw new InvalidSettingException("train", "and test are required");
        }
        if (classifier == null || scenario == null || embedding == null || rules == null
                || ganArchitecture == null) {
            throw new IllegalArgumentException("classifier, scenario, embedding, rules and GAN architecture are required");
        }
        if (seeds < 1) {
            throw new InvalidSettingException("seeds", "must be at least 1, was " + seeds);
        }
        if (ganEpochs < 1) {
            throw new InvalidSettingException("ganEpochs", "must be at least 1, was " + ganEpochs);
        }
        if (diagnosticCap < 20) {
            throw new InvalidSettingException("diagnosticSamples", "must be at least 20, was " + diagnosticCap);
        }
        augmentVersion = augmentVersion == null ? "unknown" : augmentVersion;
    }
}

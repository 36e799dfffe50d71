package dev.augment.eval;

import dev.augment.errors.InvalidSettingException;
import dev.augment.eval.embedding.EmbeddingSettings;
import dev.augment.eval.metrics.VerdictRules;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.protocol.Scenario;
import dev.augment.train.Architecture;
import dev.augment.train.GanSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything an evaluation run needs.
 *
 * @param train the labelled training source
 * @param test the test source (real data, never used for training)
 * @param names class names for both sources, or null for the layout's default
 * @param classifiers the Tribuo trainers, one per classifier family, at least one, names distinct; each
 *     learns every arm, all on the same training sets
 * @param scenario what part of the training split the arms see
 * @param seeds how many repetitions, ≥ 1 (seeds {@code seed, seed+1, …})
 * @param seed the first seed
 * @param model a generator file, or null to train a GAN per run on its training split
 * @param forceLeakyModel use {@code model} even if its provenance shows test data
 * @param ganEpochs epochs of each trained GAN, ≥ 1
 * @param ganArchitecture network family of trained GANs
 * @param ganBatchSize samples per step of each trained GAN, ≥ 2, or 0 to fit the data
 *     ({@link #ganBatchSizeFor(int)})
 * @param embedding how the diagnostics' embedding network is trained
 * @param rules the verdict thresholds
 * @param diagnosticCap most samples compared per class in the diagnostics
 * @param augmentVersion augment's version, for provenance
 * @param ganFilter candidates the GAN arms draw per generated sample they keep, finite and ≥ 1; above 1 the
 *     samples are filtered by a classifier trained on each seed's real training split
 *     ({@link dev.augment.eval.sampler.FilteredSampler}); 1 draws exactly the samples asked for (no filter)
 * @param ganDiffAugment DiffAugment operations of each trained GAN, as {@link GanSettings.Builder#diffAugment}
 *     (comma-separated {@code translation}, {@code cutout}, {@code brightness}; empty for none)
 * @param ganLecamWeight LeCam weight of each trained GAN, as {@link GanSettings.Builder#lecamWeight} (≥ 0; 0 off)
 * @param ganModeSeekingWeight mode-seeking (MSGAN) weight of each trained GAN, as
 *     {@link GanSettings.Builder#modeSeekingWeight} (≥ 0; 0 off)
 * @param arms the arms every classifier family learns, real only first, each once ({@link Arm#arms(List)}; by
 *     default {@link Arm#defaults()})
 */
public record EvaluationSettings(Path train, Path test, String names, List<ClassifierSpec> classifiers,
                                 Scenario scenario,
                                 int seeds, long seed, Path model, boolean forceLeakyModel, int ganEpochs,
                                 Architecture ganArchitecture, int ganBatchSize, EmbeddingSettings embedding,
                                 VerdictRules rules,
                                 int diagnosticCap, String augmentVersion, double ganFilter, String ganDiffAugment,
                                 float ganLecamWeight, float ganModeSeekingWeight, List<Arm> arms) {

    /** Validates the fields, naming the option at fault. */
    public EvaluationSettings {
        if (train == null || test == null) {
            throw new InvalidSettingException("train", "and test are required");
        }
        if (classifiers == null || classifiers.isEmpty() || scenario == null || embedding == null || rules == null
                || ganArchitecture == null) {
            throw new IllegalArgumentException("a classifier, scenario, embedding, rules and GAN architecture are "
                    + "required");
        }
        classifiers = List.copyOf(classifiers);
        if (classifiers.stream().map(ClassifierSpec::name).distinct().count() != classifiers.size()) {
            throw new InvalidSettingException("trainer", "names a classifier family twice: " + classifiers.stream()
                    .map(ClassifierSpec::name).toList());
        }
        dev.augment.eval.protocol.SeedRange.check(seed, seeds);
        if (ganEpochs < 1) {
            throw new InvalidSettingException("ganEpochs", "must be at least 1, was " + ganEpochs);
        }
        if (ganBatchSize != 0 && ganBatchSize < 2) {
            throw new InvalidSettingException("ganBatchSize", "must be at least 2 (or 0 to fit the data), was "
                    + ganBatchSize);
        }
        if (diagnosticCap < 20) {
            throw new InvalidSettingException("diagnosticSamples", "must be at least 20, was " + diagnosticCap);
        }
        augmentVersion = augmentVersion == null ? "unknown" : augmentVersion;
        dev.augment.oversample.filter.GenerationFilter.requireFactor(ganFilter);
        GanSettings recipe = ganRecipe(ganArchitecture, ganEpochs, 2, seed,
                ganDiffAugment == null ? "" : ganDiffAugment, ganLecamWeight, ganModeSeekingWeight); // validates
        ganDiffAugment = recipe.diffAugment(); // one spelling per recipe, as the generators record it
        ganLecamWeight = recipe.lecamWeight(); // -0 recorded as 0
        ganModeSeekingWeight = recipe.modeSeekingWeight();
        if (arms == null || arms.isEmpty() || arms.get(0) != Arm.REAL
                || arms.stream().distinct().count() != arms.size()) {
            throw new IllegalArgumentException("the arms must start with real only and name each arm once, were "
                    + arms);
        }
        arms = List.copyOf(arms);
    }

    /**
     * Epochs of the GANs an evaluation trains when a caller has no recipe of its own: with
     * {@link #DEFAULT_GAN_MODE_SEEKING_WEIGHT} the recipe measured best for 120-image classes
     * (docs/fashion-mnist-evaluations.md, "Mode seeking with 20 epochs"; the CLI's {@code evaluate --gan-epochs}
     * default).
     */
    public static final int DEFAULT_GAN_EPOCHS = 20;

    /**
     * Mode-seeking (MSGAN, Mao et al. 2019) weight of the GANs an evaluation trains unless one is given; the
     * shorter constructors use it (since 4 Dec; 0 before), as {@code evaluate --gan-mode-seeking-weight} does.
     */
    public static final float DEFAULT_GAN_MODE_SEEKING_WEIGHT = 1f;

    /**
     * The settings with the default arms ({@link Arm#defaults()}) and the default mode-seeking weight
     * ({@link #DEFAULT_GAN_MODE_SEEKING_WEIGHT}).
     *
     * @see #EvaluationSettings(Path, Path, String, List, Scenario, int, long, Path, boolean, int, Architecture,
     *     int, EmbeddingSettings, VerdictRules, int, String, double, String, float, float, List)
     */
    public EvaluationSettings(Path train, Path test, String names, List<ClassifierSpec> classifiers, Scenario scenario,
                              int seeds, long seed, Path model, boolean forceLeakyModel, int ganEpochs,
                              Architecture ganArchitecture, int ganBatchSize, EmbeddingSettings embedding,
                              VerdictRules rules, int diagnosticCap, String augmentVersion, double ganFilter,
                              String ganDiffAugment, float ganLecamWeight) {
        this(train, test, names, classifiers, scenario, seeds, seed, model, forceLeakyModel, ganEpochs,
                ganArchitecture, ganBatchSize, embedding, rules, diagnosticCap, augmentVersion, ganFilter,
                ganDiffAugment, ganLecamWeight, DEFAULT_GAN_MODE_SEEKING_WEIGHT, Arm.defaults());
    }

    /**
     * The settings without a generation-time filter, DiffAugment or LeCam, and with the default mode-seeking
     * weight ({@link #DEFAULT_GAN_MODE_SEEKING_WEIGHT}).
     *
     * @see #EvaluationSettings(Path, Path, String, List, Scenario, int, long, Path, boolean, int, Architecture,
     *     int, EmbeddingSettings, VerdictRules, int, String, double, String, float)
     */
    public EvaluationSettings(Path train, Path test, String names, List<ClassifierSpec> classifiers, Scenario scenario,
                              int seeds, long seed, Path model, boolean forceLeakyModel, int ganEpochs,
                              Architecture ganArchitecture, int ganBatchSize, EmbeddingSettings embedding,
                              VerdictRules rules, int diagnosticCap, String augmentVersion, double ganFilter) {
        this(train, test, names, classifiers, scenario, seeds, seed, model, forceLeakyModel, ganEpochs,
                ganArchitecture, ganBatchSize, embedding, rules, diagnosticCap, augmentVersion, ganFilter, "", 0f);
    }

    /**
     * @param batchSize samples per step ({@link #ganBatchSizeFor(int)})
     * @return the settings of the GAN trained per seed (the seed is set per run)
     * @throws InvalidSettingException (setting {@code diffAugment}, {@code lecamWeight} or {@code
     *     modeSeekingWeight}) for a bad recipe
     */
    public GanSettings ganSettings(int batchSize) {
        return ganRecipe(ganArchitecture, ganEpochs, batchSize, seed, ganDiffAugment, ganLecamWeight,
                ganModeSeekingWeight);
    }

    private static GanSettings ganRecipe(Architecture architecture, int epochs, int batchSize, long seed,
                                         String diffAugment, float lecamWeight, float modeSeekingWeight) {
        return GanSettings.builder(architecture).epochs(epochs).batchSize(batchSize).seed(seed)
                .diffAugment(diffAugment).lecamWeight(lecamWeight).modeSeekingWeight(modeSeekingWeight).build();
    }

    /**
     * The settings without a generation-time filter ({@code ganFilter} 1).
     *
     * @see #EvaluationSettings(Path, Path, String, List, Scenario, int, long, Path, boolean, int, Architecture,
     *     int, EmbeddingSettings, VerdictRules, int, String, double)
     */
    public EvaluationSettings(Path train, Path test, String names, List<ClassifierSpec> classifiers, Scenario scenario,
                              int seeds, long seed, Path model, boolean forceLeakyModel, int ganEpochs,
                              Architecture ganArchitecture, int ganBatchSize, EmbeddingSettings embedding,
                              VerdictRules rules, int diagnosticCap, String augmentVersion) {
        this(train, test, names, classifiers, scenario, seeds, seed, model, forceLeakyModel, ganEpochs,
                ganArchitecture, ganBatchSize, embedding, rules, diagnosticCap, augmentVersion, 1);
    }

    /**
     * @return whether the run has a generator to diagnose: a given {@code model}, or an arm that uses generated
     *     samples ({@link Arm#needsGenerator()}), for which a GAN is trained per seed. A run of cheap arms only
     *     (for example {@code evaluate --arms smote,class-weights}) trains no GAN and diagnoses none.
     */
    public boolean hasGenerator() {
        return model != null || arms.stream().anyMatch(Arm::needsGenerator);
    }

    /** @return whether the GAN arms' samples are filtered ({@code ganFilter} above 1) */
    public boolean filtersGan() {
        return ganFilter > dev.augment.oversample.filter.GenerationFilter.OFF;
    }

    /** The batch size of a trained GAN when none is chosen and the data has at least that many examples. */
    public static final int DEFAULT_GAN_BATCH_SIZE = 64;

    /**
     * The batch size of the GANs trained on a training split: the chosen {@code ganBatchSize}, or when it
     * is 0, the largest power of two that is at most {@value #DEFAULT_GAN_BATCH_SIZE} and at most the
     * split's size (at least 2), so that the low-data scenario (e.g. 5 examples of 10 classes → 32) trains.
     *
     * @param trainingExamples examples in the smallest training split of the run, ≥ 2
     * @return the batch size, between 2 and {@code trainingExamples}
     * @throws InvalidSettingException (setting {@code ganBatchSize}) when the chosen size exceeds the split, or
     *     the split has fewer than 2 examples
     */
    public int ganBatchSizeFor(int trainingExamples) {
        if (trainingExamples < 2) {
            throw new InvalidSettingException("ganBatchSize", "cannot fit a training split of " + trainingExamples
                    + " example(s): a GAN needs at least 2 per step; keep more examples in the scenario");
        }
        if (ganBatchSize == 0) {
            return Math.min(DEFAULT_GAN_BATCH_SIZE, Integer.highestOneBit(trainingExamples));
        }
        if (ganBatchSize > trainingExamples) {
            throw new InvalidSettingException("ganBatchSize", "is " + ganBatchSize + " but each seed's training "
                    + "split has only " + trainingExamples + " examples; choose at most " + trainingExamples
                    + " (or leave it unset to fit the data)");
        }
        return ganBatchSize;
    }
}

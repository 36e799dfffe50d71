package dev.augment.eval.metrics;

/**
 * Thresholds that turn {@link ClassDiagnostics} into a {@link ClassVerdict}. Checks run in this
 * order and the first that fires wins:
 *
 * <ol>
 *   <li>{@link ClassVerdict#LABEL_DRIFT}: {@code labelConsistency < minLabelConsistency} (samples
 *       that are not of the class make every other per-class judgement meaningless), judged only where the
 *       classifier labels real hold-out examples of the class at least that consistently;</li>
 *   <li>{@link ClassVerdict#MODE_COLLAPSE}: {@code coverage < minCoverage} or
 *       {@code recall < minRecall} (Naeem et al., ICML 2020; Kynkäänniemi et al., NeurIPS 2019),
 *       or {@code diversityRatio < minDiversityRatio}, or {@code ndbOverK > maxNdbOverK}
 *       (Richardson and Weiss, NeurIPS 2018); a few modes that happen to lie near training
 *       examples are collapse first;</li>
 *   <li>{@link ClassVerdict#MEMORISATION}: {@code nearDuplicateShare > maxNearDuplicateShare} or
 *       {@code shareCloserToTraining > maxShareCloserToTraining} (SDMetrics' DCR; 0.5 is the
 *       healthy value for equally large training and hold-out sets);</li>
 *   <li>{@link ClassVerdict#NOISY_SAMPLES}: {@code noiseRatio > maxNoiseRatio} ({@link PixelNoise},
 *       Immerkær 1996; images only): the other verdicts say the generator learned the wrong
 *       distribution, this one that it renders a plausible one with grain, so it comes last;</li>
 *   <li>otherwise {@link ClassVerdict#HEALTHY}.</li>
 * </ol>
 *
 * <p><b>The defaults are calibrated</b> so that real held-out data of each
 * class, scored as if it were synthetic, is judged HEALTHY with some margin: run the diagnostics on
 * hold-out versus training data, look at the spread over classes and seeds, and move each
 * threshold beyond the worst healthy value ({@code with…} copies make that one line each).
 * The defaults assume k = 5 and equally large training and hold-out sets: for two samples of one
 * distribution coverage is about {@code 1 - 2^-5 ≈ 0.97} (Naeem et al.), NDB/K about the 0.05
 * significance level and the share closer to training about 0.5.
 *
 * @param maxNearDuplicateShare memorisation above this share of near duplicates, in [0, 1]
 * @param maxShareCloserToTraining memorisation above this share closer to training, in [0, 1]
 * @param minLabelConsistency label drift below this label consistency, in [0, 1]
 * @param minCoverage mode collapse below this coverage, in [0, 1]
 * @param minRecall mode collapse below this recall, in [0, 1]
 * @param minDiversityRatio mode collapse below this diversity ratio, ≥ 0
 * @param maxNdbOverK mode collapse above this NDB/K, in [0, 1]
 * @param maxNoiseRatio noisy samples above this pixel noise ratio, ≥ 0
 */
public record VerdictRules(double maxNearDuplicateShare, double maxShareCloserToTraining,
                           double minLabelConsistency, double minCoverage, double minRecall,
                           double minDiversityRatio, double maxNdbOverK, double maxNoiseRatio) {

    /** Validates the ranges. */
    public VerdictRules {
        Checks.unitInterval("maxNearDuplicateShare", maxNearDuplicateShare);
        Checks.unitInterval("maxShareCloserToTraining", maxShareCloserToTraining);
        Checks.unitInterval("minLabelConsistency", minLabelConsistency);
        Checks.unitInterval("minCoverage", minCoverage);
        Checks.unitInterval("minRecall", minRecall);
        Checks.nonNegative("minDiversityRatio", minDiversityRatio);
        Checks.unitInterval("maxNdbOverK", maxNdbOverK);
        Checks.nonNegative("maxNoiseRatio", maxNoiseRatio);
    }

    /**
     * Defaults, calibrated on real held-out Fashion-MNIST (README, "Evaluation"): near duplicates
     * &gt; 30%, closer to training &gt; 0.75, label consistency &lt; 0.5, coverage &lt; 0.5,
     * recall &lt; 0.3, diversity ratio &lt; 0.6, NDB/K &gt; 0.4, pixel noise ratio &gt; 1.25. With
     * 1000 samples per class the worst healthy values were 0.025, 0.54, 0.66 (Shirt), 0.96, 0.92,
     * 0.95, 0.06 and 1.038; with about 50 per class (the checked-in sample) near duplicates reached
     * 0.12, hence 30%.
     *
     * @return the default rules
     */
    public static VerdictRules defaults() {
        return new VerdictRules(0.30, 0.75, 0.5, 0.5, 0.3, 0.6, 0.4, 1.25);
    }

    /**
     * @param diagnostics one class's numbers
     * @return the first verdict whose check fires, else HEALTHY
     */
    public ClassVerdict verdict(ClassDiagnostics diagnostics) {
        return verdict(diagnostics, 1);
    }

    /**
     * As {@link #verdict(ClassDiagnostics)}, with the label consistency the embedding classifier reaches on the
     * class's real hold-out examples: below {@code minLabelConsistency} the classifier cannot recognise even real
     * examples of the class, so a low consistency of the samples says nothing about them and label drift is not
     * judged (a fresh user's Shirt at 0.24 against real shirts' 0.36 was called label drift).
     *
     * @param diagnostics one class's numbers
     * @param realLabelConsistency the classifier's label consistency on real hold-out examples, in [0, 1]
     * @return the first verdict whose check fires, else HEALTHY
     */
    public ClassVerdict verdict(ClassDiagnostics diagnostics, double realLabelConsistency) {
        if (judgesLabels(realLabelConsistency) && diagnostics.labelConsistency() < minLabelConsistency) {
            return ClassVerdict.LABEL_DRIFT;
        }
        if (diagnostics.coverage() < minCoverage || diagnostics.recall() < minRecall
                || diagnostics.diversityRatio() < minDiversityRatio
                || diagnostics.ndbOverK() > maxNdbOverK) {
            return ClassVerdict.MODE_COLLAPSE;
        }
        if (diagnostics.nearDuplicateShare() > maxNearDuplicateShare
                || diagnostics.shareCloserToTraining() > maxShareCloserToTraining) {
            return ClassVerdict.MEMORISATION;
        }
        if (diagnostics.noiseRatio() != null && diagnostics.noiseRatio() > maxNoiseRatio) {
            return ClassVerdict.NOISY_SAMPLES;
        }
        return ClassVerdict.HEALTHY;
    }

    /**
     * @param realLabelConsistency the embedding classifier's label consistency on a class's real hold-out examples
     * @return whether it recognises the class well enough to judge samples' labels by it
     */
    public boolean judgesLabels(double realLabelConsistency) {
        return realLabelConsistency >= minLabelConsistency;
    }

    /**
     * @param v new threshold
     * @return a copy with {@code maxNearDuplicateShare = v}
     */
    public VerdictRules withMaxNearDuplicateShare(double v) {
        return new VerdictRules(v, maxShareCloserToTraining, minLabelConsistency, minCoverage,
                minRecall, minDiversityRatio, maxNdbOverK, maxNoiseRatio);
    }

    /**
     * @param v new threshold
     * @return a copy with {@code maxShareCloserToTraining = v}
     */
    public VerdictRules withMaxShareCloserToTraining(double v) {
        return new VerdictRules(maxNearDuplicateShare, v, minLabelConsistency, minCoverage,
                minRecall, minDiversityRatio, maxNdbOverK, maxNoiseRatio);
    }

    /**
     * @param v new threshold
     * @return a copy with {@code minLabelConsistency = v}
     */
    public VerdictRules withMinLabelConsistency(double v) {
        return new VerdictRules(maxNearDuplicateShare, maxShareCloserToTraining, v, minCoverage,
                minRecall, minDiversityRatio, maxNdbOverK, maxNoiseRatio);
    }

    /**
     * @param v new threshold
     * @return a copy with {@code minCoverage = v}
     */
    public VerdictRules withMinCoverage(double v) {
        return new VerdictRules(maxNearDuplicateShare, maxShareCloserToTraining,
                minLabelConsistency, v, minRecall, minDiversityRatio, maxNdbOverK, maxNoiseRatio);
    }

    /**
     * @param v new threshold
     * @return a copy with {@code minRecall = v}
     */
    public VerdictRules withMinRecall(double v) {
        return new VerdictRules(maxNearDuplicateShare, maxShareCloserToTraining,
                minLabelConsistency, minCoverage, v, minDiversityRatio, maxNdbOverK, maxNoiseRatio);
    }

    /**
     * @param v new threshold
     * @return a copy with {@code minDiversityRatio = v}
     */
    public VerdictRules withMinDiversityRatio(double v) {
        return new VerdictRules(maxNearDuplicateShare, maxShareCloserToTraining,
                minLabelConsistency, minCoverage, minRecall, v, maxNdbOverK, maxNoiseRatio);
    }

    /**
     * @param v new threshold
     * @return a copy with {@code maxNdbOverK = v}
     */
    public VerdictRules withMaxNdbOverK(double v) {
        return new VerdictRules(maxNearDuplicateShare, maxShareCloserToTraining,
                minLabelConsistency, minCoverage, minRecall, minDiversityRatio, v, maxNoiseRatio);
    }

    /**
     * @param v new threshold
     * @return a copy with {@code maxNoiseRatio = v}
     */
    public VerdictRules withMaxNoiseRatio(double v) {
        return new VerdictRules(maxNearDuplicateShare, maxShareCloserToTraining,
                minLabelConsistency, minCoverage, minRecall, minDiversityRatio, maxNdbOverK, v);
    }
}

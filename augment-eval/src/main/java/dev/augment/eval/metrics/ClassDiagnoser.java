package dev.augment.eval.metrics;

/**
 * Computes the {@link ClassDiagnostics} of one class's synthetic samples from its real training
 * samples, real hold-out samples and a label-consistency share measured elsewhere (by a
 * classifier trained on real data). Manifold metrics (Kynkäänniemi et al. 2019; Naeem et al. 2020),
 * NDB/K (Richardson and Weiss 2018) and the diversity ratio compare synthetic with training data,
 * which is what the generator learned; the DCR statistics (SDMetrics) also use the hold-out data.
 * Label consistency and the pixel-space {@link PixelNoise} ratio are measured by the caller, which
 * has the classifier and the images.
 *
 * @param manifold the precision/recall/density/coverage settings
 * @param ndb the NDB/K settings
 * @param diversity the diversity-ratio settings
 * @param memorisation the DCR settings
 */
public record ClassDiagnoser(ManifoldMetrics manifold, NdbK ndb, DiversityRatio diversity,
                             MemorisationMetrics memorisation) {

    /** Refuses null settings. */
    public ClassDiagnoser {
        if (manifold == null || ndb == null || diversity == null || memorisation == null) {
            throw new IllegalArgumentException("all four metric settings are required");
        }
    }

    /**
     * @param seed seed shared by the seeded metrics
     * @return every metric with its defaults
     */
    public static ClassDiagnoser withDefaults(long seed) {
        return new ClassDiagnoser(ManifoldMetrics.withDefaults(), NdbK.withDefaults(seed),
                DiversityRatio.withDefaults(seed), MemorisationMetrics.withDefaults(seed));
    }

    /**
     * @param training real training samples of the class
     * @param holdout real hold-out samples of the class, ideally as many as {@code training}
     * @param synthetic generated samples of the class
     * @param labelConsistency share of {@code synthetic} a real-data classifier labels as the class
     * @return the diagnostics
     */
    public ClassDiagnostics diagnose(float[][] training, float[][] holdout, float[][] synthetic,
                                     double labelConsistency) {
        return diagnose(training, holdout, synthetic, labelConsistency, null);
    }

    /**
     * @param training real training samples of the class, embedded
     * @param holdout real hold-out samples of the class, embedded, ideally as many as {@code training}
     * @param synthetic generated samples of the class, embedded
     * @param labelConsistency share of {@code synthetic} a real-data classifier labels as the class
     * @param noiseRatio the {@link PixelNoise} ratio measured on the images before embedding, or
     *     null when the samples are not images
     * @return the diagnostics
     */
    public ClassDiagnostics diagnose(float[][] training, float[][] holdout, float[][] synthetic,
                                     double labelConsistency, Double noiseRatio) {
        return diagnose(training, holdout, synthetic, labelConsistency, noiseRatio, training);
    }

    /**
     * As {@link #diagnose(float[][], float[][], float[][], double, Double)}, near duplicates sought among
     * {@code copies} ({@link MemorisationMetrics#compute(float[][], float[][], float[][], float[][])}).
     *
     * @param copies the class's training samples, embedded: {@code training} first, then more of them
     * @return the diagnostics
     */
    public ClassDiagnostics diagnose(float[][] training, float[][] holdout, float[][] synthetic,
                                     double labelConsistency, Double noiseRatio, float[][] copies) {
        return ClassDiagnostics.of(manifold.compute(training, synthetic),
                ndb.compute(training, synthetic), diversity.compute(training, synthetic),
                labelConsistency, memorisation.compute(training, holdout, synthetic, copies), noiseRatio);
    }
}

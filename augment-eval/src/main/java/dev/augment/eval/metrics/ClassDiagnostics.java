package dev.augment.eval.metrics;

/**
 * The per-class numbers a {@link VerdictRules} judges, gathered from {@link ManifoldMetrics}
 * (Kynkäänniemi et al. 2019; Naeem et al. 2020), {@link NdbK} (Richardson and Weiss 2018),
 * {@link DiversityRatio}, {@link MemorisationMetrics} (SDMetrics' DCR), a label-consistency check
 * and, for images, the {@link PixelNoise} ratio (Immerkær 1996). {@link ClassDiagnoser} computes
 * the embedding-space numbers; label consistency and the noise ratio are measured elsewhere.
 *
 * @param precision share of synthetic samples inside the real manifold, in [0, 1]
 * @param recall share of real samples inside the synthetic manifold, in [0, 1]
 * @param density Naeem et al.'s density, ≥ 0 (about 1 for matching distributions)
 * @param coverage Naeem et al.'s coverage, in [0, 1]
 * @param ndbOverK share of statistically different bins, in [0, 1]
 * @param diversityRatio synthetic over real mean pairwise distance, ≥ 0
 * @param labelConsistency share of synthetic samples a classifier trained on real data assigns to
 *     the intended class, in [0, 1]
 * @param shareCloserToTraining share of synthetic samples nearer to training than to hold-out
 *     data, in [0, 1]
 * @param medianDcrRatio median DCR to training over that of uniform random points, ≥ 0
 * @param nearDuplicateShare share of synthetic samples that nearly duplicate a training sample,
 *     in [0, 1]
 * @param noiseRatio pixel noise level of the synthetic images over that of real hold-out images
 *     ({@link PixelNoise}), ≥ 0 (about 1 for matching distributions); null when the samples are
 *     not images
 */
public record ClassDiagnostics(double precision, double recall, double density, double coverage,
                               double ndbOverK, double diversityRatio, double labelConsistency,
                               double shareCloserToTraining, double medianDcrRatio,
                               double nearDuplicateShare, Double noiseRatio) {

    /** Validates the ranges; NaN is refused everywhere. */
    public ClassDiagnostics {
        Checks.unitInterval("precision", precision);
        Checks.unitInterval("recall", recall);
        Checks.nonNegative("density", density);
        Checks.unitInterval("coverage", coverage);
        Checks.unitInterval("ndbOverK", ndbOverK);
        Checks.nonNegative("diversityRatio", diversityRatio);
        Checks.unitInterval("labelConsistency", labelConsistency);
        Checks.unitInterval("shareCloserToTraining", shareCloserToTraining);
        if (!(medianDcrRatio >= 0)) {
            throw new IllegalArgumentException("medianDcrRatio must be >= 0, was " + medianDcrRatio);
        }
        Checks.unitInterval("nearDuplicateShare", nearDuplicateShare);
        if (noiseRatio != null) {
            Checks.nonNegative("noiseRatio", noiseRatio);
        }
    }

    /**
     * Diagnostics of samples that are not images: no noise ratio.
     *
     * @param precision see the record
     * @param recall see the record
     * @param density see the record
     * @param coverage see the record
     * @param ndbOverK see the record
     * @param diversityRatio see the record
     * @param labelConsistency see the record
     * @param shareCloserToTraining see the record
     * @param medianDcrRatio see the record
     * @param nearDuplicateShare see the record
     */
    public ClassDiagnostics(double precision, double recall, double density, double coverage, double ndbOverK,
                            double diversityRatio, double labelConsistency, double shareCloserToTraining,
                            double medianDcrRatio, double nearDuplicateShare) {
        this(precision, recall, density, coverage, ndbOverK, diversityRatio, labelConsistency,
                shareCloserToTraining, medianDcrRatio, nearDuplicateShare, null);
    }

    /**
     * Assembles diagnostics from the metric results.
     *
     * @param manifold precision, recall, density and coverage
     * @param ndb the NDB/K result
     * @param diversity the diversity ratio
     * @param labelConsistency the label-consistency share
     * @param memorisation the DCR statistics
     * @param noiseRatio the {@link PixelNoise} ratio, or null when the samples are not images
     * @return the diagnostics
     */
    public static ClassDiagnostics of(ManifoldMetrics.Result manifold, NdbK.Result ndb,
                                      DiversityRatio.Result diversity, double labelConsistency,
                                      MemorisationMetrics.Result memorisation, Double noiseRatio) {
        return new ClassDiagnostics(manifold.precision(), manifold.recall(), manifold.density(),
                manifold.coverage(), ndb.ndbOverK(), diversity.ratio(), labelConsistency,
                memorisation.shareCloserToTraining(), memorisation.medianDcrRatio(),
                memorisation.nearDuplicateShare(), noiseRatio);
    }
}

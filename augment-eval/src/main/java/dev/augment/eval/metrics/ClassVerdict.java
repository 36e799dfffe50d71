package dev.augment.eval.metrics;

/**
 * What the diagnostics say about the synthetic samples of one class, decided by
 * {@link VerdictRules#verdict(ClassDiagnostics)}.
 */
public enum ClassVerdict {
    /** Synthetic samples are novel, correctly labelled and as diverse as the real class. */
    HEALTHY,
    /**
     * The generator covers only part of the class: low coverage or recall (Naeem et al. 2020;
     * Kynkäänniemi et al. 2019), low diversity ratio, or many different bins (Richardson and Weiss
     * 2018).
     */
    MODE_COLLAPSE,
    /** The generator reproduces training samples: many near duplicates or DCR closer to training. */
    MEMORISATION,
    /**
     * The images carry more pixel-level noise than real images of the class (the {@link PixelNoise}
     * ratio of Immerkær's noise estimate), which the embedding-space metrics do not see.
     */
    NOISY_SAMPLES,
    /** A classifier trained on real data mostly does not recognise the samples as their class. */
    LABEL_DRIFT
}

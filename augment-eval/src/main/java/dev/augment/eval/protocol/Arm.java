package dev.augment.eval.protocol;

/** The training sets compared; each is learned by the same trainer and tested on real data. */
public enum Arm {
    /** The scenario's real training examples only: the reference every arm is compared with. */
    REAL("real", "real only"),
    /** Real examples weighted inversely to their class frequency (Tribuo example weights). */
    CLASS_WEIGHTS("class-weights", "real, class weights"),
    /** Real plus copies of real examples drawn with replacement. */
    OVERSAMPLING("oversampling", "real + random oversampling"),
    /** Real plus SMOTE interpolations (Chawla et al. 2002). */
    SMOTE("smote", "real + SMOTE"),
    /** Real plus samples of the conditional GAN. */
    GAN("gan", "real + GAN samples"),
    /**
     * Rebalance then generate: real plus SMOTE up to the largest class, plus GAN samples on top, half as
     * many as the SMOTE ones (the Tribuo plugin's HYBRID method with its default ratio).
     */
    HYBRID("hybrid", "real + SMOTE + GAN on top"),
    /** Real plus the same top-up as the other arms, half from SMOTE and half from the GAN (the plugin's MIX). */
    MIX("mix", "real + half SMOTE, half GAN"),
    /** GAN samples only: train on synthetic, test on real. */
    SYNTHETIC_ONLY("synthetic-only", "synthetic only");

    private final String id;
    private final String title;

    Arm(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** @return a short machine-friendly name */
    public String id() {
        return id;
    }

    /** @return a human-friendly name */
    public String title() {
        return title;
    }

    /**
     * @return whether the arm is a cheap baseline, a rebalancing that needs no generator: class weights,
     *     random oversampling or SMOTE (the arms a family's best cheap baseline is chosen from)
     */
    public boolean isCheapBaseline() {
        return this == CLASS_WEIGHTS || this == OVERSAMPLING || this == SMOTE;
    }

    /** @return whether the arm needs generator samples */
    public boolean needsGenerator() {
        return this == GAN || this == HYBRID || this == MIX || this == SYNTHETIC_ONLY;
    }
}

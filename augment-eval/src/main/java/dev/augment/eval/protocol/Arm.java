package dev.augment.eval.protocol;

import dev.augment.oversample.OversamplingMethod;

import java.util.ArrayList;
import java.util.List;

/**
 * The training sets compared; each is learned by the same trainer and tested on real data. The hybrid and mix
 * arms come in two kinds, by their non-generative part (the Tribuo plugin's {@code baseline}): SMOTE, the
 * default, and random oversampling ({@link #arms(List)}).
 */
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
    /** As {@link #HYBRID} with random oversampling for SMOTE (the plugin's HYBRID with baseline ROS). */
    HYBRID_ROS("hybrid-ros", "real + ROS + GAN on top"),
    /** As {@link #MIX} with random oversampling for SMOTE (the plugin's MIX with baseline ROS). */
    MIX_ROS("mix-ros", "real + half ROS, half GAN"),
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
        return this == GAN || isBlend() || this == SYNTHETIC_ONLY;
    }

    /** @return whether the arm blends a cheap rebalancing with GAN samples: a hybrid or a mix arm */
    public boolean isBlend() {
        return this == HYBRID || this == MIX || this == HYBRID_ROS || this == MIX_ROS;
    }

    /**
     * @return the cheap arm whose rows a hybrid or mix arm starts from ({@link #SMOTE} or {@link #OVERSAMPLING})
     * @throws IllegalStateException for an arm that is not a hybrid or mix arm
     */
    public Arm rebalancing() {
        return switch (this) {
            case HYBRID, MIX -> SMOTE;
            case HYBRID_ROS, MIX_ROS -> OVERSAMPLING;
            default -> throw new IllegalStateException(this + " is not a hybrid or mix arm");
        };
    }

    /**
     * The arms of an evaluation with a generator, real only first: real only, class weights, ROS, SMOTE, GAN, a
     * hybrid and a mix arm per baseline (in the order given), synthetic only.
     *
     * @param baselines the hybrid and mix arms' non-generative parts, ROS or SMOTE, at least one, each once
     * @return the arms
     * @throws IllegalArgumentException for an empty list, a repeated baseline, or a method other than ROS or SMOTE
     */
    public static List<Arm> arms(List<OversamplingMethod> baselines) {
        if (baselines == null || baselines.isEmpty() || baselines.stream().distinct().count() != baselines.size()) {
            throw new IllegalArgumentException("give each baseline of the hybrid and mix arms once, at least one, "
                    + "was " + baselines);
        }
        List<Arm> arms = new ArrayList<>(List.of(REAL, CLASS_WEIGHTS, OVERSAMPLING, SMOTE, GAN));
        for (OversamplingMethod baseline : baselines) {
            switch (baseline) {
                case SMOTE -> arms.addAll(List.of(HYBRID, MIX));
                case ROS -> arms.addAll(List.of(HYBRID_ROS, MIX_ROS));
                default -> throw new IllegalArgumentException("the hybrid and mix arms rebalance with ros or smote, "
                        + "not " + baseline.id());
            }
        }
        arms.add(SYNTHETIC_ONLY);
        return List.copyOf(arms);
    }

    /** @return the default arms: {@link #arms(List)} with SMOTE, every arm but the ROS hybrid and mix */
    public static List<Arm> defaults() {
        return arms(List.of(OversamplingMethod.SMOTE));
    }
}

package dev.augment.eval.protocol;

import java.util.List;

/**
 * One classifier family's results: every arm's summary under one trainer. In a run with several
 * families all of them learned the same training sets (same split, same GAN, same oversampled and
 * generated examples per seed), so their arms can be compared across families too.
 *
 * @param trainer the trainer's name as given ({@link ClassifierSpec#name()}, e.g. {@code forest})
 * @param arms the arm summaries, real only first
 */
public record FamilyArms(String trainer, List<ArmSummary> arms) {

    /** Requires a trainer name and the arms, real only first. */
    public FamilyArms {
        if (trainer == null || trainer.isBlank()) {
            throw new IllegalArgumentException("a family needs its trainer's name");
        }
        if (arms == null || arms.isEmpty() || arms.get(0).arm() != Arm.REAL) {
            throw new IllegalArgumentException("a family needs its arms, real only first");
        }
        arms = List.copyOf(arms);
    }
}

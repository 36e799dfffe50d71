package dev.augment.eval.metrics;

/** Argument checks shared by the result records of this package. */
final class Checks {

    private Checks() {
    }

    /** Throws unless {@code value} is in [0, 1]. */
    static void unitInterval(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }

    /** Throws unless {@code value} is finite and ≥ 0. */
    static void nonNegative(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
        }
    }
}

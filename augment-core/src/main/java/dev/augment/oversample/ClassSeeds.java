package dev.augment.oversample;

/**
 * The seed of one class's draws, derived from a run's seed, so that classes draw independently and a
 * class's draws do not depend on how many examples other classes get.
 */
public final class ClassSeeds {

    private ClassSeeds() {
    }

    /**
     * @param seed the run's seed
     * @param classIndex the class index
     * @return {@code seed × 1 000 003 + classIndex}
     */
    public static long of(long seed, int classIndex) {
        return seed * 1_000_003L + classIndex;
    }
}

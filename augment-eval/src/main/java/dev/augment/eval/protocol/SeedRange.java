package dev.augment.eval.protocol;

import dev.augment.errors.InvalidSettingException;

/** The seeds of an evaluation: {@code seed, seed + 1, …, seed + seeds − 1}, each a Java long. */
public final class SeedRange {

    private SeedRange() {
    }

    /**
     * @param seed the first seed
     * @param seeds how many, at least 1
     * @throws InvalidSettingException (setting {@code seeds}) when {@code seeds < 1}; (setting {@code seed}) when the
     *     last seed would pass {@link Long#MAX_VALUE} and wrap round to a negative one
     */
    public static void check(long seed, int seeds) {
        if (seeds < 1) {
            throw new InvalidSettingException("seeds", "seeds must be at least 1, was " + seeds);
        }
        if (seed > Long.MAX_VALUE - (seeds - 1)) {
            throw new InvalidSettingException("seed", "seed " + seed + " with " + seeds + " seeds runs past the "
                    + "largest seed, " + Long.MAX_VALUE + ", where the next would wrap round to " + Long.MIN_VALUE
                    + "; choose a seed of at most " + (Long.MAX_VALUE - (seeds - 1)));
        }
    }
}

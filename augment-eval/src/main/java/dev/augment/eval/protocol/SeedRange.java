package dev.augment.eval.protocol;

import dev.augment.errors.InvalidSettingException;

/** The seeds of an evaluation: {@code seed, seed + 1, …, seed + seeds − 1}, each a Java long. */
public final class SeedRange {

    /** The most seeds an evaluation runs. */
    public static final int MOST = 10_000;

    private SeedRange() {
    }

    /**
     * @param seed the first seed
     * @param seeds how many, at least 1
     * @throws InvalidSettingException (setting {@code seeds}) when {@code seeds < 1} or above {@value #MOST}; (setting
     *     {@code seed}) when the
     *     last seed would pass {@link Long#MAX_VALUE} and wrap round to a negative one
     */
    public static void check(long seed, int seeds) {
        if (seeds < 1) {
            throw new InvalidSettingException("seeds", "seeds must be at least 1, was " + seeds);
        }
        if (seeds > MOST) {
            // 2e9 ran out of heap at once with advice that did not apply; 1e8 sat 20 s silent in 2.7 GB before any
            // seed (a fresh user, 5 Dec): each seed trains every arm of every family, minutes a seed
            throw new InvalidSettingException("seeds", "seeds must be at most " + MOST + " (each seed trains every arm "
                    + "of every classifier family; a paired interval is narrow after tens), was " + seeds);
        }
        if (seed > Long.MAX_VALUE - (seeds - 1)) {
            throw new InvalidSettingException("seed", "seed " + seed + " with " + seeds + " seeds runs past the "
                    + "largest seed, " + Long.MAX_VALUE + ", where the next would wrap round to " + Long.MIN_VALUE
                    + "; choose a seed of at most " + (Long.MAX_VALUE - (seeds - 1)));
        }
    }
}

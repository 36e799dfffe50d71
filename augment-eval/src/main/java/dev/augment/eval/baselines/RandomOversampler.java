package dev.augment.eval.baselines;

import dev.augment.eval.metrics.Distances;
import java.util.SplittableRandom;

/**
 * Random oversampling: draws minority samples uniformly with replacement and returns copies. The
 * simplest baseline for class imbalance, against which SMOTE (Chawla et al., JAIR 16, 2002) and
 * generative augmentation are compared.
 *
 * <p>Deterministic: each call starts a fresh {@link SplittableRandom} from the seed. Immutable.
 */
public final class RandomOversampler {

    private final long seed;

    /**
     * @param seed the random seed
     */
    public RandomOversampler(long seed) {
        this.seed = seed;
    }

    /** @return the random seed */
    public long seed() {
        return seed;
    }

    /**
     * @param minority the minority-class vectors, at least one, all of one length
     * @param count how many copies to draw, ≥ 0
     * @return {@code count} copies (fresh arrays) of rows drawn with replacement
     */
    public float[][] oversample(float[][] minority, int count) {
        Distances.requireRectangular("minority", minority);
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = minority[rng.nextInt(minority.length)].clone();
        }
        return out;
    }
}

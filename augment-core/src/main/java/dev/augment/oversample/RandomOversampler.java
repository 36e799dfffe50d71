package dev.augment.oversample;

import java.util.SplittableRandom;

/**
 * Random oversampling (ROS): draws members of a class uniformly with replacement and returns copies.
 * The simplest remedy for class imbalance, against which SMOTE (Chawla et al., JAIR 16, 2002) and
 * generative augmentation are compared.
 *
 * <p>Deterministic: each call starts a fresh {@link SplittableRandom} from the seed, so equal arguments
 * give equal results; use a different seed per class for independent draws. Immutable.
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
     * @param size how many members the class has, at least 1 (any size when {@code count} is 0)
     * @param count how many draws, ≥ 0
     * @return {@code count} member indices in [0, size), drawn uniformly with replacement
     */
    public int[] draw(int size, int count) {
        Vectors.requireCount(count);
        if (count == 0) {
            return new int[0];
        }
        if (size < 1) {
            throw new IllegalArgumentException("the class must have at least one member to copy, had " + size);
        }
        Vectors.requireCount(count);
        SplittableRandom rng = new SplittableRandom(seed);
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = rng.nextInt(size);
        }
        return out;
    }

    /**
     * @param members the class's vectors, at least one, all of one length
     * @param count how many copies to draw, ≥ 0
     * @return {@code count} copies (fresh arrays) of members drawn with replacement, as {@link #draw} picks them
     */
    public double[][] oversample(double[][] members, int count) {
        Vectors.requireRectangular("members", members);
        int[] drawn = draw(members.length, count);
        double[][] out = new double[count][];
        for (int i = 0; i < count; i++) {
            out[i] = members[drawn[i]].clone();
        }
        return out;
    }

    /**
     * @param members the class's vectors, at least one, all of one length
     * @param count how many copies to draw, ≥ 0
     * @return {@code count} copies (fresh arrays) of members drawn with replacement, as {@link #draw} picks them
     */
    public float[][] oversample(float[][] members, int count) {
        Vectors.requireRectangular("members", members);
        int[] drawn = draw(members.length, count);
        float[][] out = new float[count][];
        for (int i = 0; i < count; i++) {
            out[i] = members[drawn[i]].clone();
        }
        return out;
    }
}

package dev.augment.oversample;

import java.util.Arrays;
import java.util.Objects;

/**
 * How many examples are added to each class, by source.
 *
 * @param nonGenerative the method behind {@code fromReal}: ROS or SMOTE, or null when nothing is
 *                      copied or interpolated (GAN)
 * @param fromReal per class, examples copied (ROS) or interpolated (SMOTE) from real ones
 * @param generated per class, examples from the GAN
 */
public record AddedCounts(OversamplingMethod nonGenerative, int[] fromReal, int[] generated) {

    /** Checks that both arrays have one non-negative count per class. */
    public AddedCounts {
        fromReal = fromReal.clone();
        generated = generated.clone();
        if (fromReal.length != generated.length) {
            throw new IllegalArgumentException(fromReal.length + " counts from real examples but " + generated.length
                    + " generated counts");
        }
        if (nonGenerative == null && Arrays.stream(fromReal).anyMatch(n -> n != 0)) {
            throw new IllegalArgumentException("counts from real examples need ROS or SMOTE");
        }
    }

    @Override
    public int[] fromReal() {
        return fromReal.clone();
    }

    @Override
    public int[] generated() {
        return generated.clone();
    }

    /** @return per class, all examples added */
    public int[] total() {
        int[] total = new int[fromReal.length];
        for (int c = 0; c < total.length; c++) {
            total[c] = fromReal[c] + generated[c];
        }
        return total;
    }

    /** @return whether any example comes from the GAN */
    public boolean needsGenerator() {
        return Arrays.stream(generated).anyMatch(n -> n > 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddedCounts other && nonGenerative == other.nonGenerative
                && Arrays.equals(fromReal, other.fromReal) && Arrays.equals(generated, other.generated);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(nonGenerative) + Arrays.hashCode(fromReal))
                + Arrays.hashCode(generated);
    }

    @Override
    public String toString() {
        return "AddedCounts(" + nonGenerative + " " + Arrays.toString(fromReal) + ", generated "
                + Arrays.toString(generated) + ")";
    }
}

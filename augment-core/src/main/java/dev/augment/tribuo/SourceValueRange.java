package dev.augment.tribuo;

import dev.augment.schema.SampleSchema;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

/**
 * The smallest and largest value of a source's examples, and where they are, to check that the source is on an image
 * generator's scale: a value outside the generator's {@code [minValue, maxValue]} is refused, and values all within
 * its lowest 5% (Fashion-MNIST scaled to [0, 1] for a generator of 0..255) give a warning, since the generated
 * examples would then be on another scale than the real ones.
 */
final class SourceValueRange {

    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private long minExample;
    private long maxExample;

    /**
     * @param example an example of the source
     * @param index its position in the source
     */
    void add(Example<Label> example, long index) {
        double largest = Double.NEGATIVE_INFINITY;
        for (Feature feature : example) {
            largest = Math.max(largest, take(feature.getValue(), index));
        }
        recordMaximum(largest);
    }

    /**
     * @param features a real example's values, dense, in the generator's layout
     * @param index its position
     */
    void add(float[] features, long index) {
        double largest = Double.NEGATIVE_INFINITY;
        for (float v : features) {
            largest = Math.max(largest, take(v, index));
        }
        recordMaximum(largest);
    }

    /** @return {@code v}, after counting it into the smallest and largest values */
    private double take(double v, long index) {
        if (v < min) {
            min = v;
            minExample = index;
        }
        if (v > max) {
            max = v;
            maxExample = index;
        }
        return v;
    }

    /** Each example's largest value, for the dim-source check's quantile. */
    private double[] maxima = new double[1024];
    private int examples;

    private void recordMaximum(double largest) {
        if (examples == maxima.length) {
            maxima = java.util.Arrays.copyOf(maxima, 2 * maxima.length);
        }
        maxima[examples++] = largest;
    }

    /**
     * @return the largest value of all but the brightest 1% of the examples: one image left at 0-255 in a source
     *     scaled to 0-100 hid the dim-source warning (a re-check, 6 Dec)
     */
    private double typicalMaximum() {
        double[] sorted = java.util.Arrays.copyOf(maxima, examples);
        java.util.Arrays.sort(sorted);
        return sorted.length == 0 ? max : sorted[(int) Math.floor(0.99 * (sorted.length - 1))];
    }

    /**
     * @param schema an image generator's schema
     * @return a warning when the values all lie within the lowest 5% of a range wider than 1 (a source scaled down,
     *     or a really dark data set: a warning, not a refusal, since both exist); empty otherwise
     * @throws dev.augment.errors.InvalidSettingException for field "source": a value past the generator's range
     */
    java.util.Optional<String> requireScale(SampleSchema schema) {
        if (min > max) {
            return java.util.Optional.empty();
        }
        double low = schema.minValue();
        double high = schema.maxValue();
        double slack = 1e-6 * (high - low);
        String generator = "the generator writes values in [" + number(low) + ", " + number(high) + "]";
        if (min < low - slack || max > high + slack) {
            boolean below = min < low - slack;
            throw SourceScan.mismatch("example " + (below ? minExample : maxExample) + " of the source has the value "
                    + number(below ? min : max) + ", and " + generator + "; is the source on another scale? "
                    + "rescale it to the generator's range");
        }
        if (high - low > 1 && max > low && max <= low + 0.05 * (high - low)) {
            return java.util.Optional.of("the source's values are at most " + number(max) + ", within the "
                    + "lowest 5% of the [" + number(low) + ", " + number(high) + "] the generator writes: if the "
                    + "source was scaled down (e.g. to [0, 1]), the generated examples are on another scale than the "
                    + "real ones; scale it back to the generator's range");
        }
        double typical = typicalMaximum();
        if (high - low > 1 && typical > low && typical <= low + DIM_SHARE * (high - low)) {
            // 0–100 or 0–127 images for a 0–255 generator: every generated example had pixels brighter than any real
            // one (55.8% of its pixels above 100), without a word (a Tribuo user, 6 Dec)
            return java.util.Optional.of("the source's values are at most " + number(typical) + (typical < max
                    ? " in 99% of its examples (the largest is " + number(max) + ")" : "") + ", "
                    + Math.round(100 * (typical - low) / (high - low)) + "% of the way up the [" + number(low) + ", "
                    + number(high) + "] the generator writes, so its generated examples will be brighter than any "
                    + "real one: if the source is on another scale (0-100, 0-127), scale it to the generator's range; "
                    + "if its images are this dark, a generator trained on them fits better");
        }
        return java.util.Optional.empty();
    }

    /**
     * The share of the generator's range below which a source's largest value is said: 8-bit image sets reach 255
     * (every class of Fashion-MNIST and CIFAR-10 does), and one on a scale of 0–100 or 0–179 does not.
     */
    static final double DIM_SHARE = 0.75;

    /** @return the value as a message writes it: a whole number as such, else 7 significant digits */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(v).round(new java.math.MathContext(7))
                .stripTrailingZeros();
        // -1e308 was written with 309 digits (a re-check, 7 Dec)
        return Math.abs(v) >= 1e15 ? rounded.toString() : rounded.toPlainString();
    }
}

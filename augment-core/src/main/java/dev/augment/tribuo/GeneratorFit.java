package dev.augment.tribuo;

import dev.augment.errors.InvalidSettingException;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether an image generator's classes are the source's classes, by nearest class means: the mean of
 * {@value #SAMPLES} generated samples of each class is compared with the mean of every class's real examples (a
 * nearest-centroid check). Names, shape, range and labels all matched for labels numbered another way and for MNIST
 * digits given to the Fashion-MNIST generator, and the GAN added images of other classes without a word (accuracy
 * 0.690 → 0.552; a fresh user, 5 Dec); inverted images (white backgrounds) got black-background examples alike.
 * Only classes with at least {@value #FEWEST_REAL} real examples take part, as a mean of fewer says little, and a
 * class counts as nearest another only when that class's mean is at most {@value #MARGIN} of its own distance. Most
 * classes nearest another class, each a different one, is refused; fewer, or many falling on a few classes (a
 * collapsed or undertrained generator), is a warning when a class's ratio is below {@value #WARN_MARGIN}.
 */
public final class GeneratorFit {

    /** Generated samples per class for its mean. */
    static final int SAMPLES = 32;
    /** Real examples a class needs to take part. */
    static final int FEWEST_REAL = 5;
    /**
     * How much nearer another class's real mean must be than the class's own (a ratio of distances) to count. Measured
     * with the shipped generators on the checked-in samples: Fashion-MNIST with its labels shifted by one gave 0.11 to
     * 0.20 for every class; the CIFAR-10 generator on its own sample (20 images a class) had three classes nearer
     * another at 0.68, 0.88 and 0.97, a weak generator of right classes, which a margin of 1 called suspect.
     */
    static final double MARGIN = 0.5;

    /**
     * The ratio below which a class alone is warned of (most classes below {@link #MARGIN} are refused). The shipped
     * CIFAR-10 generator on random subsets of its own training data (30, 60 and 100 images a class, three draws
     * each, 6 Dec) had 'bird' nearest 'deer' at 0.39 to 0.50 in seven of nine, which a warning at {@link #MARGIN}
     * blamed on "other data than the generator's" (a fresh user); labels shifted by one are at 0.11 to 0.20.
     */
    static final double WARN_MARGIN = 0.35;

    /** Share of the range by which the real and generated mean values may differ before a warning. */
    static final double INTENSITY_SHARE = 0.25;

    private GeneratorFit() {
    }

    /**
     * The same check over examples already in memory: {@code evaluate --model} made none, and a generator of other
     * classes (labels shifted by one) was reported as label drift, the GAN costing half the macro-F1 (a fresh user,
     * 6 Dec).
     *
     * @param generator the image generator
     * @param real the real examples, in the generator's layout
     * @return the warnings of {@link #check(OnnxGenerator, double[][], int[], int)}
     * @throws InvalidSettingException for field "source" when most classes' generated samples lie nearest another
     *     class's real examples
     */
    public static List<String> check(OnnxGenerator generator, dev.augment.data.DenseSamples real) {
        int classes = generator.metadata().schema().classCount();
        double[][] sums = new double[classes][];
        int[] counts = new int[classes];
        SourceValueRange range = new SourceValueRange();
        GreyShare greyShare = new GreyShare(generator.metadata().schema());
        for (int i = 0; i < real.size(); i++) {
            int c = real.classIndices()[i];
            float[] features = real.features()[i];
            if (sums[c] == null) {
                sums[c] = new double[features.length];
            }
            for (int f = 0; f < features.length; f++) {
                sums[c][f] += features[f];
            }
            range.add(features, i);
            greyShare.add(features, c);
            counts[c]++;
        }
        // the plugin's scale and grey-in-colour warnings, which evaluate --model did not give (a re-check, 6 Dec)
        List<String> warnings = new ArrayList<>();
        SampleSchema schema = generator.metadata().schema();
        java.util.Optional<String> scale = schema.isImage() ? range.requireScale(schema) : java.util.Optional.empty();
        scale.ifPresent(warnings::add);
        greyShare.warning().ifPresent(warnings::add);
        if (scale.isEmpty()) { // on another scale every class mean is far from the generator's: said once, above
            warnings.addAll(check(generator, sums, counts, -1));
        }
        return warnings;
    }

    /**
     * @param generator the image generator
     * @param classSums per class, the sum of each feature over its real examples (null for a class without any)
     * @param realCounts per class, its real examples
     * @param highestPixel the highest feature index any real example holds non-zero, or -1 when not known (a source
     *     whose schema was compared already)
     * @return warnings: a few classes nearest another class, mean values far apart (inverted images?), or real
     *     examples that never reach pixels the generator's samples fill (smaller images?)
     * @throws InvalidSettingException for field "source" when most classes' generated samples lie nearest another
     *     class's real examples
     */
    static List<String> check(OnnxGenerator generator, double[][] classSums, int[] realCounts, int highestPixel) {
        SampleSchema schema = generator.metadata().schema();
        int features = schema.featureCount();
        List<Integer> taking = new ArrayList<>();
        for (int c = 0; c < realCounts.length; c++) {
            if (realCounts[c] >= FEWEST_REAL && classSums[c] != null) {
                taking.add(c);
            }
        }
        List<String> warnings = new ArrayList<>();
        if (taking.isEmpty()) {
            return warnings;
        }
        double[][] real = new double[realCounts.length][];
        double[][] generated = new double[realCounts.length][];
        double realMean = 0;
        double generatedMean = 0;
        // each generated sample's last lit pixel: the tenth highest of them is compared, not the highest, as a real
        // sneaker-only source (99.7% of sneakers leave the last two rows blank) was asked whether its images were of
        // another size because one of the generator's sneakers reached the last row (a re-check, 6 Dec)
        List<Integer> lastLit = new ArrayList<>();
        for (int c : taking) {
            real[c] = new double[features];
            generated[c] = new double[features];
            float[] samples = generator.generate(c, 0, 0, SAMPLES);
            for (int f = 0; f < features; f++) {
                real[c][f] = classSums[c][f] / realCounts[c];
                realMean += real[c][f];
            }
            int sampleHighest = -1;
            for (int i = 0; i < samples.length; i++) {
                generated[c][i % features] += samples[i] / SAMPLES;
                generatedMean += samples[i] / SAMPLES;
                // a tenth of the range: a GAN's faint noise in rows real images leave black (MNIST's last rows) is no
                // pixel of its own
                if (samples[i] > schema.minValue() + 0.1 * (schema.maxValue() - schema.minValue())) {
                    sampleHighest = Math.max(sampleHighest, i % features);
                }
                if (i % features == features - 1) {
                    lastLit.add(sampleHighest);
                    sampleHighest = -1;
                }
            }
        }
        lastLit.sort(java.util.Comparator.reverseOrder());
        int generatedHighest = lastLit.isEmpty() ? -1 : lastLit.get(Math.min(lastLit.size() - 1, lastLit.size() / 10));
        realMean /= (double) taking.size() * features;
        generatedMean /= (double) taking.size() * features;
        refuseOtherChannelOrder(schema, taking, real, generated);
        List<String> nearestOther = new ArrayList<>();
        List<String> farOff = new ArrayList<>();
        java.util.Set<Integer> targets = new java.util.HashSet<>();
        if (taking.size() >= 2) {
            for (int c : taking) {
                int nearest = c;
                double best = Double.POSITIVE_INFINITY;
                for (int j : taking) {
                    double d = squaredDistance(generated[c], real[j]);
                    if (d < best) {
                        best = d;
                        nearest = j;
                    }
                }
                targets.add(nearest);
                double ratio = Math.sqrt(best / squaredDistance(generated[c], real[c]));
                if (nearest != c && ratio < MARGIN) {
                    String said = String.format(java.util.Locale.ROOT, "'%s' nearest the source's '%s' (%.2f of "
                            + "the distance to its own)", name(schema, c), name(schema, nearest), ratio);
                    nearestOther.add(said);
                    if (ratio < WARN_MARGIN) {
                        farOff.add(said);
                    }
                }
            }
        }
        String listed = firstFive(nearestOther);
        double range = schema.maxValue() - schema.minValue();
        String intensity = range > 0 && Math.abs(realMean - generatedMean) > INTENSITY_SHARE * range
                ? String.format(java.util.Locale.ROOT, "the source's examples average %.3g, the generator's samples "
                + "of the same classes %.3g (value range %s to %s): inverted (white-background) or otherwise "
                + "differently prepared images?", realMean, generatedMean, schema.minValue(), schema.maxValue())
                : null;
        // most classes nearest another, each a different one: the classes are numbered another way (a collapsed or
        // undertrained generator, whose classes' means fall on a few, is warned of below instead)
        boolean relabelled = nearestOther.size() * 2 > taking.size() && targets.size() * 4 >= taking.size() * 3;
        // 27×27 or 20×20 images named as Tribuo names pixels fit every feature name of a 28×28 generator and reach past
        // its first half, but never its last rows, which its samples fill (a fresh user, 5 Dec)
        int width = schema.isImage() ? schema.width() : 0;
        String smaller = highestPixel >= 0 && width > 0 && generatedHighest - highestPixel >= width
                ? "no real example has a pixel beyond feature '" + schema.featureNames().get(highestPixel) + "', but "
                + "the generator's samples reach '" + schema.featureNames().get(generatedHighest) + "' (of "
                + schema.featureCount() + " pixels, " + schema.height() + "×" + width + "): are the source's images "
                + "of another size, flattened into the generator's feature names? give images of its size" : null;
        if (relabelled) {
            throw SourceScan.mismatch("the generator's samples of " + nearestOther.size() + " of " + taking.size()
                    + " classes lie nearest another class's real examples (class means: " + listed + "): does the "
                    + "source number or name its classes as the generator does, and is it the data the generator was "
                    + "trained on? relabel the source, or use a generator trained on these classes"
                    + (intensity == null ? "" : "; also, " + intensity)
                    + (smaller == null ? "" : "; also, " + smaller));
        }
        if (!farOff.isEmpty()) {
            String warned = firstFive(farOff);
            warnings.add("the generator's samples of " + farOff.size() + " of " + taking.size() + " classes lie "
                    + "nearest another class's real examples (class means: " + warned + "): its added examples of "
                    + (farOff.size() == 1 ? "that class" : "those classes") + " may look like another class "
                    + "(classes numbered another way, other data than the generator's, or a generator that does not "
                    + "tell them apart)");
        }
        if (smaller != null) {
            warnings.add(smaller);
        }
        if (intensity != null) {
            warnings.add(intensity + " the added examples would be told apart by it");
        }
        transposed(schema, taking, real, generated).ifPresent(warnings::add);
        return warnings;
    }

    /** @return the first five items, joined, and how many more there are */
    private static String firstFive(List<String> items) {
        return String.join(", ", items.subList(0, Math.min(5, items.size())))
                + (items.size() > 5 ? " and " + (items.size() - 5) + " more" : "");
    }

    /**
     * How much better a colour source's class means must match the generator's with the channels reordered, in mean
     * correlation, to be refused: the CIFAR-10 generator's class means against the checked-in sample's correlated
     * 0.67 to 0.93 in the right order and -0.14 to 0.00 in NumPy's order (a Tribuo user, 6 Dec).
     */
    static final double ORDER_MARGIN = 0.3;

    /**
     * Refuses colour examples whose features are in NumPy's and PIL's (row, column, channel) order beside a
     * generator's (channel, row, column): every name, shape and range matched (a loop over y, x, c names 3 072
     * features as the generator does), and GAN examples were added beside real ones whose feature '0001' is the green
     * of the first pixel, not the red of the second (a Tribuo user, 6 Dec). Compared by the mean Pearson correlation of
     * each class's real mean with its generated mean, as the features are and reordered.
     *
     * @throws InvalidSettingException for field "source" when the reordered correlation is higher by
     *     {@value #ORDER_MARGIN} or more, and at least {@value #GOOD_MATCH}
     */
    private static void refuseOtherChannelOrder(SampleSchema schema, List<Integer> taking, double[][] real,
                                                double[][] generated) {
        if (!schema.isImage() || schema.channels() < 2) {
            return;
        }
        int channels = schema.channels();
        int plane = schema.height() * schema.width();
        double asGiven = 0;
        double reordered = 0;
        for (int c : taking) {
            double[] planar = new double[real[c].length];
            for (int pixel = 0; pixel < plane; pixel++) {
                for (int ch = 0; ch < channels; ch++) {
                    planar[ch * plane + pixel] = real[c][pixel * channels + ch];
                }
            }
            asGiven += correlation(real[c], generated[c]) / taking.size();
            reordered += correlation(planar, generated[c]) / taking.size();
        }
        // and a good match reordered: inverted colour images (-0.9 as given, about 0 reordered) were refused as
        // NumPy-ordered, with advice a PNG folder's user cannot follow (a re-check, 6 Dec)
        if (reordered - asGiven >= ORDER_MARGIN && reordered >= GOOD_MATCH) {
            throw SourceScan.mismatch(String.format(java.util.Locale.ROOT, "the source's colour examples look ordered "
                    + "(row, column, channel), as NumPy and PIL hold images, while the generator's features are "
                    + "(channel, row, column): its class means correlate %.2f with the generator's as given and %.2f "
                    + "reordered; reorder each example's features (NumPy: images.transpose(0, 3, 1, 2).reshape(n, -1)) "
                    + "before naming them", asGiven, reordered));
        }
    }

    /**
     * How much better a square source's class means must match the generator's transposed, in mean correlation, to be
     * named.
     */
    static final double TRANSPOSE_MARGIN = 0.2;
    /** The least mean correlation of reordered or transposed class means with the generator's for either finding. */
    static final double GOOD_MATCH = 0.5;

    /**
     * Grey images whose pixels were named column by column ({@code BufferedImage.getRGB(x, y)} loops, a Fortran-ordered
     * export) got upright GAN examples without a word, the GAN's gain falling from +0.034 to +0.012 (a Tribuo user,
     * 6 Dec). Compared as {@link #refuseOtherChannelOrder} compares, each channel plane transposed; a warning, since
     * a class of symmetric images looks alike either way.
     *
     * @return the warning when the transposed correlation is higher by {@value #TRANSPOSE_MARGIN} or more, and at
     *     least {@value #GOOD_MATCH}
     */
    private static java.util.Optional<String> transposed(SampleSchema schema, List<Integer> taking, double[][] real,
                                                         double[][] generated) {
        if (!schema.isImage() || schema.height() != schema.width() || taking.isEmpty()) {
            return java.util.Optional.empty();
        }
        int side = schema.width();
        int plane = side * side;
        double asGiven = 0;
        double flipped = 0;
        for (int c : taking) {
            double[] t = new double[real[c].length];
            for (int ch = 0; ch < real[c].length / plane; ch++) {
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        t[ch * plane + y * side + x] = real[c][ch * plane + x * side + y];
                    }
                }
            }
            asGiven += correlation(real[c], generated[c]) / taking.size();
            flipped += correlation(t, generated[c]) / taking.size();
        }
        // and a good match transposed: inverted images correlate -0.99 as given and -0.39 transposed
        if (flipped - asGiven < TRANSPOSE_MARGIN || flipped < GOOD_MATCH) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "the source's class means correlate %.2f "
                + "with the generator's samples as given and %.2f transposed: are its images' pixels named column by "
                + "column (x before y), or the pictures themselves flipped about their diagonal? its generated "
                + "examples would stand upright beside them; name each pixel row by row, as the generator does, or "
                + "transpose the images", asGiven, flipped));
    }

    private static double correlation(double[] a, double[] b) {
        double meanA = java.util.Arrays.stream(a).average().orElse(0);
        double meanB = java.util.Arrays.stream(b).average().orElse(0);
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += (a[i] - meanA) * (b[i] - meanB);
            aa += (a[i] - meanA) * (a[i] - meanA);
            bb += (b[i] - meanB) * (b[i] - meanB);
        }
        return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
    }

    private static String name(SampleSchema schema, int c) {
        return dev.augment.table.ColumnAdvice.shown(schema.classNames().get(c));
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}

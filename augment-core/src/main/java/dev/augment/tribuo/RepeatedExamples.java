package dev.augment.tribuo;

import dev.augment.data.TribuoExamples;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Classes whose SMOTE examples would be mostly exact copies: an example that appears m times in its class has its
 * m − 1 copies among its k nearest neighbours (at distance 0, before any other), so a SMOTE (or SMOTE-NC) example drawn
 * from it is a copy of it with probability min(m − 1, k) / k, random oversampling under SMOTE's name. The expected
 * share of copies in a class is the mean of that over its examples (SMOTE draws the example to start from uniformly).
 * A table of credit-g's 1 000 rows repeated 50 times got 20 000 "SMOTE" rows, every one a copy of a real row, without
 * a word; and rows repeated exactly k times, whose share is (k − 1) / k (80% at k = 5), were not named either, as the
 * first rule named only repeats of k + 1 or more (fresh users, 5 Dec).
 */
final class RepeatedExamples {

    /** A class is named when at least this share of SMOTE's examples drawn from it are expected to be copies. */
    static final double SHARE = 0.5;

    private RepeatedExamples() {
    }

    /**
     * @param source the source, read once more
     * @param labels the source's labels, by class index
     * @param grown per class index, the examples SMOTE adds; only classes it adds to are looked at
     * @param k SMOTE's neighbour count
     * @return the warning naming each such class with its count of repeated examples, or empty when there is none
     */
    static Optional<String> warning(DataSource<Label> source, List<String> labels, int[] grown, int k) {
        Map<String, Integer> classOf = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            if (grown[c] > 0) {
                classOf.put(labels.get(c), c);
            }
        }
        List<Map<Long, Integer>> copies = new ArrayList<>();
        labels.forEach(l -> copies.add(new HashMap<>()));
        for (Example<Label> example : TribuoExamples.of(source)) {
            Integer c = classOf.get(example.getOutput().getLabel());
            if (c != null) {
                copies.get(c).merge(key(example), 1, Integer::sum);
            }
        }
        List<String> named = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            int members = copies.get(c).values().stream().mapToInt(Integer::intValue).sum();
            int kUsed = Math.min(k, members - 1);
            if (kUsed < 1) {
                continue; // a class of one is copied anyway, and said so
            }
            double copyShare = copies.get(c).values().stream()
                    .mapToDouble(m -> m * (double) Math.min(m - 1, kUsed) / kUsed).sum() / members;
            if (copyShare >= SHARE) {
                int repeated = copies.get(c).values().stream().filter(m -> m > 1).mapToInt(Integer::intValue).sum();
                named.add("'" + dev.augment.table.ColumnAdvice.shown(labels.get(c)) + "' (about "
                        + Math.round(100 * copyShare) + "%; " + repeated + " of its " + members + " examples are "
                        + "repeated, " + copies.get(c).values().stream().mapToInt(Integer::intValue).max().orElse(0)
                        + " times at most)");
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("most SMOTE examples drawn from class" + (named.size() == 1 ? " " : "es ")
                + String.join(", ", named) + " are exact copies of real ones (random oversampling): a repeated "
                + "example's copies are its nearest neighbours (k = " + k + "); if they are copies of one record, "
                + "drop them, or use a k above the repeat count; if they are different records that agree (a few "
                + "categorical answers), copies are what SMOTE can make of them");
    }

    /**
     * @return a 64-bit digest of the example's feature names and values, in order, equal for exact copies: a key of
     *     boxed values would hold every pixel of a Tribuo IDX source twice over (gigabytes); a digest two different
     *     examples happened to share could only overstate the repeats, not hide them
     */
    private static long key(Example<Label> example) {
        long h = example.size();
        for (Feature feature : example) {
            h = mix(mix(h, feature.getName().hashCode()), Double.doubleToLongBits(feature.getValue()));
        }
        return h;
    }

    private static long mix(long h, long value) {
        long x = (h ^ value) * 0x9E3779B97F4A7C15L;
        return x ^ (x >>> 29);
    }
}

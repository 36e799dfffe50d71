package dev.augment.tribuo;

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
 * Classes whose examples are mostly repeated: an example that appears at least k + 1 times in its class has only its
 * own copies as its k nearest neighbours, so every SMOTE (or SMOTE-NC) example drawn from it is an exact copy of it,
 * random oversampling under SMOTE's name. A table of credit-g's 1 000 rows repeated 50 times got 20 000 "SMOTE" rows,
 * every one a copy of a real row, without a word (a fresh user, 5 Dec).
 */
final class RepeatedExamples {

    /** A class is named when at least this share of its examples are repeated k + 1 times or more. */
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
        for (Example<Label> example : source) {
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
            int repeated = copies.get(c).values().stream().filter(n -> n > kUsed).mapToInt(Integer::intValue).sum();
            if (repeated >= SHARE * members) {
                named.add("'" + dev.augment.table.ColumnAdvice.shown(labels.get(c)) + "' (" + repeated + " of its "
                        + members + " examples)");
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("class" + (named.size() == 1 ? " " : "es ") + String.join(", ", named) + " repeat"
                + (named.size() == 1 ? "s" : "") + " examples at least k + 1 = " + (k + 1) + " times, so their k "
                + "nearest neighbours are their own copies and SMOTE's examples drawn from them are exact copies "
                + "(random oversampling); drop the repeated examples, or use a k above the repeat count");
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

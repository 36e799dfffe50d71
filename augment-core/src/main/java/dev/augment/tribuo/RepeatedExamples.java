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
        List<Map<List<Object>, Integer>> copies = new ArrayList<>();
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

    /** @return the example's feature names and values, in order, as a key equal for exact copies */
    private static List<Object> key(Example<Label> example) {
        List<Object> key = new ArrayList<>(2 * example.size());
        for (Feature feature : example) {
            key.add(feature.getName());
            key.add(feature.getValue());
        }
        return key;
    }
}

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
import java.util.Set;

/**
 * Numeric features that most examples of a source have and some examples of the classes SMOTE adds to lack: in a
 * table read by Tribuo's {@code CSVDataSource} or {@code CSVLoader} ({@code DoubleFieldProcessor}), a missing cell
 * is an absent feature, which SMOTE reads as 0, so the examples it adds there lie towards 0, below the column's real
 * values, without a word (a {@code CsvTableSource} says so from its cells; this finds it from the examples). Only a
 * source that keeps zeros as features (some example has a numeric feature of value 0, as Tribuo's CSV readers give)
 * is looked at, since elsewhere (IDX images, sparse text) an absent feature is a 0; and only features present in at
 * least half of the examples count.
 */
final class AbsentNumbers {

    /** At most this many features are named in the warning. */
    private static final int LISTED = 5;

    private AbsentNumbers() {
    }

    /**
     * @param source the source, read once more
     * @param labels the source's labels, by class index
     * @param grown per class index, the examples SMOTE adds; only classes it adds to are looked at
     * @param categorical feature names of one-hot categorical columns, which are absent by design
     * @return the warning naming each such feature with the count of examples of those classes that lack it, or
     *     empty when there is none
     */
    static Optional<String> warning(DataSource<Label> source, List<String> labels, int[] grown,
                                    Set<String> categorical) {
        Map<String, Integer> classOf = new HashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            classOf.put(labels.get(c), c);
        }
        Map<String, Long> present = new HashMap<>();
        Map<String, Long> presentInGrown = new HashMap<>();
        long examples = 0;
        long grownExamples = 0;
        boolean keepsZeros = false;
        for (Example<Label> example : TribuoExamples.of(source)) {
            examples++;
            Integer c = classOf.get(example.getOutput().getLabel());
            boolean inGrown = c != null && grown[c] > 0;
            grownExamples += inGrown ? 1 : 0;
            for (Feature feature : example) {
                if (!categorical.contains(feature.getName())) {
                    keepsZeros |= feature.getValue() == 0;
                    present.merge(feature.getName(), 1L, Long::sum);
                    if (inGrown) {
                        presentInGrown.merge(feature.getName(), 1L, Long::sum);
                    }
                }
            }
        }
        if (!keepsZeros) {
            return Optional.empty(); // a source that leaves zeros out (IDX images, sparse text): absent is 0
        }
        List<String> named = new ArrayList<>();
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(present).entrySet()) {
            long absent = grownExamples - presentInGrown.getOrDefault(e.getKey(), 0L);
            if (2 * e.getValue() >= examples && absent > 0) {
                named.add(e.getKey() + " (" + absent + ")");
            }
        }
        if (named.isEmpty()) {
            return Optional.empty();
        }
        String listed = String.join(", ", named.subList(0, Math.min(LISTED, named.size())))
                + (named.size() > LISTED ? " and " + (named.size() - LISTED) + " more" : "");
        return Optional.of("numeric features " + listed + " are absent from that many examples of the classes SMOTE "
                + "adds to, though most examples have them: if they are missing cells (a blank or ? in a CSV read by "
                + "Tribuo), SMOTE reads them as 0 and interpolates towards 0 there; fill them in (e.g. with the "
                + "column's median) before oversampling");
    }
}

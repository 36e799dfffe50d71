package dev.augment.tribuo;

import dev.augment.errors.InvalidSettingException;
import dev.augment.oversample.AddedCounts;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.oversample.Smote;
import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * What an {@link AugmentingDataSource} adds: per class, the examples from ROS or SMOTE and from the GAN,
 * the neighbour count SMOTE uses for it, and a warning for every class where SMOTE had to depart from
 * its settings (k clamped to the class size − 1; a single example duplicated).
 *
 * @param schema the classes, by index
 * @param realCounts the source's examples of each class
 * @param added the examples added to each class, by source
 * @param smoteNeighbours per class, the neighbour count SMOTE uses, or -1 where SMOTE adds nothing
 * @param warnings one line per departure from the settings
 */
record AugmentationPlan(SampleSchema schema, int[] realCounts, AddedCounts added, int[] smoteNeighbours,
                        List<String> warnings) {

    /** The most examples, real and added, one source may yield: the largest Java array (and so list). */
    static final long MAX_EXAMPLES = Integer.MAX_VALUE - 8;

    /** Classes named one warning line each before they share one line. */
    private static final int LISTED = 5;

    /**
     * @param schema the classes, by index
     * @param realCounts the source's examples of each class
     * @param asked the examples the policy asks to add to each class
     * @param settings the method
     * @param countSetting the policy's setting that chose the counts (counts, factor or classes), named by errors
     * @return the plan
     * @throws InvalidSettingException for setting "counts" when ROS or SMOTE must add examples to a class
     *                                  the source has none of; for {@code countSetting} when the real and added
     *                                  examples together are more than {@link #MAX_EXAMPLES}, or for
     *                                  {@code generatedRatio} when a hybrid's generated examples on top make them so
     */
    static AugmentationPlan of(SampleSchema schema, int[] realCounts, int[] asked, MethodSettings settings,
                               String countSetting) {
        AddedCounts added = settings.split(asked);
        long real = java.util.Arrays.stream(realCounts).asLongStream().sum();
        long extra = java.util.Arrays.stream(added.total()).asLongStream().sum();
        long askedSum = java.util.Arrays.stream(asked).asLongStream().sum();
        if (real + extra > MAX_EXAMPLES && real + askedSum <= MAX_EXAMPLES) {
            // the hybrid's generated examples on top passed the limit, which was blamed on counts (a fresh Tribuo
            // user, 7 Dec)
            throw new InvalidSettingException("generatedRatio", "generatedRatio " + settings.generatedRatio()
                    + " puts " + (extra - askedSum) + " generated examples on top of the " + askedSum + " that "
                    + countSetting + " asks for, " + (real + extra) + " with the " + real + " real ones, more than the "
                    + MAX_EXAMPLES + " a Java list, and so a Tribuo dataset, can hold; give a lower ratio");
        }
        if (real + extra > MAX_EXAMPLES) {
            // no heap holds this: a Tribuo dataset (and each class's ROS/SMOTE examples) is one Java list
            throw new InvalidSettingException(countSetting, countSetting + " asks for " + extra + " added examples, "
                    + (real + extra) + " with the " + real + " real ones, more than the " + MAX_EXAMPLES + " a Java "
                    + "list, and so a Tribuo dataset, can hold; ask for fewer");
        }
        int[] fromReal = added.fromReal();
        int[] neighbours = new int[fromReal.length];
        List<String> warnings = new ArrayList<>();
        List<String> copied = new ArrayList<>();
        List<String> clamped = new ArrayList<>();
        List<String> small = new ArrayList<>(); // both kinds, in class order
        List<Boolean> smallIsCopy = new ArrayList<>();
        Smote smote = Smote.withDefaults(0).withK(settings.k());
        for (int c = 0; c < fromReal.length; c++) {
            neighbours[c] = -1;
            if (fromReal[c] == 0) {
                continue;
            }
            // a no-break space or other invisible character shown escaped, as the notes on look-alike labels show it
            String name = "class '" + dev.augment.table.ColumnAdvice.shown(schema.classNames().get(c)) + "' (label '"
                    + dev.augment.table.ColumnAdvice.shown(schema.labels().get(c)) + "')";
            if (realCounts[c] == 0) {
                throw new InvalidSettingException("counts", "counts asks for " + fromReal[c] + (fromReal[c] == 1
                        ? " example of " : " examples of ") + name
                        + " from method " + (settings.method() == settings.nonGenerative() ? settings.method().id()
                        : settings.method().id() + " (its " + settings.nonGenerative().id() + " part, which it always "
                        + "runs)") + ", but the source has no example of it to copy or interpolate; use method gan or "
                        + "add real examples");
            }
            if (settings.nonGenerative() != OversamplingMethod.SMOTE) {
                continue;
            }
            neighbours[c] = smote.neighboursUsed(realCounts[c]);
            if (realCounts[c] == 1) {
                copied.add(name + " has 1 example, so SMOTE duplicated it " + (fromReal[c] == 1 ? "once"
                        : fromReal[c] + " times") + " (random oversampling) instead of interpolating");
                small.add(copied.get(copied.size() - 1));
                smallIsCopy.add(true);
            } else if (neighbours[c] < settings.k()) {
                clamped.add(name + " has " + realCounts[c] + " examples, so SMOTE used k = " + neighbours[c]
                        + " instead of " + settings.k());
                small.add(clamped.get(clamped.size() - 1));
                smallIsCopy.add(false);
            }
        }
        // one line per class up to five of a kind, in class order, then one line for the kind: 40 small classes
        // were 40 warning lines (a re-check, 7 Dec)
        if (copied.size() > LISTED) {
            warnings.add(copied.size() + " classes have 1 example, so SMOTE duplicated each (random oversampling) "
                    + "instead of interpolating: " + String.join("; ", copied.subList(0, LISTED)) + " and "
                    + (copied.size() - LISTED) + " more");
        }
        if (clamped.size() > LISTED) {
            warnings.add(clamped.size() + " classes have at most " + settings.k() + " examples, so SMOTE used k = "
                    + "the class size − 1 instead of " + settings.k() + ": " + String.join("; ", clamped.subList(0,
                    LISTED)) + " and " + (clamped.size() - LISTED) + " more");
        }
        for (int i = 0; i < small.size(); i++) {
            // a class's own line, where its kind has not been put in one line above
            if ((smallIsCopy.get(i) ? copied : clamped).size() <= LISTED) {
                warnings.add(small.get(i));
            }
        }
        return new AugmentationPlan(schema, realCounts.clone(), added, neighbours, List.copyOf(warnings));
    }

    /** @return per class, all examples added */
    int[] syntheticCounts() {
        return added.total();
    }
}

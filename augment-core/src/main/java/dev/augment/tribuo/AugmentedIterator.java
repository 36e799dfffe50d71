package dev.augment.tribuo;

import dev.augment.data.TribuoExamples;
import dev.augment.errors.InvalidSettingException;
import dev.augment.oversample.ClassSeeds;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * One pass of an {@link AugmentingDataSource}: the source's examples unchanged, keeping those of the
 * classes that ROS or SMOTE grows; then, class by class, the examples ROS or SMOTE makes from them (class
 * seed {@link ClassSeeds#of}) followed by the GAN's (noise keyed by the seed, the class and the index).
 */
final class AugmentedIterator implements Iterator<Example<Label>> {

    private final DataSource<Label> source;
    private final Iterator<Example<Label>> real;
    private final AugmentationPlan plan;
    private final OversampledExamples oversampled;
    private final GanExamples generated;
    private final long seed;
    private final Map<String, Integer> classIndex = new HashMap<>();
    private final List<List<Example<Label>>> kept = new ArrayList<>();
    private final int[] fromReal;
    private final int[] fromGenerator;
    private final int[] realSeen;
    private final double[] realWeight;
    private final long[] drawnFromDigests;
    private final long[] contents;
    private final DrawnFromDigests firstPass;
    private Iterator<Example<Label>> current;
    private int nextStep;
    private boolean realChecked;

    /**
     * @param source the wrapped source
     * @param plan what to add
     * @param oversampled ROS or SMOTE, or null when the plan copies or interpolates nothing
     * @param generated the GAN's examples of a class (filtered or not), or null when the plan generates nothing
     * @param seed the seed
     * @param firstPass the digests of what ROS or SMOTE drew from on the source's first complete pass
     */
    AugmentedIterator(DataSource<Label> source, AugmentationPlan plan, OversampledExamples oversampled,
                      GanExamples generated, long seed, DrawnFromDigests firstPass) {
        this.source = source;
        this.real = TribuoExamples.of(source).iterator();
        this.plan = plan;
        this.oversampled = oversampled;
        this.generated = generated;
        this.seed = seed;
        this.fromReal = plan.added().fromReal();
        this.fromGenerator = plan.added().generated();
        this.realSeen = new int[fromReal.length];
        this.realWeight = new double[fromReal.length];
        this.drawnFromDigests = new long[fromReal.length];
        this.contents = new long[fromReal.length];
        this.firstPass = firstPass;
        for (int c = 0; c < fromReal.length; c++) {
            classIndex.put(plan.schema().labels().get(c), c);
            kept.add(fromReal[c] > 0 ? new ArrayList<>() : null);
        }
        this.current = real;
    }

    /** The GAN examples of one class: {@link SyntheticExamples#stream(int, int, long)}, or the filter's. */
    @FunctionalInterface
    interface GanExamples {
        /**
         * @param classIndex the class
         * @param n how many examples
         * @param seed the seed
         * @return the examples, made as they are consumed
         */
        Iterator<Example<Label>> of(int classIndex, int n, long seed);
    }

    @Override
    public boolean hasNext() {
        if (current == real && !realChecked && !real.hasNext()) {
            requireThePlansCounts();
        }
        while (!current.hasNext() && nextStep < 2 * fromReal.length) {
            int c = nextStep / 2;
            boolean generatedStep = nextStep % 2 == 1;
            nextStep++;
            if (!generatedStep && fromReal[c] > 0) {
                Label label = new Label(plan.schema().labels().get(c));
                current = oversampled.make(label, kept.get(c), fromReal[c], ClassSeeds.of(seed, c));
                kept.set(c, null);
            } else if (generatedStep && fromGenerator[c] > 0) {
                current = weighted(generated.of(c, fromGenerator[c], seed), meanWeight(c));
            } else {
                current = Collections.emptyIterator();
            }
        }
        return current.hasNext();
    }

    @Override
    public Example<Label> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more real or synthetic examples");
        }
        Example<Label> next = current.next();
        if (current == real) {
            // a copy: a dataset built of this source is the user's to change (Dataset.densify() rewrote the wrapped
            // source's own examples, and the next build mixed dense real examples with sparse generated ones; 5 Dec)
            next = next.copy();
            // the first read was checked; a later one must hold the same classes and finite values too
            TribuoExamples.requireFinite(next, Arrays.stream(realSeen).sum(), source);
            Integer c = classIndex.get(next.getOutput().getLabel());
            if (c == null) {
                throw new InvalidSettingException("source", "source gave an example of label '"
                        + next.getOutput().getLabel() + "' on this read, which it did not have when the counts to "
                        + "add were computed (classes " + plan.schema().labels() + "); it must give the same examples "
                        + "on every read (copy a one-shot source into a ListDataSource first)");
            }
            realSeen[c]++;
            realWeight[c] += next.getWeight();
            contents[c] = DrawnFromDigests.content(contents[c], next);
            if (kept.get(c) != null) {
                kept.get(c).add(next);
                drawnFromDigests[c] = DrawnFromDigests.add(drawnFromDigests[c], next);
            }
        }
        return next;
    }

    /**
     * @return the mean Tribuo weight of the class's real examples; for a class without any, the mean over every real
     *     example (1 for none at all): 1 made a class's GAN examples weigh more than any real example of data weighted
     *     0.2 and 0.6 (a Tribuo user, 6 Dec)
     */
    private float meanWeight(int c) {
        if (realSeen[c] > 0) {
            return (float) (realWeight[c] / realSeen[c]);
        }
        long seen = Arrays.stream(realSeen).sum();
        return seen == 0 ? 1f : (float) (Arrays.stream(realWeight).sum() / seen);
    }

    /**
     * @return the GAN's examples with their weight times the class's mean real weight: a generated example stands
     *     for the class as its real examples do (1 for unweighted data, where nothing changes)
     */
    private static Iterator<Example<Label>> weighted(Iterator<Example<Label>> examples, float classWeight) {
        if (classWeight == 1f) {
            return examples;
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return examples.hasNext();
            }

            @Override
            public Example<Label> next() {
                Example<Label> example = examples.next();
                example.setWeight(example.getWeight() * classWeight);
                return example;
            }
        };
    }

    /**
     * The counts to add were computed from a first read of the source; a source that gives other examples on a later
     * read (a one-shot stream, a changing file) would make them wrong without a word.
     *
     * @throws InvalidSettingException (setting "source") when this pass's class counts differ from the plan's, or
     *     the examples ROS or SMOTE draw from differ in order or values from the first complete pass's
     */
    private void requireThePlansCounts() {
        realChecked = true;
        if (!Arrays.equals(realSeen, plan.realCounts())) {
            throw new InvalidSettingException("source", "source gave "
                    + Arrays.toString(realSeen) + " examples per class on this read but "
                    + Arrays.toString(plan.realCounts()) + " when the counts to add were computed (classes "
                    + plan.schema().labels() + "); it must give the same examples on every read (copy a one-shot "
                    + "source into a ListDataSource first)");
        }
        firstPass.requireSameAsFirstPass(drawnFromDigests, contents, plan);
    }
}

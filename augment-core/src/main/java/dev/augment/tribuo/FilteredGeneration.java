package dev.augment.tribuo;

import dev.augment.data.TribuoExamples;
import dev.augment.errors.InvalidSettingException;
import dev.augment.oversample.filter.FilterClassifier;
import dev.augment.oversample.filter.FilterCounts;
import dev.augment.oversample.filter.GenerationFilter;
import dev.augment.schema.SampleSchema;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The GAN examples of an {@link AugmentingDataSource} whose method filters them ({@code ganFilter} above 1,
 * {@link GenerationFilter}). Made once, when the data source is built: a {@link FilterClassifier} learns the
 * wrapped source's real examples (never a synthetic one, rows as {@link FilterRows} gives them, seeded with the
 * data source's seed); then, for every class the GAN adds {@code n} examples to, the first
 * {@code m = ceil(factor × n)} synthetic examples of the class's stream are scored in batches and the filter
 * chooses the {@code n} to keep. Only which candidates are kept is held, one bit each; iteration generates the
 * {@code m} candidates again (the same examples, as example {@code i} comes from {@code (seed, c, i)} alone) and
 * yields the kept ones, in candidate order.
 */
final class FilteredGeneration {

    /** The plugin's filter classifier in words, for the provenance. */
    static final String CLASSIFIER = FilterClassifier.TRAINER + " (" + FilterClassifier.description(
            "the data source's seed", "the wrapped source's real examples only") + ")";

    private final SyntheticExamples synthetic;
    private final GenerationFilter filter;
    private final FilterClassifier classifier;
    private final int[] drawn;
    private final BitSet[] kept;

    private FilteredGeneration(SyntheticExamples synthetic, GenerationFilter filter, FilterClassifier classifier,
                               int[] drawn, BitSet[] kept) {
        this.synthetic = synthetic;
        this.filter = filter;
        this.classifier = classifier;
        this.drawn = drawn;
        this.kept = kept;
    }

    /**
     * @param source the wrapped source, already checked against the generator's schema
     * @param synthetic the GAN examples
     * @param generated the GAN examples to add to each class, by class index
     * @param factor candidates drawn per example kept, above 1
     * @param seed the data source's seed: of the classifier's trainer and of the GAN's noise
     * @param batchSize candidates scored per call to the classifier
     * @return the chosen candidates of every class
     * @throws InvalidSettingException (setting {@code ganFilter}) when the source has no example to learn from, real
     *     examples of one class only, or none of a class to add GAN examples to
     */
    static FilteredGeneration of(DataSource<Label> source, SyntheticExamples synthetic, int[] generated,
                                 double factor, long seed, int batchSize) {
        SampleSchema schema = synthetic.schema();
        FilterRows rows = new FilterRows(schema);
        Map<String, Integer> classIndex = new HashMap<>();
        for (int c = 0; c < schema.classCount(); c++) {
            classIndex.put(schema.labels().get(c), c);
        }
        List<float[]> realRows = new ArrayList<>();
        List<Integer> realClasses = new ArrayList<>();
        for (Example<Label> example : TribuoExamples.of(source)) {
            realRows.add(rows.row(example));
            realClasses.add(classIndex.get(example.getOutput().getLabel()));
        }
        if (realRows.isEmpty()) {
            throw new InvalidSettingException(GenerationFilter.SETTING, "ganFilter trains its classifier on the "
                    + "source's real examples, but the source has none; use ganFilter 1 (no filter)");
        }
        int[] realCounts = new int[schema.classCount()];
        realClasses.forEach(c -> realCounts[c]++);
        for (int c = 0; c < generated.length; c++) {
            // a class the classifier never saw gets the same probability for every candidate: nothing is filtered
            if (generated[c] > 0 && realCounts[c] == 0) {
                throw new InvalidSettingException(GenerationFilter.SETTING, "ganFilter keeps the generated examples "
                        + "its classifier finds most likely to be of their class, and the source has no real example "
                        + "of class '" + schema.classNames().get(c) + "' (label '" + schema.labels().get(c) + "') to "
                        + "learn it from; use ganFilter 1 (no filter) for it, or add real examples of it");
            }
        }
        if (java.util.Arrays.stream(realCounts).filter(n -> n > 0).count() < 2) {
            throw new InvalidSettingException(GenerationFilter.SETTING, "ganFilter's classifier tells classes apart, "
                    + "and the source has real examples of one class only, so every candidate would be kept as it "
                    + "comes; use ganFilter 1 (no filter)");
        }
        float[][] real = realRows.toArray(float[][]::new);
        FilterClassifier classifier = FilterClassifier.train("real examples of the wrapped source (generation filter)",
                real, realClasses.stream().mapToInt(Integer::intValue).toArray(),
                schema.labels().stream().map(Label::new).toList(), rows.examples(real), seed);
        GenerationFilter filter = new GenerationFilter(factor);
        int[] drawn = new int[generated.length];
        BitSet[] kept = new BitSet[generated.length];
        for (int c = 0; c < generated.length; c++) {
            if (generated[c] == 0) {
                continue;
            }
            try {
                drawn[c] = filter.candidates(generated[c]);
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(GenerationFilter.SETTING, "ganFilter " + factor + " asks for too "
                        + "many candidates of class '" + schema.classNames().get(c) + "': " + e.getMessage());
            }
            double[] p = scores(synthetic.stream(c, drawn[c], seed), rows, classifier, c, drawn[c], batchSize);
            boolean[] keep = filter.keep(c, generated[c], p);
            kept[c] = new BitSet(drawn[c]);
            for (int i = 0; i < keep.length; i++) {
                kept[c].set(i, keep[i]);
            }
        }
        return new FilteredGeneration(synthetic, filter, classifier, drawn, kept);
    }

    /** @return the probability of class {@code c} of each of the {@code m} candidates, scored batch by batch */
    private static double[] scores(Iterator<Example<Label>> candidates, FilterRows rows, FilterClassifier classifier,
                                   int c, int m, int batchSize) {
        double[] p = new double[m];
        int done = 0;
        while (done < m) {
            float[][] batch = new float[Math.min(batchSize, m - done)][];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = rows.row(candidates.next());
            }
            System.arraycopy(classifier.of(c, batch), 0, p, done, batch.length);
            done += batch.length;
        }
        return p;
    }

    /**
     * @param classIndex a class the GAN adds examples to
     * @param seed the data source's seed
     * @return the kept candidates of the class, generated again batch by batch, in candidate order
     */
    Iterator<Example<Label>> stream(int classIndex, long seed) {
        Iterator<Example<Label>> candidates = synthetic.stream(classIndex, drawn[classIndex], seed);
        BitSet keep = kept[classIndex];
        return new Iterator<>() {
            private int next = keep.nextSetBit(0);
            private int position;

            @Override
            public boolean hasNext() {
                return next >= 0;
            }

            @Override
            public Example<Label> next() {
                if (next < 0) {
                    throw new NoSuchElementException("every kept candidate was returned");
                }
                while (position < next) {
                    candidates.next();
                    position++;
                }
                Example<Label> example = candidates.next();
                position++;
                next = keep.nextSetBit(position);
                return example;
            }
        };
    }

    /** @return candidates drawn per example kept */
    double factor() {
        return filter.factor();
    }

    /** @return the classifier that scored the candidates */
    FilterClassifier classifier() {
        return classifier;
    }

    /**
     * The mean probability of their class, among the candidates kept, below which the classifier has not learned the
     * class and ranks its candidates by noise: a class of 1 real image among 150 gave 1.3e-264 (printed "0.00"), and
     * one of 5 images 0.00, without a word (a fresh user, 7 Dec).
     */
    static final double UNLEARNED = 0.01;

    /**
     * @return one warning per filtered class whose kept candidates' mean probability is below {@link #UNLEARNED}
     */
    List<String> warnings() {
        SampleSchema schema = synthetic.schema();
        List<String> warnings = new ArrayList<>();
        for (FilterCounts c : counts()) {
            if (c.meanKeptProbability() != null && c.meanKeptProbability() < UNLEARNED) {
                warnings.add(String.format(java.util.Locale.ROOT, "ganFilter: its classifier gives class '%s' (label "
                        + "'%s') a mean probability of %.1e even among the candidates it keeps, so it has not learned "
                        + "the class from its real examples and chose among them by noise; use ganFilter 1 (no "
                        + "filter; --gan-filter 1 on the command line), or add real examples of it",
                        schema.classNames().get(c.classIndex()), schema.labels().get(c.classIndex()),
                        c.meanKeptProbability()));
            }
        }
        return warnings;
    }

    /** @return per class the GAN adds examples to, in class order, what was drawn, kept and dropped */
    List<FilterCounts> counts() {
        return filter.counts();
    }
}

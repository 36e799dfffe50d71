package dev.augment.data;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How many test examples are also training examples: the same feature values exactly and the same class (an image of
 * another label is not one a classifier could have memorised). A judge or classifier scored on test examples it
 * trained on measures memorisation, not generalisation, so {@code evaluate} refuses more than half and notes fewer,
 * and {@code score} and {@code train}'s quality check note any (a fresh user's test/ folder held byte copies of 6 of
 * every 10 training images, and score said nothing; 5 Dec).
 */
public final class SharedExamples {

    private SharedExamples() {
    }

    /**
     * @param train the training examples
     * @param test the test examples, in the same feature space
     * @return how many test examples (counted with repeats) equal a training example of the same class; from 0 to
     *     {@code test.size()}
     */
    public static int count(DenseSamples train, DenseSamples test) {
        return overlap(train, test).shared();
    }

    /**
     * Test examples that are training examples, counted with repeats and once each.
     *
     * @param shared test examples (with repeats) that equal a training example of the same class
     * @param distinctShared distinct such examples
     * @param distinctTest distinct test examples
     */
    public record Overlap(int shared, int distinctShared, int distinctTest) {
    }

    /**
     * @param train the training examples
     * @param test the test examples, in the same feature space
     * @return the overlap with repeats ({@link #count}) and without: blank or constant images repeat in any split,
     *     where a folder read twice shares every distinct example
     */
    public static Overlap overlap(DenseSamples train, DenseSamples test) {
        Set<Row> training = new HashSet<>();
        for (int i = 0; i < train.size(); i++) {
            training.add(new Row(train.features()[i], train.classIndices()[i]));
        }
        Set<Row> tested = new HashSet<>();
        int shared = 0;
        for (int i = 0; i < test.size(); i++) {
            Row row = new Row(test.features()[i], test.classIndices()[i]);
            tested.add(row);
            shared += training.contains(row) ? 1 : 0;
        }
        return new Overlap(shared, (int) tested.stream().filter(training::contains).count(), tested.size());
    }

    /**
     * The note a quality check (score, train's check) gives about test examples it also trained its judge on.
     *
     * @param train the training examples
     * @param test the test examples
     * @param trainSource where the training examples were read, to tell one folder read twice from two copies
     * @param testSource where the test examples were read
     * @return the note, or empty when no test example is a training example
     */
    public static Optional<String> judgeNote(DenseSamples train, DenseSamples test, Object trainSource,
                                             Object testSource) {
        int shared = count(train, test);
        if (shared == 0) {
            return Optional.empty();
        }
        if (shared == test.size() && trainSource.equals(testSource)) {
            return Optional.of(testSource + " has no separate test split (e.g. train/ and test/ folders), so the "
                    + "generated samples are compared with the very examples the judge trained on: coverage and "
                    + "precision then say how close they are to the training data");
        }
        if (shared == test.size()) {
            return Optional.of("every one of the " + test.size() + " test examples of " + testSource + " is also a "
                    + "training example (the same values and class; a copy of the training data?), so the generated "
                    + "samples are compared with examples the judge trained on: coverage and precision then say how "
                    + "close they are to the training data; give a test split held out from training");
        }
        return Optional.of(String.format(Locale.ROOT, "%d of the %d test examples of %s (%.1f%%) are also training "
                + "examples (the same values and class), which the judge trained on: coverage and precision lean "
                + "toward the training data by up to that share", shared, test.size(), testSource,
                100.0 * shared / test.size()));
    }

    /** An example compared by its values and class. */
    private record Row(float[] values, int classIndex) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row other && classIndex == other.classIndex && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(values) + classIndex;
        }
    }
}

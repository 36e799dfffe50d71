package dev.augment.eval;

import dev.augment.data.DenseSamples;
import dev.augment.data.SharedExamples;
import dev.augment.errors.InvalidSettingException;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How many test examples are also training examples ({@link SharedExamples}: the same values exactly and the same
 * class), and what evaluate does about it. Every arm is
 * scored on the test set, so test examples the classifiers learned measure memorisation, not generalisation: when
 * every test example is a training example (e.g. {@code --train} and {@code --test} name one class folder, which has
 * no separate test split), or more than half of them, the evaluation is refused; when fewer are (data sets hold a
 * few duplicates), the report says how many.
 */
final class TestOverlap {

    private TestOverlap() {
    }

    /**
     * @param train the training examples
     * @param test the test examples
     * @param testPath the test data, for the message
     * @return a caveat naming the overlap when some but not all test examples are training examples
     * @throws InvalidSettingException (setting {@code test}) when more than half of the test examples are training
     *     examples, and more than half of the distinct test examples too (a few blank images repeated in both
     *     splits are a caveat, not a refusal)
     */
    static Optional<String> check(DenseSamples train, DenseSamples test, Path testPath) {
        SharedExamples.Overlap overlap = SharedExamples.overlap(train, test);
        int shared = overlap.shared();
        if (shared == 0) {
            return Optional.empty();
        }
        // blank or constant images repeat in any split: 44 of 66 held-out test images were two blank frames found in
        // training too, and the refusal told the user to hold out what they had held out (a fresh user, 6 Dec)
        boolean repeatsOnly = 2L * overlap.distinctShared() <= overlap.distinctTest();
        if (2L * shared > test.size() && !repeatsOnly) {
            String which = shared == test.size()
                    ? "every one of the " + test.size() + " test examples of " + testPath
                            + " is also a training example"
                    : shared + " of the " + test.size() + " test examples of " + testPath
                            + " are also training examples";
            throw new InvalidSettingException("test", which + ", so the scores would measure memorisation; give "
                    + "--test data held out from --train (a class folder can hold train/ and test/ subfolders)");
        }
        int distinct = overlap.distinctShared();
        String repeated = distinct < shared ? String.format(java.util.Locale.ROOT, "; they are %d distinct example%s "
                + "repeated (blank or constant images, say), which a held-out split can share", distinct,
                distinct == 1 ? "" : "s") : "";
        return Optional.of(String.format(java.util.Locale.ROOT, "%d of the %d test examples (%.1f%%) are also "
                + "training examples (the same values and class), so the scores are optimistic by up to that share%s",
                shared, test.size(), 100.0 * shared / test.size(), repeated));
    }
}

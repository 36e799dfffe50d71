package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.schema.SampleSchema;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.List;

/**
 * A test split must have the training split's features and classes: examples are matched to classes by index, so
 * {@code test/} folders {@code aardvark, bar} beside {@code train/} folders {@code bar, café} would score aardvark
 * images as bar without a word, and a colour image among grey test images would fail deep inside Tribuo.
 */
public final class SplitAgreement {

    private SplitAgreement() {
    }

    /**
     * @param train the training split's schema
     * @param test the test split's schema
     * @param testPath where the test split was read from, for the message
     * @throws InvalidDataException naming what differs: the features (with both shapes) or the classes (with both
     *     lists, and whether they differ only in Unicode normalisation, NFC against NFD)
     */
    public static void require(SampleSchema train, SampleSchema test, Path testPath) {
        if (!train.featureNames().equals(test.featureNames())) {
            throw new InvalidDataException(testPath, "test data has " + test.featureCount() + " features ("
                    + test.shape() + ") but the training data has " + train.featureCount() + " (" + train.shape()
                    + "); both must have the same features");
        }
        if (!train.labels().equals(test.labels())) {
            boolean onlyNormalisation = sortedNfc(train.labels()).equals(sortedNfc(test.labels()));
            throw new InvalidDataException(testPath, "test data has classes " + test.labels() + " but the training "
                    + "data has " + train.labels() + "; both must have the same classes" + (onlyNormalisation
                    ? " (the names look the same but are spelled with different Unicode characters: one folder's "
                    + "accented letters are decomposed, NFD, as macOS writes them, the other's composed, NFC; rename "
                    + "the folders of one split, e.g. with convmv -f utf8 -t utf8 --nfc)" : ""));
        }
    }

    private static List<String> sortedNfc(List<String> names) {
        return names.stream().map(n -> Normalizer.normalize(n, Normalizer.Form.NFC)).sorted().toList();
    }
}

package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.schema.SampleSchema;
import dev.augment.schema.UnicodeSpelling;

import java.nio.file.Path;

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
        if (!train.featureNames().equals(test.featureNames())
                || train.isImage() && test.isImage() && !train.shape().equals(test.shape())) {
            // IDX names a 14×56 image's pixels as it names a 28×28 one's: the shape tells them apart
            throw new InvalidDataException(testPath, "test data has " + test.featureCount() + " features ("
                    + test.shape() + ") but the training data has " + train.featureCount() + " (" + train.shape()
                    + "); both must have the same features" + channelsAdvice(train, test));
        }
        if (!train.labels().equals(test.labels())) {
            throw new InvalidDataException(testPath, "test data has classes " + shown(test.labels()) + " but the "
                    + "training data has " + shown(train.labels()) + "; both must have the same classes"
                    + alike(train.labels(), test.labels())
                    + (UnicodeSpelling.differOnlyInNormalisation(train.labels(), test.labels())
                    ? " (" + UnicodeSpelling.LOOK_THE_SAME + "; rename the folders of one split, "
                    + UnicodeSpelling.RENAME + ")" : UnicodeSpelling.sameNamesInAnotherOrder(train.labels(),
                    test.labels()) ? " (" + UnicodeSpelling.OTHER_ORDER + ")" : namedOtherwise(train, test)));
        }
    }

    /**
     * @return the advice when the splits' images differ only in their channels: grey training images beside the same
     *     kind saved as RGB for the test were told only that both must have the same features, as each split decides
     *     its channels from its own images (a fresh user, 7 Dec); else ""
     */
    private static String channelsAdvice(SampleSchema train, SampleSchema test) {
        if (!train.isImage() || !test.isImage() || train.channels() == test.channels()
                || Math.min(train.channels(), test.channels()) != 1
                || train.height() != test.height() || train.width() != test.width()) {
            return "";
        }
        String grey = train.channels() == 1 ? "training" : "test";
        return ": the " + grey + " images are grey (1 channel) and the others colour (" + Math.max(train.channels(),
                test.channels()) + "), as each split takes its "
                + "channels from its own images; save both splits' images in one mode (e.g. mogrify -colorspace "
                + (train.channels() == 1 ? "sRGB -type TrueColor on the training images, or -colorspace Gray on the "
                + "test images" : "Gray on the training images, or -colorspace sRGB -type TrueColor on the test "
                + "images") + ", which change them in place: work on a copy)";
    }

    /** @return the list with what a reader cannot see escaped: a zero-width space printed raw hid the difference */
    private static String shown(java.util.List<String> labels) {
        return labels.stream().map(dev.augment.table.ColumnAdvice::shown).toList().toString();
    }

    /**
     * @return "; the test split's 'cat\u200b' is the training split's 'cat' but for …" for the first test label that
     *     differs from a training label only in case, spaces or invisible characters (two lists that looked the same:
     *     a fresh user, 6 Dec), else ""
     */
    private static String alike(java.util.List<String> train, java.util.List<String> test) {
        for (String label : test) {
            if (train.contains(label)) {
                continue;
            }
            for (String other : train) {
                if (!test.contains(other) && ClassNames.fold(other).equals(ClassNames.fold(label))) {
                    return "; the test split's '" + dev.augment.table.ColumnAdvice.shown(label) + "' is the training "
                            + "split's '" + dev.augment.table.ColumnAdvice.shown(other) + "' but for case, spaces or "
                            + "invisible characters (shown escaped): rename one of the two folders";
                }
            }
        }
        return "";
    }

    /**
     * @return the advice when the test split's labels are the training split's class names (folders named
     *     {@code T-shirt_top, Trouser, …} beside Fashion-MNIST's IDX labels 0–9: the advice was only that both must
     *     have the same classes, which they had; a fresh user, 6 Dec), or its labels the training split's names
     */
    private static String namedOtherwise(SampleSchema train, SampleSchema test) {
        if (sameLoosely(train.classNames(), test.labels()) && !train.classNames().equals(train.labels())) {
            return " (the test classes are the training classes' names, " + train.classNames() + ", while the "
                    + "training data labels them " + train.labels() + ": name the test folders by label, or put a "
                    + "classes.csv beside them, index,label,name,folder per class, as augment's PNG output writes it)";
        }
        if (sameLoosely(train.labels(), test.classNames()) && !test.classNames().equals(test.labels())) {
            return " (the training classes are the test classes' names, " + test.classNames() + ", while the test "
                    + "data labels them " + test.labels() + ": give both splits the same labels)";
        }
        String testLacks = onlyInOne(train, "the test split lacks ", test);
        String trainLacks = onlyInOne(test, "the training split lacks ", train);
        // each split lacking one gave two parentheses back to back (a re-check, 7 Dec)
        return testLacks.isEmpty() && trainLacks.isEmpty() ? "" : " (" + testLacks + (testLacks.isEmpty()
                || trainLacks.isEmpty() ? "" : "; ") + trainLacks + ")";
    }

    /**
     * Ten labels against nine left the user to diff two lists to find the class a split lacked (a fresh user, 7 Dec).
     *
     * @return "the test split lacks 'Ankle boot' (label '9')" for each class of {@code has} that {@code lacks}
     *     does not have, up to three named; "" when there is none
     */
    private static String onlyInOne(SampleSchema has, String lead, SampleSchema lacks) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (int c = 0; c < has.classCount(); c++) {
            if (!lacks.labels().contains(has.labels().get(c))) {
                String label = has.labels().get(c);
                String name = has.classNames().get(c);
                missing.add("'" + name + "'" + (name.equals(label) ? "" : " (label '" + label + "')"));
            }
        }
        if (missing.isEmpty() || missing.size() == has.classCount()) {
            return "";
        }
        return lead + String.join(", ", missing.subList(0, Math.min(3, missing.size())))
                + (missing.size() > 3 ? " and " + (missing.size() - 3) + " more" : "");
    }

    /** @return whether the two lists hold the same names, in any order, case and punctuation aside */
    private static boolean sameLoosely(java.util.List<String> a, java.util.List<String> b) {
        return a.size() == b.size() && loose(a).equals(loose(b));
    }

    private static java.util.Set<String> loose(java.util.List<String> names) {
        return names.stream().map(ClassMap::looseName).collect(java.util.stream.Collectors.toSet());
    }
}

package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A test split is compared with the training split: features, an image's shape, classes. */
class SplitAgreementTest {

    private static SampleSchema images(int height, int width, List<String> labels) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < height * width; i++) {
            names.add(String.format("%03d", i));
        }
        return new SampleSchema(names, List.of(1, height, width), 0, 255, labels, labels);
    }

    @Test
    void imagesOfAnotherShapeWithTheSameFeatureNamesAreRefused() {
        // a fresh user (4 Dec): t10k images of 14×56 beside train images of 28×28 were scored without a word
        SplitAgreement.require(images(28, 28, List.of("a", "b")), images(28, 28, List.of("a", "b")), Path.of("t"));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> SplitAgreement.require(
                images(28, 28, List.of("a", "b")), images(14, 56, List.of("a", "b")), Path.of("t")));
        assertTrue(e.getMessage().contains("test data has 784 features ([1, 14, 56]) but the training data has 784 "
                + "([1, 28, 28])"), e.getMessage());
    }

    /** Grey training images beside the same kind saved as RGB were told only "same features" (a fresh user, 7 Dec). */
    @Test
    void greyAgainstColourImagesAreNamedWithTheWayToOneMode() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3 * 8 * 8; i++) {
            names.add("p" + i);
        }
        SampleSchema colour = new SampleSchema(names, List.of(3, 8, 8), 0, 255, List.of("a", "b"), List.of("a", "b"));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> SplitAgreement.require(
                images(8, 8, List.of("a", "b")), colour, Path.of("t")));
        assertTrue(e.getMessage().endsWith("both must have the same features: the training images are grey (1 "
                + "channel) and the others colour (3), as each split takes its channels from its own images; save both "
                + "splits' images in one mode (e.g. mogrify -colorspace sRGB -type TrueColor on the training images, "
                + "or -colorspace Gray on the test images, which change them in place: work on a copy)"),
                e.getMessage());
        InvalidDataException other = assertThrows(InvalidDataException.class, () -> SplitAgreement.require(
                colour, images(8, 8, List.of("a", "b")), Path.of("t")));
        assertTrue(other.getMessage().contains(": the test images are grey"), other.getMessage());
        InvalidDataException sizes = assertThrows(InvalidDataException.class, () -> SplitAgreement.require(
                colour, images(4, 4, List.of("a", "b")), Path.of("t")));
        assertTrue(sizes.getMessage().endsWith("both must have the same features"), "sizes differ too");
    }

    @Test
    void otherClassesAreRefused() {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> SplitAgreement.require(
                images(2, 2, List.of("a", "b")), images(2, 2, List.of("a", "c")), Path.of("t")));
        assertTrue(e.getMessage().contains("test data has classes [a, c] but the training data has [a, b]"),
                e.getMessage());
        assertFalse(e.getMessage().contains("names"), e.getMessage());
        // a zero-width space at the end of a test folder's name: two lists that looked the same (a fresh user, 6 Dec)
        InvalidDataException hidden = assertThrows(InvalidDataException.class, () -> SplitAgreement.require(
                images(2, 2, List.of("cat", "dog")), images(2, 2, List.of("cat\u200b", "dog")), Path.of("t")));
        assertTrue(hidden.getMessage().contains("test data has classes [cat\\u200b, dog] but the training data has "
                + "[cat, dog]; both must have the same classes; the test split's 'cat\\u200b' is the training split's "
                + "'cat' but for case, spaces or invisible characters"), hidden.getMessage());
    }

    /**
     * Test folders named by the training classes' names (T-shirt_top, …) beside Fashion-MNIST's IDX labels 0–9 were
     * told only that both splits must have the same classes, which they had (a fresh user, 6 Dec).
     */
    @Test
    void testFoldersNamedByTheTrainingClassesNamesGetTheWayToMatchThem() {
        SampleSchema train = new SampleSchema(List.of("000"), List.of(1, 1, 1), 0, 255, List.of("0", "1"),
                List.of("T-shirt/top", "Trouser"));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> SplitAgreement.require(train,
                images(1, 1, List.of("Trouser", "T-shirt_top")), Path.of("t")));
        assertTrue(e.getMessage().contains("(the test classes are the training classes' names, [T-shirt/top, "
                + "Trouser], while the training data labels them [0, 1]: name the test folders by label, or put a "
                + "classes.csv beside them"), e.getMessage());
        InvalidDataException reverse = assertThrows(InvalidDataException.class, () -> SplitAgreement.require(
                images(1, 1, List.of("trouser", "t-shirt top")), train, Path.of("t")));
        assertTrue(reverse.getMessage().contains("the training classes are the test classes' names"),
                reverse.getMessage());
    }

    /** A class one split lacks was left to be found by diffing two lists (a fresh user, 7 Dec): it is named. */
    @Test
    void aClassOneSplitLacksIsNamed() {
        SampleSchema ten = images(4, 4, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        SampleSchema named = new SampleSchema(ten.featureNames(), ten.shape(), 0, 255, ten.labels(),
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                        "Ankle boot"));
        SampleSchema nine = new SampleSchema(ten.featureNames(), ten.shape(), 0, 255, named.labels().subList(0, 9),
                named.classNames().subList(0, 9));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> SplitAgreement.require(named, nine, Path.of("t")));
        assertTrue(e.getMessage().endsWith("both must have the same classes (the test split lacks 'Ankle boot' "
                + "(label '9'))"), e.getMessage());
        InvalidDataException other = assertThrows(InvalidDataException.class,
                () -> SplitAgreement.require(nine, named, Path.of("t")));
        assertTrue(other.getMessage().endsWith("(the training split lacks 'Ankle boot' (label '9'))"),
                other.getMessage());
        // each lacking one: one parenthesis (a re-check, 7 Dec)
        SampleSchema otherNine = new SampleSchema(ten.featureNames(), ten.shape(), 0, 255, named.labels().subList(1,
                10), named.classNames().subList(1, 10));
        InvalidDataException both = assertThrows(InvalidDataException.class,
                () -> SplitAgreement.require(nine, otherNine, Path.of("t")));
        assertTrue(both.getMessage().endsWith("(the test split lacks 'T-shirt/top' (label '0'); the training split "
                + "lacks 'Ankle boot' (label '9'))"), both.getMessage());
    }
}

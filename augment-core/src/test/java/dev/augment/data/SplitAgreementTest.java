package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    @Test
    void otherClassesAreRefused() {
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> SplitAgreement.require(
                images(2, 2, List.of("a", "b")), images(2, 2, List.of("a", "c")), Path.of("t")));
        assertTrue(e.getMessage().contains("test data has classes [a, c] but the training data has [a, b]"),
                e.getMessage());
    }
}

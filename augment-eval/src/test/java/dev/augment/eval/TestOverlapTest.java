package dev.augment.eval;

import dev.augment.data.DenseSamples;
import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Test examples that are also training examples: more than half is refused, fewer is a caveat. */
class TestOverlapTest {

    private static final SampleSchema SCHEMA = new SampleSchema(List.of("a", "b"), List.of(2), 0, 1,
            List.of("x", "y"), List.of("x", "y"));

    /** Rows given as {a, b, class}. */
    private static DenseSamples rows(float[]... rows) {
        float[][] x = new float[rows.length][];
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            x[i] = new float[] {rows[i][0], rows[i][1]};
            y[i] = (int) rows[i][2];
        }
        return new DenseSamples(x, y, SCHEMA);
    }

    private static final DenseSamples TRAIN = rows(new float[] {0, 1, 0}, new float[] {1, 0, 1},
            new float[] {0.5f, 0.5f, 0});

    @Test
    void disjointDataHaveNoCaveat() {
        assertEquals(Optional.empty(), TestOverlap.check(TRAIN, rows(new float[] {0.25f, 0.5f, 0}), Path.of("t")));
    }

    @Test
    void someSharedExamplesAreCountedAndTheSameValuesOfAnotherClassAreNot() {
        Optional<String> caveat = TestOverlap.check(TRAIN, rows(new float[] {1, 0, 1}, new float[] {0, 1, 1},
                new float[] {0.25f, 0, 0}, new float[] {0, 0.25f, 1}), Path.of("t"));
        assertEquals(Optional.of("1 of the 4 test examples (25.0%) are also training examples (the same values and "
                + "class), so the scores are optimistic by up to that share"), caveat);
    }

    @Test
    void aTestSetMostlyOfTrainingExamplesIsRefusedWhateverTheirOrder() {
        InvalidSettingException all = assertThrows(InvalidSettingException.class,
                () -> TestOverlap.check(TRAIN, rows(new float[] {0.5f, 0.5f, 0}, new float[] {0, 1, 0}),
                        Path.of("data")));
        assertTrue(all.getMessage().contains("every one of the 2 test examples of data is also a training example"),
                all.getMessage());
        InvalidSettingException most = assertThrows(InvalidSettingException.class,
                () -> TestOverlap.check(TRAIN, rows(new float[] {0.5f, 0.5f, 0}, new float[] {0, 1, 0},
                        new float[] {9, 9, 1}), Path.of("data")));
        assertTrue(most.getMessage().contains("2 of the 3 test examples of data are also training examples"),
                most.getMessage());
    }

    /**
     * 44 of 66 held-out test images were two blank frames that training holds too: refused, told to hold out data
     * already held out (a fresh user, 6 Dec). A few distinct examples repeated are a caveat; a copy is still refused.
     */
    @Test
    void aFewDistinctExamplesRepeatedInBothSplitsAreACaveatNotARefusal() {
        float[][] test = new float[10][];
        for (int i = 0; i < test.length; i++) {
            // six copies of two training examples (a blank and a white frame), four distinct held-out examples
            test[i] = i < 3 ? new float[] {0, 1, 0} : i < 6 ? new float[] {1, 0, 1} : new float[] {0.1f * i, 0.3f, 0};
        }
        Optional<String> caveat = TestOverlap.check(TRAIN, rows(test), Path.of("t"));
        assertEquals(Optional.of("6 of the 10 test examples (60.0%) are also training examples (the same values and "
                + "class), so the scores are optimistic by up to that share; they are 2 distinct examples repeated "
                + "(blank or constant images, say), which a held-out split can share"), caveat);
        // the same share of distinct examples shared is the training data given again
        assertThrows(InvalidSettingException.class, () -> TestOverlap.check(TRAIN, rows(new float[] {0, 1, 0},
                new float[] {1, 0, 1}, new float[] {0.9f, 0.3f, 0}), Path.of("t")));
    }
}

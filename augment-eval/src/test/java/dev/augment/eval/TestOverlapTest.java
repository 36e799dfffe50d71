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

/** Test examples that are also training examples: all of them is refused, some of them is a caveat. */
class TestOverlapTest {

    private static final SampleSchema SCHEMA = new SampleSchema(List.of("a", "b"), List.of(2), 0, 1,
            List.of("x", "y"), List.of("x", "y"));

    private static DenseSamples rows(float[]... rows) {
        int[] classes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            classes[i] = i % 2;
        }
        return new DenseSamples(rows, classes, SCHEMA);
    }

    @Test
    void disjointDataHaveNoCaveat() {
        assertEquals(Optional.empty(), TestOverlap.check(rows(new float[] {0, 1}, new float[] {1, 0}),
                rows(new float[] {0.5f, 0.5f}), Path.of("t")));
    }

    @Test
    void someSharedExamplesAreCounted() {
        Optional<String> caveat = TestOverlap.check(rows(new float[] {0, 1}, new float[] {1, 0}),
                rows(new float[] {1, 0}, new float[] {0.5f, 0.5f}, new float[] {0.25f, 0}, new float[] {0, 0.25f}),
                Path.of("t"));
        assertEquals(Optional.of("1 of the 4 test examples (25.0%) are also training examples (the same values), so "
                + "the scores are optimistic by up to that share"), caveat);
    }

    @Test
    void aTestSetOfTrainingExamplesIsRefusedWhateverTheirOrderAndLabels() {
        DenseSamples train = rows(new float[] {0, 1}, new float[] {1, 0}, new float[] {0.5f, 0.5f});
        DenseSamples test = new DenseSamples(new float[][] {{0.5f, 0.5f}, {0, 1}}, new int[] {1, 1}, SCHEMA);
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> TestOverlap.check(train, test, Path.of("data")));
        assertTrue(e.getMessage().contains("every one of the 2 test examples of data is also a training example"),
                e.getMessage());
        DenseSamples mostly = new DenseSamples(new float[][] {{0.5f, 0.5f}, {0, 1}, {9, 9}}, new int[] {1, 1, 0},
                SCHEMA);
        InvalidSettingException most = assertThrows(InvalidSettingException.class,
                () -> TestOverlap.check(train, mostly, Path.of("data")));
        assertTrue(most.getMessage().contains("2 of the 3 test examples of data are also training examples"),
                most.getMessage());
    }
}

package dev.augment.eval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An image evaluation's test split with very few examples of a class gets the caveat the table path gives. */
class SmallTestClassesTest {

    @Test
    void aClassOfFewerThanFiveTestExamplesIsNamed() {
        String caveat = Evaluation.smallTestClasses(new int[] {1, 12, 4}, List.of("a", "b", "c")).orElseThrow();
        assertTrue(caveat.startsWith("the test split holds fewer than 5 examples of 2 classes ('a' 1, 'c' 4)"),
                caveat);
        assertEquals(Optional.empty(), Evaluation.smallTestClasses(new int[] {5, 0, 50}, List.of("a", "b", "c")),
                "five are enough, and a class with none is another matter");
    }

    /** A caveat of 120 classes named every one, 1 463 characters on a line (a fresh user, 6 Dec). */
    @Test
    void manyClassesAreNamedTenAndCounted() {
        int[] counts = new int[120];
        java.util.Arrays.fill(counts, 3);
        List<String> names = java.util.stream.IntStream.range(0, 120).mapToObj(i -> "c" + i).toList();
        String caveat = Evaluation.smallTestClasses(counts, names).orElseThrow();
        assertTrue(caveat.startsWith("the test split holds fewer than 5 examples of 120 classes ('c0' 3, 'c1' 3, "),
                caveat);
        assertTrue(caveat.contains("'c9' 3 and 110 more): "), caveat);
        assertTrue(caveat.length() < 400, caveat);
    }
}

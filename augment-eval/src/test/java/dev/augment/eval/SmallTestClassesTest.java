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
}

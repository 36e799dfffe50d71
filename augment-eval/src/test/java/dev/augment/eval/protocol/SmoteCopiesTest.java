package dev.augment.eval.protocol;

import dev.augment.oversample.Smote;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmoteCopiesTest {

    @Test
    void aClassWithOneTrainingExampleInSomeSeedIsNamedWhenAnArmUsesSmote() {
        List<String> names = List.of("T-shirt", "Dress", "Coat");
        List<int[]> counts = List.of(new int[] {50, 2, 50}, new int[] {50, 1, 50});
        Optional<String> caveat = SmoteCopies.caveat(counts, true, names, List.of(Arm.REAL, Arm.SMOTE, Arm.GAN));
        assertTrue(caveat.orElseThrow().startsWith("'Dress' has one training example in a seed's split; SMOTE has no "
                + "neighbour to interpolate with and copies it"), caveat.orElseThrow());
        assertEquals(Optional.empty(), SmoteCopies.caveat(counts, true, names, List.of(Arm.REAL, Arm.OVERSAMPLING)),
                "no arm uses SMOTE");
        assertEquals(Optional.empty(), SmoteCopies.caveat(List.of(new int[] {50, 2, 50}), true, names,
                List.of(Arm.SMOTE)));
    }

    /**
     * With one example of every class (low-data, {@code --per-class 1}) the augmenting arms double every class, so
     * SMOTE copies each one and equals random oversampling; the caveat used to stay silent there (a fresh user, 4 Dec).
     */
    @Test
    void aBalancedSplitOfOneExampleAClassIsNamedToo() {
        List<String> names = List.of("T-shirt", "Dress", "Coat");
        Optional<String> caveat = SmoteCopies.caveat(List.of(new int[] {1, 1, 1}), true, names, List.of(Arm.SMOTE));
        assertTrue(caveat.orElseThrow().startsWith("'T-shirt', 'Dress', 'Coat' have one training example"),
                caveat.orElseThrow());
        assertEquals(Optional.empty(), SmoteCopies.caveat(List.of(new int[] {2, 2, 2}), true, names,
                List.of(Arm.SMOTE)));
    }

    /** 100 classes of two rows were one caveat line of 100 names (a fresh user, 7 Dec): ten, and a count. */
    @Test
    void manyClassesAreNamedTenAndCounted() {
        List<String> names = java.util.stream.IntStream.range(0, 30).mapToObj(i -> "c" + i).toList();
        int[] ones = new int[30];
        java.util.Arrays.fill(ones, 1);
        assertTrue(SmoteCopies.caveat(List.of(ones), true, names, List.of(Arm.SMOTE)).orElseThrow().startsWith(
                "'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9' and 20 more have one training example"));
        int[] twos = new int[30];
        java.util.Arrays.fill(twos, 2);
        assertTrue(SmoteCopies.clampedK(List.of(twos), true, names, List.of(Arm.SMOTE), "SMOTE").orElseThrow()
                .contains("'c9' (k = 1) and 20 more have at most 5 training examples"));
    }

    /** An evaluation's report said "k = 5" of classes of two to five training examples (a fresh user, 6 Dec). */
    @Test
    void classesSmoteInterpolatesWithFewerNeighboursAreNamedWithTheKUsed() {
        List<String> names = List.of("T-shirt", "Dress", "Coat", "Bag");
        List<int[]> counts = List.of(new int[] {50, 2, 4, 6}, new int[] {50, 3, 4, 5});
        Optional<String> caveat = SmoteCopies.clampedK(counts, true, names, List.of(Arm.REAL, Arm.HYBRID), "SMOTE");
        assertEquals("'Dress' (k = 1–2), 'Coat' (k = 3), 'Bag' (k = 4) have at most 5 training examples in a seed's "
                + "split, so SMOTE interpolates there with k = the class size − 1 neighbours instead of 5",
                caveat.orElseThrow());
        assertEquals(Optional.empty(), SmoteCopies.clampedK(counts, true, names, List.of(Arm.REAL, Arm.GAN), "SMOTE"),
                "no arm uses SMOTE");
        assertEquals(Optional.empty(), SmoteCopies.clampedK(List.of(new int[] {50, 1, 6}), true, names.subList(0, 3),
                List.of(Arm.SMOTE), "SMOTE"), "one example is the copies caveat's, six examples have five neighbours");
        assertEquals(4, Smote.withDefaults(1L).neighboursUsed(5), "what the caveat says is what SMOTE does");
    }

    @Test
    void whatTheCaveatSaysIsWhatSmoteDoes() {
        float[][] one = {{3f, 7f}};
        float[][] made = Smote.withDefaults(5L).oversample(one, 4);
        for (float[] row : made) {
            assertArrayEquals(one[0], row, "a copy of the one example");
        }
    }
}

package dev.augment.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same names in another order were blamed on NFD spelling, with a convmv fix that did nothing (5 Dec). */
class UnicodeSpellingTest {

    @Test
    void anotherOrderIsNotANormalisationDifference() {
        assertTrue(UnicodeSpelling.sameNamesInAnotherOrder(List.of("b", "a"), List.of("a", "b")));
        assertFalse(UnicodeSpelling.differOnlyInNormalisation(List.of("b", "a"), List.of("a", "b")));
        // Zürich decomposed (as macOS names folders) sorts after Zurich-like names: a spelling difference
        List<String> composed = List.of("Z\u00fcrich", "Bern");
        List<String> decomposed = List.of("Bern", "Zu\u0308rich");
        assertTrue(UnicodeSpelling.differOnlyInNormalisation(composed, decomposed));
        assertFalse(UnicodeSpelling.sameNamesInAnotherOrder(composed, decomposed));
        assertFalse(UnicodeSpelling.sameNamesInAnotherOrder(List.of("a", "b"), List.of("a", "b")), "the same order");
    }
}

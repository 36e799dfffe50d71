package dev.augment.eval.protocol;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The imbalanced scenario's minority classes resolve by name, label or index, as generate's classes do. */
class MinorityClassesTest {

    private static final SampleSchema SCHEMA = new SampleSchema(List.of("f"), List.of(1), 0, 1,
            List.of("0", "1", "2", "3"), List.of("T-shirt/top", "Trouser", "A B", "a-b"));

    @Test
    void namesLabelsAndIndicesPickTheSameClasses() {
        Scenario byIndex = new Scenario(Scenario.Kind.IMBALANCED, List.of("0", "3"), 0.5, 0);
        Scenario byName = new Scenario(Scenario.Kind.IMBALANCED, List.of("t-shirt/top", " a-b "), 0.5, 0);
        assertEquals(Set.of(0, 3), byIndex.minorityIndices(SCHEMA));
        assertEquals(Set.of(0, 3), byName.minorityIndices(SCHEMA), "exact 'a-b' beats the loose match of 'A B'");
        int[] labels = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 3, 3};
        assertArrayEquals(byIndex.select(labels, SCHEMA, 7L), byName.select(labels, SCHEMA, 7L));
        assertEquals(2 + 2 + 2 + 2, byName.select(labels, SCHEMA, 7L).length, "half of classes 0 and 3 kept");
    }

    /**
     * A share rounds to whole examples, at least 1, and the report said only the share, printed as binary rounding
     * left it ("1.0000000000000001E-7%"): a fresh user, 4 Dec. It now says the share plainly and what was kept.
     */
    @Test
    void theDescriptionSaysWhatEachMinorityClassReallyKeeps() {
        int[] available = {100, 100, 100, 100};
        assertEquals("imbalanced: classes [T-shirt/top, a-b] keep 1.5% of their examples (kept: T-shirt/top 2 of 100, "
                + "a-b 2 of 100)", new Scenario(Scenario.Kind.IMBALANCED, List.of("0", "3"), 0.015, 0)
                .describe(SCHEMA, available));
        assertEquals("imbalanced: classes [T-shirt/top] keep 0.0000001% of their examples (kept: T-shirt/top 1 of 100)",
                new Scenario(Scenario.Kind.IMBALANCED, List.of("0"), 1e-9, 0).describe(SCHEMA, available));
        int[] labels = new int[400];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / 100;
        }
        assertEquals(301, new Scenario(Scenario.Kind.IMBALANCED, List.of("0"), 1e-9, 0).select(labels, SCHEMA, 3L)
                .length, "what the description says is what the split keeps");
        assertEquals("imbalanced: classes [0] keep 2% of their examples",
                new Scenario(Scenario.Kind.IMBALANCED, List.of("0"), 0.02, 0).describe());
    }

    @Test
    void unknownOrAmbiguousMinorityClassesNameTheSetting() {
        InvalidSettingException unknown = assertThrows(InvalidSettingException.class,
                () -> new Scenario(Scenario.Kind.IMBALANCED, List.of("trousers"), 0.5, 0).minorityIndices(SCHEMA));
        assertEquals("minority", unknown.setting());
        assertTrue(unknown.getMessage().startsWith("minority 'trousers' is not a class of the training data; did you "
                + "mean 'Trouser'?"), unknown.getMessage());
        InvalidSettingException ambiguous = assertThrows(InvalidSettingException.class,
                () -> new Scenario(Scenario.Kind.IMBALANCED, List.of("ab"), 0.5, 0).minorityIndices(SCHEMA));
        assertTrue(ambiguous.getMessage().contains("'A B' (index 2), 'a-b' (index 3)"), ambiguous.getMessage());
        assertThrows(InvalidSettingException.class,
                () -> new Scenario(Scenario.Kind.IMBALANCED, List.of("4"), 0.5, 0).minorityIndices(SCHEMA));
        InvalidSettingException twice = assertThrows(InvalidSettingException.class,
                () -> new Scenario(Scenario.Kind.IMBALANCED, List.of("0", "T-shirt/top"), 0.5, 0)
                        .minorityIndices(SCHEMA));
        assertTrue(twice.getMessage().contains("twice ('0' and 'T-shirt/top')"), twice.getMessage());
        InvalidSettingException same = assertThrows(InvalidSettingException.class,
                () -> new Scenario(Scenario.Kind.IMBALANCED, List.of("Trouser", "Trouser"), 0.5, 0)
                        .minorityIndices(SCHEMA));
        assertTrue(same.getMessage().contains("twice ('Trouser' and 'Trouser')"), same.getMessage());
    }

    /** The low-data refusal named the class by index only, though it has a name (a fresh user, 4 Dec). */
    @Test
    void aLowDataCountAboveAClassSizeNamesTheClass() {
        int[] labels = {0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 3};
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new Scenario(Scenario.Kind.LOW_DATA, List.of(), 0, 3).select(labels, SCHEMA, 1L));
        assertEquals("perClass", e.setting());
        assertTrue(e.getMessage().contains("3 asks for more examples than class 1 ('Trouser') has in train (2); "
                + "choose at most 2"), e.getMessage());
        assertEquals(8, new Scenario(Scenario.Kind.LOW_DATA, List.of(), 0, 2).select(labels, SCHEMA, 1L).length);
    }
}

package dev.augment.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** inspect's class table padded CJK names by characters, one column short each (a fresh user, 7 Dec). */
class TerminalColumnsTest {

    @Test
    void wideCharactersTakeTwoColumnsAndCombiningMarksNone() {
        assertEquals(2, TerminalColumns.of("猫"));
        assertEquals(4, TerminalColumns.of("犬a" + "\u0301" + "b"));
        assertEquals(5, TerminalColumns.of("Sneak"));
        assertEquals("犬   |", TerminalColumns.padded("犬", 5) + "|");
        assertEquals("Bag  |", TerminalColumns.padded("Bag", 5) + "|");
        assertEquals("Sandals|", TerminalColumns.padded("Sandals", 5) + "|");
    }
}

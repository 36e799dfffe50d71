package dev.augment.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Where a model's recorded training source lies against the test path. */
class LeakageGuardTest {

    /**
     * Compared as text, a model of {@code /data-extra} was one of {@code /data}'s: only the "(train split)" every image
     * model recorded hid it, until a flat folder's model recorded no split (6 Dec).
     */
    @Test
    void aSourceIsInsideTheTestPathByPathElementsNotByText() {
        assertTrue(LeakageGuard.within("/data/flat", Path.of("/data")));
        assertTrue(LeakageGuard.within("/data", Path.of("/data/")));
        assertTrue(LeakageGuard.within("/data/a less a stratified validation split", Path.of("/data")),
                "the text after the path is not part of it");
        assertTrue(LeakageGuard.within("/data (train split)", Path.of("/data")));
        assertFalse(LeakageGuard.within("/data-extra", Path.of("/data")));
        assertFalse(LeakageGuard.within("/data-extra (train split)", Path.of("/data")));
    }
}

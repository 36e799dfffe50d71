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
        // a folder whose name holds " (" was cut inside its name (a re-check, 6 Dec night)
        assertTrue(LeakageGuard.within("/data/set (v2)/test", Path.of("/data/set (v2)/test")));
        assertFalse(LeakageGuard.within("/data/set (v2)/train (train split)", Path.of("/data/set (v2)/test")));
    }

    /** A test folder reached through a link was not seen as the recorded (real) training path. */
    @Test
    void aTestFolderReachedThroughALinkIsItsRealPath(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path plain = java.nio.file.Files.createDirectories(dir.resolve("plain").resolve("test"));
        Path link = java.nio.file.Files.createSymbolicLink(dir.resolve("link"), dir.resolve("plain"));
        assertTrue(LeakageGuard.within(plain.toRealPath().toString(), link.resolve("test")));
    }
}

package dev.augment.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MountPointsTest {

    @TempDir
    Path dir;

    @Test
    void theRootAndProcAreMountPoints() throws IOException {
        assertTrue(MountPoints.isMountPoint(Path.of("/")));
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc here");
        assertTrue(MountPoints.isMountPoint(Path.of("/proc")));
        Path link = Files.createSymbolicLink(dir.resolve("proc-link"), Path.of("/proc"));
        assertTrue(MountPoints.isMountPoint(link), "a link is followed to the mount point");
    }

    @Test
    void anOrdinaryFolderAFileAndAMissingPathAreNot() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertFalse(MountPoints.isMountPoint(folder));
        assertFalse(MountPoints.isMountPoint(Files.writeString(folder.resolve("f.txt"), "x")));
        assertFalse(MountPoints.isMountPoint(dir.resolve("missing")));
    }

    @Test
    void theMountTablesEscapesAreUndone() {
        assertEquals("/mnt/my disk\\x", MountPoints.unescape("/mnt/my\\040disk\\134x"));
        assertEquals("/a\\9", MountPoints.unescape("/a\\9"), "a backslash without three octal digits stays");
    }
}

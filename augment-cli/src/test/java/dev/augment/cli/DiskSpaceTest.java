package dev.augment.cli;

import dev.augment.errors.EnvironmentException;
import dev.augment.generate.output.OutputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskSpaceTest {

    @TempDir
    Path dir;

    @Test
    void lowerBoundsFollowEachFormatsLayout() {
        assertEquals(785, DiskSpace.minimumBytesPerSample(OutputFormat.IDX, 784));
        assertEquals(1570, DiskSpace.minimumBytesPerSample(OutputFormat.CSV, 784));
        assertEquals(841, DiskSpace.minimumBytesPerSample(OutputFormat.PNG, 784));
    }

    /** 40 000 PNGs of 900 bytes took 160 MB on tmpfs and ext4, where the check counted 36 MB (a fresh user, 7 Dec). */
    @Test
    void aPngTakesWholeBlocksWhereTheFileSystemGivesThem() {
        assertEquals(4096, DiskSpace.onDisk("ext4", 4096, 841));
        assertEquals(8192, DiskSpace.onDisk("tmpfs", 4096, 4097));
        assertEquals(4096, DiskSpace.onDisk("xfs", 4096, 4096));
        assertEquals(841, DiskSpace.onDisk("btrfs", 4096, 841), "btrfs keeps a small file in its metadata");
        assertEquals(841, DiskSpace.onDisk("ext4", 0, 841), "a block size not told");
    }

    @Test
    void sizesReadInGigabytesOrBelowOneInMegabytes() {
        assertEquals("31.4 GB", DiskSpace.size(31_400_000_000L));
        assertEquals("1.9 MB", DiskSpace.size(1_900_000));
        assertEquals("15.7 PB", DiskSpace.size(15_700_000_000_000_000L));
        assertEquals("2.0 TB", DiskSpace.size(2_000_000_000_000L));
        assertEquals("812 bytes", DiskSpace.size(812), "a nearly full disk is not '0.0 MB'");
        assertEquals("1 byte", DiskSpace.size(1));
        assertEquals("45.3 kB", DiskSpace.size(45_300));
    }

    @Test
    void aWriteLargerThanTheDiskIsRefusedAndOneThatFitsIsNot() {
        var schema = TestModels.imageSchema(List.of("a", "b"), 28);
        Path out = dir.resolve("not-yet").resolve("out");
        assertDoesNotThrow(() -> DiskSpace.requireRoom(out, OutputFormat.IDX, schema.featureCount(), 1000));
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> DiskSpace.requireRoom(out, OutputFormat.IDX, schema.featureCount(), Long.MAX_VALUE / 2));
        assertTrue(e.getMessage().startsWith("not enough free disk space: "), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), "names the nearest existing folder: " + e.getMessage());
        assertTrue(!e.getMessage().contains("earlier output"), e.getMessage());
        // the byte count stops at the largest long: "at least 9.2 EB" was a byte a sample (a fresh user, 7 Dec)
        assertTrue(e.getMessage().contains(" samples as idx need more than 9.2 EB, but"), e.getMessage());
        EnvironmentException some = assertThrows(EnvironmentException.class,
                () -> DiskSpace.requireRoom(out, OutputFormat.IDX, schema.featureCount(), 1_000_000_000_000L));
        assertTrue(some.getMessage().contains(" samples as idx need at least 785.0 TB, but"), some.getMessage());
    }

    /** A forced run over an output of the same size was refused without saying both must fit (helper o13, 6 Dec). */
    @Test
    void aRefusalOverAnExistingOutputSaysBothMustFit() throws java.io.IOException {
        var schema = TestModels.imageSchema(List.of("a", "b"), 28);
        Path out = java.nio.file.Files.createDirectories(dir.resolve("earlier"));
        EnvironmentException e = assertThrows(EnvironmentException.class,
                () -> DiskSpace.requireRoom(out, OutputFormat.IDX, schema.featureCount(), Long.MAX_VALUE / 2));
        assertTrue(e.getMessage().contains("but the disk of " + out + " has ") && e.getMessage().contains(" free (a "
                + "forced run keeps the earlier output there until the new one is complete, so both must fit); ask "
                + "for fewer samples or write to another disk (--out)"), e.getMessage());
    }
}

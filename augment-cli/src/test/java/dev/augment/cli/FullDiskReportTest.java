package dev.augment.cli;

import dev.augment.errors.EnvironmentException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which errors are said as a full disk under the command's own outputs. */
class FullDiskReportTest {

    @Test
    void aFullDiskWhileWritingIsSaidAsOne() {
        assertTrue(AugmentCli.reportsAsFullDisk(new UncheckedIOException(new IOException("No space left on device"))));
        assertFalse(AugmentCli.reportsAsFullDisk(new IllegalStateException("other")));
        // a file over FAT32's 4 GB or ulimit -f was the bug's tail, naming no file (a fresh user, 6 Dec)
        assertTrue(AugmentCli.reportsAsFullDisk(new UncheckedIOException(new IOException("File too large"))));
    }

    /** A full DJL_CACHE_DIR was reported as a full disk under --out, which had 78 GB free (a fresh user, 5 Dec). */
    @Test
    void anEnvironmentErrorKeepsItsOwnMessageNamingThePlace() {
        assertFalse(AugmentCli.reportsAsFullDisk(new EnvironmentException("DJL's PyTorch engine could not be loaded "
                + "(IOException: No space left on device); DJL unpacks it into DJL_CACHE_DIR")));
    }
}

package dev.augment.spark;

import dev.augment.errors.InvalidSettingException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The last step of a Parquet write, without Spark: renaming the written folder into place. */
class ParquetOutputTest {

    @TempDir
    java.nio.file.Path dir;

    /**
     * Two runs writing one new target: both passed the first check, and the second one's rename moved its folder
     * inside the first one's output, reported as written (a fresh user, 2 Dec). Now the second is refused.
     */
    @Test
    void aTargetThatAppearedWhileWritingIsNeverWrittenInto() throws IOException {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        java.nio.file.Path mine = written();
        java.nio.file.Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve("part-0.parquet"), "theirs");

        InvalidSettingException refused = assertThrows(InvalidSettingException.class, () -> ParquetOutput.moveIntoPlace(
                fs, qualified(fs, mine), qualified(fs, target), target, "out", false));
        assertTrue(refused.getMessage().contains("appeared while this run was writing"), refused.getMessage());
        assertEquals("theirs", Files.readString(target.resolve("part-0.parquet")));
        try (var entries = Files.list(target)) {
            assertEquals(1, entries.count(), "nothing was moved inside the other run's output");
        }

        java.nio.file.Path fresh = dir.resolve("fresh");
        ParquetOutput.moveIntoPlace(fs, qualified(fs, mine), qualified(fs, fresh), fresh, "fresh", false);
        assertEquals("mine", Files.readString(fresh.resolve("part-1.parquet")));
        assertFalse(Files.exists(mine));
    }

    /** Files a user put into the target while the job ran were deleted with the old output (a fresh user, 2 Dec). */
    @Test
    void forcedTheTargetIsCheckedAgainJustBeforeItIsReplaced() throws IOException {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        java.nio.file.Path mine = written();
        java.nio.file.Path target = Files.createDirectories(dir.resolve("out"));
        Files.writeString(target.resolve(ParquetOutput.MARKER), "written by augment spark-generate\n");
        java.nio.file.Path notes = Files.writeString(target.resolve("results-notes.txt"), "added while the job ran");

        InvalidSettingException refused = assertThrows(InvalidSettingException.class, () -> ParquetOutput.moveIntoPlace(
                fs, qualified(fs, mine), qualified(fs, target), target, "out", true));
        assertTrue(refused.getMessage().contains("holds 'results-notes.txt'"), refused.getMessage());
        assertEquals("added while the job ran", Files.readString(notes));

        Files.delete(notes);
        ParquetOutput.moveIntoPlace(fs, qualified(fs, mine), qualified(fs, target), target, "out", true);
        assertEquals("mine", Files.readString(target.resolve("part-1.parquet")));
        assertFalse(Files.exists(target.resolve(ParquetOutput.MARKER)), "the old output went");
    }

    @Test
    void sparkOutputNamesAreTheOnlyOnesReplacedWhenForced() {
        String part = "part-00000-0b1a2c3d-4e5f-6071-8293-a4b5c6d7e8f9-c000.snappy.parquet";
        for (String name : new String[] {part, "." + part + ".crc", "_SUCCESS", "._SUCCESS.crc", "_committed_123",
                "_started_123", ParquetOutput.MARKER, "." + ParquetOutput.MARKER + ".crc"}) {
            assertTrue(ParquetOutput.SPARK_OUTPUT.matcher(name).matches(), name);
        }
        for (String name : new String[] {"notes.txt", "thesis.docx", ".bashrc", "SUCCESS", "data.parquet",
                "part-1-intro.docx", "part-2.docx", "part-00000-notes.parquet"}) {
            assertFalse(ParquetOutput.SPARK_OUTPUT.matcher(name).matches(), name);
        }
    }

    /**
     * /proc passes the checks of permissions and read-only file systems and then refuses a new folder: it was told as a
     * full disk ("ask for fewer samples", exit 1) where {@code generate} names the folder (a fresh user, 6 Dec).
     */
    @Test
    void aParentThatRefusesNewFoldersIsNamedBeforeAnyWork() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(java.nio.file.Path.of("/proc/self")));
        InvalidSettingException refused = assertThrows(InvalidSettingException.class,
                () -> ParquetOutput.checkTarget("/proc/augment-out", false, new Configuration()));
        assertTrue(refused.getMessage().endsWith("/proc/augment-out: /proc does not let a folder be created in it (a "
                + "system folder such as /proc, or its permissions); choose another folder"), refused.getMessage());
        ParquetOutput.checkTarget(dir.resolve("out").toString(), false, new Configuration());
        try (var entries = Files.list(dir)) {
            assertEquals(0, entries.count(), "the probe folder is gone");
        }
    }

    /** A timestamped relative name was Java's "Relative path in absolute URI" (a fresh user, 6 Dec). */
    @Test
    void aColonInARelativeNameIsNamedAsInAnyOther() {
        for (String target : new String[] {"run-2026-12-06T08:00", "out/run-08:00", "./run-08:00"}) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> ParquetOutput.checkTarget(target, false, new Configuration()));
            assertTrue(e.getMessage().contains(" has a ':' in the name 'run-"), e.getMessage());
            assertTrue(e.getMessage().endsWith("which Hadoop's paths cannot hold; choose a name without one"),
                    e.getMessage());
        }
    }

    /** @return a temporary folder as this run's write leaves it, holding one part file reading "mine" */
    private java.nio.file.Path written() throws IOException {
        java.nio.file.Path mine = Files.createDirectories(dir.resolve(".out.tmp-mine"));
        Files.writeString(mine.resolve("part-1.parquet"), "mine");
        return mine;
    }

    private static Path qualified(FileSystem fs, java.nio.file.Path path) {
        return fs.makeQualified(new Path(path.toAbsolutePath().toString()));
    }
}

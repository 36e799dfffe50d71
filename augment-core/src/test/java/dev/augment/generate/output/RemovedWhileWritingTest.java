package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A file removed from the temporary folder while its writer wrote on through the open stream: the folder was moved
 * into place without it, exit 0 (a re-check, 7 Dec).
 */
class RemovedWhileWritingTest {

    private static final SampleSchema SCHEMA = TestSchemas.image(1, 2, 2, 0, 255, List.of("a", "b"));

    @Test
    void anIdxFileRemovedWhileWritingFailsTheFinish(@TempDir Path dir) throws IOException {
        try (SampleWriter writer = new IdxSampleWriter(dir, SCHEMA, 2)) {
            writer.write(0, new float[8], 2);
            Files.delete(dir.resolve(IdxSampleWriter.IMAGES_FILE));
            IOException e = assertThrows(IOException.class, writer::finish);
            assertTrue(e.getMessage().startsWith("the temporary folder's " + IdxSampleWriter.IMAGES_FILE
                    + " was removed while this run wrote it"), e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("classes.csv")));
    }

    @Test
    void aCsvFileRemovedWhileWritingFailsTheFinish(@TempDir Path dir) throws IOException {
        try (SampleWriter writer = new CsvSampleWriter(dir, SCHEMA)) {
            writer.write(1, new float[4], 1);
            Files.delete(dir.resolve(CsvSampleWriter.FILE));
            IOException e = assertThrows(IOException.class, writer::finish);
            assertTrue(e.getMessage().contains(CsvSampleWriter.FILE + " was removed"), e.getMessage());
        }
        // and left alone, both finish
        Path whole = Files.createDirectories(dir.resolve("whole"));
        try (SampleWriter writer = new CsvSampleWriter(whole, SCHEMA)) {
            writer.write(1, new float[4], 1);
            writer.finish();
        }
        assertTrue(Files.exists(whole.resolve("classes.csv")));
    }

    /** --out's parent renamed mid-run was "samples.csv was removed", of a file moved whole (a fresh user, 7 Dec). */
    @Test
    void aTemporaryFolderMovedAwayIsSaidToBeGone(@TempDir Path dir) throws IOException {
        Path parent = Files.createDirectories(dir.resolve("rp"));
        Path work = Files.createDirectories(parent.resolve(".o.tmp-1"));
        try (SampleWriter writer = new CsvSampleWriter(work, SCHEMA)) {
            writer.write(1, new float[4], 1);
            Files.move(parent, dir.resolve("rp2"));
            IOException e = assertThrows(IOException.class, writer::finish);
            assertTrue(e.getMessage().startsWith("the temporary folder " + work + " is gone: it, or a folder holding "
                    + "it, was moved or removed while this run wrote"), e.getMessage());
            assertTrue(e.getMessage().contains("if it was moved, delete the .o.tmp-1 folder it took along"),
                    e.getMessage());
        }
    }
}

package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The wrote line's folder listing: the entries on disk, sorted, folders marked, on one line whatever the name. */
class FolderListingTest {

    @TempDir
    Path dir;

    @Test
    void namesTheEntriesOnDiskSortedWithFoldersMarked() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("report.json"), "{}");
        Files.createDirectory(out.resolve("generators"));
        Files.writeString(out.resolve("gains.png"), "");
        assertEquals(out + " (gains.png, generators/, report.json)", FolderListing.named(out));
        assertEquals(dir.resolve("absent").toString(), FolderListing.named(dir.resolve("absent")),
                "a folder that cannot be listed is named alone");
    }

    @Test
    void aLineBreakInTheFoldersNameIsEscapedSoTheLineStaysOne() throws Exception {
        Path out = Files.createDirectory(dir.resolve("two\nlines"));
        Files.writeString(out.resolve("report.txt"), "");
        String line = FolderListing.named(out);
        assertEquals(1, line.lines().count(), line);
        assertEquals((dir + "/two\\nlines (report.txt)"), line);
    }
}

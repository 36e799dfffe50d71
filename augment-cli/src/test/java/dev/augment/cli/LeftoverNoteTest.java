package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that turned read-only mid-run left 3 840 PNGs in the hidden temporary output, and the line named only the
 * file that failed (a fresh user, 7 Dec): a temporary output still there is named.
 */
class LeftoverNoteTest {

    @Test
    void aTemporaryOutputStillThereIsNamed(@TempDir Path dir) throws IOException {
        Path work = Files.createDirectories(dir.resolve(".o.tmp-vm-1-abc").resolve("Bag"));
        String file = work.resolve("003841.png").toString();
        assertEquals("; the partial output " + dir.resolve(".o.tmp-vm-1-abc") + " is still there: delete it (the next "
                + "run to that --out does)", AugmentCli.leftoverNote(file));
        Files.delete(work);
        Files.delete(work.getParent());
        assertEquals("", AugmentCli.leftoverNote(file), "removed: nothing to say");
        assertEquals("", AugmentCli.leftoverNote(dir.resolve("plain.png").toString()));
        assertEquals("", AugmentCli.leftoverNote(null));
    }
}

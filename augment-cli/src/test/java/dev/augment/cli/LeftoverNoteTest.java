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
        // a PNG or side file of an output whose parent was renamed mid-run: the raw "no such file" line (7 Dec)
        assertEquals(java.util.Optional.of("the temporary folder " + dir.resolve(".o.tmp-vm-1-abc") + " is gone: it, "
                + "or a folder holding it, was moved or removed while this run wrote (another shell's mv or rm, a "
                + "clean-up of hidden folders?); nothing is moved into place; if it was moved, delete the "
                + ".o.tmp-vm-1-abc folder it took along, then run again"), AugmentCli.temporaryOutputGone(file));
        assertEquals(java.util.Optional.empty(), AugmentCli.temporaryOutputGone(dir.resolve("plain.png").toString()));
        assertEquals("", AugmentCli.leftoverNote(dir.resolve("plain.png").toString()));
        assertEquals("", AugmentCli.leftoverNote(null));
    }
}

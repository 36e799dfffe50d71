package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class of one image, refused by the quality check with the advice {@code --check-samples 0}, then trained without a
 * word (a fresh user, 7 Dec): every sample of it is learned from that one image.
 */
class ClassOfOneNoteTest {

    @Test
    void aClassOfOneImageIsNamedWhenItTrains(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        String[] files = {"a/1.png", "a/2.png", "a/3.png", "b/1.png", "b/2.png", "horse/only.png"};
        for (int i = 0; i < files.length; i++) {
            BadFiles.png(data.resolve(files[i]), 8, 8, 20 * i); // each image its own
        }
        CliRun run = CliRun.of("train", "--data", data.toString(), "--steps", "2", "--check-samples", "0",
                "--batch-size", "4", "--out", dir.resolve("m.onnx").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("note: class 'horse' (index 2) has one training example: the generator learns "
                + "its samples from that one alone, so they can only be copies or near-copies of it; add examples of "
                + "it for a generator that learns more than one image"), run.out());
        assertFalse(run.out().contains("class 'b' (index 1) has one"), run.out());
    }
}

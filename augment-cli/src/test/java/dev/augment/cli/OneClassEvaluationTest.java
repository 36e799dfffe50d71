package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code evaluate} on image data of one class: it used to score every arm a trivial 1.0 for every seed, then fail
 * with DJL's "Gradient values are all zeros" (exit 1) in the diagnostics. It now refuses before any work.
 */
class OneClassEvaluationTest {

    @Test
    void imagesOfOneClassAreRefusedInOneLineBeforeAnyTrainingAndNothingIsWritten(@TempDir Path dir)
            throws IOException {
        Path data = dir.resolve("data");
        for (int i = 0; i < 6; i++) {
            BadFiles.png(Files.createDirectories(data.resolve("cat")).resolve("img-" + i + ".png"), 8, 8);
        }
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("evaluate", "--train", data.toString(), "--test", data.toString(), "--gan-epochs", "1",
                "--seeds", "2", "--embedding-epochs", "1", "--diagnostic-samples", "20", "--out", out.toString());

        assertEquals(3, run.exitCode(), run.err());
        String error = run.err().lines().filter(l -> l.startsWith("augment:")).findFirst().orElse(run.err());
        assertTrue(error.contains("the training examples are of one class, 'cat'"), run.err());
        assertFalse(run.err().contains("seed"), "no seed was run: " + run.err());
        assertFalse(Files.exists(out), "nothing is written on an error");
    }

    /** A class folder has no test split: --train and --test of one folder would score the training images. */
    @Test
    void aTestSetOfTheTrainingImagesIsRefusedInOneLineAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        for (int i = 0; i < 6; i++) {
            for (String c : new String[] {"cat", "dog"}) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                image.getRaster().setSample(i, c.equals("cat") ? 0 : 1, 0, 200);
                javax.imageio.ImageIO.write(image, "png",
                        Files.createDirectories(data.resolve(c)).resolve("img-" + i + ".png").toFile());
            }
        }
        Path out = dir.resolve("report");

        CliRun run = CliRun.of("evaluate", "--train", data.toString(), "--test", data.toString(), "--gan-epochs", "1",
                "--seeds", "2", "--embedding-epochs", "1", "--diagnostic-samples", "20", "--out", out.toString());

        assertEquals(2, run.exitCode(), run.err());
        String error = run.err().lines().filter(l -> l.startsWith("augment:")).findFirst().orElse(run.err());
        assertTrue(error.contains("every one of the 12 test examples"), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("augment:")).count(), run.err());
        assertFalse(run.err().contains("seed"), "no seed was run: " + run.err());
        assertFalse(Files.exists(out), "nothing is written on an error");
    }
}

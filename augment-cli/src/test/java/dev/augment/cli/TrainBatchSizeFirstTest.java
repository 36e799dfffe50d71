package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder too small for the batch asked for is refused before the quality check's judge trains (a fresh user's
 * 60 images waited 203 s for the judge, then got the refusal); without {@code --batch-size} the batch fits the data.
 */
class TrainBatchSizeFirstTest {

    /** Writes dir/data/{cat,dog,frog}, 20 images each. */
    private static void threeClassesOf20(Path dir) throws IOException {
        for (String c : List.of("cat", "dog", "frog")) {
            for (int i = 0; i < 20; i++) {
                BadFiles.png(dir.resolve("data/" + c + "/" + i + ".png"), 4, 4);
            }
        }
    }

    @Test
    void aBatchLargerThanTheTrainingSamplesIsRefusedBeforeTheJudgeTrains(@TempDir Path dir) throws IOException {
        threeClassesOf20(dir);
        Path out = dir.resolve("m.onnx");
        CliRun run = CliRun.of("train", "--data", dir.resolve("data").toString(), "--steps", "100", "--batch-size",
                "64", "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--batch-size is 64 but the data has only 30 samples to train on (60, less the 30 "
                + "held out for the quality check's validation split)"), run.err());
        assertFalse(run.out().contains("quality check"), "the judge was not set up: " + run.out());
        assertFalse(Files.exists(out));
    }

    /** Without --batch-size the batch is fitted to the data, as in evaluate's GANs, so small data trains as asked. */
    @Test
    void withoutBatchSizeTheBatchIsTheLargestPowerOfTwoTheSamplesFill(@TempDir Path dir) throws IOException {
        threeClassesOf20(dir);
        Path out = dir.resolve("m.onnx");
        CliRun run = CliRun.of("train", "--data", dir.resolve("data").toString(), "--steps", "2", "--check-samples",
                "0", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("batch of 32: the largest power of two up to 64 that the 60 training samples "
                + "fill"), run.out());
        assertTrue(Files.size(out) > 0);
    }
}

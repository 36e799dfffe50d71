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
 * A folder too small for the default batch of 64 is refused before the quality check's judge trains (a fresh user's
 * 60 images waited 203 s for the judge, then got the refusal).
 */
class TrainBatchSizeFirstTest {

    @Test
    void aBatchLargerThanTheTrainingSamplesIsRefusedBeforeTheJudgeTrains(@TempDir Path dir) throws IOException {
        for (String c : List.of("cat", "dog", "frog")) {
            for (int i = 0; i < 20; i++) {
                BadFiles.png(dir.resolve("data/" + c + "/" + i + ".png"), 4, 4);
            }
        }
        Path out = dir.resolve("m.onnx");
        CliRun run = CliRun.of("train", "--data", dir.resolve("data").toString(), "--steps", "100", "--out",
                out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--batch-size is 64 but the data has only 30 samples to train on (60, less the 30 "
                + "held out for the quality check's validation split)"), run.err());
        assertFalse(run.out().contains("quality check"), "the judge was not set up: " + run.out());
        assertFalse(Files.exists(out));
    }
}

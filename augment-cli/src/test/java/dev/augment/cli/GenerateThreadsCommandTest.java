package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateThreadsCommandTest {

    @TempDir
    Path dir;

    @Test
    void theSameSeedWritesTheSameBytesWhateverThreadsAndBatchSize() throws IOException {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b", "c"), 6));
        byte[] first = null;
        for (String[] setting : new String[][] {{"1", "256"}, {"3", "5"}, {"2", "64"}, {"1000", "7"}}) {
            Path out = dir.resolve("out-" + setting[0] + "-" + setting[1]);
            CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "150",
                    "--format", "idx", "--threads", setting[0], "--batch-size", setting[1], "--out", out.toString());
            assertEquals(0, run.exitCode(), run.err());
            // 1000 threads held gigabytes of batches in flight: capped, with a note
            int max = GenerateCommand.THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
            assertEquals(setting[0].equals("1000"), run.err().contains("augment: note: --threads 1000 is capped to "
                    + max + " ("), run.err());
            byte[] images = Files.readAllBytes(out.resolve("images-idx3-ubyte"));
            assertEquals(16 + 450 * 36, images.length);
            if (first == null) {
                first = images;
            } else {
                assertArrayEquals(first, images, "threads " + setting[0] + ", batch " + setting[1]);
            }
        }
    }

    @Test
    void refusesNoThreadsAsAUsageError() throws IOException {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "a", "--n", "3", "--threads", "0",
                "--out", dir.resolve("o").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--threads must be positive, was 0"), run.err());
    }
}

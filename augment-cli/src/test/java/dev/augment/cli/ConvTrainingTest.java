package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --arch conv} with its defaults trains and exports. On a 2-core machine with AVX-512 it stopped with
 * "training diverged at step 2" in most runs (a fresh user's report, 2 Dec): PyTorch's batch norm on the 4-D output of
 * the generator's pixel shuffle gave NaN gradients, mostly with two PyTorch threads, the launcher's default (the test
 * JVM runs one, so the runs are child processes with two); the generator's batch norms now work on 2-D rows
 * ({@code ChannelBatchNorm}).
 */
class ConvTrainingTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    @Test
    void theConvolutionalGanTrainsWithItsDefaultsOnTwoThreads(@TempDir Path dir) throws Exception {
        for (int seed = 1; seed <= 3; seed++) {
            Path model = dir.resolve("conv-" + seed + ".onnx");
            ChildCli train = ChildCli.start(dir.resolve("run-" + seed), List.of("-Dai.djl.pytorch.num_threads=2",
                    "-Xmx1g"), "train", "--data", SAMPLE, "--arch", "conv", "--steps", "6", "--seed",
                    String.valueOf(seed), "--check-samples", "0", "--out", model.toString());
            assertEquals(0, train.waitFor(Duration.ofMinutes(3)), "seed " + seed + ": " + train.err());
            assertTrue(Files.isRegularFile(model), "seed " + seed + " wrote its model");
        }
    }
}

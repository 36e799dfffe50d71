package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.train.Architecture;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --steps 2147483647} asked for one timestamp per step, an array past Java's largest, and printed
 * "augment: -2147483648" (a fresh user, 6 Dec): the largest count trains until stopped, as any long run does.
 */
class TrainingBenchTest {

    @Test
    void theLargestStepCountTrainsUntilCancelled(@TempDir Path scratch) throws Exception {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (OnnxGenerator generator = OnnxGenerator.load(Path.of("..", "models", "fashion-mnist.onnx"),
                ExecutionDevice.CPU)) {
            CancellationToken token = new CancellationToken();
            later.schedule(token::cancel, 5, TimeUnit.SECONDS);
            assertThrows(CancelledException.class, () -> new TrainingBench(generator).stepsPerSecond(
                    Architecture.MLP, Integer.MAX_VALUE, scratch, token));
        } finally {
            later.shutdownNow();
        }
    }
}

package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The native-memory estimate of a training step, against the machine's memory (a fresh user's 23 GB, 6 Dec). */
class StepMemoryTest {

    private static final long MACHINE = 24L << 30;

    private static final SampleSchema FASHION = new SampleSchema(IntStream.range(0, 784).mapToObj(i -> "p" + i)
            .toList(), List.of(1, 28, 28), 0, 255, List.of("a", "b"), List.of("a", "b"));

    private static GanSettings settings(Architecture architecture, int width, int batch) {
        return GanSettings.defaults(architecture, 1, batch, 1).toBuilder().convWidth(width).build();
    }

    /**
     * Above what was measured (the class's javadoc: two-step runs, and 0.49 MB a sample after 60 steps at conv width
     * 8), and within four times the two-step figures, so that usual batches stay allowed.
     */
    @Test
    void theEstimateLiesAboveTheMeasuredMemoryAndWithinFourTimesIt() {
        double[][] measured = {{64, 1.1e6}, {8, 0.21e6}};
        for (double[] m : measured) {
            long estimate = StepMemory.bytesPerSample(FASHION, settings(Architecture.CONV, (int) m[0], 64));
            assertTrue(estimate > m[1] && estimate < 4 * m[1], "conv width " + m[0] + ": " + estimate);
        }
        assertTrue(StepMemory.bytesPerSample(FASHION, settings(Architecture.CONV, 8, 64)) > 0.49e6, "60 steps");
        long mlp = StepMemory.bytesPerSample(FASHION, settings(Architecture.MLP, 64, 64));
        assertTrue(mlp > 0.09e6 && mlp < 0.36e6, "mlp: " + mlp);
        GanSettings modeSeeking = settings(Architecture.MLP, 64, 64).toBuilder().modeSeekingWeight(1).build();
        assertTrue(StepMemory.bytesPerSample(FASHION, modeSeeking) > mlp, "the generator runs twice");
    }

    @Test
    void aBatchBeyondHalfTheMachineIsRefusedNamingTheLargestThatFits() {
        GanSettings huge = settings(Architecture.CONV, 8, 60_000);
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> StepMemory.require(FASHION, huge, MACHINE));
        assertEquals("batchSize", e.setting());
        long largest = (MACHINE / 2 - StepMemory.weights(FASHION, huge) * StepMemory.BYTES_PER_WEIGHT
                - StepMemory.statisticsBytes(FASHION, huge)) / StepMemory.bytesPerSample(FASHION, huge);
        assertTrue(e.getMessage().startsWith("batchSize is 60000, and one training step of this conv GAN then needs "
                + "about 33.3 GB of native (PyTorch) memory"), e.getMessage());
        // no default named: evaluate's --gan-batch-size is fitted to the data (a re-check, 6 Dec)
        assertTrue(e.getMessage().endsWith("choose a batch size of at most " + largest), e.getMessage());
        StepMemory.require(FASHION, settings(Architecture.CONV, 8, (int) largest), MACHINE);
        StepMemory.require(FASHION, settings(Architecture.CONV, 64, 512), MACHINE);
        assertThrows(InvalidSettingException.class,
                () -> StepMemory.require(FASHION, settings(Architecture.CONV, 8, (int) largest + 1), MACHINE));
    }

    /**
     * 2 classes of 16 colour photos of 200×200 were OOM-killed under a 3 GB limit without a line, even at batch 2:
     * the networks' 123 million weights, their gradients, Adam's moments, the averaged generator and the checkpoint
     * held 5.0 GB whatever the batch (a fresh user, 7 Dec).
     */
    @Test
    void networksTooLargeForTheMachineAtAnyBatchAreRefusedNamingTheImages() {
        SampleSchema photos = new SampleSchema(IntStream.range(0, 3 * 200 * 200).mapToObj(i -> "p" + i).toList(),
                List.of(3, 200, 200), 0, 255, List.of("a", "b"), List.of("a", "b"));
        GanSettings mlp = settings(Architecture.MLP, 64, 2);
        long weights = StepMemory.weights(photos, mlp);
        assertTrue(weights > 122_000_000 && weights < 124_000_000, "the MLP's two 512-wide layers: " + weights);
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> StepMemory.require(photos, mlp, 3L << 30));
        assertEquals("data", e.setting());
        assertTrue(e.getMessage().startsWith("data of shape [3, 200, 200] makes the mlp GAN's networks hold about 5.9 "
                + "GB of native (PyTorch) memory whatever the batch"), e.getMessage());
        StepMemory.require(photos, mlp, MACHINE); // 24 GB: the measured 5.0 GB peak fits
        // a batch is at least 2: where two samples do not fit beside the networks, the data is named, not "at most 1"
        SampleSchema photos320 = new SampleSchema(IntStream.range(0, 3 * 320 * 320).mapToObj(i -> "p" + i).toList(),
                List.of(3, 320, 320), 0, 255, List.of("a", "b"), List.of("a", "b"));
        long fixed320 = StepMemory.weights(photos320, mlp) * StepMemory.BYTES_PER_WEIGHT
                + StepMemory.statisticsBytes(photos320, mlp);
        long machine = 2 * (fixed320 + StepMemory.bytesPerSample(photos320, mlp)) + 1_000; // room for one sample
        InvalidSettingException one = assertThrows(InvalidSettingException.class,
                () -> StepMemory.require(photos320, mlp, machine));
        assertEquals("data", one.setting(), one.getMessage());
        // 128×128 colour images with the conv GAN: the epoch end's statistics over 1 024 samples are counted
        SampleSchema photos128 = new SampleSchema(IntStream.range(0, 3 * 128 * 128).mapToObj(i -> "p" + i).toList(),
                List.of(3, 128, 128), 0, 255, List.of("a", "b"), List.of("a", "b"));
        assertTrue(StepMemory.statisticsBytes(photos128, settings(Architecture.CONV, 64, 4)) > 7e9);
        // the shipped sizes are far from it
        assertTrue(StepMemory.weights(FASHION, settings(Architecture.CONV, 64, 64)) * StepMemory.BYTES_PER_WEIGHT
                < 100_000_000L);
    }
}

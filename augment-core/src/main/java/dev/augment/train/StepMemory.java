package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * An estimate, with a margin, of the native (PyTorch) memory one training step of the image GAN holds, from the
 * batch size and the networks' activation sizes, checked against the machine's memory before training. Java's
 * {@code -Xmx} does not bound PyTorch's tensors: a fresh user's {@code train --arch conv --conv-width 8 --batch-size
 * 60000} on Fashion-MNIST grew to 23 GB and was killed by the kernel's out-of-memory killer after 9 minutes, without a
 * line (6 Dec).
 *
 * <p>The estimate counts each layer's output values per sample for the generator and three discriminator passes (real,
 * generated, and the generator's step), twice the generator's when the mode-seeking term samples it twice, at 4 bytes
 * and {@value #AUTOGRAD_FACTOR} times over for the saved activations and their gradients. Measured as the growth of
 * peak resident memory between two batch sizes, per added sample (Fashion-MNIST, {@code train --steps 2
 * --check-samples 0}, {@code /usr/bin/time}, 6 Dec): conv width 64 about 1.1 MB (batch 1 024 to 4 096), conv width 8
 * about 0.21 MB (1 024 to 8 192), the MLP about 0.09 MB (2 048 to 16 384). A longer run holds more: conv width 8 at
 * batch 2 048 peaked at 2.88, 3.10 and 4.10 GB after 10, 60 and 150 steps (part of it Java's heap growing towards its
 * {@code -Xmx}, not told apart; about 0.49 MB a sample at 60 steps over the 2.1 GB a small batch holds; a fresh user's
 * re-check, 6 Dec). The estimate is 3.5, 0.55 and 0.26 MB: a guard against batches that cannot fit, not a bound
 * for every run.
 */
final class StepMemory {

    /**
     * Saved activations and their gradients, the allocator's slack and the growth of a longer run, over the forward
     * values alone: 3 covered two-step runs, and a run of 60 steps held about 0.49 MB a sample at conv width 8 (where
     * 3 gives 0.28), so 6.
     */
    static final int AUTOGRAD_FACTOR = 6;

    /** Share of the machine's memory one step may take: the rest is Java's heap, the data and everything else. */
    static final double SHARE = 0.5;

    /**
     * Bytes the networks hold per weight value whatever the batch: the weights, their gradients and Adam's two moments
     * for the generator and the critic, the averaged generator, and the copies a checkpoint is written from, at 4
     * bytes each. Left out, 2 classes of 16 colour photos of 200×200 (123 million weights) were OOM-killed under a 3
     * GB limit without a line, even at batch 2: the run peaked at 5.0 GB resident and wrote a 1.7 GB checkpoint (a
     * fresh user, 7 Dec); 10 × 4 bytes × 123 million is 4.9 GB.
     */
    static final int BYTES_PER_WEIGHT = 10 * Float.BYTES;

    /**
     * @param schema the samples
     * @param settings architecture, latent and embedding size, conv width
     * @return the weight values of the generator and the critic, counting their dense and convolution layers
     */
    static long weights(SampleSchema schema, GanSettings settings) {
        long in = settings.latentDim() + settings.embeddingDim();
        long f = schema.featureCount();
        if (settings.architecture() == Architecture.MLP) {
            return in * 256 + 256L * 512 + 512 * f + f * 512 + 512L * 256 + 256L * schema.classCount();
        }
        long base = settings.convWidth();
        long quarter = (long) (schema.height() / 4) * (schema.width() / 4);
        long c = schema.channels();
        long generator = in * base * quarter + base * (base / 2 * 4) * 9 + base / 2 * (base / 4 * 4) * 9
                + base / 4 * c * 9;
        long critic = c * (base / 2) * 16 + base / 2 * base * 16 + base * quarter * 256 + 256L * schema.classCount();
        return generator + critic;
    }

    private StepMemory() {
    }

    /**
     * @param schema the samples (images for the conv networks)
     * @param settings architecture, conv width and the mode-seeking weight
     * @return the estimated bytes one training step holds per sample of its batch
     */
    static long bytesPerSample(SampleSchema schema, GanSettings settings) {
        long discriminator;
        int f = schema.featureCount();
        if (settings.architecture() == Architecture.MLP) {
            discriminator = f + 2L * 512 + 2L * 256;
        } else {
            long base = settings.convWidth();
            long quarter = (long) (schema.height() / 4) * (schema.width() / 4);
            long half = (long) (schema.height() / 2) * (schema.width() / 2);
            discriminator = f + 2 * (base / 2 * half) + 2 * (base * quarter) + 2L * 256;
        }
        long passes = (settings.modeSeekingWeight() > 0 ? 2 : 1) * generatorValues(schema, settings)
                + 3 * discriminator;
        return passes * Float.BYTES * AUTOGRAD_FACTOR;
    }

    /** @return the values of the generator's layer outputs for one sample, forward only */
    private static long generatorValues(SampleSchema schema, GanSettings settings) {
        long f = schema.featureCount();
        if (settings.architecture() == Architecture.MLP) {
            return 3L * 256 + 3L * 512 + 2L * f;
        }
        long base = settings.convWidth();
        long quarter = (long) (schema.height() / 4) * (schema.width() / 4);
        long half = (long) (schema.height() / 2) * (schema.width() / 2);
        return 3 * base * quarter + 4 * (2 * base * quarter) + 4 * (base * half) + 2L * f;
    }

    /**
     * @return the bytes the averaged generator's batch-norm recomputation holds at an epoch's end: its
     *     {@link GanNetworks#STATISTICS_SAMPLES} samples' layer outputs, forward only. Not counted, 128×128 colour
     *     images trained with the conv GAN at batch 4 passed the check and peaked at 15.5 GB at each epoch's end, where
     *     the steps held 0.7 (a re-check, 7 Dec); with each layer's copies freed as it goes, 64×64 at batch 16 peaks at
     *     2.4 GB (4.2 before), this estimate 1.9 GB
     */
    static long statisticsBytes(SampleSchema schema, GanSettings settings) {
        return (long) GanNetworks.STATISTICS_SAMPLES * generatorValues(schema, settings) * Float.BYTES;
    }

    /**
     * @param schema the samples
     * @param settings the run's settings
     * @throws InvalidSettingException (setting {@code batchSize}) when one step's estimate is more than
     *     {@value #SHARE} of the machine's memory (the container's limit where there is one)
     */
    static void require(SampleSchema schema, GanSettings settings) {
        require(schema, settings, ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize());
    }

    /** As {@link #require(SampleSchema, GanSettings)}, with the machine's memory in bytes given. */
    static void require(SampleSchema schema, GanSettings settings, long machineBytes) {
        long perSample = bytesPerSample(schema, settings);
        long budget = (long) (machineBytes * SHARE);
        long fixed = weights(schema, settings) * BYTES_PER_WEIGHT + statisticsBytes(schema, settings);
        if (machineBytes <= 0 || fixed + (double) perSample * settings.batchSize() <= budget) {
            return;
        }
        // a batch is at least 2: "at most 1" was advised, which --batch-size refuses (a re-check, 7 Dec)
        if (fixed + 2 * perSample > budget) {
            throw new InvalidSettingException("data", String.format(Locale.ROOT, "of shape %s makes the %s GAN's "
                    + "networks hold about %.1f GB of native (PyTorch) memory whatever the batch (%,d weights, with "
                    + "their gradients, Adam's moments, the averaged generator and the checkpoint, and the averaged "
                    + "generator's statistics over %d samples), more than half of "
                    + "this machine's %.1f GB, which Java's -Xmx does not bound; resize the images (the shipped models "
                    + "are 28x28 and 32x32)", schema.shape(), settings.architecture().name().toLowerCase(Locale.ROOT),
                    fixed / 1e9, weights(schema, settings), GanNetworks.STATISTICS_SAMPLES, machineBytes / 1e9));
        }
        throw new InvalidSettingException("batchSize", String.format(Locale.ROOT, "is %d, and one training step of "
                + "this %s GAN then needs about %.1f GB of native (PyTorch) memory (about %.2f MB a sample, and "
                + "%.1f GB for the networks), more than half of this machine's %.1f GB, which Java's -Xmx does not "
                + "bound; choose a batch size of at most %d%s", settings.batchSize(),
                settings.architecture().name().toLowerCase(Locale.ROOT),
                (fixed + (double) perSample * settings.batchSize()) / 1e9,
                perSample / 1e6, fixed / 1e9, machineBytes / 1e9, Math.max(2, (budget - fixed) / perSample),
                // a wide conv GAN's memory is its width's: --conv-width 16384 was told only of its batch (6 Dec)
                settings.architecture() == Architecture.CONV && settings.convWidth() > NetworkLayout.DEFAULT_CONV_WIDTH
                        ? ", or a smaller convWidth (" + settings.convWidth() + " here, "
                        + NetworkLayout.DEFAULT_CONV_WIDTH + " by default)" : ""));
    }
}

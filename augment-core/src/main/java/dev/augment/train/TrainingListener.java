package dev.augment.train;

import java.nio.file.Path;

/**
 * Hears about training progress; the command line draws a progress bar with it. Every method has
 * a do-nothing default.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };

    /**
     * @param epoch 1-based epoch about to start
     * @param epochs total epochs
     * @param steps steps in this epoch
     */
    default void epochStarted(int epoch, int epochs, int steps) {
    }

    /**
     * @param step 1-based step just finished
     * @param lossD its discriminator loss
     * @param lossG its generator loss
     */
    default void stepFinished(int step, double lossD, double lossG) {
    }

    /**
     * @param report the finished epoch
     * @param sampleGrid the PNG grid of samples written after it, or null
     */
    default void epochFinished(EpochReport report, Path sampleGrid) {
    }

    /** @param message something the user should know, e.g. resuming from a checkpoint */
    default void info(String message) {
    }
}

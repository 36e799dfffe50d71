package dev.augment.cli;

import dev.augment.generate.OnnxGenerator;
import dev.augment.train.Architecture;
import dev.augment.train.GanSettings;
import dev.augment.train.GanTrainer;
import dev.augment.train.TrainedGan;
import dev.augment.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The training measurement of {@code augment bench}: optimiser steps per second of a GAN of one
 * architecture, on data the generator itself makes (the speed of a step does not depend on the pixels).
 * The first third of the steps (at most 5) warm up and are not timed; checkpoints go to a scratch folder.
 */
final class TrainingBench {

    /** Samples per optimiser step, {@code train}'s default. */
    static final int BATCH = 64;

    private final float[][] features;
    private final int[] labels;
    private final OnnxGenerator generator;

    /** Makes 32 samples of every learned class to train on. */
    TrainingBench(OnnxGenerator generator) {
        this.generator = generator;
        int classes = generator.metadata().schema().classCount();
        int perClass = 32;
        int width = generator.metadata().schema().featureCount();
        features = new float[classes * perClass][];
        labels = new int[classes * perClass];
        for (int c = 0; c < classes; c++) {
            float[] block = generator.metadata().schema().learned(c) ? generator.generate(c, 5L, 0, perClass)
                    : new float[perClass * width];
            for (int i = 0; i < perClass; i++) {
                features[c * perClass + i] = java.util.Arrays.copyOfRange(block, i * width, (i + 1) * width);
                labels[c * perClass + i] = c;
            }
        }
    }

    /**
     * @param architecture mlp or conv
     * @param steps optimiser steps, at least 3
     * @param scratch folder for checkpoints, created when missing
     * @param cancellation looked at before every step: a signal during the training measurement waited the whole
     *     10 s grace (a re-check, 5 Dec)
     * @return optimiser steps per second after warm-up
     * @throws dev.augment.cancel.CancelledException when the token is cancelled
     */
    double stepsPerSecond(Architecture architecture, int steps, Path scratch,
                          dev.augment.cancel.CancellationToken cancellation) throws IOException {
        int warmUp = Math.min(5, steps / 3);
        // the two times the figure needs, not one per step: --steps 2147483647 asked for an array past Java's largest
        // and printed "augment: -2147483648", and 2 000 000 000 ran out of heap after every other benchmark (6 Dec)
        long[] at = new long[2]; // at the end of step warmUp, and of the last step
        TrainingListener timer = new TrainingListener() {
            private long done;

            @Override
            public void stepFinished(int step, double lossD, double lossG) {
                done++;
                if (done == warmUp) {
                    at[0] = System.nanoTime();
                }
                if (done == steps) {
                    at[1] = System.nanoTime();
                }
            }
        };
        GanSettings settings = GanSettings.builder(architecture).steps(steps).batchSize(BATCH).seed(1L).build();
        try (TrainedGan ignored = new GanTrainer(generator.metadata().schema(), settings, timer, null, 0,
                cancellation).train(features, labels, scratch, false)) {
            // trained only to be timed
        } catch (dev.augment.cancel.CancelledException e) {
            // training's own words name a checkpoint kept, which bench deletes with its scratch
            throw new dev.augment.cancel.CancelledException("interrupted while measuring training; bench's "
                    + "temporary files are deleted");
        }
        return (steps - warmUp) / ((at[1] - at[0]) / 1e9);
    }
}

package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.schema.SampleSchema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.onnx.GeneratorContract;

import java.util.List;
import java.util.Optional;

/**
 * A trained GAN, still in DJL: exports the averaged generator as a framework-free
 * {@link GeneratorGraph} and can run it (inference mode) for parity checks. Close it to free native
 * memory. Nothing outside the training package sees a DJL type through this class.
 */
public final class TrainedGan implements AutoCloseable {

    private final GanNetworks nets;
    private final List<EpochReport> history;
    private final int bestEpoch;
    private final ObjectNode scores;

    TrainedGan(GanNetworks nets, List<EpochReport> history, int bestEpoch, ObjectNode scores) {
        this.nets = nets;
        this.history = List.copyOf(history);
        this.bestEpoch = bestEpoch;
        this.scores = scores;
    }

    /**
     * @return the epoch (round of steps, when training counts steps) whose averaged generator this is: the
     *     best-scoring one, or the last one when asked for ({@link ExportChoice#LAST}) or without checks
     */
    public int exportedEpoch() {
        return bestEpoch > 0 ? bestEpoch : history.size();
    }

    /** @return optimiser steps taken up to the end of {@link #exportedEpoch()} */
    public long exportedSteps() {
        long steps = 0;
        for (EpochReport report : history.subList(0, exportedEpoch())) {
            steps += report.steps();
        }
        return steps;
    }

    /** @return the quality scores of the exported generator, or empty when no check ran */
    public Optional<ObjectNode> scores() {
        return Optional.ofNullable(scores);
    }

    /**
     * Draws samples of one class from the averaged generator, noise keyed by (seed, class, index)
     * exactly as the ONNX generator does.
     *
     * @param classIndex the class
     * @param count how many
     * @param seed the seed
     * @return samples in feature scale, row-major
     */
    public float[] sample(int classIndex, int count, long seed) {
        return sample(nets, classIndex, count, seed);
    }

    static float[] sample(GanNetworks nets, int classIndex, int count, long seed) {
        int latent = nets.settings.latentDim();
        float[] z = new float[count * latent];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            GeneratorContract.noise(z, i * latent, latent, seed, classIndex, i);
            labels[i] = classIndex;
        }
        return generate(nets, nets.averagedGenerator, z, labels);
    }

    /** @return one report per epoch, including epochs run before a resume */
    public List<EpochReport> history() {
        return history;
    }

    /** @return the settings it was trained with */
    public GanSettings settings() {
        return nets.settings;
    }

    /** @return the schema of its samples */
    public SampleSchema schema() {
        return nets.schema;
    }

    /** @return the averaged generator, with output mapped back to the feature scale */
    public GeneratorGraph exportGraph() {
        SampleSchema s = nets.schema;
        float scale = (float) ((s.maxValue() - s.minValue()) / 2);
        float shift = (float) ((s.maxValue() + s.minValue()) / 2);
        return nets.averagedGenerator.toGraph(scale, shift);
    }

    /**
     * Runs the averaged generator in inference mode.
     *
     * @param z row-major noise, {@code labels.length * latentDim} values
     * @param labels class index of each sample
     * @return samples in feature scale, row-major
     */
    public float[] generate(float[] z, int[] labels) {
        return generate(nets, nets.averagedGenerator, z, labels);
    }

    /** Runs the live (not averaged) generator in inference mode; for tests of the averaging. */
    float[] generateLive(float[] z, int[] labels) {
        return generate(nets, nets.generator, z, labels);
    }

    static float[] generate(GanNetworks nets, ConditionalGenerator generator, float[] z, int[] labels) {
        SampleSchema s = nets.schema;
        try (NDManager sub = nets.manager.newSubManager()) {
            NDArray noise = sub.create(z, new Shape(labels.length, nets.settings.latentDim()));
            NDArray oneHot = sub.create(labels).toType(DataType.INT32, false).oneHot(s.classCount());
            NDArray out = generator.forward(nets.store, new NDList(noise, oneHot), false).singletonOrThrow();
            float scale = (float) ((s.maxValue() - s.minValue()) / 2);
            float shift = (float) ((s.maxValue() + s.minValue()) / 2);
            return out.mul(scale).add(shift).toFloatArray();
        }
    }

    @Override
    public void close() {
        nets.close();
    }
}

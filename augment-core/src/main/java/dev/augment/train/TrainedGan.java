package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.schema.SampleSchema;

import java.util.List;

/**
 * A trained GAN, still in DJL: exports the averaged generator as a framework-free
 * {@link GeneratorGraph} and can run it (inference mode) for parity checks. Close it to free native
 * memory. Nothing outside the training package sees a DJL type through this class.
 */
public final class TrainedGan implements AutoCloseable {

    private final GanNetworks nets;
    private final List<EpochReport> history;

    TrainedGan(GanNetworks nets, List<EpochReport> history) {
        this.nets = nets;
        this.history = List.copyOf(history);
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

package dev.augment.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import dev.augment.schema.SampleSchema;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks of one GAN and their optimiser state, all in one DJL manager: G, D, the moving
 * average of G (what is exported) and Adam for G and D. Saves and restores all of it.
 */
final class GanNetworks implements AutoCloseable {

    /** Samples over which the averaged generator's batch-norm statistics are recomputed. */
    static final int STATISTICS_SAMPLES = 1024;

    final NDManager manager;
    final ParameterStore store;
    final ConditionalGenerator generator;
    final ConditionalGenerator averagedGenerator;
    final ConditionalDiscriminator discriminator;
    final AdamState adamG;
    final AdamState adamD;
    final LeCamAnchors lecam = new LeCamAnchors();
    final GanSettings settings;
    final SampleSchema schema;

    GanNetworks(SampleSchema schema, GanSettings settings) {
        this.schema = schema;
        this.settings = settings;
        this.manager = NDManager.newBaseManager("PyTorch");
        this.store = new ParameterStore(manager, false);
        NetworkLayout layout = NetworkLayout.of(schema, settings);
        int k = schema.classCount();
        int f = schema.featureCount();
        Shape z = new Shape(2, settings.latentDim());
        Shape label = new Shape(2, k);
        generator = new ConditionalGenerator(layout, settings.latentDim(), k, settings.embeddingDim(), f);
        averagedGenerator = new ConditionalGenerator(layout, settings.latentDim(), k, settings.embeddingDim(), f);
        discriminator = new ConditionalDiscriminator(layout, k, settings.minibatchStd());
        generator.initialize(manager, DataType.FLOAT32, z, label);
        averagedGenerator.initialize(manager, DataType.FLOAT32, z, label);
        averagedGenerator.freezeParameters(true);
        discriminator.initialize(manager, DataType.FLOAT32, new Shape(2, f), label);
        copyInto(generator, averagedGenerator);
        adamG = new AdamState(Recomputation.trainable(generator), manager, settings.learningRateG(), settings.beta1(),
                settings.beta2());
        adamD = new AdamState(Recomputation.trainable(discriminator), manager, settings.learningRateD(), settings.beta1(),
                settings.beta2());
    }

    /**
     * Moves the averaged generator towards the live one: {@code avg = d * avg + (1 - d) * live}, with
     * the usual warm-up {@code d = min(decay, (1 + t) / (10 + t))} after {@code t} generator steps, so
     * early averages are not dominated by the random initial weights. With
     * {@link GanSettings#recomputeBatchNorm()} (and a non-zero decay) batch-norm running statistics are
     * left out: {@link #recomputeAverageStatistics} computes them from the averaged weights instead.
     */
    void updateAverage() {
        int t = adamG.steps();
        float decay = Math.min(settings.emaDecay(), (1f + t) / (10f + t));
        boolean skipStatistics = recomputesStatistics();
        List<Parameter> live = all(generator);
        List<Parameter> avg = all(averagedGenerator);
        for (int i = 0; i < live.size(); i++) {
            if (skipStatistics && isRunningStatistic(live.get(i))) {
                continue;
            }
            NDArray target = avg.get(i).getArray();
            try (NDArray scaled = live.get(i).getArray().mul(1 - decay)) {
                target.muli(decay).addi(scaled);
            }
        }
    }

    /** @return whether the averaged generator's batch-norm statistics are recomputed rather than averaged */
    boolean recomputesStatistics() {
        return settings.recomputeBatchNorm() && settings.emaDecay() > 0;
    }

    /**
     * Recomputes the averaged generator's batch-norm statistics from its current weights over
     * {@link #STATISTICS_SAMPLES} samples: noise keyed by {@code (seed, key)} and labels drawn the way
     * training draws fake labels (uniform over classes with balanced batches, else the data's labels).
     * Does nothing unless {@link #recomputesStatistics()}.
     *
     * @param labels the training labels
     * @param key distinguishes this recomputation's noise, e.g. the number of steps done
     */
    void recomputeAverageStatistics(int[] labels, long key) {
        if (!recomputesStatistics()) {
            return;
        }
        int n = STATISTICS_SAMPLES;
        float[] z = new float[n * settings.latentDim()];
        dev.augment.random.SeededNoise.gaussian(z, 0, z.length, settings.seed(), key, -4);
        org.apache.commons.rng.UniformRandomProvider random = dev.augment.random.SeededNoise.rng(settings.seed(),
                key, -5);
        int[] drawn = new int[n];
        for (int i = 0; i < n; i++) {
            drawn[i] = settings.balancedBatches() ? i % schema.classCount() : labels[random.nextInt(labels.length)];
        }
        try (NDManager sub = manager.newSubManager()) {
            NDArray noise = sub.create(z, new Shape(n, settings.latentDim()));
            NDArray oneHot = sub.create(drawn).toType(DataType.INT32, false).oneHot(schema.classCount());
            averagedGenerator.recomputeBatchNormStatistics(store, noise, oneHot);
        }
    }

    private static boolean isRunningStatistic(Parameter p) {
        return p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR;
    }

    void save(DataOutputStream out) throws IOException {
        for (Block block : List.of(generator, averagedGenerator, discriminator)) {
            for (Parameter p : all(block)) {
                Checkpoints.writeFloats(out, p.getArray().toFloatArray());
            }
        }
        adamG.save(out);
        adamD.save(out);
        lecam.save(out);
    }

    void load(DataInputStream in) throws IOException {
        for (Block block : List.of(generator, averagedGenerator, discriminator)) {
            for (Parameter p : all(block)) {
                p.getArray().set(Checkpoints.readFloats(in, Math.toIntExact(p.getArray().size())));
            }
        }
        adamG.load(in);
        adamD.load(in);
        lecam.load(in);
    }

    static List<Parameter> all(Block block) {
        return new ArrayList<>(block.getParameters().values());
    }

    private static void copyInto(Block from, Block to) {
        List<Parameter> source = all(from);
        List<Parameter> target = all(to);
        for (int i = 0; i < source.size(); i++) {
            target.get(i).getArray().set(source.get(i).getArray().toFloatArray());
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}

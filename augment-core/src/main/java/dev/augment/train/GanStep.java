package dev.augment.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.augment.random.SeededNoise;
import dev.augment.schema.SampleSchema;

/**
 * One training step of the image GAN: the batch that {@link BatchSampler} draws for (key, step), noise keyed by
 * (seed, key, step), then one D update and one G update (the loop of DJL's {@code EasyTrain}, twice), DiffAugment,
 * the LeCam regulariser and the mode-seeking term when the settings ask for them. Its only randomness is keyed by
 * (key, step), so a step depends on nothing but the networks' and optimisers' state and its position; the trainer
 * passes (epoch, step of the epoch), or (a fixed key, step since the start) when counting steps. Holds reusable
 * batch buffers, so one instance serves one thread.
 */
final class GanStep {

    private final SampleSchema schema;
    private final GanSettings settings;
    private final DiffAugment.Ops augmentOps;
    private final GanNetworks nets;
    private final float[] scaled;
    private final int[] labels;
    private final BatchSampler batches;
    private final float[] batch;
    private final float[] batchLabels;
    private final float[] noise;
    private final Recomputation recomputation = new Recomputation();
    /** D's mean logits on the real and the fake batch in the last pass computed, for the LeCam anchors. */
    private float lastMeanReal;
    private float lastMeanFake;

    /**
     * @param schema the samples' schema
     * @param settings training settings
     * @param augmentOps the DiffAugment operations, perhaps none
     * @param nets the networks and optimisers a step updates
     * @param scaled the training samples in [-1, 1], row-major, {@code schema.featureCount()} values each
     * @param labels each sample's class index
     * @param batches draws each step's rows
     */
    GanStep(SampleSchema schema, GanSettings settings, DiffAugment.Ops augmentOps, GanNetworks nets, float[] scaled,
            int[] labels, BatchSampler batches) {
        this.schema = schema;
        this.settings = settings;
        this.augmentOps = augmentOps;
        this.nets = nets;
        this.scaled = scaled;
        this.labels = labels;
        this.batches = batches;
        this.batch = new float[settings.batchSize() * schema.featureCount()];
        this.batchLabels = new float[settings.batchSize()];
        this.noise = new float[settings.batchSize() * settings.latentDim()];
    }

    /**
     * Runs one D update and one G update; the moving average is left to the caller, which checks the losses
     * first. A pass that comes out non-finite is computed again ({@link Recomputation}); that runs the generator's
     * batch norms in training mode once more, so their running statistics take one more momentum step towards the
     * same batch's statistics.
     *
     * @param key the epoch, or a fixed key when counting steps
     * @param stepKey the step of the epoch, or since the start when counting steps
     * @return the D loss and the G loss, perhaps not finite
     */
    float[] run(long key, long stepKey) {
        int b = settings.batchSize();
        int f = schema.featureCount();
        int[] rows = batches.rows(key, stepKey);
        for (int i = 0; i < b; i++) {
            System.arraycopy(scaled, rows[i] * f, batch, i * f, f);
            batchLabels[i] = labels[rows[i]];
        }
        try (NDManager sub = nets.manager.newSubManager()) {
            NDArray real = sub.create(batch, new Shape(b, f));
            NDArray oneHot = sub.create(batchLabels).toType(DataType.INT32, false).oneHot(schema.classCount());
            SeededNoise.gaussian(noise, 0, noise.length, settings.seed(), key, stepKey, 0);
            NDArray zD = sub.create(noise, new Shape(b, settings.latentDim()));
            SeededNoise.gaussian(noise, 0, noise.length, settings.seed(), key, stepKey, 1);
            NDArray zG = sub.create(noise, new Shape(b, settings.latentDim()));
            float lossD = recomputation.run(() -> discriminatorStep(sub, real, oneHot, zD, key, stepKey),
                    () -> Recomputation.finiteGradients(nets.discriminator, sub), () -> nets.adamD.update(sub),
                    () -> Recomputation.zeroGradients(nets.discriminator, sub));
            if (settings.lecamWeight() > 0 && Float.isFinite(lossD)) {
                nets.lecam.update(lastMeanReal, lastMeanFake);
            }
            Recomputation.zeroGradients(nets.generator, sub);
            float lossG = recomputation.run(() -> generatorStep(sub, oneHot, zG, key, stepKey),
                    () -> Recomputation.finiteGradients(nets.generator, sub), () -> nets.adamG.update(sub),
                    () -> Recomputation.zeroGradients(nets.generator, sub));
            Recomputation.zeroGradients(nets.discriminator, sub);
            return new float[] {lossD, lossG};
        }
    }

    /** @return updates dropped so far for a NaN or infinite gradient from finite losses ({@link Recomputation}) */
    long droppedUpdates() {
        return recomputation.droppedUpdates();
    }

    /** @return passes computed again so far after a NaN or infinite loss or gradient ({@link Recomputation}) */
    long recomputedPasses() {
        return recomputation.recomputedPasses();
    }

    /** DiffAugment of a batch with its own random parameters for (round, step, stream); identity when off. */
    private NDArray augment(NDArray x, long key, long stepKey, int stream) {
        if (!augmentOps.any()) {
            return x;
        }
        return DiffAugment.apply(x, schema.channels(), schema.height(), schema.width(), augmentOps,
                SeededNoise.rng(settings.seed(), key, stepKey, stream));
    }

    private float discriminatorStep(NDManager sub, NDArray real, NDArray oneHot, NDArray z,
                                    long key, long stepKey) {
        float loss;
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray fake = nets.generator.forward(nets.store, new NDList(z, oneHot), true).singletonOrThrow()
                    .stopGradient();
            NDList realOut = nets.discriminator.forward(nets.store, new NDList(augment(real, key, stepKey, 2), oneHot),
                    true);
            NDList fakeOut = nets.discriminator.forward(nets.store, new NDList(augment(fake, key, stepKey, 3), oneHot),
                    true);
            NDArray total = GanLosses.discriminator(realOut.get(0), fakeOut.get(0));
            if (settings.auxiliaryWeight() > 0) {
                total = total.add(GanLosses.crossEntropy(realOut.get(1), oneHot)
                        .mul(NativeScalar.of(sub, settings.auxiliaryWeight())));
            }
            if (settings.lecamWeight() > 0) {
                total = total.add(nets.lecam.penalty(realOut.get(0), fakeOut.get(0))
                        .mul(NativeScalar.of(sub, settings.lecamWeight())));
                lastMeanReal = realOut.get(0).mean().getFloat();
                lastMeanFake = fakeOut.get(0).mean().getFloat();
            }
            collector.backward(total);
            loss = total.getFloat();
        }
        return loss;
    }

    /**
     * MSGAN's mode-seeking term (Mao et al. 2019, eq. 3): a second sample of the same classes from noise of its own
     * (stream 5 of the step), and {@code 1 / (mean|fake - fake2| / mean|z - z2| + 1e-5)}, which falls as samples of
     * different noise grow apart; a generator that maps all noise of a class to one sample is what it punishes.
     */
    private NDArray modeSeeking(NDManager sub, NDArray fake, NDArray oneHot, NDArray z, long key, long stepKey) {
        SeededNoise.gaussian(noise, 0, noise.length, settings.seed(), key, stepKey, 5);
        NDArray z2 = sub.create(noise, z.getShape());
        NDArray fake2 = nets.generator.forward(nets.store, new NDList(z2, oneHot), true).singletonOrThrow();
        NDArray ratio = fake.sub(fake2).abs().mean().div(z.sub(z2).abs().mean());
        return NativeScalar.of(sub, 1f).div(ratio.add(NativeScalar.of(sub, 1e-5f)));
    }

    private float generatorStep(NDManager sub, NDArray oneHot, NDArray z, long key, long stepKey) {
        float loss;
        try (GradientCollector collector = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray fake = nets.generator.forward(nets.store, new NDList(z, oneHot), true).singletonOrThrow();
            NDList out = nets.discriminator.forward(nets.store, new NDList(augment(fake, key, stepKey, 4), oneHot),
                    true);
            NDArray total = GanLosses.generator(out.get(0));
            if (settings.auxiliaryWeight() > 0) {
                total = total.add(GanLosses.crossEntropy(out.get(1), oneHot)
                        .mul(NativeScalar.of(sub, settings.auxiliaryWeight())));
            }
            if (settings.modeSeekingWeight() > 0) {
                total = total.add(modeSeeking(sub, fake, oneHot, z, key, stepKey)
                        .mul(NativeScalar.of(sub, settings.modeSeekingWeight())));
            }
            collector.backward(total);
            loss = total.getFloat();
        }
        return loss;
    }
}

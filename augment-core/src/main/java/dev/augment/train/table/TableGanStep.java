package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.augment.random.SeededNoise;
import dev.augment.train.NativeScalar;
import dev.augment.train.PyTorchEngine;
import dev.augment.train.Recomputation;

/**
 * One draw of a CTGAN training step (Xu et al. 2019): {@code criticSteps} critic updates (WGAN-GP loss on packed real
 * and fake rows with their conditional vectors; WGAN-GP's {@code n_critic}, Gulrajani et al. 2017, each on its own draw
 * of classes, rows and noise), one update of the {@link AuxiliaryClassifier} on the last critic update's real rows when
 * there is one, then one generator update ({@code -mean(critic(fake))}, plus the auxiliary weight times the
 * classifier's cross-entropy of the fake rows against their classes), each class drawn by {@link ClassSampler}.
 *
 * <p>Noise, class and row draws are keyed by (seed, step, redraw); dropout, the penalty's mixing weights and
 * Gumbel noise come from the engine's generator, reseeded from (seed, step, redraw) before every draw, so a draw
 * depends only on the networks' state and its key. Constants that a gradient reads are {@link NativeScalar}s,
 * whose memory a garbage collection cannot free mid-step.
 *
 * <p>Non-finite updates are never applied: when a critic or generator update's loss or any of its gradients is
 * NaN or infinite, the update is dropped (gradients zeroed, weights untouched) and the caller draws the step
 * again; redraw {@code a} uses noise and class streams {@code 2a, 2a + 1} and row stream {@code a}.
 */
final class TableGanStep {

    /** Randomness key of the engine's seed for a step's dropout, penalty mixing and Gumbel noise. */
    private static final long ENGINE_KEY = 0x656e67L;
    /** How far apart the random streams of a step's critic updates lie (redraws use the streams between). */
    static final int CRITIC_STREAM_STRIDE = 1000;

    private final TableGanSettings settings;
    private final TableNetworks nets;
    private final TableEncoder encoder;
    private final float[] encoded;
    private final ClassSampler sampler;
    private final int batch;
    private final int classCount;

    /**
     * @param settings the run's settings, the auxiliary weight resolved
     * @param nets the networks and optimisers the step updates
     * @param encoder the table's encoder
     * @param encoded rows in the GAN's space, row-major {@code [rows, encoder.width()]}
     * @param sampler draws the classes and rows of a batch
     * @param batch rows per step
     * @param classCount number of classes
     */
    TableGanStep(TableGanSettings settings, TableNetworks nets, TableEncoder encoder, float[] encoded,
                 ClassSampler sampler, int batch, int classCount) {
        this.settings = settings;
        this.nets = nets;
        this.encoder = encoder;
        this.encoded = encoded;
        this.sampler = sampler;
        this.batch = batch;
        this.classCount = classCount;
    }

    /**
     * The step's critic updates, then one generator update.
     *
     * @param step the step, 0-based since the start of the run
     * @param attempt 0 for the step's first draw, then 1, 2, … for redraws after a dropped update
     * @return {critic loss with penalty, generator loss}, or null when an update was dropped because its loss
     *     or a gradient was not finite (critic updates made before it stand)
     */
    float[] run(long step, int attempt) {
        PyTorchEngine.get().setRandomSeed(SeededNoise.rng(settings.seed(), step, attempt, ENGINE_KEY)
                .nextInt(Integer.MAX_VALUE));
        try (NDManager sub = nets.manager.newSubManager()) {
            RealDraw last = null;
            float lossD = 0;
            for (int update = 0; update < settings.criticSteps(); update++) {
                // the last update's rows serve the classifier and the generator; earlier ones are freed at once, so
                // memory does not grow with the count (100 updates of credit-g's batch held 2.3 GB)
                boolean lastUpdate = update == settings.criticSteps() - 1;
                NDManager scope = lastUpdate ? sub : sub.newSubManager();
                try {
                    last = drawReal(scope, step, attempt, update);
                    Float loss = criticUpdate(scope, step, attempt, update, last);
                    if (loss == null) {
                        return null;
                    }
                    lossD = loss;
                } finally {
                    if (!lastUpdate) {
                        scope.close();
                    }
                }
            }
            if (nets.classifier != null) {
                trainClassifier(last.rows(), last.condition(), sub);
            }
            Float lossG = generatorUpdate(sub, step, attempt, last.rows());
            return lossG == null ? null : new float[] {lossD, lossG};
        }
    }

    /**
     * @param rows a batch of real rows in the GAN's space {@code [batch, width]}
     * @param condition their classes' conditional vectors {@code [batch, classes]}
     */
    private record RealDraw(NDArray rows, NDArray condition) {
    }

    /**
     * @param update the critic update within the step, from 0; update {@code u} shifts the class, row and noise
     *     streams by {@value #CRITIC_STREAM_STRIDE} × u, so update 0 draws what a one-critic-step run draws
     * @return the classes and real rows of one critic update
     */
    private RealDraw drawReal(NDManager sub, long step, int attempt, int update) {
        int width = encoder.width();
        int shift = CRITIC_STREAM_STRIDE * update;
        int[] drawn = sampler.classes(batch, step, 2 * attempt + shift);
        int[] rows = sampler.rows(drawn, step, attempt + shift);
        float[] real = new float[batch * width];
        for (int i = 0; i < batch; i++) {
            System.arraycopy(encoded, rows[i] * width, real, i * width, width);
        }
        return new RealDraw(sub.create(real, new Shape(batch, width)), oneHot(sub, drawn, classCount));
    }

    /**
     * One critic update on the draw's real rows and as many generated rows of the same classes.
     *
     * @return the critic's loss with its penalty, or null when the update was dropped for a non-finite loss or
     *     gradient (earlier updates of the step stand)
     */
    private Float criticUpdate(NDManager sub, long step, int attempt, int update, RealDraw draw) {
        NDArray realRows = draw.rows().concat(draw.condition(), 1);
        NDArray fake = GumbelSoftmax.activate(nets.generator.forward(
                noise(sub, step, 2 * attempt + CRITIC_STREAM_STRIDE * update), draw.condition(), true),
                encoder.spans(), settings.tau());
        NDArray fakeRows = fake.stopGradient().concat(draw.condition(), 1);
        float lossD;
        try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
            NDArray realScore = nets.discriminator.forward(realRows, true).score();
            NDArray fakeScore = nets.discriminator.forward(fakeRows, true).score();
            NDArray loss = fakeScore.mean().sub(realScore.mean());
            if (settings.penaltyWeight() > 0) {
                loss = loss.add(nets.discriminator.gradientPenalty(realRows, fakeRows)
                        .mul(NativeScalar.of(sub, settings.penaltyWeight())));
            }
            collector.backward(loss);
            lossD = loss.getFloat();
        }
        if (!Float.isFinite(lossD) || !Recomputation.finiteGradients(nets.discriminator.parameters(), sub)) {
            Recomputation.zeroGradients(nets.discriminator.parameters(), sub);
            Recomputation.zeroGradients(nets.generator.parameters(), sub);
            return null;
        }
        nets.stepDiscriminator(sub);
        TableNetworks.zeroGradients(nets.discriminator.parameters(), sub);
        return lossD;
    }

    /**
     * @param realEncoded the step's real rows {@code [batch, width]}, encoded, for the information loss
     * @return the generator's loss, or null when its update was dropped for a non-finite loss or gradient
     */
    private Float generatorUpdate(NDManager sub, long step, int attempt, NDArray realEncoded) {
        int[] drawnG = sampler.classes(batch, step, 2 * attempt + 1);
        NDArray conditionG = oneHot(sub, drawnG, classCount);
        float lossG;
        try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
            NDArray generated = GumbelSoftmax.activate(nets.generator.forward(noise(sub, step, 2 * attempt + 1),
                    conditionG, true), encoder.spans(), settings.tau());
            NDArray score = nets.discriminator.forward(generated.concat(conditionG, 1), true).score();
            NDArray loss = score.mean().neg();
            if (settings.informationWeight() > 0) {
                loss = loss.add(InformationLoss.of(realEncoded, generated)
                        .mul(NativeScalar.of(sub, settings.informationWeight())));
            }
            if (nets.classifier != null) {
                loss = loss.add(nets.classifier.crossEntropy(generated, conditionG, false)
                        .mul(NativeScalar.of(sub, settings.auxiliaryWeight())));
            }
            collector.backward(loss);
            lossG = loss.getFloat();
        }
        if (!Float.isFinite(lossG) || !Recomputation.finiteGradients(nets.generator.parameters(), sub)) {
            Recomputation.zeroGradients(nets.generator.parameters(), sub);
            Recomputation.zeroGradients(nets.discriminator.parameters(), sub);
            if (nets.classifier != null) {
                Recomputation.zeroGradients(nets.classifier.parameters(), sub);
            }
            return null;
        }
        nets.stepGenerator(sub);
        TableNetworks.zeroGradients(nets.generator.parameters(), sub);
        TableNetworks.zeroGradients(nets.discriminator.parameters(), sub);
        if (nets.classifier != null) {
            TableNetworks.zeroGradients(nets.classifier.parameters(), sub);
        }
        return lossG;
    }

    /**
     * One update of the auxiliary classifier on the critic step's real rows; an update whose loss or gradient is
     * not finite is dropped (the classifier sees only real rows, so this is not expected).
     */
    private void trainClassifier(NDArray realRows, NDArray condition, NDManager sub) {
        float loss;
        try (GradientCollector collector = PyTorchEngine.get().newGradientCollector()) {
            NDArray crossEntropy = nets.classifier.crossEntropy(realRows, condition, true);
            collector.backward(crossEntropy);
            loss = crossEntropy.getFloat();
        }
        if (Float.isFinite(loss) && Recomputation.finiteGradients(nets.classifier.parameters(), sub)) {
            nets.stepClassifier(sub);
            TableNetworks.zeroGradients(nets.classifier.parameters(), sub);
        } else {
            Recomputation.zeroGradients(nets.classifier.parameters(), sub);
        }
    }

    /** @return standard normal noise {@code [batch, latentDim]} keyed by (seed, step, stream) */
    private NDArray noise(NDManager sub, long step, int stream) {
        float[] z = new float[batch * settings.latentDim()];
        SeededNoise.gaussian(z, 0, z.length, settings.seed(), step, stream, 0x7aL);
        return sub.create(z, new Shape(batch, settings.latentDim()));
    }

    /**
     * @param manager owns the result
     * @param classes class index of every row
     * @param classCount number of classes
     * @return the conditional vectors, float32 one-hot {@code [classes.length, classCount]}
     */
    static NDArray oneHot(NDManager manager, int[] classes, int classCount) {
        return manager.create(classes).toType(DataType.INT32, false).oneHot(classCount).toType(DataType.FLOAT32, false);
    }
}

package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import dev.augment.random.SeededNoise;

import java.util.List;

/**
 * The generator, the critic, the optional auxiliary classifier and an Adam optimiser for each, all owned by one
 * DJL manager. DJL's {@link Adam} is used directly, without a DJL {@code Trainer}; its update zeroes the gradient
 * of each parameter it updates, and {@link #zeroGradients} clears what the generator step leaves on the critic.
 */
final class TableNetworks implements AutoCloseable {

    final NDManager manager;
    final TableGenerator generator;
    final PacDiscriminator discriminator;
    private final Adam adamG;
    private final Adam adamD;
    /** The auxiliary classifier, or null when the settings' auxiliary weight is 0. */
    final AuxiliaryClassifier classifier;
    private final Adam adamC;

    TableNetworks(TableGanSettings settings, int encodedWidth, int classes) {
        manager = NDManager.newBaseManager("PyTorch");
        try {
            generator = new TableGenerator(manager, settings.latentDim(), classes,
                    settings.generatorWidths().stream().mapToInt(Integer::intValue).toArray(), encodedWidth,
                    SeededNoise.rng(settings.seed(), 0x67656eL));
            discriminator = new PacDiscriminator(manager, encodedWidth + classes, settings.pac(),
                    settings.discriminatorWidths().stream().mapToInt(Integer::intValue).toArray(),
                    SeededNoise.rng(settings.seed(), 0x646973L));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        adamG = adam(settings.learningRateG(), settings);
        adamD = adam(settings.learningRateD(), settings);
        classifier = settings.auxiliaryWeight() > 0 ? auxiliary(settings, encodedWidth, classes) : null;
        adamC = adam(settings.learningRateD(), settings);
    }

    private AuxiliaryClassifier auxiliary(TableGanSettings settings, int encodedWidth, int classes) {
        try {
            return new AuxiliaryClassifier(manager, encodedWidth, classes,
                    settings.discriminatorWidths().stream().mapToInt(Integer::intValue).toArray(),
                    SeededNoise.rng(settings.seed(), 0x636c66L));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static Adam adam(float rate, TableGanSettings settings) {
        return Adam.builder().optLearningRateTracker(Tracker.fixed(rate)).optBeta1(settings.beta1())
                .optBeta2(settings.beta2()).optWeightDecays(settings.weightDecay()).build();
    }

    /** Applies one Adam update to the generator from its gradients. */
    void stepGenerator(NDManager scratch) {
        step(adamG, "g", generator.parameters(), scratch);
    }

    /** Applies one Adam update to the auxiliary classifier from its gradients (the critic's learning rate). */
    void stepClassifier(NDManager scratch) {
        step(adamC, "c", classifier.parameters(), scratch);
    }

    /** Applies one Adam update to the critic from its gradients. */
    void stepDiscriminator(NDManager scratch) {
        step(adamD, "d", discriminator.parameters(), scratch);
    }

    private static void step(Adam adam, String prefix, List<NDArray> parameters, NDManager scratch) {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i);
            NDArray grad = weight.getGradient();
            grad.attach(scratch);
            adam.update(prefix + i, weight, grad);
        }
    }

    /** Zeroes the gradients of arrays (DJL's PyTorch collector never does). */
    static void zeroGradients(List<NDArray> parameters, NDManager scratch) {
        for (NDArray p : parameters) {
            NDArray grad = p.getGradient();
            grad.attach(scratch);
            grad.subi(grad);
        }
    }

    /** @return true when every gradient of the arrays is finite (no NaN, no infinity) */
    static boolean finiteGradients(List<NDArray> parameters, NDManager scratch) {
        for (NDArray p : parameters) {
            NDArray grad = p.getGradient();
            grad.attach(scratch);
            if (grad.isNaN().logicalOr(grad.isInfinite()).any().getBoolean()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Sets every gradient of the arrays to exactly 0, NaN and infinite entries included (which
     * {@link #zeroGradients}' subtraction would leave NaN).
     */
    static void clearGradients(List<NDArray> parameters, NDManager scratch) {
        for (NDArray p : parameters) {
            NDArray grad = p.getGradient();
            grad.attach(scratch);
            grad.muli(0f);
            grad.set(grad.isNaN(), 0f);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}

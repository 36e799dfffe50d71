package dev.augment.eval.cnn;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.augment.cancel.CancellationToken;
import dev.augment.train.NativeScalar;
import dev.augment.train.Recomputation;
import dev.augment.train.TrainingDivergedException;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The training loop (DJL, PyTorch engine): weighted softmax cross-entropy
 * {@code −Σ_i w_i · log softmax(f(x_i))[y_i] / b} over a batch of {@code b} examples, Adam, a fixed number
 * of steps. Batches walk through a seeded permutation of the data that is redrawn when fewer than
 * {@code b} examples remain. Weights start He-uniform ({@code U(±√(6 / fan_in))}) and biases at 0,
 * drawn from the seed here rather than from the engine's global generator. One
 * {@link GradientCollector} at a time; per-step arrays live in a sub-manager that closes after the step. A
 * {@link CancellationToken} is checked before every step, so a signal stops training within one step.
 */
final class CnnTraining {

    static final String ENGINE = "PyTorch";

    private CnnTraining() {
    }

    /**
     * @param architecture the network
     * @param images {@code n} images, flat, in (channel, row, column) order, already scaled
     * @param labels class index of each image, in [0, classes)
     * @param weights example weight of each image (the loss weight)
     * @param steps optimiser steps, ≥ 1
     * @param batchSize examples per step; at most {@code n} are used
     * @param learningRate Adam's learning rate
     * @param seed seed of the initial weights and of the batch order
     * @param cancellation checked before every step
     * @return the trained weights, copied out of DJL
     * @throws TrainingDivergedException when the loss stays non-finite on one batch (one line, no stack trace on the
     *     command line)
     * @throws dev.augment.cancel.CancelledException when the token is cancelled
     */
    static CnnWeights train(CnnArchitecture architecture, float[] images, int[] labels, float[] weights, int steps,
                            int batchSize, float learningRate, long seed, CancellationToken cancellation) {
        int n = labels.length;
        int pixels = architecture.pixels();
        int classes = architecture.classes();
        int b = Math.min(batchSize, n);
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom initRng = rng.split();
        SequentialBlock block = architecture.build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build());
        dev.augment.train.PyTorchEngine.get(); // one EnvironmentException line when it cannot load
        try (Model model = Model.newInstance("cnn", ENGINE)) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(architecture.inputShape(b));
                heUniform(block, initRng);
                int[] order = identity(n);
                Recomputation recomputation = new Recomputation();
                int next = n;
                float[] x = new float[b * pixels];
                float[] target = new float[b * classes];
                for (int step = 0; step < steps; step++) {
                    if (cancellation.isCancelled()) {
                        cancellation.throwIfCancelled("training the CNN, at step " + (step + 1) + " of " + steps);
                    }
                    if (next + b > n) {
                        shuffle(order, rng);
                        next = 0;
                    }
                    Arrays.fill(target, 0f);
                    for (int i = 0; i < b; i++) {
                        int row = order[next + i];
                        System.arraycopy(images, row * pixels, x, i * pixels, pixels);
                        target[i * classes + labels[row]] = weights[row];
                    }
                    next += b;
                    float loss = step(trainer, block, architecture, x, target, b, recomputation);
                    if (!Float.isFinite(loss)) {
                        // the same pass came out non-finite ATTEMPTS times: divergence, or oneDNN's NaN events with
                        // small convolutions on several threads (a Tribuo user, 6 Dec), which one thread avoids
                        throw new TrainingDivergedException("CNN training diverged at step " + (step + 1) + " (loss "
                                + loss + ", " + Recomputation.ATTEMPTS + " times on the same batch); lower the "
                                + "learning rate or the example weights, or, if it recurs at other seeds and learning "
                                + "rates, try one PyTorch thread (-Dai.djl.pytorch.num_threads=1; AUGMENT_JAVA_OPTS "
                                + "on the command line)");
                    }
                }
                return CnnWeights.copyOf(block);
            }
        }
    }

    /**
     * One optimiser step; a pass whose loss or gradients come out non-finite is computed again on the same batch
     * ({@link Recomputation}, as the GANs do).
     *
     * @return the loss, not finite when every attempt's was not
     */
    private static float step(Trainer trainer, Block block, CnnArchitecture architecture, float[] x, float[] target,
                              int b, Recomputation recomputation) {
        try (NDManager step = trainer.getManager().newSubManager()) {
            NDArray input = step.create(x, architecture.inputShape(b));
            NDArray weightedOneHot = step.create(target, new Shape(b, architecture.classes()));
            return recomputation.run(() -> pass(trainer, step, input, weightedOneHot, b),
                    () -> Recomputation.finiteGradients(block, step), trainer::step,
                    () -> Recomputation.zeroGradients(block, step));
        }
    }

    /** @return the loss of one forward and backward pass, its gradients left in place */
    private static float pass(Trainer trainer, NDManager step, NDArray input, NDArray weightedOneHot, int b) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
            // A PyTorch-owned constant: the backward pass of div reads it (NativeScalar says why).
            NDArray loss = logits.logSoftmax(1).mul(weightedOneHot).sum().neg().div(NativeScalar.of(step, b));
            collector.backward(loss);
            return loss.getFloat();
        }
    }

    private static void heUniform(SequentialBlock block, SplittableRandom rng) {
        for (Parameter p : block.getParameters().values()) {
            NDArray array = p.getArray();
            float[] values = new float[Math.toIntExact(array.size())];
            if (p.getType() == Parameter.Type.WEIGHT) {
                long[] shape = array.getShape().getShape();
                long fanIn = array.size() / shape[0];
                double bound = Math.sqrt(6.0 / fanIn);
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
                }
            }
            array.set(values);
        }
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static void shuffle(int[] order, SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}

package dev.augment.eval.embedding;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import dev.augment.cancel.CancellationToken;
import java.util.SplittableRandom;

/**
 * Trains the {@link EmbeddingNetwork} with DJL (PyTorch engine): softmax cross-entropy, Adam, one
 * {@link GradientCollector} per step, per-step arrays in a sub-manager. Shuffling comes from a
 * {@link SplittableRandom} seeded with the settings' seed and initialisation from the engine's
 * seeded generator, so equal inputs give equal weights on one machine.
 */
public final class EmbeddingTrainer {

    private static final String ENGINE = "PyTorch";

    private EmbeddingTrainer() {
    }

    /**
     * @param features real training rows in feature scale
     * @param labels class index of each row
     * @param classes number of classes
     * @param scale divisor that brings features to about [0, 1] (255 for pixels)
     * @param settings network and training settings
     * @return the trained network, copied out of DJL
     */
    public static EmbeddingNetwork train(float[][] features, int[] labels, int classes, float scale,
                                         EmbeddingSettings settings) {
        return train(features, labels, classes, scale, settings, new CancellationToken());
    }

    /**
     * As {@link #train(float[][], int[], int, float, EmbeddingSettings)}, stoppable: the token is looked at before
     * every optimiser step.
     *
     * @param cancellation the token to watch
     * @return the trained network
     * @throws dev.augment.cancel.CancelledException when the token is cancelled during training
     */
    public static EmbeddingNetwork train(float[][] features, int[] labels, int classes, float scale,
                                         EmbeddingSettings settings, CancellationToken cancellation) {
        if (features.length == 0 || features.length != labels.length) {
            throw new IllegalArgumentException("need as many labels as rows (at least one), had "
                    + features.length + " rows and " + labels.length + " labels");
        }
        int dim = features[0].length;
        // one EnvironmentException line when it cannot load
        dev.augment.train.PyTorchEngine.get().setRandomSeed((int) settings.seed());
        Linear first = Linear.builder().setUnits(settings.hidden()).build();
        Linear second = Linear.builder().setUnits(settings.embeddingDim()).build();
        Linear head = Linear.builder().setUnits(classes).build();
        SequentialBlock block = new SequentialBlock().add(first).add(Activation.reluBlock())
                .add(second).add(Activation.reluBlock()).add(head);
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(settings.learningRate())).build());
        try (NDManager manager = NDManager.newBaseManager(ENGINE);
             Model model = Model.newInstance("embedding", ENGINE)) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(new Shape(settings.batchSize(), dim));
                int[] order = new int[features.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                SplittableRandom rng = new SplittableRandom(settings.seed());
                for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                    shuffle(order, rng);
                    for (int start = 0; start < order.length; start += settings.batchSize()) {
                        cancellation.throwIfCancelled("training the embedding network");
                        int b = Math.min(settings.batchSize(), order.length - start);
                        step(trainer, manager, features, labels, order, start, b, dim, scale);
                    }
                }
            }
            return new EmbeddingNetwork(dense(first, dim), dense(second, settings.hidden()),
                    dense(head, settings.embeddingDim()), scale);
        }
    }

    private static void step(Trainer trainer, NDManager manager, float[][] features, int[] labels, int[] order,
                             int start, int b, int dim, float scale) {
        float[] x = new float[b * dim];
        float[] y = new float[b];
        for (int i = 0; i < b; i++) {
            float[] row = features[order[start + i]];
            for (int d = 0; d < dim; d++) {
                x[i * dim + d] = row[d] / scale;
            }
            y[i] = labels[order[start + i]];
        }
        try (NDManager step = manager.newSubManager()) {
            NDArray input = step.create(x, new Shape(b, dim));
            NDArray target = step.create(y, new Shape(b));
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(logits));
                collector.backward(loss);
            }
            trainer.step();
        }
    }

    private static EmbeddingNetwork.Dense dense(Linear layer, int in) {
        float[] weights = layer.getParameters().get("weight").getArray().toFloatArray();
        float[] bias = layer.getParameters().get("bias").getArray().toFloatArray();
        return new EmbeddingNetwork.Dense(weights, bias, in, bias.length);
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

package dev.augment.eval.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;

import java.util.List;

/**
 * A trained network rebuilt in DJL for prediction: the block is built from the architecture, its
 * parameters are set from the plain weights and frozen, and images go through it in batches of
 * {@value #BATCH} in inference mode. Everything native lives in one manager that {@link #close()} frees;
 * instances are short-lived and not shared between threads.
 */
final class CnnInference implements AutoCloseable {

    /** Images per forward pass. */
    static final int BATCH = 256;

    private final CnnArchitecture architecture;
    private final NDManager manager;
    private final SequentialBlock block;
    private final ParameterStore store;

    CnnInference(CnnArchitecture architecture, CnnWeights weights) {
        this.architecture = architecture;
        dev.augment.train.PyTorchEngine.get(); // one EnvironmentException line when it cannot load
        this.manager = NDManager.newBaseManager(CnnTraining.ENGINE);
        try {
            this.block = architecture.build();
            block.initialize(manager, DataType.FLOAT32, architecture.inputShape(1));
            weights.copyInto(block);
            block.freezeParameters(true);
            this.store = new ParameterStore(manager, false);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * @param images {@code count} images, flat, in (channel, row, column) order, already scaled
     * @param count how many
     * @return the softmax probabilities, {@code count × classes}, row-major
     */
    float[] probabilities(float[] images, int count) {
        int pixels = architecture.pixels();
        int classes = architecture.classes();
        float[] out = new float[count * classes];
        for (int start = 0; start < count; start += BATCH) {
            int b = Math.min(BATCH, count - start);
            float[] x = new float[b * pixels];
            System.arraycopy(images, start * pixels, x, 0, b * pixels);
            try (NDManager step = manager.newSubManager()) {
                NDArray input = step.create(x, architecture.inputShape(b));
                NDArray probabilities = block.forward(store, new NDList(input), false).singletonOrThrow().softmax(1);
                System.arraycopy(probabilities.toFloatArray(), 0, out, start * classes, b * classes);
            }
        }
        return out;
    }

    /**
     * Runs images through the network once and keeps two things of each: the activations of the last
     * hidden layer (the dense layer after its ReLU, {@code hiddenUnits} values) and the predicted class
     * (the largest logit).
     *
     * @param images {@code count} images, flat, in (channel, row, column) order, already scaled
     * @param count how many
     * @param features receives the hidden activations, {@code count × hiddenUnits}, row-major
     * @param predicted receives the class index of each image, {@code count} long
     */
    void penultimate(float[] images, int count, float[] features, int[] predicted) {
        int pixels = architecture.pixels();
        int hidden = architecture.hiddenUnits();
        int classes = architecture.classes();
        List<Block> layers = block.getChildren().values();
        for (int start = 0; start < count; start += BATCH) {
            int b = Math.min(BATCH, count - start);
            float[] x = new float[b * pixels];
            System.arraycopy(images, start * pixels, x, 0, b * pixels);
            try (NDManager step = manager.newSubManager()) {
                NDList activations = new NDList(step.create(x, architecture.inputShape(b)));
                for (Block layer : layers.subList(0, layers.size() - 1)) {
                    activations = layer.forward(store, activations, false);
                }
                System.arraycopy(activations.singletonOrThrow().toFloatArray(), 0, features, start * hidden,
                        b * hidden);
                NDArray logits = layers.get(layers.size() - 1).forward(store, activations, false).singletonOrThrow();
                float[] l = logits.toFloatArray();
                for (int i = 0; i < b; i++) {
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        if (l[i * classes + c] > l[i * classes + best]) {
                            best = c;
                        }
                    }
                    predicted[start + i] = best;
                }
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}

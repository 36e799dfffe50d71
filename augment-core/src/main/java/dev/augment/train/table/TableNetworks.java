package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.augment.random.SeededNoise;
import dev.augment.train.AdamState;
import dev.augment.train.Checkpoints;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The generator, the critic, the optional auxiliary classifier (CTAB-GAN) and an Adam optimiser for each, all
 * owned by one DJL manager. The optimisers are {@link AdamState}s (DJL's Adam update, with moments a checkpoint
 * can save); an update zeroes the gradient of each parameter it updates, and {@link #zeroGradients} clears what
 * the generator step leaves on the critic. {@link #save} and {@link #load} carry every weight, the batch-norm
 * running statistics and every optimiser's state.
 */
final class TableNetworks implements AutoCloseable {

    final NDManager manager;
    final TableGenerator generator;
    final PacDiscriminator discriminator;
    private final AdamState adamG;
    private final AdamState adamD;
    /** The auxiliary classifier, or null when the settings' auxiliary weight is 0. */
    final AuxiliaryClassifier classifier;
    /** The classifier's optimiser, or null with the classifier. */
    private final AdamState adamC;

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
        adamG = AdamState.of(generator.parameters(), manager, settings.learningRateG(), settings.beta1(),
                settings.beta2(), settings.weightDecay());
        adamD = AdamState.of(discriminator.parameters(), manager, settings.learningRateD(), settings.beta1(),
                settings.beta2(), settings.weightDecay());
        classifier = settings.auxiliaryWeight() > 0 ? auxiliary(settings, encodedWidth, classes) : null;
        adamC = classifier == null ? null : AdamState.of(classifier.parameters(), manager, settings.learningRateD(),
                settings.beta1(), settings.beta2(), settings.weightDecay());
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

    /** Applies one Adam update to the generator from its gradients. */
    void stepGenerator(NDManager scratch) {
        adamG.update(scratch);
    }

    /** Applies one Adam update to the auxiliary classifier from its gradients (the critic's learning rate). */
    void stepClassifier(NDManager scratch) {
        adamC.update(scratch);
    }

    /** Applies one Adam update to the critic from its gradients. */
    void stepDiscriminator(NDManager scratch) {
        adamD.update(scratch);
    }

    /** @return critic updates applied so far (resumed runs count the checkpoint's) */
    int criticUpdates() {
        return adamD.steps();
    }

    /** @return generator updates applied so far */
    int generatorUpdates() {
        return adamG.steps();
    }

    /** @return auxiliary classifier updates applied so far, 0 without one */
    int classifierUpdates() {
        return adamC == null ? 0 : adamC.steps();
    }

    /**
     * Writes the state training continues from: the generator's weights and batch-norm running statistics, the
     * critic's weights and the auxiliary classifier's (when there is one), then every optimiser.
     *
     * @param out the checkpoint stream
     * @throws IOException when writing fails
     */
    void save(DataOutputStream out) throws IOException {
        List<NDArray> arrays = state();
        out.writeInt(arrays.size());
        for (NDArray array : arrays) {
            Checkpoints.writeFloats(out, array.toFloatArray());
        }
        adamG.save(out);
        adamD.save(out);
        if (adamC != null) {
            adamC.save(out);
        }
    }

    /**
     * Reads what {@link #save} wrote for networks of the same shapes.
     *
     * @param in the checkpoint stream
     * @throws IOException when the stream ends early or holds other shapes
     */
    void load(DataInputStream in) throws IOException {
        List<NDArray> arrays = state();
        int count = in.readInt();
        if (count != arrays.size()) {
            throw new IOException("the checkpoint holds " + count + " arrays, the networks have " + arrays.size());
        }
        for (NDArray array : arrays) {
            array.set(Checkpoints.readFloats(in, Math.toIntExact(array.size())));
        }
        adamG.load(in);
        adamD.load(in);
        if (adamC != null) {
            adamC.load(in);
        }
    }

    /** @return every array training changes, in a fixed order */
    private List<NDArray> state() {
        List<NDArray> arrays = new ArrayList<>(generator.parameters());
        for (BatchNormLayer norm : generator.norms) {
            arrays.add(norm.runningMean);
            arrays.add(norm.runningVar);
        }
        arrays.addAll(discriminator.parameters());
        if (classifier != null) {
            arrays.addAll(classifier.parameters());
        }
        return arrays;
    }

    /** Zeroes the gradients of arrays (DJL's PyTorch collector never does). */
    static void zeroGradients(List<NDArray> parameters, NDManager scratch) {
        for (NDArray p : parameters) {
            NDArray grad = p.getGradient();
            grad.attach(scratch);
            grad.subi(grad);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}

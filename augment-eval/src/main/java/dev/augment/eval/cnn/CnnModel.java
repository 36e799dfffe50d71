package dev.augment.eval.cnn;

import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small convolutional network trained by {@link CnnTrainer}, predicting like any Tribuo classifier:
 * each example is read as an image (its features placed by name, values divided by the trainer's
 * {@code inputDivisor}, absent pixels 0), and the prediction holds the softmax probability of every
 * label ({@link #generatesProbabilities()} is true). Features that are not pixels of the image are
 * ignored; {@link Prediction#getNumActiveFeatures()} counts the ones that are. An example with no pixel
 * of the image at all (an image of another size or layout, made-up feature names, an empty example) is refused
 * with an {@link IllegalArgumentException}, as Tribuo's own models refuse an example with no known feature: a
 * prediction from an all-zero image would look like an answer. An example with a NaN or infinite pixel is refused
 * the same way: its scores would all be NaN; so is an image of another size or channel count whose pixel names are
 * the model's first ones (a 14×14 image for a 28×28 model, a grey image for a colour one; see
 * {@code ImageLayout.otherImageSize}) or beyond the model's, and a value above 16 for a model trained on values in
 * [0, 1]. Values all in [0, 1] and fractional for a model trained on 0–255 pixels are logged once (a warning of
 * {@code java.util.logging}).
 *
 * <p><b>Native resources.</b> The model holds its weights as plain float arrays. Each call of
 * {@code predict} rebuilds the network in DJL (PyTorch engine), runs the examples through it in
 * batches of 256 and frees it before returning, so nothing native outlives a call and the model is
 * safe to use from several threads; predict many examples per call ({@code predict(Iterable)} or
 * {@code predict(Dataset)}), as each call pays the rebuild (about a millisecond for the default
 * sizes). The PyTorch engine must be on the class path at prediction time.
 *
 * <p><b>Serialisation.</b> Java serialisation writes and restores the weights, the image layout and
 * the Tribuo state; a deserialised model predicts exactly as before. Tribuo's protobuf serialisation
 * ({@link #serialize()}) is not supported and throws {@link UnsupportedOperationException}.
 * {@link #getTopFeatures(int)} is empty and {@link #getExcuse(Example)} is empty: a CNN has no
 * per-feature weights to report.
 */
public final class CnnModel extends Model<Label> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final ImageLayout layout;
    private final double inputDivisor;
    private final CnnArchitecture architecture;
    private final CnnWeights weights;

    private static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger(CnnModel.class.getName());

    /** Whether the scale warning was logged; once per model, not per example. */
    private transient volatile boolean scaleWarned;

    CnnModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap,
             ImmutableOutputInfo<Label> outputIDInfo, ImageLayout layout, double inputDivisor,
             CnnArchitecture architecture, CnnWeights weights) {
        super(name, provenance, featureIDMap, outputIDInfo, true);
        if (architecture.classes() != outputIDInfo.size() || architecture.pixels() != layout.pixels()) {
            throw new IllegalArgumentException("the network (" + architecture + ") does not match " + layout.pixels()
                    + " pixels and " + outputIDInfo.size() + " labels");
        }
        this.layout = layout;
        this.inputDivisor = inputDivisor;
        this.architecture = architecture;
        this.weights = weights;
    }

    /** @return the image shape the model reads, {@code [channels, height, width]} */
    public List<Integer> imageShape() {
        return List.of(layout.channels(), layout.height(), layout.width());
    }

    /** @return the number of trained values (weights and biases) */
    public long parameterCount() {
        return weights.size();
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return innerPredict(List.of(example)).get(0);
    }

    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        List<Example<Label>> list = new ArrayList<>();
        examples.forEach(list::add);
        int pixels = layout.pixels();
        float[] images = new float[list.size() * pixels];
        int[] used = new int[list.size()];
        for (int i = 0; i < list.size(); i++) {
            used[i] = layout.fill(list.get(i), inputDivisor, images, i * pixels);
            for (int p = i * pixels; p < (i + 1) * pixels; p++) {
                if (!Float.isFinite(images[p])) {
                    // predicted as label 0 with every score NaN, without a word (a fresh user, 5 Dec)
                    throw new IllegalArgumentException("example " + i + ": pixel '" + layout.names().get(p - i * pixels)
                            + "' is " + images[p] + "; a network's prediction from a NaN or infinite value is NaN");
                }
            }
            java.util.Optional<String> other = layout.otherImageSize(list.get(i));
            if (other.isPresent()) {
                throw new IllegalArgumentException("example " + i + " reads as " + other.get() + ", not as the "
                        + "model's " + layout.channels() + "x" + layout.height() + "x" + layout.width() + " image (its "
                        + "pixels are named as the first ones of the model's): the model reads images of its own "
                        + "size and channels; resize or convert the image first");
            }
            requireTheTrainingScale(images, i * pixels, pixels, i);
            if (used[i] == 0) {
                throw new IllegalArgumentException("No features found in Example: none of its " + list.get(i).size()
                        + " features is a pixel of the model's " + layout.channels() + "x" + layout.height() + "x"
                        + layout.width() + " image (e.g. " + featureIDMap.get(0).getName() + "); is it an image of "
                        + "another size or source?");
            }
        }
        float[] probabilities;
        try (CnnInference network = new CnnInference(architecture, weights)) {
            probabilities = network.probabilities(images, list.size());
        }
        int classes = architecture.classes();
        List<Prediction<Label>> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(prediction(list.get(i), probabilities, i * classes, used[i]));
        }
        return out;
    }

    /**
     * A model trained on scaled values (divisor 1, values in [0, 1]) fed 0–255 pixels saturates and predicts one
     * class; one trained on 0–255 pixels (divisor above 1) fed values already in [0, 1] sees an almost black image
     * (a Tribuo user, 6 Dec: another class, without a word). The first is refused as the trainer refuses it; the
     * second is said once per model in Tribuo's log, since a near-black image of fractional pixels is possible.
     */
    private void requireTheTrainingScale(float[] images, int from, int pixels, int example) {
        float largest = 0;
        boolean fractional = false;
        for (int p = from; p < from + pixels; p++) {
            largest = Math.max(largest, Math.abs(images[p]));
            double raw = images[p] * inputDivisor;
            fractional |= Math.abs(raw - Math.rint(raw)) > 1e-3;
        }
        if (inputDivisor == 1.0 && largest > CnnTrainer.LARGEST_SCALED_VALUE) {
            throw new IllegalArgumentException("example " + example + " has a value of " + largest + ", but the model "
                    + "was trained on values in [0, 1] (inputDivisor 1): scale the example as its training data was");
        }
        if (inputDivisor > 1.0 && fractional && largest * inputDivisor <= 1.0 && !scaleWarned) {
            scaleWarned = true;
            LOGGER.warning("example " + example + " has every value in [0, 1] and fractional, but the model was "
                    + "trained on values up to " + inputDivisor + " (it divides them by that): if the example is "
                    + "already scaled, give it the raw values (0-255 pixels)");
        }
    }

    private Prediction<Label> prediction(Example<Label> example, float[] probabilities, int offset, int used) {
        Map<String, Label> scores = new LinkedHashMap<>();
        int best = 0;
        for (int id = 0; id < architecture.classes(); id++) {
            String label = outputIDInfo.getOutput(id).getLabel();
            scores.put(label, new Label(label, probabilities[offset + id]));
            if (probabilities[offset + id] > probabilities[offset + best]) {
                best = id;
            }
        }
        Label winner = new Label(outputIDInfo.getOutput(best).getLabel(), probabilities[offset + best]);
        return new Prediction<>(winner, scores, used, example, true);
    }

    /** @return an empty map: the network has no per-feature weights */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    /** @return empty: the network gives no excuses */
    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected CnnModel copy(String newName, ModelProvenance newProvenance) {
        return new CnnModel(newName, newProvenance, featureIDMap, outputIDInfo, layout, inputDivisor, architecture,
                weights);
    }

    /**
     * @throws UnsupportedOperationException always, before the file is created: use Java serialisation
     */
    @Override
    public void serializeToFile(java.nio.file.Path path) {
        throw new UnsupportedOperationException("CnnModel does not support Tribuo's protobuf serialisation, so "
                + path + " was not written; use Java serialisation (ObjectOutputStream), which keeps its weights");
    }

    /** @throws UnsupportedOperationException always: use Java serialisation */
    @Override
    public ModelProto serialize() {
        throw new UnsupportedOperationException("CnnModel does not support Tribuo's protobuf serialisation; "
                + "use Java serialisation (ObjectOutputStream), which keeps its weights");
    }
}

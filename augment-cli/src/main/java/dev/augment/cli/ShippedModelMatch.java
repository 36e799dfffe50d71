package dev.augment.cli;

import dev.augment.onnx.ModelCatalog;
import dev.augment.schema.SampleSchema;

import java.util.List;

/**
 * For a command whose model (given, or the default) does not make its data: the shipped models (in
 * {@link ModelOption#modelsFolder()}) that do, with the same features and the same labels in the same order, so the
 * error can name the one to pass (a fresh user's finding, 4 Dec: {@code score --data datasets/cifar10-sample} said only
 * "pass a model trained on this kind of data" while {@code models/cifar10.onnx} was beside the default).
 */
final class ShippedModelMatch {

    private ShippedModelMatch() {
    }

    /**
     * {@link dev.augment.eval.ModelMatch#require}, its error naming a shipped model that makes the data's classes, when one does.
     *
     * @param generator the model given or defaulted
     * @param data the data's schema
     * @param dataName what the data is, for the message
     * @throws dev.augment.errors.ModelContractException when the model does not make the data
     */
    static void require(dev.augment.generate.OnnxGenerator generator, SampleSchema data, String dataName) {
        try {
            dev.augment.eval.ModelMatch.require(generator, data, dataName);
        } catch (dev.augment.errors.ModelContractException e) {
            String hint = hint(data);
            throw hint.isEmpty() ? e : new dev.augment.errors.ModelContractException(e.getMessage() + hint, e);
        }
    }

    /**
     * @param data the data's schema
     * @return "; models/cifar10.onnx makes these classes: pass --model models/cifar10.onnx", or "" when no shipped
     *     model matches or the folder cannot be read
     */
    static String hint(SampleSchema data) {
        try {
            List<String> matching = ModelCatalog.scan(ModelOption.modelsFolder()).models().stream()
                    .filter(m -> m.schema().featureCount() == data.featureCount()
                            && m.schema().labels().equals(data.labels()))
                    .map(m -> m.file().toString()).toList();
            return matching.isEmpty() ? "" : "; " + matching.get(0) + " makes these classes: pass --model "
                    + matching.get(0);
        } catch (RuntimeException e) {
            return ""; // the hint is a courtesy: the mismatch itself is the error to report
        }
    }
}

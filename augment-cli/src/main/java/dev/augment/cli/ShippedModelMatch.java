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
        require(generator, data, dataName, false);
    }

    /**
     * As {@link #require(dev.augment.generate.OnnxGenerator, SampleSchema, String)}, the class names compared also
     * when they equal the labels, where the user gave them ({@code --names mnist})
     *
     * @param generator the model given or defaulted
     * @param data the data's schema
     * @param dataName what the data is, for the message
     * @param namesGiven whether {@code --names} was given
     */
    static void require(dev.augment.generate.OnnxGenerator generator, SampleSchema data, String dataName,
                        boolean namesGiven) {
        require(generator, data, dataName, namesGiven, false);
    }

    /**
     * As {@link #require(dev.augment.generate.OnnxGenerator, SampleSchema, String, boolean)}, taking data of some of
     * the model's classes where {@code someClasses} (see {@link dev.augment.eval.ModelMatch})
     *
     * @param generator the model given or defaulted
     * @param data the data's schema
     * @param dataName what the data is, for the message
     * @param namesGiven whether {@code --names} was given
     * @param someClasses whether data of some of the model's labels is taken
     */
    static void require(dev.augment.generate.OnnxGenerator generator, SampleSchema data, String dataName,
                        boolean namesGiven, boolean someClasses) {
        try {
            dev.augment.eval.ModelMatch.require(generator, data, dataName, namesGiven, someClasses);
        } catch (dev.augment.errors.ModelContractException e) {
            String hint = hint(data, generator.path(), someClasses);
            throw hint.isEmpty() ? e : new dev.augment.errors.ModelContractException(e.getMessage() + hint, e);
        }
    }

    /**
     * @param data the data's schema
     * @return "; models/cifar10.onnx makes these classes: pass --model models/cifar10.onnx", or "" when no shipped
     *     model matches or the folder cannot be read
     */
    static String hint(SampleSchema data) {
        return hint(data, null);
    }

    /**
     * @param data the data's schema
     * @param given the model given, never suggested: the hint sent a user with a pixel CSV back to the model they
     *     had passed (a fresh user, 6 Dec); null for none
     * @return as {@link #hint(SampleSchema)}, another model than {@code given}
     */
    static String hint(SampleSchema data, java.nio.file.Path given) {
        return hint(data, given, false);
    }

    /**
     * @param data the data's schema
     * @param given the model given, never suggested
     * @param someClasses whether a model that makes the data's classes among others is taken: oversample of three
     *     CIFAR-10 class folders was told only to "pass a model trained on this kind of data", and takes
     *     {@code models/cifar10.onnx} (a fresh user, 7 Dec)
     * @return as {@link #hint(SampleSchema, java.nio.file.Path)}
     */
    static String hint(SampleSchema data, java.nio.file.Path given, boolean someClasses) {
        try {
            List<String> matching = ModelCatalog.scan(ModelOption.modelsFolder()).models().stream()
                    .filter(m -> m.schema().featureCount() == data.featureCount() && !sameFile(m.file(), given)
                            // by labels only: a match by class names was refused once followed (a re-check)
                            && (m.schema().labels().equals(data.labels()) || someClasses
                            && m.schema().labels().containsAll(data.labels())))
                    .map(m -> m.file().toString()).toList();
            return matching.isEmpty() ? "" : "; " + matching.get(0) + " makes these classes: pass --model "
                    + matching.get(0);
        } catch (RuntimeException e) {
            return ""; // the hint is a courtesy: the mismatch itself is the error to report
        }
    }

    private static boolean sameFile(java.nio.file.Path a, java.nio.file.Path b) {
        try {
            return b != null && java.nio.file.Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}

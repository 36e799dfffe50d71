package dev.augment.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augment.data.DataFingerprint;
import dev.augment.data.DenseSamples;
import dev.augment.io.PhysicalPaths;
import dev.augment.onnx.ModelMetadata;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Decides from a generator's provenance whether it was trained on data that includes the test set.
 * The provenance holds the training data's SHA-256 and description, so the guard can recognise a
 * model trained on exactly the test set, on training + test set (either order), or whose recorded
 * source is the test file or a test split. It cannot recognise a model trained on an unrecorded
 * mix; that limit is stated in the README.
 */
public final class LeakageGuard {

    private LeakageGuard() {
    }

    /**
     * @param metadata the model's metadata
     * @param train the training source's samples
     * @param test the test source's samples
     * @param testPath the test source's path
     * @return why the model is leaky, or empty when its provenance shows no test data
     */
    public static Optional<String> check(ModelMetadata metadata, DenseSamples train, DenseSamples test,
                                         Path testPath) {
        JsonNode data = metadata.provenanceField("trainingData");
        if (data == null || data.isMissingNode() || data.isNull()) {
            return Optional.of("the model's provenance records no training data, so it may include the test set");
        }
        String sha = data.path("sha256").asText("");
        String source = data.path("source").asText("");
        String testSha = DataFingerprint.of(test).sha256();
        if (sha.equals(testSha)) {
            return Optional.of("the model was trained on the test set itself (training-data SHA-256 " + shortHash(sha)
                    + " equals the test set's)");
        }
        if (data.path(BEFORE_VALIDATION).asText("").equals(testSha)) {
            return Optional.of("the model was trained on most of the test set (the test set's SHA-256 "
                    + shortHash(testSha) + " equals that of its training data before the validation split)");
        }
        if (sha.equals(DataFingerprint.of(concat(train, test)).sha256())
                || sha.equals(DataFingerprint.of(concat(test, train)).sha256())) {
            return Optional.of("the model was trained on training + test data (SHA-256 " + shortHash(sha) + ")");
        }
        if (source.contains("(test split)") || source.contains("t10k-") || source.contains("test_batch")
                || (within(source, testPath) && !source.contains("(train split)"))) {
            return Optional.of("the model's provenance names test data as its training source (" + source + ")");
        }
        return Optional.empty();
    }

    /**
     * @return whether the path a provenance's source starts with (before the part train writes after it: " (train
     *     split)", " less a stratified validation split") is the test path, or its real path, or inside it, compared
     *     by path elements: as text, a model of {@code /data-extra} was taken for one of {@code /data}'s
     */
    static boolean within(String source, Path testPath) {
        String path = source;
        // only the parts train writes after the path: a folder named "set (v2)" was cut inside its name
        for (String part : List.of(" less a stratified validation split", " (train split)", " (test split)")) {
            if (path.endsWith(part)) {
                path = path.substring(0, path.length() - part.length());
            }
        }
        try {
            Path recorded = PhysicalPaths.absolute(Path.of(path));
            Path test = PhysicalPaths.absolute(testPath);
            // the recorded path is train's real one: a test folder reached through a link passed (a re-check)
            Path real = java.nio.file.Files.exists(test) ? test.toRealPath() : test;
            return recorded.startsWith(test) || recorded.startsWith(real);
        } catch (java.io.IOException | RuntimeException notAPath) {
            return false;
        }
    }

    /** Field of the provenance's {@code trainingData}: the SHA-256 of the data before the validation split. */
    public static final String BEFORE_VALIDATION = "beforeValidationSplitSha256";

    /** Provenance field {@code train} writes when its quality check picked the exported generator on a test split. */
    public static final String SELECTION_DATA = "validationData";

    /**
     * A generator picked by its quality check on the test split ({@code train --validation-share 0}) was scored and
     * evaluated on that split without a word, though its provenance said so (a fresh user, 6 Dec): its figures there
     * favour it. Not a refusal: the generator did not learn the test set, it was chosen on it.
     *
     * @param metadata the model's metadata
     * @param test the test samples
     * @param testPath the test source's path
     * @return why the figures on {@code test} favour the model, or empty: the test split's SHA-256 equals the one
     *     recorded in {@value #SELECTION_DATA}, or (a model trained before that field) its {@code validation} text
     *     says model selection saw the test split of a folder that holds {@code testPath}
     */
    public static Optional<String> selectionSawTest(ModelMetadata metadata, DenseSamples test, Path testPath) {
        JsonNode selection = metadata.provenanceField(SELECTION_DATA);
        String sha = selection == null ? "" : selection.path("sha256").asText("");
        boolean same = !sha.isEmpty() && sha.equals(DataFingerprint.of(test).sha256());
        JsonNode validation = metadata.provenanceField("validation");
        String text = validation == null || !validation.isTextual() ? "" : validation.asText();
        String prefix = "the test split of ";
        String saw = " (model selection saw the test split";
        if (!same && sha.isEmpty() && text.startsWith(prefix) && text.contains(saw)) {
            String folder = text.substring(prefix.length(), text.indexOf(saw));
            same = PhysicalPaths.absolute(testPath).startsWith(
                    PhysicalPaths.absolute(Path.of(folder)));
        }
        return same ? Optional.of("the model's exported generator was chosen by its quality check's score on this "
                + "test set (train --validation-share 0), so its figures here favour it; train it with a validation "
                + "split (the default) for figures on this test set") : Optional.empty();
    }

    private static DenseSamples concat(DenseSamples a, DenseSamples b) {
        float[][] x = new float[a.size() + b.size()][];
        int[] y = new int[x.length];
        System.arraycopy(a.features(), 0, x, 0, a.size());
        System.arraycopy(b.features(), 0, x, a.size(), b.size());
        System.arraycopy(a.classIndices(), 0, y, 0, a.size());
        System.arraycopy(b.classIndices(), 0, y, a.size(), b.size());
        return new DenseSamples(x, y, a.schema());
    }

    private static String shortHash(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}

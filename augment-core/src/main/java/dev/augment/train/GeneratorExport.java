package dev.augment.train;

import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.data.DataFingerprint;
import dev.augment.generate.OnnxRuntimeLoader;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import org.tribuo.Tribuo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a trained GAN's averaged generator to an ONNX file with its metadata: the schema, and a
 * provenance recording the training data's fingerprint, the settings, seed, epochs, per-epoch
 * losses and library versions.
 */
public final class GeneratorExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GeneratorExport() {
    }

    /**
     * @param gan the trained GAN
     * @param fingerprint fingerprint of the training samples
     * @param dataDescription where the training data came from (path and split)
     * @param augmentVersion augment's version
     * @return metadata with an empty score section
     */
    public static ModelMetadata metadata(TrainedGan gan, DataFingerprint fingerprint, String dataDescription,
                                         String augmentVersion) {
        ObjectNode provenance = JSON.createObjectNode();
        ObjectNode data = provenance.putObject("trainingData");
        data.put("source", dataDescription);
        data.put("sha256", fingerprint.sha256());
        data.put("count", fingerprint.count());
        ObjectNode settings = JSON.valueToTree(gan.settings());
        if (gan.settings().countsSteps()) {
            settings.remove("epochs"); // unused when training counts steps (a fresh user read it as what ran, 6 Dec)
        }
        provenance.set("settings", settings);
        provenance.put("seed", gan.settings().seed());
        provenance.put("epochs", gan.history().size());
        ArrayNode epochs = provenance.putArray("history");
        gan.history().forEach(report -> epochs.add(JSON.valueToTree(report)));
        recordVersions(provenance, augmentVersion);
        return new ModelMetadata(gan.schema(), gan.settings().latentDim(), provenance, null);
    }

    /**
     * @param gan the trained GAN
     * @param metadata what to store with it
     * @param target the ONNX file, written through a temporary file
     * @param augmentVersion augment's version
     * @throws IOException when the file cannot be written
     */
    public static void write(TrainedGan gan, ModelMetadata metadata, Path target, String augmentVersion)
            throws IOException {
        GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(gan.exportGraph(), metadata, augmentVersion), target);
    }

    /**
     * Records in a generator's provenance the library versions it was trained with ({@code versions}: augment,
     * DJL, PyTorch, Tribuo, ONNX Runtime, Java), PyTorch's intra-op thread count ({@code pytorchThreads}, on which
     * the weights a seed gives depend) and the time ({@code createdAt}), for every exporter.
     *
     * @param provenance the provenance being built
     * @param augmentVersion augment's version
     */
    public static void recordVersions(ObjectNode provenance, String augmentVersion) {
        ObjectNode versions = provenance.putObject("versions");
        versions.put("augment", augmentVersion);
        versions.put("djl", Engine.getDjlVersion());
        versions.put("pytorch", Engine.getEngine("PyTorch").getVersion());
        versions.put("tribuo", Tribuo.VERSION);
        versions.put("onnxruntime", OnnxRuntimeLoader.environment().getVersion());
        versions.put("java", Runtime.version().toString());
        // the same seed gives the same weights only at the same intra-op thread count (helper m8, 6 Dec)
        provenance.put("pytorchThreads", ai.djl.pytorch.jni.JniUtils.getNumThreads());
        provenance.put("createdAt", Instant.now().toString());
    }
}

package dev.augment.train.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.CancellationToken;
import dev.augment.data.DataFingerprint;
import dev.augment.data.DenseSamples;
import dev.augment.io.AtomicFiles;
import dev.augment.onnx.ModelMetadata;
import dev.augment.onnx.TableGeneratorOnnxExporter;
import dev.augment.schema.SampleSchema;
import dev.augment.table.Table;
import dev.augment.train.GeneratorExport;
import dev.augment.train.TrainingListener;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a trained table generator as a contract ONNX file: the sample schema from the table (with the
 * training rows per class), the table schema under {@code augment.table}, and a provenance with the training
 * data's fingerprint, the settings, seed, steps, per-round losses, the encoder's modes and library versions.
 * Also the one-call API the evaluation uses: {@link #trainToFile}.
 */
public final class TableGeneratorExport {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableGeneratorExport() {
    }

    /**
     * Trains one generator on a table and writes it, the way {@code augment train --data table.csv} does.
     *
     * @param train the training rows (e.g. one seed's training split); every class needs a row
     * @param settings the run's settings; {@code seed} replaces their seed
     * @param seed the seed of every random choice of the run
     * @param target the ONNX file to write (atomically; parent folders are created)
     * @param description where the training rows come from, for the provenance
     * @return {@code target}
     * @throws IOException when the file cannot be written
     */
    public static Path trainToFile(Table train, TableGanSettings settings, long seed, Path target, String description)
            throws IOException {
        return trainToFile(train, settings, seed, target, description, new CancellationToken());
    }

    /**
     * As {@link #trainToFile(Table, TableGanSettings, long, Path, String)}, stoppable: training checks the token
     * before every step.
     *
     * @param cancellation the caller's token
     * @return {@code target}
     * @throws IOException when the file cannot be written
     * @throws dev.augment.cancel.CancelledException when the token is cancelled during training; nothing is written
     */
    public static Path trainToFile(Table train, TableGanSettings settings, long seed, Path target, String description,
                                   CancellationToken cancellation) throws IOException {
        return trainToFile(train, settings, seed, target, description, cancellation, TrainingListener.NONE);
    }

    /**
     * As {@link #trainToFile(Table, TableGanSettings, long, Path, String, CancellationToken)}, telling a listener
     * about the rounds ({@value TableGanTrainer#ROUND_STEPS} steps each, or epochs) and the settings' notes.
     *
     * @param listener hears the training's progress
     * @return {@code target}
     * @throws IOException when the file cannot be written
     * @throws dev.augment.cancel.CancelledException when the token is cancelled during training; nothing is written
     */
    public static Path trainToFile(Table train, TableGanSettings settings, long seed, Path target, String description,
                                   CancellationToken cancellation, TrainingListener listener) throws IOException {
        TableGanSettings seeded = settings.withSeed(seed);
        try (TrainedTableGan gan = new TableGanTrainer(seeded, listener, cancellation).train(train)) {
            write(gan, metadata(gan, train, description, "library"), target, "library");
        }
        return target;
    }

    /**
     * @param table the training table
     * @return the fingerprint of its rows: Tribuo-scale features and labels, as for every data source
     */
    public static DataFingerprint fingerprint(Table table) {
        float[][] features = new float[table.rows()][];
        for (int r = 0; r < table.rows(); r++) {
            features[r] = table.features(r);
        }
        SampleSchema schema = table.schema().sampleSchema(null);
        return DataFingerprint.of(new DenseSamples(features, table.classes(), schema));
    }

    /**
     * @param gan the trained generator
     * @param train the table it was trained on
     * @param description where the rows come from
     * @param augmentVersion augment's version
     * @return metadata with the table schema and provenance, no scores
     */
    public static ModelMetadata metadata(TrainedTableGan gan, Table train, String description, String augmentVersion) {
        DataFingerprint fingerprint = fingerprint(train);
        ObjectNode provenance = JSON.createObjectNode();
        provenance.put("trainer", "table GAN (CTGAN: mode-specific normalisation, Gumbel-softmax, conditional vector "
                + "on the class, PacGAN, WGAN-GP)");
        ObjectNode data = provenance.putObject("trainingData");
        data.put("source", description);
        data.put("sha256", fingerprint.sha256());
        data.put("count", fingerprint.count());
        ObjectNode settings = JSON.valueToTree(gan.settings());
        if (gan.settings().steps() > 0) {
            settings.remove("epochs"); // unused when training counts steps; inspect would show it as if it ran
        }
        if (gan.batchSize() != gan.settings().batchSize()) { // a small table trains on smaller batches than asked
            settings.put("batchSizeAsked", gan.settings().batchSize());
            settings.put("batchSize", gan.batchSize());
        }
        provenance.set("settings", settings);
        provenance.put("seed", gan.settings().seed());
        provenance.put("batchSize", gan.batchSize());
        provenance.put("steps", gan.history().stream().mapToLong(r -> r.steps()).sum());
        ArrayNode rounds = provenance.putArray("history");
        gan.history().forEach(report -> rounds.add(JSON.valueToTree(report)));
        ArrayNode modes = provenance.putArray("numericModes");
        for (int c = 0; c < gan.encoder().columns().size(); c++) {
            if (gan.encoder().columns().get(c) instanceof ColumnEncoding.Numeric n) {
                ObjectNode column = modes.addObject();
                column.put("column", train.schema().columns().get(c).name());
                column.set("weights", JSON.valueToTree(n.mixture().weights()));
                column.set("means", JSON.valueToTree(n.mixture().means()));
                column.set("sigmas", JSON.valueToTree(n.mixture().sigmas()));
                // beyond its range a decoded value is clamped where the data piles on the bound, else reflected
                column.put("belowMin", n.clampMin() ? "clamped" : "reflected");
                column.put("aboveMax", n.clampMax() ? "clamped" : "reflected");
                if (n.missingSlot()) {
                    column.put("missingGenerated", true); // a "missing" mode: generated rows have missing cells
                } else {
                    column.put("missingImputedWith", n.median());
                }
            }
        }
        GeneratorExport.recordVersions(provenance, augmentVersion);
        return new ModelMetadata(train.schema().sampleSchema(train.examplesPerClass()), gan.settings().latentDim(),
                provenance, null, train.schema());
    }

    /**
     * @param gan the trained generator
     * @param metadata what to store with it
     * @param target the ONNX file, written through a temporary file
     * @param augmentVersion augment's version, the producer version
     * @throws IOException when the file cannot be written
     */
    public static void write(TrainedTableGan gan, ModelMetadata metadata, Path target, String augmentVersion)
            throws IOException {
        var model = TableGeneratorOnnxExporter.toModel(gan.graph(), metadata, augmentVersion);
        AtomicFiles.write(target, model::writeTo);
    }
}

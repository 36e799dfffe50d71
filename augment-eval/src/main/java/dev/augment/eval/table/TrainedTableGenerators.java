package dev.augment.eval.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.CancellationToken;
import dev.augment.eval.report.ReportFiles;
import dev.augment.eval.sampler.ConditionalSampler;
import dev.augment.eval.sampler.OnnxSampler;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.table.Table;
import dev.augment.train.table.TableGanSettings;
import dev.augment.train.table.TableGeneratorExport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The GAN arms' generators: one table GAN ({@code dev.augment.train.table}, CTGAN's ingredients) trained per
 * seed on that seed's training split only, exported to {@code <dir>/seed-<seed>.onnx} and sampled through
 * ONNX Runtime like any generator file ({@link OnnxSampler}: exact counts, noise keyed by seed, class and
 * index). Keeps every generator it opened until {@link #close()}.
 */
public final class TrainedTableGenerators implements TableGenerators {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TableGanSettings settings;
    private final Path dir;
    private final Consumer<String> progress;
    private final Map<Long, OnnxGenerator> trained = new LinkedHashMap<>();
    private final Map<Long, Double> seconds = new LinkedHashMap<>();
    private final CancellationToken cancellation;

    /**
     * @param settings the GAN's settings (the seed is replaced by each run's)
     * @param dir where the generators are written
     * @param progress hears a line before and after each training, and one a minute during it
     *     ({@link TableGanProgress})
     */
    public TrainedTableGenerators(TableGanSettings settings, Path dir, Consumer<String> progress) {
        this(settings, dir, progress, new CancellationToken());
    }

    /**
     * As {@link #TrainedTableGenerators(TableGanSettings, Path, Consumer)}, stoppable inside a training run: each
     * step checks the token ({@link dev.augment.cancel.CancelledException} when it is cancelled).
     *
     * @param cancellation the caller's token
     */
    public TrainedTableGenerators(TableGanSettings settings, Path dir, Consumer<String> progress,
                                  CancellationToken cancellation) {
        if (settings == null || dir == null || cancellation == null) {
            throw new IllegalArgumentException("settings, a folder and a cancellation token are required");
        }
        this.settings = settings;
        this.dir = dir;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    @Override
    public ConditionalSampler generatorFor(long seed, Table trainSplit) {
        return new OnnxSampler(trained.computeIfAbsent(seed, s -> train(s, trainSplit)));
    }

    private OnnxGenerator train(long seed, Table trainSplit) {
        Path target = dir.resolve("seed-" + seed + ".onnx");
        int critic = settings.resolvedFor(trainSplit.examplesPerClass()).criticSteps();
        progress.accept(String.format("seed %d: training the table GAN (%s, %d critic %s per generator step) on the "
                + "%d rows of this seed's training split only", seed, length(trainSplit.rows()), critic,
                critic == 1 ? "step" : "steps", trainSplit.rows()));
        long start = System.nanoTime();
        try {
            // the split's own ranges: the whole table's would clamp the GAN's rows to values only the test split has
            TableGeneratorExport.trainToFile(trainSplit.withStatisticsOfItsRows(), settings, seed, target,
                    "augment evaluate: training split of seed " + seed, cancellation,
                    new TableGanProgress(seed, progress, System::nanoTime));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the table GAN of seed " + seed + " to " + target, e);
        }
        double s = (System.nanoTime() - start) / 1e9;
        seconds.put(seed, s);
        OnnxGenerator generator = OnnxGenerator.load(target, ExecutionDevice.CPU);
        com.fasterxml.jackson.databind.JsonNode used = generator.metadata().provenanceField("settings");
        String note = settings.resolvedFor(trainSplit.examplesPerClass()).batchNote(trainSplit.rows());
        String batch = generator.metadata().provenanceField("batchSize").asText("?")
                + (note.isEmpty() ? "" : ", " + note);
        progress.accept(String.format("seed %d: table GAN trained in %.0f s (batch %s; auxiliary classifier weight %s, "
                + "pac %s, critic steps %s)", seed, s, batch,
                used.path("auxiliaryWeight").asText("?"), used.path("pac").asText("?"),
                used.path("criticSteps").asText("?")));
        return generator;
    }

    private String length(int rows) {
        return settings.countsSteps() ? settings.steps() + " steps"
                : settings.epochs() + " epochs, " + settings.totalSteps(rows) + " steps";
    }

    @Override
    public String description() {
        return "table GAN (CTGAN ingredients) trained per seed on that seed's training split only: "
                + (settings.countsSteps() ? settings.steps() + " steps" : settings.epochs() + " epochs")
                + ", batch " + (settings.automaticBatch() ? "by class size (" + TableGanSettings.SMALL_CLASS_BATCH
                + " when a class of the split has fewer than " + TableGanSettings.SMALL_CLASS_ROWS + " rows, else "
                + TableGanSettings.DEFAULT_BATCH + "; at most half the split's rows)"
                : settings.batchSize() + " (at most half the split's rows)") + ", pac "
                + (settings.automaticPac() ? "by class size (" + TableGanSettings.SMALL_CLASS_PAC + " when a class of "
                + "the split has fewer than " + TableGanSettings.SMALL_CLASS_ROWS + " rows, else "
                + TableGanSettings.DEFAULT_PAC + ")" : settings.pac())
                + ", critic steps per generator step " + (settings.automaticCriticSteps() ? "by class size ("
                + TableGanSettings.SMALL_CLASS_CRITIC_STEPS + " when a class of the split has fewer than "
                + TableGanSettings.SMALL_CLASS_ROWS + " rows, else " + TableGanSettings.DEFAULT_CRITIC_STEPS + ")"
                : settings.criticSteps())
                + ", conditioning " + settings.conditioning() + ", auxiliary classifier weight "
                + (settings.automaticAuxiliaryWeight() ? "by class size (" + TableGanSettings.SMALL_CLASS_AUXILIARY_WEIGHT
                + " when a class of the split has fewer than " + TableGanSettings.SMALL_CLASS_ROWS + " rows, else 0)"
                : settings.auxiliaryWeight()) + ", information loss weight " + settings.informationWeight();
    }

    @Override
    public ArrayNode provenance() {
        ArrayNode out = JSON.createArrayNode();
        for (Map.Entry<Long, OnnxGenerator> e : trained.entrySet()) {
            ObjectNode node = out.addObject();
            node.put("seed", e.getKey());
            // named relative to the report's folder: the work folder it was written to is renamed
            node.put("file", ReportFiles.relativeToReport(dir, e.getValue().path()));
            node.put("sha256", e.getValue().sha256());
            node.put("trainingSeconds", seconds.get(e.getKey()));
            node.set("provenance", e.getValue().metadata().provenance());
        }
        return out;
    }

    @Override
    public void close() {
        trained.values().forEach(OnnxGenerator::close);
        trained.clear();
    }
}

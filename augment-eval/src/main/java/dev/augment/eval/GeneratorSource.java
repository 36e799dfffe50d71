package dev.augment.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.data.DataFingerprint;
import dev.augment.data.DenseSamples;
import dev.augment.eval.protocol.SamplerProvider;
import dev.augment.eval.report.ReportFiles;
import dev.augment.eval.sampler.ConditionalSampler;
import dev.augment.eval.sampler.OnnxSampler;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.io.AtomicFiles;
import dev.augment.io.PhysicalPaths;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.SampleSchema;
import dev.augment.train.GanSettings;
import dev.augment.train.GanTrainer;
import dev.augment.train.GeneratorExport;
import dev.augment.train.TrainedGan;
import dev.augment.train.TrainingListener;
import dev.augment.train.EpochReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The generators of an evaluation: one given file for every run, or a GAN trained per run on that
 * run's training split only and exported to {@code <dir>/seed-<seed>.onnx}. Keeps every generator
 * it opened, with its provenance, until {@link #close()}. A GAN in training checks the evaluation's
 * cancellation token before every step, so a signal stops it within a step, not at the end of an epoch.
 */
final class GeneratorSource implements SamplerProvider, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SampleSchema schema;
    private final OnnxGenerator fixed;
    private final GanSettings ganSettings;
    private final Path dir;
    private final String augmentVersion;
    private final Consumer<String> progress;
    private final CancellationToken cancellation;
    private final Map<Long, OnnxGenerator> trained = new LinkedHashMap<>();

    private GeneratorSource(SampleSchema schema, OnnxGenerator fixed, GanSettings ganSettings, Path dir,
                            String augmentVersion, Consumer<String> progress, CancellationToken cancellation) {
        this.schema = schema;
        this.fixed = fixed;
        this.ganSettings = ganSettings;
        this.dir = dir;
        this.augmentVersion = augmentVersion;
        this.progress = progress;
        this.cancellation = cancellation;
    }

    static GeneratorSource of(OnnxGenerator model) {
        return new GeneratorSource(model.metadata().schema(), model, null, null, null, s -> { },
                new CancellationToken());
    }

    /**
     * @param cancellation checked before every training step of every seed's GAN; once cancelled, training stops
     *     with a {@link CancelledException} naming the seed
     */
    static GeneratorSource training(SampleSchema schema, GanSettings settings, Path dir, String augmentVersion,
                                    Consumer<String> progress, CancellationToken cancellation) {
        return new GeneratorSource(schema, null, settings, dir, augmentVersion, progress, cancellation);
    }

    @Override
    public ConditionalSampler samplerFor(long seed, float[][] features, int[] labels) {
        OnnxSampler sampler = new OnnxSampler(generatorFor(seed, features, labels));
        if (fixed != null) {
            return sampler;
        }
        // this run's own GAN breaking the contract (NaN samples) diverged in training: not a bad model of the user's
        return (classIndex, n, sampleSeed) -> {
            try {
                return sampler.sample(classIndex, n, sampleSeed);
            } catch (dev.augment.errors.ModelContractException e) {
                throw new dev.augment.train.TrainingDivergedException("the GAN this evaluation trained for seed "
                        + seed + " generates samples outside its contract, so its training diverged ("
                        + e.breach().orElse(e.getMessage()) + "); rerun with other --gan-epochs or --seed, or give a "
                        + "trained generator with --model");
            }
        };
    }

    /**
     * @param seed a run's seed
     * @return the generator used in that run
     */
    OnnxGenerator generator(long seed) {
        OnnxGenerator g = fixed != null ? fixed : trained.get(seed);
        if (g == null) {
            throw new IllegalStateException("no generator for seed " + seed);
        }
        return g;
    }

    private OnnxGenerator generatorFor(long seed, float[][] features, int[] labels) {
        if (fixed != null) {
            return fixed;
        }
        return trained.computeIfAbsent(seed, s -> train(s, features, labels));
    }

    private OnnxGenerator train(long seed, float[][] features, int[] labels) {
        GanSettings settings = ganSettings.toBuilder().seed(seed).build();
        Path target = dir.resolve("seed-" + seed + ".onnx");
        progress.accept("seed " + seed + ": training " + settings.architecture() + " GAN for " + settings.epochs()
                + (settings.epochs() == 1 ? " epoch on " : " epochs on ") + features.length
                + " examples (this run's training split only)");
        try {
            Files.createDirectories(dir);
            Path checkpoints = Files.createTempDirectory(dir, ".checkpoints-");
            DenseSamples split = new DenseSamples(features, labels, schema);
            try (TrainedGan gan = new GanTrainer(schema, settings, listener(seed), null, 0, cancellation)
                    .train(features, labels, checkpoints, false)) {
                ModelMetadata metadata = GeneratorExport.metadata(gan, DataFingerprint.of(split),
                        "augment evaluate: training split of seed " + seed, augmentVersion);
                GeneratorExport.write(gan, metadata, target, augmentVersion);
            } catch (CancelledException e) {
                // the trainer's message offers a checkpoint to resume from, which this temporary folder does not keep
                throw new CancelledException("interrupted while training the GAN of seed " + seed);
            } finally {
                AtomicFiles.deleteTree(checkpoints);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot train or write the GAN of seed " + seed, e);
        }
        return OnnxGenerator.load(target, ExecutionDevice.CPU);
    }

    private TrainingListener listener(long seed) {
        return new TrainingListener() {
            @Override
            public void epochFinished(EpochReport report, Path grid) {
                progress.accept(String.format("seed %d: GAN epoch %d: D %.3f G %.3f (%.1f s)", seed, report.epoch(),
                        report.lossD(), report.lossG(), report.seconds()));
            }
        };
    }

    /** @return the provenance of every generator used: file, SHA-256 and its own metadata provenance */
    ArrayNode provenance() {
        ArrayNode out = JSON.createArrayNode();
        List<Map.Entry<Long, OnnxGenerator>> entries = new ArrayList<>(trained.entrySet());
        if (fixed != null) {
            entries.add(Map.entry(-1L, fixed));
        }
        for (Map.Entry<Long, OnnxGenerator> e : entries) {
            ObjectNode node = out.addObject();
            if (fixed == null) {
                node.put("seed", e.getKey());
            }
            // a trained file is named relative to the report's folder (the work folder it was written to is renamed),
            // a given one by its absolute path, as settings.model names it
            node.put("file", fixed == null ? ReportFiles.relativeToReport(dir, e.getValue().path())
                    : PhysicalPaths.absolute(e.getValue().path()).toString());
            node.put("sha256", e.getValue().sha256());
            node.set("provenance", e.getValue().metadata().provenance());
        }
        return out;
    }

    @Override
    public void close() {
        trained.values().forEach(OnnxGenerator::close);
        if (fixed != null) {
            fixed.close();
        }
    }
}

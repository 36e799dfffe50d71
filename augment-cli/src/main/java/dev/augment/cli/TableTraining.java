package dev.augment.cli;

import dev.augment.table.ColumnKind;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import dev.augment.train.TrainingListener;
import dev.augment.train.table.Conditioning;
import dev.augment.train.table.TableGanSettings;
import dev.augment.train.table.TableGanTrainer;
import dev.augment.train.table.TableGeneratorExport;
import dev.augment.train.table.TrainedTableGan;
import dev.augment.onnx.ModelMetadata;
import java.io.IOException;
import java.nio.file.Files;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code augment train} on a CSV table: reads it with {@link TableReader}, trains the table GAN
 * ({@link TableGanTrainer}) and writes the generator with {@link TableGeneratorExport}. With
 * {@code --checkpoint-dir} the trainer writes a checkpoint there after every round (and of the last step done when
 * interrupted) and {@code --resume} continues from it; without it a table run writes nothing but {@code --out}.
 * Image-only options are refused, and the table options are refused for image data.
 */
final class TableTraining {

    /** Options of {@code train} that mean nothing for a table. */
    private static final List<String> IMAGE_ONLY = List.of("--names", "--balanced-batches", "--diff-augment",
            "--lecam-weight", "--mode-seeking-weight", "--recompute-bn", "--conv-width", "--validation-share", "--arch",
            "--ema-decay",
            "--minibatch-std", "--allow-empty-classes", "--check-every",
            "--check-classifier", "--check-cnn-steps", "--export", "--check-samples");
    /** Options of {@code train} for tables only. */
    private static final List<String> TABLE_ONLY = TableColumnOptions.namesAnd("--conditioning", "--info-weight",
            "--pac", "--critic-steps");

    /** DJL's property for PyTorch's intra-op threads, read when the engine starts. */
    private static final String TORCH_THREADS = "ai.djl.pytorch.num_threads";

    private final TrainCommand command;

    TableTraining(TrainCommand command) {
        this.command = command;
    }

    /**
     * Table GANs are small networks: one PyTorch intra-op thread unless the user set the property. Measured on 2
     * busy cores: 250 steps on diabetes took 20 s with one PyTorch thread, 324 s with two. Call before the
     * engine starts.
     */
    static void useOneTorchThreadUnlessSet() {
        if (System.getProperty(TORCH_THREADS) == null) {
            System.setProperty(TORCH_THREADS, "1");
        }
    }

    /** @throws UsageException when a table-only option is given for image data */
    static void refuseTableOptions(TrainCommand command) {
        for (String option : TABLE_ONLY) {
            if (given(command, option)) {
                throw new UsageException(TableColumnOptions.notACsvTable(option, command.data,
                        command.columns == null ? null : command.columns.label));
            }
        }
    }

    /** @return whether the option was given on this command line (false when not run from one) */
    static boolean given(TrainCommand command, String option) {
        ParseResult parsed = command.spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    int run() throws Exception {
        for (String option : IMAGE_ONLY) {
            if (given(command, option)) {
                throw new UsageException(option + " applies to image data only, not to the table " + command.data
                        + "; leave it out");
            }
        }
        if (command.columns.labelMissing()) {
            throw new UsageException("--label is required for a .csv --data: "
                    + dev.augment.table.ColumnAdvice.labelAdvice(command.data));
        }
        Conditioning how = conditioning(command.conditioning);
        TableGanSettings settings = TableGanSettings.defaults(command.seed).withConditioning(how);
        settings = command.steps > 0 ? settings.withSteps(command.steps)
                : command.epochs != null ? settings.withEpochs(command.epochs) : settings;
        if (command.pac != null) {
            if (command.pac < 1) {
                throw new UsageException("--pac must be positive, was " + command.pac);
            }
            settings = settings.withPac(command.pac);
        }
        if (command.criticSteps != null) {
            if (command.criticSteps < 1 || command.criticSteps > TableGanSettings.MAX_CRITIC_STEPS) {
                throw new UsageException("--critic-steps must be from 1 to " + TableGanSettings.MAX_CRITIC_STEPS
                        + ", was " + command.criticSteps);
            }
            settings = settings.withCriticSteps(command.criticSteps);
        }
        if (given(command, "--batch-size")) {
            settings = settings.withBatchSize(command.batchSize);
        }
        if (given(command, "--aux-weight")) {
            settings = settings.withAuxiliaryWeight(command.auxWeight);
        }
        if (command.infoWeight != null) {
            settings = settings.withInformationWeight(command.infoWeight);
        }
        settings = new TableGanSettings(settings.epochs(), settings.steps(), settings.batchSize(), settings.pac(),
                settings.criticSteps(), settings.latentDim(), settings.generatorWidths(),
                settings.discriminatorWidths(), command.learningRateG, command.learningRateD, settings.beta1(),
                settings.beta2(), settings.weightDecay(), settings.penaltyWeight(), settings.tau(),
                settings.auxiliaryWeight(), settings.informationWeight(), settings.conditioning(), settings.seed());
        PrintWriter log = command.spec.commandLine().getOut();
        useOneTorchThreadUnlessSet();
        // on a thread of its own, so that Ctrl-C stops a long read at once (300 000 rows: the signal waited 10 s)
        dev.augment.table.TableFile file = dev.augment.cancel.AbandonableCall.call("reading " + command.data,
                AugmentCommand.cancellationOf(command.parent), () -> TableReader.readFile(command.data,
                        command.columns.label, command.columns.overrides(), command.columns.missingMarker));
        Table table = file.table();
        dev.augment.table.FloatRange.require(table, command.data);
        log.printf("training the table GAN on %d rows, %d feature column%s (%d Tribuo features) and %d class%s "
                + "from %s%n",
                table.rows(), table.schema().columns().size(), table.schema().columns().size() == 1 ? "" : "s",
                table.schema().featureCount(),
                table.schema().classCount(), table.schema().classCount() == 1 ? "" : "es", command.data);
        TableColumnOptions.adviseOnColumns(table, file.cellsInLayoutOrder(), log);
        dev.augment.data.CrossClassCopies.note(table, command.data).ifPresent(log::println);
        dev.augment.data.GeneratedOutput.describe(command.data).ifPresent(g -> log.println("note: " + g
                + ", so the generator learns another generator's rows, not real data"));
        dev.augment.table.ColumnAdvice.beyondFloatDigits(table.schema(),
                        dev.augment.table.ColumnAdvice.decimalsWithoutFewCells(table, file.cellsInLayoutOrder()),
                        dev.augment.table.ColumnAdvice.largestWithoutFarCells(table))
                .forEach(line -> log.println("note: " + line));
        if (settings.informationWeight() > 0) {
            log.printf("information loss weight %s (as given)%n", settings.informationWeight());
        }
        long started = System.nanoTime();
        boolean newCheckpointFolder = command.checkpointDir != null && !Files.exists(command.checkpointDir);
        // one run per checkpoint folder, as for images: two side by side wrote over each other's checkpoint
        CheckpointLock lock = command.checkpointDir == null ? null : CheckpointLock.acquire(command.checkpointDir);
        try (Progress progress = Progress.start(command.spec.commandLine().getErr(), "train", 0);
             TrainedTableGan gan = new TableGanTrainer(settings, listener(log, progress),
                     AugmentCommand.cancellationOf(command.parent)).train(table, command.checkpointDir,
                     command.resume)) {
            ModelMetadata metadata = TableGeneratorExport.metadata(gan, table, DataPaths.real(command.data)
                    + " (all rows)", ManifestVersionProvider.version());
            // as for images: a table model trained on generate's output looked, to inspect, like one trained on real
            // data, its provenance silent (a fresh user, 6 Dec)
            dev.augment.data.GeneratedOutput.describe(command.data).ifPresent(generated -> metadata.provenance()
                    .put("generatedTrainingData", generated));
            Path out = command.out;
            OutputGuard.requireStillFree(out, command.force, command.checkpointDir);
            AugmentCommand.cancellationOf(command.parent).runUnlessCancelled("exporting " + out,
                    () -> TableGeneratorExport.write(gan, metadata, out, ManifestVersionProvider.version()));
        } catch (RuntimeException | IOException e) {
            if (lock != null) {
                lock.close(); // before the folder is looked at
            }
            if (newCheckpointFolder) {
                deleteIfEmpty(command.checkpointDir); // a run that failed before its first checkpoint leaves no folder
            }
            throw e;
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
        log.printf("wrote %s (trained in %.1f s%s)%n", AugmentCli.oneLine(command.out.toString()),
                (System.nanoTime() - started) / 1e9, command.checkpointDir == null ? ""
                        : "; checkpoint in " + AugmentCli.oneLine(command.checkpointDir.toString()));
        return ExitCodes.OK;
    }


    private static void deleteIfEmpty(Path folder) {
        try (java.util.stream.Stream<Path> left = Files.list(folder)) {
            if (left.findAny().isEmpty()) {
                Files.delete(folder);
            }
        } catch (IOException ignored) {
            // the run failed already; its own error is the one to report
        }
    }

    private static Conditioning conditioning(String text) {
        try {
            return Conditioning.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--conditioning must be uniform, log-frequency or frequency, was '" + text + "'");
        }
    }

    private TrainingListener listener(PrintWriter log, Progress progress) {
        return new ConsoleTrainingListener(log, progress, "round", (report, grid) -> String.format(
                "%s %d (%d steps): D %.4f G %.4f, %.1f s, resident memory %s",
                command.steps > 0 || command.epochs == null ? "round" : "epoch", report.epoch(), report.steps(),
                report.lossD(), report.lossG(), report.seconds(), ResidentMemory.describe()));
    }
}

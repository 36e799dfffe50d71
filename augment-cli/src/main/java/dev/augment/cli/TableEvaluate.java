package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import dev.augment.data.DataSources;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.table.TableEvaluation;
import dev.augment.eval.table.TableEvaluationReport;
import dev.augment.eval.table.TableEvaluationSettings;
import dev.augment.eval.table.TrainedTableGenerators;
import dev.augment.generate.output.AtomicOutputDirectory;
import dev.augment.io.PhysicalPaths;
import dev.augment.table.ColumnKind;
import dev.augment.train.table.TableGanSettings;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code augment evaluate --data table.csv --label COLUMN}: the table evaluation ({@link TableEvaluation}) with
 * one table GAN per seed ({@link TrainedTableGenerators}), written atomically to {@code --out} as report.json
 * and report.txt. The image-only options are refused for a table, the table options for images.
 */
final class TableEvaluate {

    /** Options of {@code evaluate} that mean nothing for a table. */
    private static final List<String> IMAGE_ONLY = List.of("--train", "--test", "--names", "--cnn-steps", "--scenario",
            "--minority", "--share", "--per-class", "--model", "--force-leaky-model", "--gan-epochs", "--gan-arch",
            "--gan-diff-augment", "--gan-lecam-weight", "--gan-mode-seeking-weight",
            "--embedding-epochs",
            "--diagnostic-samples");
    /** The options that shape the table GAN or its samples, refused when a run trains none. */
    private static final List<String> GAN_SHAPING = List.of("--gan-filter", "--gan-aux-weight", "--gan-info-weight",
            "--gan-pac", "--gan-critic-steps", "--gan-batch-size");

    /** Options of {@code evaluate} for tables only. */
    private static final List<String> TABLE_ONLY = TableColumnOptions.namesAnd("--test-share", "--gan-steps",
            "--gan-aux-weight", "--gan-info-weight", "--gan-pac", "--gan-critic-steps");

    private final EvaluateCommand command;

    TableEvaluate(EvaluateCommand command) {
        this.command = command;
    }

    /** @throws UsageException when a table option is given without --data, or --train/--test are missing */
    static void refuseTableOptions(EvaluateCommand command) {
        for (String option : TABLE_ONLY) {
            if (given(command, option)) {
                // --train FOLDER of tables with --label was told only this (a re-check, 7 Dec)
                String tables = command.train == null ? "" : dev.augment.data.DataSources.tablesFolder(command.train,
                        command.columns == null ? null : command.columns.label)
                        .map(t -> "; " + command.train + " is " + t).orElse("");
                throw new UsageException(option + " applies to a table (--data FILE.csv) only" + tables);
            }
        }
        if (command.train == null || command.test == null) {
            throw new UsageException("give --train and --test (images), or --data and --label (a CSV table)");
        }
    }

    private static boolean given(EvaluateCommand command, String option) {
        ParseResult parsed = command.spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    int run() throws Exception {
        if (!DataSources.isTable(command.data)) {
            // --data is evaluate's table option: images come as --train and --test
            if (!java.nio.file.Files.exists(command.data) && !TableColumnOptions.isPipe(command.data)) {
                java.util.Optional<String> uri = dev.augment.io.UriPaths.problem(command.data, "the data");
                if (uri.isPresent()) { // "looked for /cwd/file:/…" (a re-check, 7 Dec)
                    throw new dev.augment.errors.InvalidDataException(command.data, uri.get());
                }
                // "for images give --train nothere.txt" was the advice (6 Dec); a missing path is bad data, exit 3
                throw new dev.augment.errors.InvalidDataException(command.data, "data not found (looked for "
                        + PhysicalPaths.absolute(command.data) + "); evaluate's --data takes a CSV table "
                        + "(FILE.csv), which it splits per seed; for images give --train and --test");
            }
            throw new UsageException("--data takes a CSV table (FILE.csv), which evaluate splits per seed, and "
                    + command.data + " is not one; " + (TableColumnOptions.isPipe(command.data) ? "it is "
                    + TableColumnOptions.PIPE : TableColumnOptions.isGzippedCsv(command.data) ? "it is "
                    + TableColumnOptions.GUNZIP_FIRST : TableColumnOptions.outputFolderTable(command.data) != null
                    ? "it is " + TableColumnOptions.outputFolderTable(command.data)
                    : dev.augment.data.DataSources.tablesFolder(command.data).isPresent() ? "it is "
                    + dev.augment.data.DataSources.tablesFolder(command.data,
                    command.columns == null ? null : command.columns.label).get()
                    : TableColumnOptions.tableInAnotherForm(command.data) || !java.nio.file.Files.isDirectory(
                    command.data) || command.data.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")
                    ? TableColumnOptions.saveAsCsv(command.data) : "for images give --train and --test, e.g. --train "
                    + command.data + " --test " + command.data));
        }
        for (String option : IMAGE_ONLY) {
            if (given(command, option)) {
                throw new UsageException(option + " applies to image data only, not to the table " + command.data
                        + (option.equals("--train") || option.equals("--test") ? " (--data is split per seed)"
                        : option.equals("--model") ? " (a table evaluation trains its own GAN on each seed's split, "
                        + "so that the test rows never trained it; --gan-steps and the other --gan-* options set it)"
                        : "") + "; leave it out");
            }
        }
        if (command.columns.labelMissing()) {
            throw new UsageException("--label is required with --data: "
                    + dev.augment.table.ColumnAdvice.labelAdvice(command.data));
        }
        int steps = command.ganSteps == null ? TableGanSettings.DEFAULT_STEPS : command.ganSteps;
        if (steps < 0) {
            throw new UsageException("--gan-steps must be 0 (no GAN arms) or positive, was " + steps);
        }
        if (steps == 0) {
            // each shapes the GAN or its arms, which --gan-steps 0 leaves out: refused rather than recorded unused
            for (String option : Stream.concat(Stream.of("--baseline"), GAN_SHAPING.stream()).toList()) {
                if (given(command, option)) {
                    throw new UsageException(option + (option.equals("--baseline") ? " chooses the rebalancing of "
                            + "the hybrid and mix arms, which use the GAN" : " shapes the GAN or its samples")
                            + "; --gan-steps 0 runs only the arms without one, so leave " + option + " out");
                }
            }
        }
        List<Arm> arms = ArmChoice.arms(command.baseline, command.arms);
        if (steps == 0 && command.arms != null) {
            arms.stream().filter(Arm::needsGenerator).findFirst().ifPresent(a -> {
                throw new UsageException("--arms names " + a.id() + ", which needs the GAN; --gan-steps 0 runs only "
                        + "the arms without one, so leave it out");
            });
        }
        boolean trainsGan = steps > 0 && arms.stream().anyMatch(Arm::needsGenerator);
        if (steps > 0 && !trainsGan) {
            // --arms chose cheap arms only: no GAN is trained, as with --gan-steps 0, and what would shape it is refused
            for (String option : Stream.concat(Stream.of("--gan-steps"), GAN_SHAPING.stream()).toList()) {
                if (given(command, option)) {
                    throw new UsageException(option + " shapes the GAN or its samples, and --arms "
                            + command.arms.strip() + " names no arm that uses a generator (gan, hybrid, mix, ...), so "
                            + "none is trained; leave it out, or add such an arm");
                }
            }
        }
        TableGanSettings ganSettings = trainsGan ? ganSettings(steps) : null;
        OutputGuard.requireApart("--out", command.out, command.data, command.trainerConfigFiles());
        TableEvaluationSettings settings = new TableEvaluationSettings(command.data, command.columns.label,
                command.columns.overrides(),
                ClassifierSpec.parseList(command.trainer, 1), command.seeds, command.seed, command.testShare,
                arms, ManifestVersionProvider.version(), command.ganFilter,
                command.columns.missingMarker);
        PrintWriter log = command.spec.commandLine().getOut();
        PrintWriter err = command.spec.commandLine().getErr();
        long start = System.nanoTime();
        CancellationToken cancellation = AugmentCommand.cancellationOf(command.parent);
        TableEvaluationReport report;
        try (AtomicOutputDirectory dir = AtomicOutputDirectory.create(command.out, command.force, cancellation,
                LeftoverNotice.to(command.out, err))) {
            java.util.function.Consumer<String> progress = line -> {
                cancellation.throwIfCancelled("evaluating; nothing was written to " + command.out);
                err.printf("[%s] %s%n", elapsed(start), line);
                err.flush();
            };
            TableTraining.useOneTorchThreadUnlessSet();
            TrainedTableGenerators generators = ganSettings == null ? null : new TrainedTableGenerators(
                    ganSettings, dir.workDir().resolve("generators"), progress, cancellation);
            try {
                report = TableEvaluation.run(settings, generators, progress,
                        dev.augment.table.ColumnRemedies.COMMAND_LINE);
            } finally {
                if (generators != null) {
                    generators.close();
                }
            }
            log.print(report.console()); // before the files: a full disk then loses no figures, as for images
            log.flush();
            command.summaryPrinted = true;
            report.write(dir.workDir());
            dir.commit();
            dir.leftoverWarnings().forEach(w -> command.spec.commandLine().getErr().println("augment: warning: " + w));
        }
        log.printf("wrote %s in %s%n", FolderListing.named(command.out), elapsed(start));
        return ExitCodes.OK;
    }

    /** @return the table GAN settings of every seed: the defaults with --gan-steps, --gan-aux-weight,
     *     --gan-info-weight, --gan-pac, --gan-batch-size and --gan-critic-steps applied */
    private TableGanSettings ganSettings(int steps) {
        TableGanSettings settings = TableGanSettings.defaults(command.seed).withSteps(steps);
        if (command.ganAuxWeight != null) {
            settings = settings.withAuxiliaryWeight(command.ganAuxWeight);
        }
        if (command.ganInfoWeight != null) {
            settings = settings.withInformationWeight(command.ganInfoWeight);
        }
        if (command.ganPac != null) {
            if (command.ganPac < 1) {
                throw new UsageException("--gan-pac must be positive, was " + command.ganPac);
            }
            settings = settings.withPac(command.ganPac);
        }
        if (command.ganBatchSize < 0 || command.ganBatchSize > 0 && command.ganBatchSize < TableGanSettings.MIN_BATCH) {
            throw new UsageException("--gan-batch-size must be at least " + TableGanSettings.MIN_BATCH + " for a table "
                    + "(or 0 for the default), was " + command.ganBatchSize);
        }
        if (command.ganBatchSize > 0) {
            settings = settings.withBatchSize(command.ganBatchSize);
        }
        if (command.ganCriticSteps != null) {
            if (command.ganCriticSteps < 1 || command.ganCriticSteps > TableGanSettings.MAX_CRITIC_STEPS) {
                throw new UsageException("--gan-critic-steps must be from 1 to " + TableGanSettings.MAX_CRITIC_STEPS
                        + ", was " + command.ganCriticSteps);
            }
            settings = settings.withCriticSteps(command.ganCriticSteps);
        }
        return settings;
    }

    private static String elapsed(long start) {
        Duration d = Duration.ofNanos(System.nanoTime() - start);
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}

package dev.augment.cli;

import dev.augment.cancel.AbandonableCall;
import dev.augment.cancel.AbandonableIterator;
import dev.augment.cancel.CancellationToken;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.data.DataSources;
import dev.augment.data.GeneratedOutput;
import dev.augment.data.GeneratedPng;
import dev.augment.data.GenerationRecord;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.generate.output.AtomicOutputDirectory;
import dev.augment.generate.output.OutputFormat;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.oversample.files.FlaggedSampleWriter;
import dev.augment.oversample.files.FlaggedSampleWriters;
import dev.augment.oversample.files.OversampledFiles;
import dev.augment.oversample.filter.FilterCounts;
import dev.augment.oversample.filter.GenerationFilter;
import dev.augment.schema.SampleSchema;
import dev.augment.table.TableSchema;
import dev.augment.table.CsvTableSource;
import dev.augment.tribuo.AugmentationPolicy;
import dev.augment.tribuo.AugmentingDataSource;
import dev.augment.tribuo.SyntheticExamples;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code augment oversample}: the real examples of a data set plus the examples a method adds (ROS,
 * SMOTE, the GAN, or a hybrid), written with a synthetic flag per example. It runs the Tribuo plugin's
 * {@link AugmentingDataSource}, so the files hold exactly what a Tribuo trainer would see.
 */
@Command(name = "oversample", mixinStandardHelpOptions = true,
        header = "Write a data set plus oversampled examples (ROS, SMOTE, GAN or hybrids), flagged as synthetic.",
        description = {"Reads the training split of --data, adds examples to each class (by default up to the "
                + "largest class) with --policy, and writes the real then the added examples to --out: csv gets "
                + "a 'synthetic' column; idx a sidecar synthetic-idx1-ubyte; png a sidecar synthetic.csv "
                + "(1 = added, 0 = real). The same --seed gives the same files. Nothing is left behind on failure."},
        footerHeading = "%nExamples:%n",
        footer = {"  augment oversample --data /usr/share/datasets/fashion-mnist --policy smote \\",
                "      --multiply 1.1 --out fm-smote",
                "  augment oversample --data my-data/ --policy hybrid --counts sneaker=30 \\",
                "      --format csv --out my-data-hybrid"})
public final class OversampleCommand implements Callable<Integer> {

    /** The plugin logs its warnings; this command prints them itself, one line each, so it silences that log. */
    private static final Logger PLUGIN_LOG = Logger.getLogger(AugmentingDataSource.class.getName());
    /** The table source logs its column notes and warnings; this command prints or refuses them itself. */
    private static final Logger TABLE_SOURCE_LOG = Logger.getLogger(CsvTableSource.class.getName());

    @Spec
    CommandSpec spec;

    @ParentCommand
    AugmentCommand parent;

    @Mixin
    CommonOptions common;

    @Mixin
    TableColumnOptions columns;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "The data set (any layout "
            + "train reads); its training split is oversampled.")
    Path data;

    @Mixin
    ClassNamesOption classNames;

    @Option(names = "--policy", required = true, paramLabel = "METHOD", description = "smote, ros, gan, hybrid "
            + "(--baseline adds the counts, then --ratio x as many GAN samples on top) or mix (a --share of each "
            + "class's examples from the GAN, the rest from --baseline).")
    String method;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--k", defaultValue = "5", paramLabel = "K", description = "SMOTE's neighbour count, clamped per class to its "
            + "size - 1 (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--baseline", defaultValue = "smote", paramLabel = "METHOD", description = "hybrid and mix: "
            + "ros or smote (default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--ratio", defaultValue = "0.5", paramLabel = "RATIO", description = "hybrid: GAN samples on top per rebalancing "
            + "example (default: ${DEFAULT-VALUE}).")
    double generatedRatio;

    @Option(names = "--share", defaultValue = "0.5", paramLabel = "SHARE", description = "mix: share of each class's added examples "
            + "from the GAN (default: ${DEFAULT-VALUE}).")
    double generatedShare;

    @Option(names = "--gan-filter", defaultValue = "1", paramLabel = "FACTOR", description = "gan, hybrid and mix: "
            + "filter the GAN's examples: draw FACTOR times as many candidates per class and keep the ones a logistic "
            + "regression trained on the real examples of --data finds most likely to be of the class; prints what "
            + "was dropped per class. 1 draws exactly what is added, no filter (default: ${DEFAULT-VALUE}).")
    double ganFilter;

    @Option(names = "--balance", description = "Grow every class (or --classes) to the largest class (the default).")
    boolean balance;

    @Option(names = "--counts", split = ",", paramLabel = "CLASS=N", description = "Add exactly N examples to each "
            + "named class (name, label or index), e.g. sneaker=30,2=12.")
    List<String> counts;

    @Option(names = "--multiply", paramLabel = "FACTOR", description = "Grow every class (or --classes) to FACTOR "
            + "times its size.")
    Double factor;

    @Option(names = "--classes", split = ",", paramLabel = "CLASS", description = "With --balance or --multiply: "
            + "only these classes.")
    List<String> classes;

    @Option(names = "--seed", defaultValue = CommonOptions.DEFAULT_SEED, paramLabel = "SEED",
            description = "Seed of every random choice (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "oversampled", paramLabel = "DIR", description = "Output directory "
            + "(default: ${DEFAULT-VALUE}); refused if it exists unless --force.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", description = "idx (images, labels and synthetic flags), "
            + "csv (with a synthetic column; a table in its own columns, flags in synthetic.csv) or png (with "
            + "synthetic.csv) (default: idx for images, csv for a table).")
    String format;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEVICE", description = "cpu or cuda, for the GAN (default: "
            + "${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    /**
     * @param text the --baseline value, any case
     * @return ROS or SMOTE
     * @throws UsageException (exit 2) for anything else, naming the two choices
     */
    private static OversamplingMethod baseline(String text) {
        OversamplingMethod method = BlendBaselines.parse(text);
        if (method == null) {
            throw new UsageException("--baseline (the non-generative part of hybrid and mix) must be ros or smote, was '"
                    + text + "'" + OversamplingMethod.smoteNcHint(text));
        }
        return method;
    }

    @Override
    public Integer call() throws Exception {
        PLUGIN_LOG.setLevel(Level.SEVERE);
        // its one warning, columns the layout does not read, came as a library's log line above this command's own
        // refusal of such columns (a fresh user, 6 Dec)
        TABLE_SOURCE_LOG.setLevel(Level.SEVERE);
        OversamplingMethod chosen = OversamplingMethod.parse(method, "method");
        OversamplingMethod rebalancer = baseline(baseline);
        refuseUnusedOptions(chosen, rebalancer);
        MethodSettings settings = new MethodSettings(chosen, k, rebalancer,
                generatedRatio, generatedShare, chosen.usesGenerator() ? ganFilter : GenerationFilter.OFF);
        AugmentationPolicy policy = policy();
        OutputFormat outputFormat = outputFormat();
        ExecutionDevice executionDevice = ExecutionDevice.parse(device);
        if (!chosen.usesGenerator() && modelOption.model != null) {
            throw new UsageException("--model is read only by --policy gan, hybrid and mix, and this run is --policy "
                    + chosen.id() + "; leave it out or choose that policy");
        }
        boolean noGan = chosen == OversamplingMethod.HYBRID && generatedRatio == 0
                || chosen == OversamplingMethod.MIX && generatedShare == 0;
        for (String option : noGan ? List.of("--gan-filter", "--device") : List.<String>of()) {
            if (matched(option)) { // given at its default value it was taken silently (a re-check, 6 Dec)
                throw new UsageException(option + " is read only where the GAN adds examples, and " + (chosen
                        == OversamplingMethod.HYBRID ? "--ratio 0" : "--share 0") + " adds none; leave it out or let "
                        + "the GAN add examples");
            }
        }
        if (chosen == OversamplingMethod.MIX && generatedShare == 1) {
            for (String option : List.of("--k", "--baseline")) {
                if (matched(option)) { // --k 5, the default, was taken where --k 3 was refused (a re-check, 6 Dec)
                    throw new UsageException(option + " belongs to mix's non-generative part, but --share 1 makes "
                            + "every added example generated; leave it out or lower --share");
                }
            }
        }
        if (noGan && modelOption.model != null) {
            // taken silently where --policy smote --model is refused (a re-check, 6 Dec night)
            throw new UsageException("--model is read only where the GAN adds examples, and " + (chosen
                    == OversamplingMethod.HYBRID ? "--ratio 0" : "--share 0") + " adds none; leave it out or let the "
                    + "GAN add examples");
        }
        if (chosen.usesGenerator() && modelOption.model == null && DataSources.isTable(data)) {
            throw new UsageException("--policy " + chosen.id() + " on a table needs --model, a table generator "
                    + "(augment train --data " + dev.augment.generate.output.AtomicOutputDirectory.shellWord(
                    data.toString()) + " --label ... --out model.onnx)");
        }
        if (!DataSources.isTable(data)) {
            refuseTableOptions();
        } else if (matched("--names")) {
            throw new UsageException("--names applies to image data; a table's classes are the values of its --label "
                    + "column");
        }
        OutputGuard.requireApart("--out", out, data, chosen.usesGenerator() ? modelOption.path() : null,
                classNames.file());
        long started = System.nanoTime();
        long[][] written;
        AugmentingDataSource augmented;
        List<String> writtenClasses;
        List<String> writtenNames;
        try (OnnxGenerator generator = chosen.usesGenerator()
                ? OnnxGenerator.load(modelOption.path(), executionDevice) : null) {
            SchemaDataSource source = open(generator);
            writtenClasses = source.schema().labels();
            writtenNames = namesShown(source.schema(), generator);
            noteSmoteOnNumberLikeColumns(source, chosen, rebalancer);
            if (outputFormat != OutputFormat.CSV && !source.schema().isImage()) {
                // idx would hold a float matrix that no reader of augment's or Tribuo's takes as a table
                throw new UsageException("--format " + outputFormat.id() + " cannot hold a table; " + data
                        + " is one, so use csv (its default)");
            }
            if (outputFormat == OutputFormat.PNG) {
                requireEightBitLevels(source);
            }
            if (generator != null && (!generator.metadata().isTable() || source.schema().isImage())) {
                // a table generator with table data reads the data in its own layout (open), which checks the fit
                // AugmentingDataSource matches classes by label: data of some of the model's classes is taken
                ShippedModelMatch.require(generator, source.schema(), "--data " + data, classNames.names != null,
                        true);
            }
            if (generator != null && counts != null) {
                // before the policies' own refusals: hybrid and mix advised "use method gan" for such a class, which
                // the output of the data's classes cannot hold either (a re-check, 7 Dec)
                dev.augment.schema.ClassResolver modelClasses = new dev.augment.schema.ClassResolver(
                        generator.metadata().schema(), "the model");
                countsByClass().forEach((named, count) -> {
                    if (count > 0) { // Bag=0 asks for none (a re-check, 7 Dec)
                        modelClasses.find(named).ifPresent(c -> refuseClassTheDataLacks(generator.metadata().schema(),
                                c, source));
                    }
                });
            }
            if (settings.filtersGan()) {
                // its candidates and classifier: tens of seconds on Fashion-MNIST without a line (a fresh user, 5 Dec)
                spec.commandLine().getErr().println("augment: the GAN filter draws its candidates and trains its "
                        + "classifier on the real examples first...");
                spec.commandLine().getErr().flush();
            }
            // Tribuo's trainers (the GAN filter's classifier) do not look at the token: a signal waited 10 s for them
            AugmentationPolicy chosenPolicy = policy;
            MethodSettings chosenSettings = settings;
            augmented = dev.augment.cancel.AbandonableCall.call("setting up the oversampling; nothing was written to "
                    + out, AugmentCommand.cancellationOf(parent), () -> augment(source, generator, chosenPolicy,
                    chosenSettings));
            Map<String, Integer> realCounts = augmented.realCounts();
            Map<String, Integer> addedCounts = augmented.syntheticCounts();
            List<String> labels = source.schema().labels();
            IdxLabels.noteIfRenumbered(outputFormat, source.schema(), java.util.stream.IntStream.range(0,
                    labels.size()).filter(c -> realCounts.get(labels.get(c)) + addedCounts.get(labels.get(c)) > 0)
                    .boxed().toList(), spec.commandLine().getOut());
            long total = sum(augmented.realCounts()) + sum(augmented.syntheticCounts());
            // generate's record in the data's folder, carried into the output with the output's own counts
            java.util.Optional<GenerationRecord> record = GeneratedOutput.recordOf(source);
            boolean allGenerated = record.isPresent() && record.get().carried() == null;
            // the GAN's own examples are marked too: copied among real images they went unnoticed (a fresh user)
            java.util.function.Predicate<Example<Label>> isGenerated = allGenerated ? e -> true
                    : e -> e.getMetadataValue(GeneratedPng.METADATA_KEY).isPresent() || "gan".equals(
                    e.getMetadataValue(SyntheticExamples.METHOD_KEY).map(Object::toString).orElse(""));
            CancellationToken cancellation = AugmentCommand.cancellationOf(parent);
            try (AtomicOutputDirectory target = AtomicOutputDirectory.create(out, force, cancellation,
                    LeftoverNotice.to(out, spec.commandLine().getErr()))) {
                started += target.leftoverRemovalNanos(); // not the oversampling's time
                FolderNamedLikeAFile.note(out, spec.commandLine().getErr()); // once the folder will be written
                target.leftoverRemovalNote().ifPresent(n -> spec.commandLine().getErr().println("augment: note: " + n));
                try (FlaggedSampleWriter writer = source instanceof CsvTableSource table
                        ? FlaggedSampleWriters.openTable(target.workDir(), table.table(), table.cellsInLayoutOrder())
                        : FlaggedSampleWriters.open(outputFormat, target.workDir(), source.schema(), total);
                     Progress progress = Progress.start(spec.commandLine().getErr(), "oversample", total)) {
                    if (source instanceof CsvTableSource tableSource) {
                        // a cell per column, not one per Tribuo feature (a category each), and a cell may be empty
                        DiskSpace.requireRoomForTableRows(out, tableSource.table().schema().columns().size(), total);
                    } else {
                        DiskSpace.requireRoom(out, outputFormat, source.schema().featureCount(), total);
                    }
                    // ROS and SMOTE build a class's added examples at its first one, without looking at the token:
                    // the iteration runs apart, so that a signal still stops the command within a second
                    AugmentingDataSource adding = augmented;
                    Iterable<Example<Label>> examples = () -> new AbandonableIterator<>("adding examples; nothing "
                            + "was written to " + out, cancellation, adding);
                    written = OversampledFiles.write(examples, source.schema(), SyntheticExamples::isSynthetic,
                            isGenerated, writer, n -> {
                                cancellation.throwIfCancelled("writing examples; nothing was written to " + out);
                                progress.advance(n);
                            });
                }
                // generate's record goes with its examples, which this output calls real (synthetic 0): they were
                // "real" to the next reader, with no note, and marked PNG files among real ones came out unmarked
                // (fresh users, 5 Dec)
                // this run's own GAN examples are named by its model and seed, not as marked PNG files of no model
                // with seed 0 and format png (a fresh user, 6 Dec)
                GenerationRecord own = chosen.usesGenerator() ? new GenerationRecord(dev.augment.io.PhysicalPaths
                        .absolute(modelOption.path()).toString(), seed, outputFormat.id(), 0, List.of())
                        .withModelSha256(generator.sha256()) : null;
                java.util.Optional<GenerationRecord> carried = carriedRecord(record, own, written, source.schema(),
                        outputFormat, total);
                if (carried.isPresent()) {
                    carried.get().write(target.workDir());
                }
                target.commit();
                target.leftoverWarnings().forEach(w -> spec.commandLine().getErr().println("augment: warning: " + w));
            }
        }
        report(augmented, written, writtenClasses, writtenNames, outputFormat, (System.nanoTime() - started) / 1e9);
        return ExitCodes.OK;
    }

    /**
     * @param record the record in the data's folder, if any
     * @param own this run's generator, seed and format when its policy generates (samples per class 0, no classes),
     *     else null
     * @param written per class {real, added, generated} counts written
     * @return the record for the output: the data's, or one naming the marked files' classes, with the output's format
     *     and counts; empty when no example written is generated data
     */
    private static java.util.Optional<GenerationRecord> carriedRecord(java.util.Optional<GenerationRecord> record,
            GenerationRecord own, long[][] written, SampleSchema schema, OutputFormat outputFormat, long total) {
        if (record.isPresent() && record.get().carried() == null) {
            // every example written is generate's, or made from generate's
            return java.util.Optional.of(record.get().carriedAs(new GenerationRecord.Carried(outputFormat.id(), total,
                    total)));
        }
        long generated = 0;
        long added = 0;
        List<String> markedClasses = new java.util.ArrayList<>();
        for (int c = 0; c < written.length; c++) {
            generated += written[c][2];
            added += written[c][1];
            if (written[c][2] > 0) {
                markedClasses.add(schema.classNames().get(c));
            }
        }
        long atMost = generated;
        GenerationRecord.Carried before = record.map(GenerationRecord::carried).orElse(null);
        if (before != null && !"png".equals(before.format())) {
            // a second hop over an IDX or CSV output: its rows hold no mark, so its generated ones were read as real,
            // and copies or interpolations of them could not be counted (a fresh user: "3 of its 2200" where 23 were)
            generated = Math.min(total, generated + before.generated());
            atMost = Math.min(total, atMost + before.generatedAtMost() + added);
        }
        if (generated == 0) {
            return java.util.Optional.empty();
        }
        GenerationRecord base = record.orElseGet(() -> own != null
                ? new GenerationRecord(own.model(), own.seed(), own.format(), 0, markedClasses)
                .withModelSha256(own.modelSha256())
                : new GenerationRecord("", 0, "png", 0, markedClasses));
        return java.util.Optional.of(base.carriedAs(new GenerationRecord.Carried(outputFormat.id(), generated, atMost,
                total)));
    }

    /**
     * An option the chosen policy does not read is refused rather than silently ignored, as --model is for ros and
     * smote: the user meant something by it.
     *
     * @throws UsageException naming the option, the policies that use it and the one chosen
     */
    private void refuseUnusedOptions(OversamplingMethod chosen, OversamplingMethod rebalancer) {
        boolean blends = chosen == OversamplingMethod.HYBRID || chosen == OversamplingMethod.MIX;
        String run = "--policy " + chosen.id() + (blends ? " --baseline " + rebalancer.id() : "");
        refuseUnless("--gan-filter", chosen.usesGenerator(), "--policy gan, hybrid and mix", run);
        // --device cuda with ros said nothing, so a user believed the GPU in use (a fresh user, 6 Dec)
        refuseUnless("--device", chosen.usesGenerator(), "--policy gan, hybrid and mix", run);
        refuseUnless("--baseline", blends, "--policy hybrid and mix", run);
        refuseUnless("--ratio", chosen == OversamplingMethod.HYBRID, "--policy hybrid", run);
        refuseUnless("--share", chosen == OversamplingMethod.MIX, "--policy mix", run);
        refuseUnless("--k", chosen == OversamplingMethod.SMOTE || blends && rebalancer == OversamplingMethod.SMOTE,
                "SMOTE (--policy smote, or hybrid and mix with --baseline smote)", run);
        if (classes != null && classes.stream().allMatch(String::isBlank)) {
            throw new UsageException("--classes names no class; give names, labels or indices, comma-separated, or "
                    + "leave it out for every class");
        }
    }

    private void refuseUnless(String option, boolean used, String usedBy, String run) {
        if (!used && matched(option)) {
            throw new UsageException(option + " is read only by " + usedBy + ", and this run is " + run
                    + "; leave it out or choose that policy");
        }
    }

    private boolean matched(String option) {
        return spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** @throws UsageException when an option for .csv tables only is given with other data */
    private void refuseTableOptions() {
        for (String option : TableColumnOptions.NAMES) {
            if (matched(option)) {
                throw new UsageException(TableColumnOptions.notACsvTable(option, data,
                        columns == null ? null : columns.label));
            }
        }
    }

    private AugmentationPolicy policy() {
        int chosen = (balance ? 1 : 0) + (counts != null ? 1 : 0) + (factor != null ? 1 : 0);
        if (chosen > 1) {
            throw new UsageException("choose one of --balance, --counts and --multiply");
        }
        if (counts != null && classes != null) {
            throw new UsageException("--classes applies to --balance and --multiply; --counts names its classes itself");
        }
        List<String> named = classes == null ? List.of() : classes;
        if (counts != null) {
            return AugmentationPolicy.counts(countsByClass());
        }
        return factor != null ? AugmentationPolicy.multiply(factor, named.toArray(String[]::new))
                : AugmentationPolicy.balance(named.toArray(String[]::new));
    }

    /**
     * @return the --counts entries in the order given
     * @throws UsageException for an entry that is not CLASS=N, a count that is not a whole number, or a class
     *     written the same way twice (picocli's map would keep the last silently)
     */
    private Map<String, Integer> countsByClass() {
        Map<String, Integer> byClass = new LinkedHashMap<>();
        for (int i = 0; i < counts.size(); i++) {
            String entry = counts.get(i);
            int equals = entry.lastIndexOf('=');
            if (entry.isBlank()) {
                // a doubled comma was told to quote a class named ",b" (a fresh user, 7 Dec)
                throw new UsageException("--counts has an empty entry; give CLASS=N entries separated by single "
                        + "commas, e.g. sneaker=30,bag=10");
            }
            if (equals <= 0 || entry.substring(0, equals).isBlank()) {
                // 'x, y=3' was split at its comma, and the message said nothing of it (a re-check, 5 Dec)
                boolean split = equals < 0 && i + 1 < counts.size() && counts.get(i + 1).contains("=");
                throw new UsageException("--counts entry '" + entry + "' is not CLASS=N, e.g. sneaker=30" + (split
                        ? " (--counts is split at commas: a class name holding one goes in double quotes, '\""
                        + entry + "," + counts.get(i + 1).substring(0, counts.get(i + 1).lastIndexOf('='))
                        + "\"=N')" : ""));
            }
            String name = entry.substring(0, equals).strip();
            String number = entry.substring(equals + 1).strip();
            int count;
            try {
                // as every whole-number option: 1e2 and 100.0 are 100 (a fresh user, 5 Dec)
                count = (int) RangeCheckedNumbers.toWhole(number, Integer.MIN_VALUE, Integer.MAX_VALUE);
            } catch (picocli.CommandLine.TypeConversionException e) {
                throw new UsageException("--counts " + name + "=" + number + ": the count must be a whole number of "
                        + "examples, up to " + Integer.MAX_VALUE);
            }
            if (count < 0) {
                throw new UsageException("--counts " + name + "=" + number + ": the count must not be negative (0 adds "
                        + "nothing to the class)");
            }
            if (byClass.putIfAbsent(name, count) != null) {
                throw new UsageException("--counts names class '" + name + "' twice; give each class once");
            }
        }
        if (byClass.isEmpty()) {
            throw new UsageException("--counts names no class; give CLASS=N entries, comma-separated");
        }
        return byClass;
    }

    /**
     * Reads --data; a table given with a table generator is read in the generator's layout (its columns,
     * categories and labels), so data lacking a category the generator knows still fits it, and a category or
     * label it does not know is named.
     */
    private SchemaDataSource open(OnnxGenerator generator) {
        if (generator != null && generator.metadata().isTable() && DataSources.isTable(data)) {
            TableSchema layout = generator.metadata().table();
            if (columns.label != null && !columns.label.equals(layout.labelColumn())) {
                // the only ways out were not named (a fresh user, 6 Dec)
                throw new UsageException("--label " + columns.label + " is not the generator's label column '"
                        + layout.labelColumn() + "'; rename the column " + columns.label + " to "
                        + layout.labelColumn() + " in the header of --data if they are one, or train a generator "
                        + "on this file");
            }
            if (!columns.overrides().isEmpty()) {
                throw new UsageException("--numeric and --categorical do not apply with a table generator: its layout "
                        + "decides each column's kind; leave them out");
            }
            if (matched("--missing") && !columns.missingMarker.equals(layout.missingMarker())) {
                throw new UsageException("--missing " + columns.missingMarker + " does not apply with a table "
                        + "generator: its layout reads '" + layout.missingMarker() + "' (and empty cells) as missing; "
                        + "leave it out, or write the data's missing cells so");
            }
            dev.augment.table.ColumnAdvice.beyondFloatDigits(layout)
                    .forEach(line -> spec.commandLine().getOut().println("note: " + line));
            CsvTableSource source = new CsvTableSource(data, layout);
            List<String> unread = source.unreadColumns();
            if (!unread.isEmpty()) {
                throw new InvalidDataException(data, "has " + (unread.size() == 1 ? "column " : "columns ")
                        + unread.stream().map(c -> "'" + c + "'").collect(java.util.stream.Collectors.joining(", "))
                        + " that the generator's table does not (its columns: "
                        + String.join(", ", layout.columns().stream().map(c -> c.name()).toList()) + "; its label "
                        + "column: " + layout.labelColumn() + "), so the written rows would lose "
                        + (unread.size() == 1 ? "it" : "them") + "; train a generator on this table, or remove "
                        + (unread.size() == 1 ? "that column" : "those columns") + " from --data");
            }
            return source;
        }
        // Tribuo's readers do not look at the token; reading this way lets a signal end the wait at once
        SchemaDataSource source = AbandonableCall.call("reading " + data, AugmentCommand.cancellationOf(parent),
                () -> DataSources.open(data, Split.TRAIN, classNames.names, columns.label, columns.overrides(),
                        columns.missingMarker));
        SkippedImages.note(source, spec.commandLine().getOut());
        if (source.schema().isImage() && !(source instanceof dev.augment.data.ImageFolderSource)) {
            // IDX images of several classes copied on, as train and a folder's note say (a re-check, 7 Dec)
            dev.augment.data.CrossClassCopies.note(dev.augment.data.DenseSamples.from(source, source.schema()), data)
                    .ifPresent(spec.commandLine().getOut()::println);
        }
        if (source instanceof CsvTableSource table) {
            TableColumnOptions.adviseOnColumns(table.table(), table.cellsInLayoutOrder(), spec.commandLine().getOut());
        }
        return source;
    }

    /**
     * SMOTE on a table with a categorical column is SMOTE-NC, which copies categories from neighbours instead of
     * interpolating: a numeric column made categorical by one text cell turned a user's --policy smote into SMOTE-NC
     * with only the column's note (a fresh user, 5 Dec). This line names the consequence beside that note.
     */
    private void noteSmoteOnNumberLikeColumns(SchemaDataSource source, OversamplingMethod chosen,
                                              OversamplingMethod rebalancer) {
        boolean smote = chosen == OversamplingMethod.SMOTE || (chosen == OversamplingMethod.HYBRID
                || chosen == OversamplingMethod.MIX) && rebalancer == OversamplingMethod.SMOTE;
        if (!smote || !(source instanceof CsvTableSource table)) {
            return;
        }
        List<String> columnsRead = dev.augment.table.NumberLikeColumn.find(table.tableSchema()).stream()
                .map(c -> "'" + dev.augment.table.ColumnAdvice.shown(c.column()) + "'").toList();
        if (!columnsRead.isEmpty()) {
            spec.commandLine().getOut().println("note: SMOTE runs as SMOTE-NC here, since column"
                    + (columnsRead.size() == 1 ? " " : "s ") + String.join(", ", columnsRead) + " of mostly numbers "
                    + (columnsRead.size() == 1 ? "is" : "are") + " read as categories (see above): the added rows "
                    + "copy " + (columnsRead.size() == 1 ? "its" : "their") + " values from neighbours instead of "
                    + "interpolating them; fix the cells the note names to have them interpolated as numbers");
        }
    }

    /**
     * PNG holds whole levels 0..255: real examples of other values (float IDX data in −1.2..2.5, Fashion-MNIST scaled
     * to [0, 1]) came back rescaled onto 0..255 and rounded, without a word (a fresh user, 6 Dec), where idx and csv
     * keep them exactly; and the writer maps the data's value range onto 0..255, so float values 0..100 came out
     * stretched. Image folders are 8-bit already; other sources must have the range [0, 255] and are read through
     * once.
     *
     * @throws UsageException naming the data's range when it is not [0, 255], else the first real value that is not
     *     a whole level of 0..255
     */
    private void requireEightBitLevels(SchemaDataSource source) {
        if (source instanceof dev.augment.data.ImageFolderSource) {
            return;
        }
        if (source.schema().minValue() != 0 || source.schema().maxValue() != 255) {
            // the writer maps the data's range onto 0..255: float values 0..100 came out stretched, 59 as 150 (a
            // re-check, 6 Dec night)
            throw new UsageException("--format png maps the data's value range onto 0..255, and " + data + "'s is ["
                    + source.schema().minValue() + ", " + source.schema().maxValue() + "], so png would change the "
                    + "real examples' values; use --format idx or csv, which keep every value");
        }
        int index = 0;
        for (Example<Label> example : source) {
            for (org.tribuo.Feature feature : example) {
                double value = feature.getValue();
                if (!(value >= 0 && value <= 255 && value == Math.rint(value))) {
                    throw new UsageException("--format png holds whole pixel levels 0..255, but " + data + " has the "
                            + "value " + value + " (example " + index + ", feature " + feature.getName() + "; its "
                            + "values range over [" + source.schema().minValue() + ", " + source.schema().maxValue()
                            + "]), which png would rescale and round; use --format idx or csv, which keep every value");
                }
            }
            index++;
        }
    }

    /** @return the chosen format, or the data's natural one: csv for a table (its only one), idx for images */
    private OutputFormat outputFormat() {
        if (format == null) {
            return DataSources.isTable(data) ? OutputFormat.CSV : OutputFormat.IDX;
        }
        try {
            return OutputFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format: " + e.getMessage());
        }
    }

    /** Builds the plugin's data source; its OLCUT errors become the setting errors they are. */
    private AugmentingDataSource augment(SchemaDataSource source, OnnxGenerator generator, AugmentationPolicy policy,
                                         MethodSettings settings) {
        try {
            return new AugmentingDataSource(source, generator, policy, settings, seed, 1f);
        } catch (PropertyException e) {
            if (e.getCause() instanceof dev.augment.errors.ModelContractException breach) {
                // the model's samples break the contract: exit 3 in the model's words, not "generatorPath", exit 2
                throw breach;
            }
            if ("source".equals(e.getProperty()) && e.getMsg().startsWith("source does not match the generator's")) {
                // the data and the model do not fit: bad input (exit 3), as a class or feature mismatch is
                throw new InvalidDataException(data, e.getMsg().substring("source ".length()));
            }
            String setting = "source".equals(e.getProperty()) ? "data" : e.getProperty();
            String message = e.getMsg().startsWith("source ") ? "data" + e.getMsg().substring("source".length())
                    : e.getMsg();
            throw new InvalidSettingException(setting, message);
        }
    }

    /**
     * @return the counts as {@code {a=1, b=2}}, a label quoted ({@code 'a, b'=1}) where it holds a character of that
     *     notation or spaces at an end, so that a label {@code "x=1, y"} cannot read as two; of more than
     *     {@value #LISTED_LABELS} labels, those with a count other than 0, then how many have 0
     *     ({@code {b=3} and 299 other labels 0})
     */
    static String perLabel(Map<String, Integer> counts) {
        if (counts.size() > LISTED_LABELS) {
            // 300 classes of which one got rows made a 3 KB line (a fresh user, 7 Dec): the zeros are counted
            Map<String, Integer> added = new java.util.LinkedHashMap<>();
            counts.forEach((label, count) -> {
                if (count != 0) {
                    added.put(label, count);
                }
            });
            int zeros = counts.size() - added.size();
            if (added.isEmpty()) {
                return "0 for each of the " + zeros + " labels"; // "{} and 19 other labels 0" (a re-check, 7 Dec)
            }
            if (zeros > 1) {
                return listed(added, counts.keySet()) + " and " + zeros + " other labels 0";
            }
        }
        return listed(counts, counts.keySet());
    }

    /** More labels than this have those that got no example counted, not listed. */
    static final int LISTED_LABELS = 10;

    /** @param labels every label, of which look-alikes (A and a Greek Α) are shown escaped, listed or not */
    private static String listed(Map<String, Integer> counts, java.util.Set<String> labels) {
        java.util.StringJoiner out = new java.util.StringJoiner(", ", "{", "}");
        // labels that look alike (A and a Greek Α) show their look-alike letters escaped (a re-check, 6 Dec)
        Map<String, Long> spellings = labels.stream().collect(java.util.stream.Collectors.groupingBy(
                dev.augment.table.ColumnAdvice::looseSpelling, java.util.stream.Collectors.counting()));
        counts.forEach((label, count) -> {
            boolean plain = !label.isEmpty() && label.equals(label.strip()) && label.chars().noneMatch(ch ->
                    ch == ',' || ch == '=' || ch == '{' || ch == '}' || ch == '\'');
            // a no-break or zero-width space printed raw made two labels look the same: escaped, as the notes do
            String shown = spellings.get(dev.augment.table.ColumnAdvice.looseSpelling(label)) > 1
                    ? dev.augment.table.OtherSpellings.escapedLookalikes(dev.augment.table.ColumnAdvice.shown(label))
                    : dev.augment.table.ColumnAdvice.shown(label);
            out.add((plain && shown.equals(label) ? label : "'" + shown.replace("'", "''") + "'") + "=" + count);
        });
        return out.toString();
    }

    /**
     * Data of some of a model's classes with --counts naming another of the model's classes: the GAN made its
     * examples, and the writer, which holds the data's classes, failed with exit 1 (a re-check, 7 Dec); checked
     * before the policy is built, whose hybrid and mix refusals advised "use method gan" for such a class.
     *
     * A class the data names without examples (a gap among an IDX pair's labels, or one its {@code classes.csv}
     * lists) is taken: the output holds it, and the GAN fills it. The refusal lists the data's classes with examples
     * first: it named the gaps of labels 0, 2 and 7 as "its classes are '0' … '7'" (a re-check, 7 Dec).
     *
     * @throws UsageException when the model's class {@code c} is not among the data's classes
     */
    private static void refuseClassTheDataLacks(SampleSchema model, int c, SchemaDataSource data) {
        String label = model.labels().get(c);
        if (!data.schema().labels().contains(label)) {
            java.util.Set<String> held = labelsWithExamples(data);
            List<String> empty = data.schema().labels().stream().filter(l -> !held.contains(l)).map(l -> "'" + l
                    + "'").toList();
            throw new UsageException("--counts asks for examples of class '" + model.classNames().get(c)
                    + "' (label '" + label + "'), which the model knows but the data does not hold (its classes are "
                    + String.join(", ", data.schema().labels().stream().filter(held::contains).map(l -> "'" + l
                    + "'").toList()) + (empty.isEmpty() ? "" : ", and without examples " + String.join(", ", empty))
                    + "), and the output holds the data's classes; leave it out, or give data with examples of it");
        }
    }

    /** @return the labels of the source's examples, in one read that stops once every label of its schema is seen */
    private static java.util.Set<String> labelsWithExamples(SchemaDataSource source) {
        java.util.Set<String> held = new java.util.HashSet<>();
        int every = source.schema().labels().size();
        for (Example<Label> example : source) {
            if (held.add(example.getOutput().getLabel()) && held.size() == every) {
                break;
            }
        }
        return held;
    }

    /**
     * @return the data's class names, a name that is only its label taken from the generator where it has that label:
     *     IDX data of some of a model's classes was shown as {@code {5=0, 7=3}} (a re-check, 7 Dec)
     */
    private static List<String> namesShown(dev.augment.schema.SampleSchema data, OnnxGenerator generator) {
        if (generator == null) {
            return data.classNames();
        }
        dev.augment.schema.SampleSchema model = generator.metadata().schema();
        List<String> names = new java.util.ArrayList<>();
        for (int c = 0; c < data.classCount(); c++) {
            String label = data.labels().get(c);
            int known = model.labels().indexOf(label);
            names.add(data.classNames().get(c).equals(label) && known >= 0 ? model.classNames().get(known)
                    : data.classNames().get(c));
        }
        return names;
    }

    /**
     * @return the examples added per label, for the labels the output holds: an IDX labels file with a gap (0–8
     *     and 12) has classes 9–11 without examples, which the output's {@code classes.csv} leaves out and the line
     *     listed as "9=0" (helper k5, 6 Dec)
     * @param labels the data's labels, by the class index of {@code written} (the generator's, by which the counts
     *     were looked up, named a folder of its classes 5 and 8 as "0=0, 1=0"; 7 Dec)
     * @param names the data's class names, by the same index: a label is shown with its name when they differ
     *     ({@code 0 (apple)=2}), as IDX data and folders with a {@code classes.csv} have numbers for labels and the
     *     line named no class (a re-check, 7 Dec)
     */
    static Map<String, Integer> writtenLabels(AugmentingDataSource augmented, long[][] written, List<String> labels,
                                              List<String> names) {
        Map<String, Integer> shown = new java.util.LinkedHashMap<>();
        for (int c = 0; c < written.length; c++) {
            if (written[c][0] + written[c][1] > 0) {
                String label = labels.get(c);
                String name = c < names.size() ? names.get(c) : label;
                shown.put(name.equals(label) ? label : label + " (" + name + ")",
                        augmented.syntheticCounts().get(label));
            }
        }
        return shown;
    }

    private void report(AugmentingDataSource augmented, long[][] written, List<String> writtenClasses,
                        List<String> writtenNames, OutputFormat outputFormat, double seconds) {
        PrintWriter err = spec.commandLine().getErr();
        // the data's notes were printed as the data was read: once is enough (a re-check, 6 Dec)
        augmented.warnings().stream().filter(w -> !w.startsWith(AugmentingDataSource.DATA_NOTE))
                .forEach(w -> err.println("augment: warning: " + w));
        long real = 0;
        long added = 0;
        for (long[] perClass : written) {
            real += perClass[0];
            added += perClass[1];
        }
        // --out is a folder for every format: name the CSV file itself, which an --out of x.csv hid (6 Dec)
        Object where = outputFormat == OutputFormat.CSV
                ? out.resolve(dev.augment.generate.output.CsvSampleWriter.FILE) : out;
        spec.commandLine().getOut().printf("wrote %d real and %d added examples (%s) to %s (%s) in %.1f s; added per "
                        + "label: %s%n", real, added, methodShown(augmented), AugmentCli.oneLine(where.toString()),
                outputFormat.name().toLowerCase(Locale.ROOT), seconds, perLabel(writtenLabels(augmented, written,
                writtenClasses, writtenNames)));
        for (FilterCounts c : augmented.ganFilterCounts()) {
            spec.commandLine().getOut().println(filterLine(augmented, c));
        }
        if (added == 0 && counts == null && factor == null) {
            // balanced data: a copy of it with nothing added, after loading the GAN, without a word (a fresh user,
            // 7 Dec)
            err.println("augment: note: every class " + (classes == null ? "" : "named by --classes ") + "is already "
                    + "as large as the largest, so balancing added nothing; --multiply FACTOR or --counts CLASS=N add "
                    + "examples to balanced data");
        }
        long generatedFlaggedReal = java.util.Arrays.stream(written).mapToLong(perClass -> perClass[3]).sum();
        if (generatedFlaggedReal > 0) {
            // the flags call the data's examples real, its generated ones too: the line above said "real" of marked
            // GAN images without a word after the data's note said they can be told (a re-check, 6 Dec)
            err.println("augment: note: " + generatedFlaggedReal + " of the " + real + " examples flagged real "
                    + "(synthetic 0) are generated data of --data, as " + GenerationRecord.FILE + " in " + out
                    + " counts them; the flags mark what this run added. Give the real data alone to have only real "
                    + "examples flagged 0");
        }
    }

    /**
     * @return the method as the examples' provenance names it: {@code smote-nc} for SMOTE on a table with a
     *     categorical column, and a blend with its sources ({@code hybrid: smote-nc + gan})
     */
    private static String methodShown(AugmentingDataSource augmented) {
        String method = augmented.method().method().id();
        List<String> sources = augmented.addedSources();
        // a blend whose share or ratio leaves one source without examples (mix --share 1) names only what added
        List<String> adding = sources.stream().filter(source -> augmented.addedCounts(source).values().stream()
                .mapToLong(Integer::longValue).sum() > 0).toList();
        if (adding.size() > 1) {
            return method + ": " + String.join(" + ", adding);
        }
        if (adding.size() == 1 && sources.size() > 1) {
            return method + ": " + adding.get(0) + " only";
        }
        return sources.size() == 1 ? sources.get(0) : method;
    }

    /** @return one class's line of the generation-time filter, as evaluate's FILTER lines give them per seed */
    private static String filterLine(AugmentingDataSource augmented, FilterCounts c) {
        String name = augmented.schema().classNames().get(c.classIndex());
        String label = augmented.schema().labels().get(c.classIndex());
        // A table's classes are their labels: name the class once then.
        String which = name.equals(label) ? name : name + " (label " + label + ")";
        return String.format(Locale.ROOT, "FILTER %s: kept %d of %d generated candidates, dropped %d "
                        + "(mean p of the class kept/dropped: %s/%s)", which, c.kept(), c.drawn(), c.dropped(),
                probability(c.meanKeptProbability()), probability(c.meanDroppedProbability()));
    }

    private static String probability(Double p) {
        return p == null ? "-" : String.format(Locale.ROOT, "%.2f", p);
    }

    private static long sum(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(Integer::longValue).sum();
    }
}

package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import dev.augment.eval.Evaluation;
import dev.augment.eval.EvaluationOutcome;
import dev.augment.eval.EvaluationSettings;
import dev.augment.eval.embedding.EmbeddingSettings;
import dev.augment.eval.metrics.VerdictRules;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.protocol.Scenario;
import dev.augment.eval.report.ConsoleSummary;
import dev.augment.eval.report.ReportWriter;
import dev.augment.generate.output.AtomicOutputDirectory;
import dev.augment.train.Architecture;
import dev.augment.train.table.TableGanSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/** {@code augment evaluate}: does augmentation help a Tribuo classifier, and has the generator collapsed? */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Measure classifier gains from augmentation and diagnose the generator per class.",
        description = {"Trains one Tribuo classifier per arm (real only, class weights, random oversampling, SMOTE, "
                + "real + GAN, SMOTE + GAN on top, half SMOTE half GAN, synthetic only; --arms runs fewer) on the "
                + "scenario's training "
                + "split, tests each on --test, repeats over seeds, diagnoses the generator per class, and writes "
                + "report.json, report.html and PNGs to --out. With several --trainer names every classifier family "
                + "learns the same training sets (one split and one GAN per seed) and gets its own verdict: the "
                + "best policy and each arm's gain over the best cheap baseline (class weights, ROS or SMOTE).",
                "With --data table.csv --label COLUMN it evaluates a table instead: every seed draws a stratified "
                + "train/test split (--test-share), trains one table GAN on the training split only (--gan-steps; 0 "
                + "runs the arms without a GAN), and compares real only, class weights, ROS, SMOTE (SMOTE-NC when the "
                + "table has categorical columns), real + GAN, hybrid, mix and synthetic only under every --trainer; "
                + "it writes report.json and report.txt, with per-column KS / total variation, correlation "
                + "difference, DCR and coverage diagnostics of the first seed's generated rows."},
        footerHeading = "%nExamples:%n",
        footer = {"  augment evaluate --train /usr/share/datasets/fashion-mnist \\",
                "      --test /usr/share/datasets/fashion-mnist --scenario imbalanced \\",
                "      --minority 0,2,4,6,8 --share 0.02 --seeds 5 --out fm-eval",
                "  augment evaluate --train data/ --test data/ --trainer logistic,forest,cnn \\",
                "      --scenario imbalanced --minority 0,2,4,6,8 --share 0.02 --out fm-families",
                "  augment evaluate --train data/ --test data/ --model fm.onnx --out eval",
                "  augment evaluate --data credit-g.csv --label class --trainer logistic,forest \\",
                "      --seeds 5 --out credit-eval"})
public final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AugmentCommand parent;

    @Mixin
    CommonOptions common;

    @Mixin
    TableColumnOptions columns;

    @Option(names = "--train", paramLabel = "PATH", description = "Labelled training data (images; required unless "
            + "--data).")
    Path train;

    @Option(names = "--test", paramLabel = "PATH", description = "Test data (real, never trained on; required unless "
            + "--data).")
    Path test;

    @Option(names = "--data", paramLabel = "FILE", description = "A CSV table (header row) to evaluate instead of "
            + "--train/--test: every seed splits it into training and test rows.")
    Path data;

    @Option(names = "--test-share", defaultValue = "0.3", paramLabel = "SHARE", description = "Share of every class of "
            + "--data in each seed's test split (default: ${DEFAULT-VALUE}).")
    double testShare;

    @Option(names = "--gan-steps", paramLabel = "N", description = "Steps of each seed's table GAN (--data; default: "
            + "the train command's table default, " + TableGanSettings.DEFAULT_STEPS + "); 0 runs only the arms without a GAN.")
    Integer ganSteps;

    @Option(names = "--gan-aux-weight", paramLabel = "WEIGHT", description = "Weight of the auxiliary classifier loss "
            + "of each seed's table GAN (--data; default, as train: " + TableGanSettings.SMALL_CLASS_AUXILIARY_WEIGHT
            + " when a class of the seed's training split has fewer than " + TableGanSettings.SMALL_CLASS_ROWS
            + " rows, else 0); 0 for CTGAN's loss alone.")
    Float ganAuxWeight;

    @Option(names = "--gan-pac", paramLabel = "N", description = "Rows packed into one critic input of each seed's "
            + "table GAN (--data; default, as train: " + TableGanSettings.SMALL_CLASS_PAC + " when a class of the "
            + "seed's training split has fewer than " + TableGanSettings.SMALL_CLASS_ROWS + " rows, else "
            + TableGanSettings.DEFAULT_PAC + ").")
    Integer ganPac;

    @Option(names = "--gan-critic-steps", paramLabel = "N", description = "Critic updates per generator update of "
            + "each seed's table GAN, 1 to " + TableGanSettings.MAX_CRITIC_STEPS + " (--data; default, as train: "
            + TableGanSettings.SMALL_CLASS_CRITIC_STEPS + " when a class of the seed's training split has fewer than "
            + TableGanSettings.SMALL_CLASS_ROWS + " rows, else " + TableGanSettings.DEFAULT_CRITIC_STEPS + ").")
    Integer ganCriticSteps;

    @Option(names = "--gan-info-weight", paramLabel = "WEIGHT", description = "Weight of the information loss of each "
            + "seed's table GAN (--data; default, as train: " + TableGanSettings.DEFAULT_INFORMATION_WEIGHT + "); 0 "
            + "leaves it out.")
    Float ganInfoWeight;

    @Mixin
    ClassNamesOption classNames;

    @Option(names = "--trainer", defaultValue = "logistic", paramLabel = "NAMES", description = "logistic, "
            + "cart, forest, cnn or config:FILE (an OLCUT file defining a component named 'trainer'), or several "
            + "separated by commas, e.g. logistic,forest,cnn: each classifier family learns every arm on the same "
            + "training sets and gets its own verdict (default: ${DEFAULT-VALUE}).")
    String trainer;

    @Option(names = "--cnn-steps", defaultValue = "4000", paramLabel = "N", description = "Optimiser steps of "
            + "--trainer cnn, batch 128 (default: ${DEFAULT-VALUE}).")
    int cnnSteps;

    @Option(names = "--scenario", defaultValue = "as-is", paramLabel = "SCENARIO",
            description = "as-is, imbalanced or low-data "
            + "(default: ${DEFAULT-VALUE}).")
    String scenario;

    @Option(names = "--minority", split = ",", paramLabel = "CLASS", description = "Minority classes "
            + "(imbalanced): names, labels or indices as generate's --class takes them, e.g. 0,2,4,6,8 or "
            + "t-shirt/top,pullover.")
    List<String> minority;

    @Option(names = "--share", defaultValue = "0.02", paramLabel = "SHARE",
            description = "Share of each minority class kept "
            + "(imbalanced; default: ${DEFAULT-VALUE}).")
    double share;

    @Option(names = "--per-class", defaultValue = "0", paramLabel = "N", description = "Examples per class (low-data).")
    int perClass;

    @Option(names = "--seeds", defaultValue = "5", paramLabel = "N",
            description = "Repetitions (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--seed", defaultValue = CommonOptions.DEFAULT_SEED, paramLabel = "SEED",
            description = "First seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--model", paramLabel = "FILE", description = "Generator ONNX file to evaluate instead of "
            + "training a GAN per run on its training split.")
    Path model;

    @Option(names = "--force-leaky-model", description = "Evaluate --model even if its provenance shows test data "
            + "(the report says so at the top).")
    boolean forceLeakyModel;

    /** Epochs of evaluate's GANs unless given: {@link EvaluationSettings#DEFAULT_GAN_EPOCHS}. */
    static final String DEFAULT_GAN_EPOCHS = "" + EvaluationSettings.DEFAULT_GAN_EPOCHS;
    /** Mode-seeking (MSGAN) weight unless given: {@link EvaluationSettings#DEFAULT_GAN_MODE_SEEKING_WEIGHT}. */
    static final String DEFAULT_MODE_SEEKING_WEIGHT = "" + EvaluationSettings.DEFAULT_GAN_MODE_SEEKING_WEIGHT;

    @Option(names = "--gan-epochs", defaultValue = DEFAULT_GAN_EPOCHS, paramLabel = "N", description = "Epochs of "
            + "each trained GAN (default: ${DEFAULT-VALUE}; with the default --gan-mode-seeking-weight "
            + DEFAULT_MODE_SEEKING_WEIGHT + ", the recipe measured best for small classes: README \"Recipes tried "
            + "for the evaluation's GAN\").")
    int ganEpochs;

    @Option(names = "--gan-arch", defaultValue = "mlp", paramLabel = "ARCH",
            description = "mlp or conv (default: ${DEFAULT-VALUE}).")
    String ganArch;

    @Option(names = "--gan-diff-augment", defaultValue = "", paramLabel = "OPS", description = "DiffAugment of each "
            + "trained GAN, as train's --diff-augment: comma-separated translation, cutout, brightness "
            + "(default: none).")
    String ganDiffAugment;

    @Option(names = "--gan-lecam-weight", defaultValue = "0", paramLabel = "W", description = "LeCam weight of each "
            + "trained GAN, as train's --lecam-weight; 0 disables it (default: ${DEFAULT-VALUE}).")
    float ganLecamWeight;

    @Option(names = "--gan-mode-seeking-weight", defaultValue = DEFAULT_MODE_SEEKING_WEIGHT, paramLabel = "W",
            description = "Mode-seeking (MSGAN) weight of each trained GAN, as train's --mode-seeking-weight; 0 "
            + "disables it (default: ${DEFAULT-VALUE}; before 4 Dec 0, with 10 epochs).")
    float ganModeSeekingWeight;

    @Option(names = "--gan-batch-size", defaultValue = "0", paramLabel = "N", description = "Samples per step of "
            + "each trained GAN, at most the training split's size (default: fitted to the data, the largest power "
            + "of two up to 64 and up to the split's size, e.g. 32 for low-data with 5 per class of 10 classes; 0 "
            + "asks for that too). For a table (--data), rows per step of each seed's table GAN, as train's "
            + "--batch-size (default " + TableGanSettings.SMALL_CLASS_BATCH + " when a class of the split has fewer "
            + "than " + TableGanSettings.SMALL_CLASS_ROWS + " rows, else " + TableGanSettings.DEFAULT_BATCH + "; the "
            + "largest multiple of pac not above it or half the split's rows).")
    int ganBatchSize;

    @Option(names = "--gan-filter", defaultValue = "1", paramLabel = "FACTOR", description = "Filter the GAN arms' "
            + "samples: draw FACTOR times as many candidates per class and keep the ones a logistic regression "
            + "trained on the seed's real training split finds most likely to be of the class; the report says "
            + "what was dropped per class. 1 draws exactly what is used, no filter (default: ${DEFAULT-VALUE}).")
    double ganFilter;

    @Option(names = "--baseline", defaultValue = "smote", paramLabel = "METHODS", description = "The rebalancing "
            + "the hybrid and mix arms start from, as oversample's --baseline: smote, ros, or smote,ros for both (two "
            + "more arms per classifier family; default: ${DEFAULT-VALUE}).")
    String baseline;

    @Option(names = "--arms", paramLabel = "ARMS", description = "Run only these arms, e.g. "
            + "real,class-weights,oversampling,smote,gan,hybrid,mix (every arm but synthetic only): names from real, "
            + "class-weights, oversampling, smote, gan, hybrid, mix, hybrid-ros and mix-ros (with --baseline ros), "
            + "synthetic-only. Real only always runs, as the reference; at least one of class-weights, oversampling "
            + "and smote must stay. Without an arm that uses a generator (and without --model) no GAN is trained "
            + "and none diagnosed (default: every arm --baseline gives).")
    String arms;

    @Option(names = "--embedding-epochs", defaultValue = "3", paramLabel = "N",
            description = "Epochs of the diagnostics' embedding "
            + "network (default: ${DEFAULT-VALUE}).")
    int embeddingEpochs;

    @Option(names = "--diagnostic-samples", defaultValue = "1000", paramLabel = "N", description = "Most samples "
            + "per class compared in the diagnostics (default: ${DEFAULT-VALUE}).")
    int diagnosticSamples;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Report folder (refused if it "
            + "exists, unless --force).")
    Path out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    /** Whether the run's summary reached the terminal, so that a failure to write the report loses no figures. */
    boolean summaryPrinted;

    /**
     * @param parsed the parsed evaluate command
     * @return whether its summary was printed before the run failed (the failure was then in writing the report)
     */
    static boolean summaryPrinted(picocli.CommandLine.ParseResult parsed) {
        return parsed.commandSpec().userObject() instanceof EvaluateCommand command && command.summaryPrinted;
    }

    /** Options that shape the GANs evaluate trains per seed, and so do nothing when --model is given. */
    private static final List<String> GAN_TRAINING_OPTIONS = List.of("--gan-epochs", "--gan-arch", "--gan-batch-size",
            "--gan-diff-augment", "--gan-lecam-weight", "--gan-mode-seeking-weight");

    /**
     * With --model, the GAN training options would be recorded but never applied (the file is evaluated as it is),
     * so the run is refused, as every other option the run would not read.
     *
     * @throws UsageException (exit 2) naming the options
     */
    private void refuseGanOptionsWithModel() {
        if (model == null || spec.commandLine().getParseResult() == null) {
            return;
        }
        List<String> unused = GAN_TRAINING_OPTIONS.stream()
                .filter(o -> spec.commandLine().getParseResult().hasMatchedOption(o)).toList();
        if (!unused.isEmpty()) {
            boolean one = unused.size() == 1;
            throw new UsageException(String.join(", ", unused) + (one ? " shapes" : " shape") + " the GANs evaluate "
                    + "trains per seed, and --model evaluates the given file instead; leave " + (one ? "it" : "them")
                    + " out, or leave --model out to train a GAN per seed");
        }
    }

    /**
     * With --arms naming no arm that uses a generator and no --model, the run trains no GAN and diagnoses none, so
     * the options that shape the GAN, its samples or the diagnostics would be recorded but never applied: refused.
     *
     * @param chosen the run's arms
     * @throws UsageException (exit 2) naming the options
     */
    private void refuseGeneratorOptionsWithoutGenerator(List<Arm> chosen) {
        if (model != null || chosen.stream().anyMatch(Arm::needsGenerator)
                || spec.commandLine().getParseResult() == null) {
            return;
        }
        List<String> unused = new ArrayList<>(GAN_TRAINING_OPTIONS);
        unused.addAll(List.of("--gan-filter", "--embedding-epochs", "--diagnostic-samples"));
        unused.removeIf(o -> !spec.commandLine().getParseResult().hasMatchedOption(o));
        if (!unused.isEmpty()) {
            boolean one = unused.size() == 1;
            throw new UsageException(String.join(", ", unused) + (one ? " shapes" : " shape") + " the GAN or its "
                    + "diagnostics, and --arms " + arms.strip() + " names no arm that uses a generator (gan, hybrid, "
                    + "mix, ...), so none is trained; leave " + (one ? "it" : "them") + " out, or add such an arm");
        }
    }

    /**
     * --minority and --share shape the imbalanced scenario and --per-class the low-data one; given with another
     * scenario they would be recorded in the report but never applied, so the run is refused instead.
     *
     * @throws UsageException (exit 2) naming the option, the scenario that reads it and this run's
     */
    private void refuseUnusedScenarioOptions(Scenario.Kind kind) {
        ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return;
        }
        if (kind == Scenario.Kind.IMBALANCED && parsed.hasMatchedOption("--minority")
                && (minority == null || minority.stream().allMatch(String::isBlank))) {
            throw new UsageException("--minority names no class; give the minority classes, e.g. --minority 0,2,4,6,8");
        }
        if (kind == Scenario.Kind.LOW_DATA && !parsed.hasMatchedOption("--per-class")) {
            throw new UsageException("--scenario low-data needs --per-class N, the examples kept of each class");
        }
        for (String option : List.of("--minority", "--share", "--per-class")) {
            Scenario.Kind reader = option.equals("--per-class") ? Scenario.Kind.LOW_DATA : Scenario.Kind.IMBALANCED;
            if (parsed.hasMatchedOption(option) && kind != reader) {
                throw new UsageException(option + " applies to --scenario " + reader.id() + " only, and this run's "
                        + "scenario is " + kind.id() + (parsed.hasMatchedOption("--scenario") ? ""
                        // "add --scenario low-data" to a run that gave one was a duplicate option (a fresh user)
                        : " (the default)") + "; " + (parsed.hasMatchedOption("--scenario") ? "change it to"
                        : "add") + " --scenario " + reader.id() + " or leave " + option + " out");
            }
        }
    }

    /**
     * @return the configuration files named by {@code --trainer config:FILE} entries, as one path of comma-joined
     *     parts (the output guard reads each part); null when there are none
     */
    Path trainerConfigFiles() {
        List<Path> files = ClassifierSpec.configFiles(trainer);
        return files.isEmpty() ? null : Path.of(String.join(",", files.stream().map(Path::toString).toList()));
    }

    /** Held so that the level set on Tribuo's logger (k-means logs every fit) is not lost to GC. */
    private final Logger tribuoLog = Logger.getLogger("org.tribuo");

    @Override
    public Integer call() throws Exception {
        tribuoLog.setLevel(Level.WARNING);
        if (spec.commandLine().getParseResult() != null && spec.commandLine().getParseResult()
                .hasMatchedOption("--cnn-steps") && ClassifierSpec.parseList(trainer, Math.max(1, cnnSteps)).stream()
                .noneMatch(c -> c.name().equals("cnn"))) {
            throw new UsageException("--cnn-steps is read only by --trainer cnn, and this run's --trainer is " + trainer
                    + (data != null ? "; leave it out (a table has no cnn family)" : "; leave it out or add cnn"));
        }
        if (data != null) {
            return new TableEvaluate(this).run();
        }
        TableEvaluate.refuseTableOptions(this);
        if (forceLeakyModel && model == null) {
            throw new UsageException("--force-leaky-model applies to a given --model only; leave it out");
        }
        if (model != null) {
            dev.augment.onnx.MetadataReader.refuseUri(model); // as generate's --model (a fresh user, 7 Dec)
        }
        OutputGuard.requireApart("--out", out, train, test, model, classNames.file(), trainerConfigFiles());
        Scenario.Kind kind = Scenario.Kind.parse(scenario);
        refuseUnusedScenarioOptions(kind);
        refuseGanOptionsWithModel();
        if (embeddingEpochs < 1) {
            throw new UsageException("--embedding-epochs must be at least 1, was " + embeddingEpochs + " (the "
                    + "diagnostics' embedding network trains for that many epochs)");
        }
        List<Arm> chosenArms = ArmChoice.arms(baseline, arms);
        refuseGeneratorOptionsWithoutGenerator(chosenArms);
        EvaluationSettings settings = new EvaluationSettings(train, test, classNames.names,
                ClassifierSpec.parseList(trainer, cnnSteps),
                new Scenario(kind, minority, share, perClass), seeds, seed, model,
                forceLeakyModel, ganEpochs, Architecture.parse(ganArch), ganBatchSize,
                EmbeddingSettings.defaults(seed).withEpochs(embeddingEpochs), VerdictRules.defaults(),
                diagnosticSamples, ManifestVersionProvider.version(), ganFilter, ganDiffAugment, ganLecamWeight,
                ganModeSeekingWeight, chosenArms);
        PrintWriter log = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long start = System.nanoTime();
        CancellationToken cancellation = AugmentCommand.cancellationOf(parent);
        try (AtomicOutputDirectory dir = AtomicOutputDirectory.create(out, force, cancellation,
                LeftoverNotice.to(out, err))) {
            EvaluationOutcome outcome;
            try {
                outcome = Evaluation.run(settings, dir.workDir().resolve("generators"), line -> {
                    cancellation.throwIfCancelled("evaluating; nothing was written to " + out);
                    err.printf("[%s] %s%n", elapsed(start), line);
                    err.flush();
                }, cancellation);
            } catch (dev.augment.errors.ModelContractException mismatch) {
                throw withShippedModelHint(mismatch);
            }
            // the figures reach the terminal before the files are written: a disk that fills at the end of a run of
            // hours then loses the files, not the figures (a fresh user, 6 Dec)
            log.print(ConsoleSummary.render(outcome.report()));
            log.flush();
            summaryPrinted = true;
            ReportWriter.write(outcome.report(), outcome.images(), dir.workDir());
            dir.commit();
            dir.leftoverWarnings().forEach(w -> spec.commandLine().getErr().println("augment: warning: " + w));
        }
        log.printf("wrote %s in %s%n", FolderListing.named(out), elapsed(start));
        return ExitCodes.OK;
    }

    /**
     * A --model that does not make the training data was refused without the shipped model that does, which score and
     * oversample name (a fresh user, 7 Dec).
     *
     * @param mismatch the evaluation's refusal of the model
     * @return it, with the shipped model that makes the data's classes named when one does
     */
    private dev.augment.errors.ModelContractException withShippedModelHint(
            dev.augment.errors.ModelContractException mismatch) {
        if (model == null || !mismatch.getMessage().contains("the model generates")) {
            return mismatch;
        }
        String hint;
        try {
            hint = ShippedModelMatch.hint(dev.augment.data.DataSources.open(train, dev.augment.data.Split.TRAIN,
                    classNames.names).schema(), model);
        } catch (RuntimeException unreadable) {
            hint = "";
        }
        return hint.isEmpty() ? mismatch : new dev.augment.errors.ModelContractException(mismatch.getMessage() + hint,
                mismatch);
    }

    private static String elapsed(long start) {
        Duration d = Duration.ofNanos(System.nanoTime() - start);
        return String.format("%d:%02d", d.toMinutes(), d.toSecondsPart());
    }
}

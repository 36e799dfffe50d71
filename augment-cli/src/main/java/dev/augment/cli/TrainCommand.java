package dev.augment.cli;

import dev.augment.cancel.AbandonableCall;
import dev.augment.cancel.CancellationToken;
import dev.augment.data.DataFingerprint;
import dev.augment.data.DataSources;
import dev.augment.data.DenseSamples;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.SharedExamples;
import dev.augment.data.Split;
import dev.augment.data.SplitAgreement;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.io.PhysicalPaths;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.ClassResolver;
import dev.augment.train.Architecture;
import dev.augment.train.ExportChoice;
import dev.augment.train.GanSettings;
import dev.augment.train.GanTrainer;
import dev.augment.train.QualityCheck;
import dev.augment.train.GeneratorExport;
import dev.augment.train.TrainedGan;
import dev.augment.train.TrainingListener;
import dev.augment.train.ValidationSplit;
import dev.augment.train.table.TableGanSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/** {@code augment train}: a conditional GAN on labelled data, exported as a generator ONNX file. */
@Command(name = "train", mixinStandardHelpOptions = true,
        header = "Train a conditional GAN with DJL and export its generator to ONNX.",
        description = {"Reads --data (an IDX pair or folder, CIFAR-10 batches, or class sub-folders of images), "
                + "trains, writes a checkpoint and a PNG grid of samples per class after every epoch, and writes "
                + "the averaged generator to --out.",
                "With a .csv --data (header row, --label names the class column) it trains a conditional table GAN "
                + "(CTGAN) instead; the generator writes the table's Tribuo features, and generate writes its rows "
                + "as CSV. Table options: --label, --numeric, --categorical, --missing, --conditioning, --epochs or "
                + "--steps, --batch-size, --lr-g, --lr-d, --aux-weight, --pac, --critic-steps, --info-weight, --seed, "
                + "--checkpoint-dir, "
                + "--resume, --force."},
        footerHeading = "%nExamples:%n",
        footer = {"  augment train --data /usr/share/datasets/fashion-mnist --out fm.onnx",
                "  augment train --data my-images/ --names names.txt --out mine.onnx --arch conv",
                "  augment train --data /usr/share/datasets/fashion-mnist --out fm.onnx \\",
                "      --epochs 10 --resume --force",
                "  augment train --data credit-g.csv --label class --out credit.onnx --steps 3000"})
public final class TrainCommand implements Callable<Integer> {

    /** The longest file name, in bytes, that Linux's and macOS's file systems take. */

    /** Fewest validation samples per class: the quality check needs 10 held-out samples of every class. */
    private static final int MINIMUM_VALIDATION_PER_CLASS = 10;

    /** How to train when the quality check cannot run. */
    private static final String WITHOUT_CHECK = "pass --check-samples 0 to train without the check";

    @Spec
    CommandSpec spec;

    @ParentCommand
    AugmentCommand parent;

    @Mixin
    CommonOptions common;

    @Mixin
    TableColumnOptions columns;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "Training data.")
    Path data;

    @Option(names = "--conditioning", defaultValue = "uniform", paramLabel = "HOW", description = "Table GAN: how the "
            + "class of each training row is drawn: uniform (every class as often; most training for small classes), "
            + "log-frequency (CTGAN's) or frequency (the data's shares) (default: ${DEFAULT-VALUE}).")
    String conditioning;

    @Mixin
    ClassNamesOption classNames;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Generator ONNX file to write.")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (default: 5 unless --steps is given).")
    Integer epochs;

    @Option(names = "--steps", defaultValue = "0", paramLabel = "N", description = "Train for N optimiser steps "
            + "instead of epochs, batches drawn with replacement (for small data); --check-every then counts steps "
            + "and a checkpoint is written every --check-every steps (every 500 without).")
    int steps;

    @Option(names = "--balanced-batches", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Draw the discriminator's real batch and the generator's fake labels uniformly over classes "
            + "in every batch (BAGAN-GP), for small classes; --no-balanced-batches follows the data's class shares "
            + "(default: on).")
    boolean balancedBatches;

    @Option(names = "--diff-augment", defaultValue = "", paramLabel = "OPS", description = "DiffAugment (Zhao et al. "
            + "2020) before the discriminator, on real and fake: comma-separated translation, cutout, brightness "
            + "(default: none). Images only.")
    String diffAugment;

    @Option(names = "--lecam-weight", defaultValue = "0", paramLabel = "W", description = "Weight of the LeCam "
            + "regulariser of the discriminator (Tseng et al. 2021 use 0.3); 0 disables it (default: ${DEFAULT-VALUE}).")
    float lecamWeight;

    @Option(names = "--mode-seeking-weight", defaultValue = "0", paramLabel = "W", description = "Weight of the "
            + "mode-seeking term of the generator (MSGAN, Mao et al. 2019, who use 1): rewards samples of one class "
            + "that differ as their noise differs; 0 disables it (default: ${DEFAULT-VALUE}). Images only.")
    float modeSeekingWeight;

    @Option(names = "--recompute-bn", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Recompute the averaged generator's batch-norm statistics from its own weights; "
            + "--no-recompute-bn averages the live generator's statistics instead (default: on).")
    boolean recomputeBatchNorm;

    @Option(names = "--conv-width", defaultValue = "64", paramLabel = "C", description = "Channels of the conv "
            + "generator's first stage, halved at each upsampling; the conv discriminator uses C/2 and C. Compute "
            + "grows with its square; a multiple of 4 from 8 to 1024 (default: ${DEFAULT-VALUE}).")
    int convWidth;

    @Option(names = "--validation-share", defaultValue = "0.1", paramLabel = "S", description = "Share of every "
            + "class carved from the training data (stratified, at least 10 per class, seeded by --seed) for the "
            + "quality check that picks the exported generator; the GAN trains on the rest. 0 checks against the "
            + "test split instead, which then no longer measures the model fairly (default: ${DEFAULT-VALUE}).")
    double validationShare;

    @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N",
            description = "Batch size (default: ${DEFAULT-VALUE}, or for fewer training samples the largest power of "
            + "two they fill). For a table: rows per step (default: " + TableGanSettings.SMALL_CLASS_BATCH + " when a "
            + "class has fewer than " + TableGanSettings.SMALL_CLASS_ROWS + " rows, else CTGAN's "
            + TableGanSettings.DEFAULT_BATCH + "; at most half the rows), at least " + TableGanSettings.MIN_BATCH + ".")
    int batchSize;

    @Option(names = "--seed", defaultValue = CommonOptions.DEFAULT_SEED, paramLabel = "SEED",
            description = "Seed of every random choice (default: "
            + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--arch", defaultValue = "mlp", paramLabel = "ARCH",
            description = "mlp or conv (default: ${DEFAULT-VALUE}).")
    String arch;

    @Option(names = "--ema-decay", defaultValue = "0.999", paramLabel = "DECAY",
            description = "Decay of the exported generator's weight "
            + "average; 0 exports the raw weights (default: ${DEFAULT-VALUE}).")
    float emaDecay;

    @Option(names = "--aux-weight", defaultValue = "1.0", paramLabel = "WEIGHT",
            description = "Weight of the auxiliary-classifier loss; "
            + "0 leaves conditioning to the projection discriminator alone (default: ${DEFAULT-VALUE}). For a table: "
            + "the weight of CTAB-GAN's classifier loss (default: 1 when a class has fewer than 50 rows, else 0), "
            + "0 for CTGAN's loss alone.")
    float auxWeight;

    @Option(names = "--pac", paramLabel = "N", description = "Table GAN: rows packed into one critic input (PacGAN; "
            + "default: " + TableGanSettings.SMALL_CLASS_PAC + " when a class has fewer than "
            + TableGanSettings.SMALL_CLASS_ROWS + " rows, else CTGAN's " + TableGanSettings.DEFAULT_PAC + "); the batch "
            + "used is the largest multiple of it not above --batch-size or half the rows.")
    Integer pac;

    @Option(names = "--critic-steps", paramLabel = "N", description = "Table GAN: critic updates per generator update "
            + "(WGAN-GP's n_critic), 1 to " + TableGanSettings.MAX_CRITIC_STEPS + " (default: "
            + TableGanSettings.SMALL_CLASS_CRITIC_STEPS + " when a class has fewer than "
            + TableGanSettings.SMALL_CLASS_ROWS + " rows, else CTGAN's " + TableGanSettings.DEFAULT_CRITIC_STEPS
            + "); 5 made unbalanced's steps 2.3 times as long.")
    Integer criticSteps;

    @Option(names = "--info-weight", paramLabel = "WEIGHT", description = "Table GAN: weight of CTAB-GAN's information "
            + "loss (the distance between the per-column means and spreads of real and generated rows; default: "
            + TableGanSettings.DEFAULT_INFORMATION_WEIGHT + "); 0 leaves it out.")
    Float infoWeight;

    @Option(names = "--lr-g", defaultValue = "2e-4", paramLabel = "RATE",
            description = "Generator learning rate (default: "
            + "${DEFAULT-VALUE}).")
    float learningRateG;

    @Option(names = "--lr-d", defaultValue = "2e-4", paramLabel = "RATE",
            description = "Discriminator learning rate (default: "
            + "${DEFAULT-VALUE}).")
    float learningRateD;

    @Option(names = "--minibatch-std", description = "Give the discriminator the batch's feature standard "
            + "deviation (Karras et al. 2018), against samples that are too alike.")
    boolean minibatchStd;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Checkpoints and sample grids "
            + "(default: <out>.training next to --out): a checkpoint after every epoch or round and of the last step "
            + "done when interrupted. For a table: a checkpoint every 250 steps (or epoch), and none without this "
            + "option.")
    Path checkpointDir;

    @Option(names = "--resume", description = "Continue from the checkpoint in --checkpoint-dir.")
    boolean resume;

    /** Whether this run wrote a checkpoint of its own (set when it fails; a resume's checkpoint is its own). */
    private boolean ownCheckpoint;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Option(names = "--allow-empty-classes", description = "Train even when a class has no examples (e.g. an IDX "
            + "label inside the range that no example has); the generator never learns it and generate refuses it.")
    boolean allowEmptyClasses;

    @Option(names = "--check-every", defaultValue = "0", paramLabel = "N", description = "Run the quality "
            + "check every N epochs too, and export the best-scoring generator (default: only after the last).")
    int checkEvery;

    @Option(names = "--check-classifier", defaultValue = "auto", paramLabel = "NAME", description = "The quality "
            + "check's judge, as score's --classifier: pixels (logistic regression on pixels, coverage in 50 principal "
            + "components), cnn (a small CNN trained once, before the GAN, on the training part; coverage and Fréchet "
            + "distance in its features) or auto (cnn for colour images, pixels otherwise) (default: "
            + "${DEFAULT-VALUE}).")
    String checkClassifier;

    @Option(names = "--check-cnn-steps", paramLabel = "N", description = "Optimiser steps of the cnn judge, batch "
            + "128, as score's --cnn-steps (default: 50 passes over the judge's training images, at least "
            + QualityJudge.FEWEST_FITTED_CNN_STEPS + " and at most " + QualityJudge.DEFAULT_CNN_STEPS + ").")
    Integer checkCnnSteps;

    @Option(names = "--export", defaultValue = "best", paramLabel = "WHICH", description = "Which averaged generator "
            + "goes to --out: best (the best-scoring checked one; the last without checks) or last (the one at the "
            + "end of training, whatever the checks scored; they still run and its scores are recorded) (default: "
            + "${DEFAULT-VALUE}).")
    String export;

    @Option(names = "--check-samples", defaultValue = "1000", paramLabel = "N", description = "Samples per class "
            + "for the quality check; 0 skips it (default: ${DEFAULT-VALUE}).")
    int checkSamples;

    @Override
    public Integer call() throws Exception {
        OutputGuard.requireApartModelFile("--out", out, data, classNames.file());
        if (checkpointDir != null) {
            java.util.Optional<String> tooLong = PhysicalPaths.tooLongName(checkpointDir);
            if (tooLong.isPresent()) {
                // "File name too long" and exit 1 (a re-check, 7 Dec)
                throw new UsageException("--checkpoint-dir " + checkpointDir + ": " + tooLong.get());
            }
            OutputGuard.requireApart("--checkpoint-dir", checkpointDir, data);
            if (PhysicalPaths.absolute(checkpointDir).equals(PhysicalPaths.absolute(out))) {
                // the folder would be made first, and the model could then not be written at the end of training
                throw new UsageException("--checkpoint-dir and --out are both " + out + "; the checkpoint is a folder "
                        + "and the model a file, so give them different paths");
            }
        }
        String outName = out.getFileName() == null ? "" : out.getFileName().toString();
        if (Files.isDirectory(out) && outName.endsWith(".onnx.training")) {
            // told to write X.onnx.training/generator.onnx, which is then refused as inside it (a re-check, 6 Dec)
            throw new UsageException("--out " + out + " is the checkpoint folder of an augment train run; give the "
                    + "model's file name, e.g. " + out.resolveSibling(outName.substring(0, outName.length()
                    - ".training".length())));
        }
        if (Files.isDirectory(out) || namedAsFolder("--out")) {
            // "newdir/" (not yet made) was written as a file called newdir beside newdir.training/
            boolean dots = out.getFileName() == null || out.getFileName().toString().matches("\\.\\.?");
            throw new UsageException("--out " + out + (Files.isDirectory(out) ? " is a folder"
                    : (dots ? "" : "/") + " names a folder") + "; give the generator's file name, e.g. "
                    + (Files.isRegularFile(out.normalize()) ? out.normalize() // m.onnx/ with m.onnx a file
                    : out.normalize().resolve("generator.onnx")));
        }
        if (Files.exists(out) && !Files.isRegularFile(out)) {
            // a device or a pipe (/dev/null): --force must never replace it with a model
            throw new UsageException("--out " + out + " is not a regular file and is never replaced, even when "
                    + "forced; give the generator's file name");
        }
        if (Files.isSymbolicLink(out)) {
            // forced, the model replaced the link with a plain file and left the model it pointed to as it was (a
            // fresh user, 6 Dec): refused as generate refuses a link --out
            String to;
            try {
                to = out.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(out)).normalize().toString();
            } catch (java.io.IOException e) {
                to = "another path";
            }
            // a link to nothing has no file to leave "as it was" (a re-check, 6 Dec)
            boolean dangling = !Files.exists(out);
            throw new UsageException("--out " + out + " is a link to " + to + (dangling ? " (which does not exist)"
                    : "") + "; writing the model would replace the link with a file" + (dangling ? ""
                    : " and leave " + to + " as it was") + ", so it is never replaced: give " + to
                    + " itself, or remove the link");
        }
        if (Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !force) {
            // a link to nothing exists too: the model would replace the link itself (generate refuses it the same way)
            throw new UsageException(out + " exists" + (Files.exists(out) ? "" : " (a link to nothing)")
                    + "; pass --force to replace it or choose another --out");
        }
        if (force && dev.augment.io.MountPoints.isMountPoint(out)) {
            // the model replaces --out by a rename, which a mount point refuses (EBUSY) only after every epoch
            throw new UsageException("--out " + out + " is a mount point (a bind-mounted file or a file system of its "
                    + "own), which cannot be replaced, even when forced; write the model elsewhere and copy it there");
        }
        if (force && Files.isRegularFile(out) && !Files.isWritable(out)) {
            // an immutable model trained the whole run and then failed at export, naming a hidden temporary file
            // (a re-check, 5 Dec); generate refuses an output it cannot replace the same way
            throw new UsageException("--out " + out + " cannot be replaced: it is not writable (its permissions, its "
                    + "owner or an immutable flag); it is kept as it was; fix that or choose another --out");
        }
        if (force && Files.isRegularFile(out) && !looksLikeOnnx(out)) {
            // forced, a user's notes.txt given as --out became a model; --force replaces an earlier model only
            throw new UsageException("--out " + out + " is not an ONNX model, so it is not replaced, even when forced; "
                    + "give the generator's file name (e.g. " + out.resolveSibling("generator.onnx") + ")");
        }
        for (Path written : java.util.Arrays.asList(out, checkpointDir)) {
            if (written != null && PhysicalPaths.namesNothing(written)) {
                // trained to the end, then failed naming a hidden temporary file (a re-check, 7 Dec)
                throw new UsageException((written == out ? "--out " : "--checkpoint-dir ") + written + " names no "
                        + "folder: a folder before one of its '..' does not exist (or is a file); give a path that "
                        + "exists up to its last '..'");
            }
        }
        java.util.Optional<String> tooLong = PhysicalPaths.tooLongName(out);
        if (tooLong.isPresent()) {
            // trained the whole run, then failed at export naming a hidden temporary file (a fresh user, 7 Dec)
            throw new UsageException("--out " + out + ": " + tooLong.get());
        }
        Path checkpointFolder = checkpointFolder(out, checkpointDir, data);
        if (checkpointDir == null && checkpointFolder != null && PhysicalPaths.bytes(checkpointFolder.getFileName())
                > PhysicalPaths.MAX_NAME_BYTES) {
            // found now: creating it failed as "File name too long", naming a folder the user never gave
            throw new UsageException("--out " + out + ": its checkpoint folder, " + out.getFileName() + ".training, "
                    + "would have a longer name than a file system allows (" + PhysicalPaths.MAX_NAME_BYTES
                    + " bytes); choose a shorter --out, or give the checkpoints a folder with --checkpoint-dir");
        }
        if (checkpointFolder != null && !resume && !force
                && (Files.exists(checkpointFolder.resolve(dev.augment.train.Checkpoints.LATEST)) || Files.exists(
                checkpointFolder.resolve(CheckpointData.EARLIER).resolve(dev.augment.train.Checkpoints.LATEST)))) {
            // (or one a killed --force run had set aside, which the next run puts back)
            // an interrupted run's progress, which a fresh run would overwrite at its first checkpoint
            throw new UsageException(checkpointFolder + " holds a checkpoint of an earlier run; continue it with "
                    + "--resume, or add --force to start over and replace it");
        }
        if (resume) {
            // found now, not after the data is read (a minute for a large folder)
            if (checkpointFolder == null) {
                throw new UsageException("--resume for a table needs --checkpoint-dir, the folder the interrupted run "
                        + "wrote its checkpoint to (a table run without --checkpoint-dir writes none)");
            }
            Path latest = checkpointFolder.resolve(dev.augment.train.Checkpoints.LATEST);
            // one a killed --force run had set aside counts: the run puts it back before it resumes (a re-check, 6 Dec)
            if (!Files.isRegularFile(latest) && !Files.isRegularFile(checkpointFolder.resolve(CheckpointData.EARLIER)
                    .resolve(dev.augment.train.Checkpoints.LATEST))) {
                throw new UsageException("--resume needs a checkpoint, and " + latest + (Files.exists(latest)
                        ? " is not a file" : " does not exist") + "; start without --resume first");
            }
        }
        // a URI would have trained into a local folder named 's3a:' (a re-check, 7 Dec)
        for (Path given : java.util.Arrays.asList(out, checkpointFolder)) {
            java.util.Optional<String> uri = given == null ? java.util.Optional.empty()
                    : dev.augment.io.UriPaths.refusal(given, given == out ? "the model" : "the checkpoint folder");
            if (uri.isPresent()) {
                throw new UsageException((given == out ? "--out " : "--checkpoint-dir ") + uri.get());
            }
        }
        Path outFolder = out.toAbsolutePath().getParent();
        if (Files.exists(outFolder) && !(Files.isDirectory(outFolder) && Files.isWritable(outFolder))) {
            // found now, not at export after every epoch
            throw new UsageException("--out " + out + ": " + outFolder + (Files.isDirectory(outFolder)
                    && onReadOnlyFileSystem(outFolder) ? " is on a read-only file system" : " is not a writable folder")
                    + "; choose another --out");
        }
        // train makes the folder of --out; one under a file (a table run has no checkpoint folder to find it) would
        // fail only at export, after training; so did /proc, whose permissions say writable (a fresh user, 6 Dec)
        requireWritable("--out " + out, outFolder);
        // the temporary file beside the model, and the checkpoint folder's files, are longer than --out: a path past
        // the system's limit trained to the end and then failed naming a hidden file (a fresh user, 6 Dec)
        for (Path longest : java.util.Arrays.asList(out.toAbsolutePath(), checkpointFolder == null ? null
                : checkpointFolder.toAbsolutePath().resolve(dev.augment.train.Checkpoints.LATEST))) {
            // AtomicFiles's temporary: the prefix, up to 20 random digits and .tmp
            int bytes = longest == null ? 0 : longest.resolveSibling(dev.augment.io.KilledRunLeftovers.prefix(
                    longest.getFileName().toString()) + "0".repeat(20) + ".tmp").toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > PATH_MAX) {
                throw new UsageException("--out " + out + ": " + longest + " is too long for the file system (the "
                        + "temporary file written beside it takes up to " + bytes + " bytes, past Linux's " + PATH_MAX
                        + "); choose a shorter folder or name");
            }
        }
        Path checkpointFile = checkpointFolder == null ? null
                : checkpointFolder.resolve(dev.augment.train.Checkpoints.LATEST);
        if (checkpointFile != null && Files.isRegularFile(checkpointFile) && !Files.isWritable(checkpointFile)) {
            // an immutable checkpoint failed after a round of training, naming a hidden temporary file (5 Dec)
            throw new UsageException(checkpointFile + " cannot be replaced: it is not writable (its permissions, its "
                    + "owner or an immutable flag), and every checkpoint replaces it; it is kept as it was; fix that "
                    + "or give another --checkpoint-dir");
        }
        if (checkpointFolder != null) {
            // found now, not at the first checkpoint after a round of training
            requireWritable(checkpointDir != null ? "--checkpoint-dir " + checkpointDir
                    : "the checkpoint folder " + checkpointFolder + " (beside --out; choose it with --checkpoint-dir)",
                    checkpointFolder.toAbsolutePath());
        }
        if (epochs != null && steps > 0) {
            throw new UsageException("give --epochs or --steps, not both");
        }
        if (checkSamples != 0 && checkSamples < 10 && !DataSources.isTable(data)) {
            // before any data is read or any line printed; a table refuses the option itself (TableTraining), which
            // "0 or at least 10" sent a user to (a fresh user, 7 Dec)
            throw new UsageException("--check-samples must be 0 or at least 10, was " + checkSamples);
        }
        if (checkEvery < 0 && !DataSources.isTable(data)) {
            // the trainer refused it only after the quality check's judge had trained (100 s; a fresh user, 6 Dec)
            throw new UsageException("--check-every must be 0 (the default) or positive, was " + checkEvery);
        }
        boolean stepsGiven = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--steps");
        if (steps < 0 || steps == 0 && stepsGiven) {
            // 0 is the default's sentinel: given, it would silently train by epochs or a table's default step count
            throw new UsageException("--steps must be at least 1, was " + steps + "; leave it out to train by "
                    + "--epochs (or, for a table, the default step count)");
        }
        // a killed run's half-written model beside --out (a hidden .<out>.tmp-* file) that nothing else would delete
        dev.augment.io.KilledRunLeftovers.delete(out);
        if (DataSources.isTable(data)) {
            Path created = Files.exists(outFolder) ? null : outFolder;
            try {
                return new TableTraining(this).run();
            } catch (RuntimeException | java.io.IOException e) {
                deleteIfCreatedAndEmpty(created); // a full disk left the folder it had made for --out
                throw e;
            }
        }
        TableTraining.refuseTableOptions(this);
        ExportChoice exportChoice = exportChoice();
        QualityJudge judge = QualityJudge.parse("--check-classifier", checkClassifier);
        if (checkCnnSteps != null) {
            QualityJudge.requireCnnSteps("--check-cnn-steps", checkCnnSteps);
        }
        refuseUnreadOptions(judge);
        GanSettings settings = GanSettings.builder(Architecture.parse(arch)).epochs(epochs == null ? 5 : epochs)
                .steps(steps).batchSize(batchSize).seed(seed).emaDecay(emaDecay).auxiliaryWeight(auxWeight)
                .learningRates(learningRateG, learningRateD).minibatchStd(minibatchStd)
                .balancedBatches(balancedBatches).diffAugment(diffAugment).lecamWeight(lecamWeight)
                .modeSeekingWeight(modeSeekingWeight)
                .recomputeBatchNorm(recomputeBatchNorm).convWidth(convWidth).build();
        PrintWriter log = spec.commandLine().getOut();
        CancellationToken cancellation = AugmentCommand.cancellationOf(parent);
        // Tribuo's readers do not look at the token; reading this way lets a signal end the wait at once
        SchemaDataSource source = AbandonableCall.call("reading " + data, cancellation,
                () -> DataSources.open(data, Split.TRAIN, classNames.names));
        if (checkSamples > 0) {
            QualityJudge.requireSamplesFit("--check-samples", checkSamples, source.schema());
            judge.refuseUnreadCnnSteps(TableTraining.given(this, "--check-cnn-steps"), "--check-cnn-steps",
                    "--check-classifier", judge.resolve(source.schema(), "--check-classifier", "--data holds"));
        }
        SkippedImages.note(source, log);
        dev.augment.data.GeneratedOutput.describe(source).ifPresent(g -> log.println("note: " + g
                + ", so the generator learns another generator's samples, not real data"));
        // before the judge's training and the GAN's set-up; a batch too large for the memory is refused after the
        // data is read, when a batch larger than the data is refused first: "at most 48385" was advised for 1 000
        // samples, and following it was refused again, "at most 1000" (a fresh user, 7 Dec)
        boolean batchTooLarge = false;
        try {
            GanTrainer.requireTrainable(source.schema(), settings);
        } catch (InvalidSettingException e) {
            if (!"batchSize".equals(e.setting())) {
                throw e;
            }
            batchTooLarge = true;
        }
        // train creates the folder of --out (the bad inputs' scratch/ expects it); a failed run removes it again
        Path outFolderMissing = Files.exists(outFolder) ? null : outFolder;
        DenseSamples all = AbandonableCall.call("reading " + data, cancellation,
                () -> DenseSamples.from(source, source.schema()));
        refuseEmptyClasses(log, all);
        noteClassesOfOne(log, all);
        if (!(source instanceof dev.augment.data.ImageFolderSource)) { // whose own note says it, by folder
            dev.augment.data.CrossClassCopies.note(all, data).ifPresent(log::println);
        }
        if (checkSamples > 0 && validationShare != 0) {
            requireRowsToValidate(all);
        }
        ValidationSplit split = checkSamples > 0 && validationShare != 0
                ? ValidationSplit.stratified(all.classIndices(), all.schema().labels(), validationShare,
                        MINIMUM_VALIDATION_PER_CLASS, seed)
                : null;
        DenseSamples samples = split == null ? all : new DenseSamples(ValidationSplit.pick(split.trainRows(),
                all.features()), ValidationSplit.pick(split.trainRows(), all.classIndices()), all.schema());
        if (!TableTraining.given(this, "--batch-size") && samples.size() >= 2 && samples.size() < settings.batchSize()) {
            // as evaluate's GANs: the largest power of two up to the default that the training samples fill
            int fitted = Integer.highestOneBit(samples.size());
            log.printf("batch of %d: the largest power of two up to %d that the %d training samples fill "
                    + "(--batch-size sets it)%n", fitted, settings.batchSize(), samples.size());
            settings = settings.toBuilder().batchSize(fitted).build();
        }
        if (split != null && samples.size() < settings.batchSize()) { // before the judge's minutes of training
            throw new InvalidSettingException("batchSize", "is " + settings.batchSize() + " but the data has only "
                    + samples.size() + " samples to train on (" + all.size() + ", less the "
                    + (all.size() - samples.size()) + " held out for the quality check's validation split); choose a "
                    + "batch size of at most " + samples.size() + (all.size() >= settings.batchSize()
                    ? ", or pass --check-samples 0 to train on all " + all.size() : ""));
        }
        GanTrainer.requireBatchFits(settings, samples.size());
        if (batchTooLarge) {
            GanTrainer.requireTrainable(source.schema(), settings); // the batch fitted to the data may pass
        }
        Path checkpoints = checkpointFolder(out, checkpointDir, data);
        // one run per checkpoint folder: two trained side by side over each other's checkpoint (a fresh user, 5 Dec)
        CheckpointLock lock = CheckpointLock.acquire(checkpoints);
        DataFingerprint fingerprint = DataFingerprint.of(samples); // one hash of the samples, for every check
        try {
            if (resume) { // before the line below and the judge's training: a refused resume printed both first
                CheckpointData.match(checkpoints, fingerprint, true);
                GanTrainer.requireResumable(checkpoints, settings, fingerprint, checkIdentity(judge, samples));
            }
            log.printf("training %s GAN on %d samples of %d class%s from %s%n", arch, samples.size(),
                    source.schema().classCount(), source.schema().classCount() == 1 ? "" : "es", data);
            QualityCheck check = qualityCheck(log, judge, samples, all, split, source.location());
            CheckpointData.match(checkpoints, fingerprint, resume);
            try {
                try (Progress progress = Progress.start(spec.commandLine().getErr(), "train", 0);
                     TrainedGan gan = new GanTrainer(source.schema(), settings, listener(log, progress), check,
                             checkEvery, cancellation, exportChoice).checkedAs(checkIdentity(judge, samples))
                             .train(samples.features(), samples.classIndices(), checkpoints, resume)) {
                    ModelMetadata metadata = GeneratorExport.metadata(gan, fingerprint,
                            DataPaths.real(data) + trainingPart(split != null),
                            ManifestVersionProvider.version());
                    if (split != null) {
                        metadata.provenance().set("validation", split.describe(all.classIndices(),
                                all.schema().classCount()));
                        // the data before the carve too: scored on a test split that is the whole folder, 90% of it
                        // the generator's own images, the guard saw nothing (a re-check, 6 Dec)
                        ((com.fasterxml.jackson.databind.node.ObjectNode) metadata.provenance().get("trainingData"))
                                .put(dev.augment.eval.LeakageGuard.BEFORE_VALIDATION, DataFingerprint.of(all).sha256());
                    }
                    // the test split chose the exported generator only among several checked ones: with --export last
                    // or one check at the end it chose nothing, and score and evaluate said it had (a re-check, 6 Dec)
                    int length = steps > 0 ? steps : settings.epochs();
                    boolean chosenOnTest = split == null && check != null && exportChoice == ExportChoice.BEST
                            && checkEvery > 0 && length > checkEvery;
                    if (split == null && check != null) {
                        metadata.provenance().put("validation", "the test split of " + DataPaths.real(data)
                                + (chosenOnTest ? " (model selection saw the test split)" : " (scored on it only; "
                                + "the exported generator was not chosen by those scores)"));
                    }
                    if (chosenOnTest) {
                        // its fingerprint, so that score and evaluate on that split can say so (a fresh user, 6 Dec)
                        com.fasterxml.jackson.databind.node.ObjectNode selection = metadata.provenance()
                                .putObject(dev.augment.eval.LeakageGuard.SELECTION_DATA);
                        selection.put("source", DataPaths.real(data) + " (test split)");
                        selection.put("sha256", selectionData.sha256());
                        selection.put("count", selectionData.count());
                    }
                    String exported = steps > 0 ? "step " + gan.exportedSteps() : "epoch " + gan.exportedEpoch();
                    // a model trained on generate's output looked, to inspect, like one trained on real data (5 Dec)
                    java.util.Optional<String> generatedData = dev.augment.data.GeneratedOutput.describe(source);
                    if (generatedData.isPresent()) {
                        metadata.provenance().put("generatedTrainingData", generatedData.get());
                    }
                    // "best" of a run in which no check ran, where the log said "last; no check ran" (6 Dec)
                    metadata.provenance().put("exported", (exportChoice == ExportChoice.BEST && gan.scores().isEmpty()
                            ? "last, since no check ran" : exportChoice.name().toLowerCase(Locale.ROOT)) + ": the "
                            + "averaged generator of " + exported);
                    if (gan.scores().isPresent()) {
                        metadata = metadata.withScores(gan.scores().get());
                    }
                    log.printf("exporting the generator of %s (%s)%s%n", exported, exportChoice == ExportChoice.LAST
                            ? "--export last" : gan.scores().isPresent() ? "best-scoring" : "last; no check ran",
                            gan.scores().map(scores -> ": " + scores.path("summary")).orElse(""));
                    ModelMetadata finalMetadata = metadata;
                    OutputGuard.requireStillFree(out, force, checkpoints);
                    cancellation.runUnlessCancelled("exporting " + out, () -> GeneratorExport.write(gan,
                            finalMetadata, out, ManifestVersionProvider.version()));
                }
            } catch (RuntimeException | java.io.IOException e) {
                lock.close(); // before the folder is looked at: a failed fresh run leaves it empty, and then removes it
                ownCheckpoint = Files.exists(checkpoints.resolve(dev.augment.train.Checkpoints.LATEST));
                if (!resume) {
                    CheckpointData.forgetIfUnused(checkpoints);
                }
                deleteIfCreatedAndEmpty(outFolderMissing);
                throw e;
            }
            CheckpointData.dropEarlierRun(checkpoints); // the run --force replaced, set aside until now
            log.printf("wrote %s (checkpoints and sample grids in %s)%n", AugmentCli.oneLine(out.toString()),
                    AugmentCli.oneLine(checkpoints.toString()));
            return ExitCodes.OK;
        } finally {
            lock.close();
        }
    }

    /**
     * @return whether the file starts as an ONNX model does (a protobuf whose first field is {@code ir_version}, tag
     *     0x08); an empty file counts, as an interrupted copy of one
     */
    private static boolean looksLikeOnnx(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int first = in.read();
            return first == -1 || first == 0x08;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * @return whether the option was given as a folder: with a trailing separator ({@code out/}, which a Path drops)
     *     or ending in {@code .} or {@code ..} ({@code out/.} trained, then failed at export)
     */
    private boolean namedAsFolder(String option) {
        picocli.CommandLine.Model.OptionSpec given = spec.findOption(option);
        return given != null && given.originalStringValues().stream().anyMatch(v -> v.endsWith("/")
                || v.endsWith(java.io.File.separator) || Path.of(v).getFileName() == null
                || Path.of(v).getFileName().toString().matches("\\.\\.?"));
    }

    /**
     * @return where a run with these options keeps its checkpoints: {@code --checkpoint-dir}, else {@code
     *     <out>.training} beside {@code --out} for images, else none (a table keeps none without the option)
     */
    static Path checkpointFolder(Path out, Path checkpointDir, Path data) {
        return checkpointDir != null ? checkpointDir : DataSources.isTable(data) ? null
                : out.toAbsolutePath().resolveSibling(out.getFileName() + ".training");
    }

    /**
     * @param parsed the parsed {@code train} command line
     * @return the checkpoint folder a failed run left for {@code --resume}, when it holds a checkpoint
     */
    static java.util.Optional<Path> keptCheckpoint(picocli.CommandLine.ParseResult parsed) {
        Path out = parsed.matchedOptionValue("--out", null);
        Path data = parsed.matchedOptionValue("--data", null);
        if (out == null || data == null) {
            return java.util.Optional.empty();
        }
        Path folder = checkpointFolder(out, parsed.matchedOptionValue("--checkpoint-dir", null), data);
        return folder != null && Files.isRegularFile(folder.resolve(dev.augment.train.Checkpoints.LATEST))
                ? java.util.Optional.of(folder) : java.util.Optional.empty();
    }

    /**
     * @param parsed the parsed {@code train} command line of a run that failed
     * @return whether the checkpoint it leaves is an earlier run's, which a fresh run (not {@code --resume}) keeps as
     *     it was until it has one of its own: "kept for --resume" named it as this run's, and the resume it advised
     *     was refused for other data (helper o5, 6 Dec)
     */
    static boolean keptCheckpointIsEarlierRuns(picocli.CommandLine.ParseResult parsed) {
        return parsed.commandSpec().userObject() instanceof TrainCommand train && !train.resume
                && !train.ownCheckpoint;
    }

    /** Deletes the folder a failed run created for --out, if nothing is in it (a kept checkpoint keeps it). */
    private static void deleteIfCreatedAndEmpty(Path folder) {
        if (folder == null) {
            return;
        }
        try (var entries = Files.list(folder)) {
            if (entries.findAny().isEmpty()) {
                Files.deleteIfExists(folder);
            }
        } catch (java.io.IOException e) {
            // gone already, or not listable: nothing more to tidy
        }
    }

    /** A class without examples would get an untrained label embedding: refused unless asked for. */
    private void refuseEmptyClasses(PrintWriter log, DenseSamples samples) {
        int[] counts = samples.countsPerClass();
        ClassResolver classes = new ClassResolver(samples.schema(), data.toString());
        List<String> empty = IntStream.range(0, counts.length).filter(c -> counts[c] == 0)
                .mapToObj(classes::describe).toList();
        if (empty.isEmpty()) {
            return;
        }
        String which = (empty.size() == 1 ? "class " : "classes ") + (empty.size() <= 10 ? String.join(", ", empty)
                : String.join(", ", empty.subList(0, 5)) + " … and " + (empty.size() - 5) + " more");
        // labels counted from 1 (EMNIST letters, MATLAB and R exports, SVHN) leave only label 0 empty, which the
        // advice told the user to remove from data that had none of it (a fresh user, 6 Dec)
        boolean countedFromOne = empty.size() == 1 && counts[0] == 0 && samples.schema().labels().get(0).equals("0");
        if (!allowEmptyClasses) {
            throw new InvalidDataException(data, which + (empty.size() == 1 ? " has" : " have") + " no training "
                    + "examples, so no generator can learn " + (empty.size() == 1 ? "it" : "them") + "; "
                    + (countedFromOne ? "the labels start at 1, as EMNIST letters and MATLAB exports count: list the "
                    + "classes 1 to " + (counts.length - 1) + " in a classes.csv beside the labels file (a "
                    + "header line index,label,name,folder, then a line per class such as 1,1,A,), which reads them "
                    + "without a class 0, or pass --allow-empty-classes to keep 0 untrained" : "remove "
                    + (empty.size() == 1 ? "it" : "them") + " from the data or pass --allow-empty-classes to keep "
                    + (empty.size() == 1 ? "it" : "them") + " untrained"));
        }
        log.printf("keeping %s without training examples (--allow-empty-classes): the model records it as "
                + "unlearned and generate refuses it%n", which);
    }

    /**
     * A class of one example trained without a word once {@code --check-samples 0} let it (a fresh user, 7 Dec), where
     * SMOTE warns of it and a table refuses it: every sample of the class is learned from that one image.
     */
    private void noteClassesOfOne(PrintWriter log, DenseSamples samples) {
        int[] counts = samples.countsPerClass();
        ClassResolver classes = new ClassResolver(samples.schema(), data.toString());
        List<String> single = IntStream.range(0, counts.length).filter(c -> counts[c] == 1)
                .mapToObj(classes::describe).toList();
        if (!single.isEmpty()) {
            log.println("note: " + (single.size() == 1 ? "class " : "classes ") + String.join(", ", single.subList(0,
                    Math.min(5, single.size()))) + (single.size() > 5 ? " … and " + (single.size() - 5) + " more" : "")
                    + (single.size() == 1 ? " has" : " have") + " one training example: the generator learns "
                    + (single.size() == 1 ? "its" : "their") + " samples from that one alone, so they can only be "
                    + "copies or near-copies of it; add examples of " + (single.size() == 1 ? "it" : "them")
                    + " for a generator that learns more than one image");
        }
    }

    /** Each class with examples needs as many to hold out for validation as to train on, the class named. */
    private void requireRowsToValidate(DenseSamples samples) {
        int[] counts = samples.countsPerClass();
        ClassResolver classes = new ClassResolver(samples.schema(), data.toString());
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0 && counts[c] < 2 * MINIMUM_VALIDATION_PER_CLASS) {
                throw new InvalidDataException(data, "the quality check holds out " + MINIMUM_VALIDATION_PER_CLASS
                        + " examples of every class for validation and trains on at least as many, so each class "
                        + "needs " + 2 * MINIMUM_VALIDATION_PER_CLASS + "; class " + classes.describe(c) + " has "
                        + counts[c] + "; " + (counts[c] >= MINIMUM_VALIDATION_PER_CLASS
                        && testExamplesOf(samples.schema().labels().get(c)) >= MINIMUM_VALIDATION_PER_CLASS
                        ? "pass --validation-share 0 to check against the test split, or " : "") + WITHOUT_CHECK);
            }
        }
    }

    /**
     * "--validation-share 0" was offered where the test split had 3 of the class, or none, and following it failed
     * for the same class (re-checks, 7 Dec): the test split is counted first (read only on this refusal's path).
     *
     * @return the test split's examples of the class; 0 without a test split or when it cannot be read
     */
    private long testExamplesOf(String label) {
        if (!DataSources.hasTestSplit(data)) {
            return 0;
        }
        try {
            long n = 0;
            for (org.tribuo.Example<org.tribuo.classification.Label> example : DataSources.open(data, Split.TEST,
                    classNames.names)) {
                n += example.getOutput().getLabel().equals(label) ? 1 : 0;
            }
            return n;
        } catch (RuntimeException unreadable) {
            return 0; // the quality check's own read names what is wrong with it
        }
    }

    private ExportChoice exportChoice() {
        try {
            return ExportChoice.valueOf(export.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--export must be best or last, was '" + export + "'");
        }
    }

    /**
     * Options this run would record but never read are refused, as evaluate's are: the quality check's options with
     * {@code --check-samples 0}, the cnn judge's steps with the pixel judge, the conv width with the MLP.
     *
     * @throws UsageException naming the option and what would read it
     */
    private void refuseUnreadOptions(QualityJudge judge) {
        var parsed = spec.commandLine().getParseResult();
        if (parsed == null) {
            return;
        }
        if (checkSamples == 0) {
            // --check-every stays: it also sets how often a checkpoint is written
            for (String option : List.of("--validation-share", "--check-classifier", "--check-cnn-steps", "--export")) {
                if (parsed.hasMatchedOption(option)) {
                    throw new UsageException(option + " is read only by the quality check, which --check-samples 0 "
                            + "turns off; leave one of them out");
                }
            }
        }
        judge.refuseUnreadCnnSteps(parsed.hasMatchedOption("--check-cnn-steps"), "--check-cnn-steps",
                "--check-classifier", judge);
        if (parsed.hasMatchedOption("--conv-width") && Architecture.parse(arch) == Architecture.MLP) {
            throw new UsageException("--conv-width is read only by --arch conv, and this run's --arch is mlp; leave it "
                    + "out or " + (parsed.hasMatchedOption("--arch") ? "change --arch mlp to" : "add")
                    + " --arch conv");
        }
    }

    /** The test split the quality check scored on, when {@code --validation-share 0}; set by qualityCheck. */
    private DataFingerprint selectionData;

    /**
     * The check on the validation split (the test split when {@code --validation-share 0}), judged by the
     * chosen classifier; the CNN judge is trained here, once, before the GAN.
     */
    private QualityCheck qualityCheck(PrintWriter log, QualityJudge judge, DenseSamples train, DenseSamples all,
                                      ValidationSplit split, Path trainLocation) {
        if (checkSamples == 0) {
            return null;
        }
        QualityJudge resolved = judge.resolve(train.schema(), "--check-classifier", "--data holds");
        String judgeName = resolved == QualityJudge.CNN ? "CNN judge" : "pixel judge";
        if (split != null) {
            log.printf("quality check (%s): %d samples per class against a validation split of %d training samples "
                    + "(%.0f%% of every class but at least 10, seed %d); the worst class decides%n", judgeName, checkSamples,
                    split.validationRows().length, validationShare * 100, seed);
            DenseSamples validation = new DenseSamples(ValidationSplit.pick(split.validationRows(), all.features()),
                    ValidationSplit.pick(split.validationRows(), all.classIndices()), all.schema());
            // the split keeps 10 on each side of every class with examples; this names a class kept without any
            QualityJudge.requireExamplesOfEveryClass(data, train, validation, "validation", WITHOUT_CHECK);
            return resolved.build(train.schema(), train, validation, "validation", checkSamples, cnnSteps(train, log,
                    resolved), seed, log, AugmentCommand.cancellationOf(parent));
        }
        SchemaDataSource heldOut;
        try {
            heldOut = AbandonableCall.call("reading " + data, AugmentCommand.cancellationOf(parent),
                    () -> DataSources.open(data, Split.TEST, classNames.names));
        } catch (InvalidDataException e) {
            throw new InvalidDataException(e.file(), "the quality check needs the test split of --data ("
                    + e.getMessage() + "); pass --check-samples 0 to train without it");
        }
        SplitAgreement.require(train.schema(), heldOut.schema(), heldOut.location()); // classes are matched by index
        if (!heldOut.location().equals(trainLocation)) {
            // the split that picks the exported generator, generated, was not named (a fresh user, 5 Dec)
            dev.augment.data.GeneratedOutput.describe(heldOut).ifPresent(g -> log.println("note: " + g + ", so the "
                    + "quality check that picks the exported generator compares it with generated samples"));
        }
        SchemaDataSource testSource = heldOut;
        DenseSamples test = AbandonableCall.call("reading " + data, AugmentCommand.cancellationOf(parent),
                () -> DenseSamples.from(testSource, testSource.schema()));
        selectionData = DataFingerprint.of(test);
        QualityJudge.requireExamplesOfEveryClass(data, train, test, "test", WITHOUT_CHECK);
        boolean sameData = test.size() == train.size()
                && selectionData.equals(DataFingerprint.of(train));
        if (sameData) { // a folder without a test split gives the same examples for both (score notes it too)
            log.printf("quality check (%s): %d samples per class against the %d training samples themselves: %s %s, "
                    + "so nothing is held out and the check says how close the samples come to the training data%n",
                    judgeName, checkSamples, test.size(), data, heldOut.location().equals(trainLocation)
                    ? "has no separate test split (e.g. train/ and test/ folders)"
                    : "has a test split that holds the training examples themselves (a copy?)");
        } else {
            log.printf("quality check (%s): %d samples per class against %d held-out samples (test split: model "
                    + "selection then sees the test data)%n", judgeName, checkSamples, test.size());
            int shared = SharedExamples.count(train, test);
            if (shared > 0) { // a test/ folder holding copies of training images (a fresh user, 5 Dec)
                log.printf("note: %d of these %d test samples are also training samples (the same values and class), "
                        + "which the judge learned: the check leans toward the training data by up to that share; "
                        + "give a test split held out from training%n", shared, test.size());
            }
        }
        // "accuracy … on the 150 real test images" of a folder without a test split: they are the training images
        return resolved.build(train.schema(), train, test, sameData ? "training" : "test", checkSamples,
                cnnSteps(train, log, resolved), seed,
                log, AugmentCommand.cancellationOf(parent));
    }

    /**
     * @return --check-cnn-steps, or steps fitted to the judge's training images ({@link
     *     QualityJudge#fittedCnnSteps}), said on the log when the CNN judge runs with fewer than the most
     */
    /**
     * @return the quality check as checkpoints record it ("pixels judge, 1000 samples per class", "cnn judge of 500
     *     steps, …"), "" without a check: a resume under another judge compared its scores with the checkpoint's best
     *     (a fresh user, 5 Dec)
     */
    private String checkIdentity(QualityJudge judge, DenseSamples train) {
        if (checkSamples == 0) {
            return "";
        }
        QualityJudge resolved = judge.resolve(train.schema(), "--check-classifier", "--data holds");
        int judgeSteps = checkCnnSteps != null ? checkCnnSteps : QualityJudge.fittedCnnSteps(train.size());
        return resolved.name().toLowerCase(Locale.ROOT) + " judge" + (resolved == QualityJudge.CNN ? " of "
                + judgeSteps + " steps" : "") + ", " + checkSamples + " samples per class";
    }

    private int cnnSteps(DenseSamples train, PrintWriter log, QualityJudge resolved) {
        if (checkCnnSteps != null) {
            return checkCnnSteps;
        }
        int fitted = QualityJudge.fittedCnnSteps(train.size());
        if (resolved == QualityJudge.CNN && fitted < Integer.parseInt(QualityJudge.DEFAULT_CNN_STEPS)) {
            log.printf("the CNN judge trains %d steps of 128 (50 passes over its %d training images, at least %d); "
                    + "--check-cnn-steps sets it%n", fitted, train.size(), QualityJudge.FEWEST_FITTED_CNN_STEPS);
        }
        return fitted;
    }

    private TrainingListener listener(PrintWriter log, Progress progress) {
        return new ConsoleTrainingListener(log, progress, "epoch", (report, grid) -> String.format(
                "%s: D %.4f G %.4f, %.1f s, resident memory %s, samples %s",
                steps > 0 ? "round " + report.epoch() + " (" + report.steps() + (report.steps() == 1 ? " step)"
                        : " steps)") : "epoch " + report.epoch(),
                report.lossD(), report.lossG(), report.seconds(), ResidentMemory.describe(), grid));
    }

    /** @return whether the folder's file system is mounted read-only (as generate and oversample say it) */
    private static boolean onReadOnlyFileSystem(Path folder) {
        try {
            return Files.getFileStore(folder).isReadOnly();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A folder that training will create or write into must be a writable folder, or sit in one: the nearest
     * existing folder on its path is checked.
     *
     * @throws UsageException naming {@code what} when it, or the folder it would be made in, cannot be written
     */
    /** Linux's longest path, in bytes, less its terminating NUL. */
    private static final int PATH_MAX = 4095;

    private static void requireWritable(String what, Path folder) {
        if (Files.isSymbolicLink(folder) && !Files.exists(folder)) {
            throw new UsageException(what + ": " + folder + " is a link to nothing; remove it or choose another");
        }
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw new UsageException(what + ": " + existing + " is a file, not a folder; choose another");
        }
        // the temporary folder's check: a folder, and a probe file written and deleted in it (permissions can say
        // yes where writing fails: /proc, /sys, some mounts)
        Path nearest = existing;
        dev.augment.io.TemporaryFolder.problem(nearest, 0).ifPresent(problem -> {
            throw new UsageException(what + ": " + nearest + " " + problem + "; choose another");
        });
    }

    /**
     * @param carved whether a validation split was carved from the training data
     * @return what part of {@code --data} trained the model, as its provenance records it after the path: a flat
     *     folder of classes, which has no split, was recorded as "(train split)" (a fresh user, 6 Dec)
     */
    private String trainingPart(boolean carved) {
        String part = dev.augment.data.DataSources.hasTestSplit(data) ? " (train split)" : "";
        return carved ? part + " less a stratified validation split" : part;
    }
}

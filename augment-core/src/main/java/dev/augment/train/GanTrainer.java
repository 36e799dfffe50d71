package dev.augment.train;

import dev.augment.cancel.CancellationToken;
import dev.augment.data.DataFingerprint;
import dev.augment.errors.InvalidSettingException;
import dev.augment.io.AtomicFiles;
import dev.augment.schema.SampleSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a conditional GAN with DJL's PyTorch engine, one D step then one G step per batch
 * ({@link GanStep}). Training counts epochs or, for small data, steps
 * ({@link GanSettings#steps()}). Every random choice is keyed by (seed, epoch, step), or by the step
 * since the start when counting steps, so resuming from a checkpoint reaches the same weights as an
 * uninterrupted run. Optional recipe parts for small classes: class-balanced batches
 * ({@link BatchSampler}), DiffAugment before D ({@link DiffAugment}), the LeCam regulariser
 * ({@link LeCamAnchors}) and batch-norm statistics recomputed for the averaged generator. A
 * checkpoint with optimiser state is written atomically after every epoch (or round of steps); a NaN or
 * infinite loss stops training and leaves the last good checkpoint, if one was written, in place.
 *
 * <p>A {@link CancellationToken} (cancelled on SIGINT/SIGTERM) is checked before every step and
 * between the end-of-round phases; training then stops with a {@link dev.augment.cancel.CancelledException},
 * after saving its last completed step to the checkpoint (unless it holds it already), midway through a round
 * if need be ({@link RunCheckpoint}). Such a checkpoint carries the round's steps, loss sums and seconds so far
 * ({@link RoundTally}); everything else that lives from step to step (the networks, the moving average and
 * its batch-norm statistics, both optimisers' moments and step counts, the LeCam anchors, the best and last
 * checks) is what a round's checkpoint holds anyway, and a step's randomness depends only on its position, so a
 * resume finishes the round and equals an uninterrupted run. A cancel after a round's last step but before its
 * quality check keeps the steps and leaves the round's end (recomputed statistics, grid, check) to the resume, and
 * so does a cancel during the check, which a check that honours the token (augment's do, in their neighbour
 * searches) ends within moments. Every write is atomic, so a process killed
 * during one keeps the previous checkpoint whole. Temporary checkpoint files left by a killed run are deleted
 * when training starts.
 */
public final class GanTrainer {

    private static final int GRID_COLUMNS = 8;
    private static final String GRID_PREFIX = "samples-epoch-";
    private static final String STEP_GRID_PREFIX = "samples-step-";
    /** Steps between checkpoints when training counts steps and no check interval is given. */
    static final int ROUND_STEPS = 500;
    /** Randomness key standing in for the epoch when training counts steps. */
    private static final long STEPS_KEY = -10;

    private final SampleSchema schema;
    private final GanSettings settings;
    private final TrainingListener listener;
    private final QualityCheck check;
    private final int checkEvery;
    private final CancellationToken cancellation;
    private final DiffAugment.Ops augmentOps;
    private final ExportChoice export;
    /** The quality check's name in checkpoints ({@link #checkedAs}); "" is not compared. */
    private String checkIdentity = "";

    /**
     * @param schema the samples' schema
     * @param settings training settings
     * @param listener progress listener
     */
    public GanTrainer(SampleSchema schema, GanSettings settings, TrainingListener listener) {
        this(schema, settings, listener, null, 0);
    }

    /**
     * @param schema the samples' schema
     * @param settings training settings
     * @param listener progress listener
     * @param check quality check run every {@code checkEvery} epochs (steps, when training counts steps) and
     *     at the end, or null
     * @param checkEvery epochs (or steps) between checks, checkpoints and grids when counting steps; 0 checks
     *     only at the end (and writes a checkpoint every {@value #ROUND_STEPS} steps when counting steps)
     * @throws InvalidSettingException when {@code checkEvery} is negative or DiffAugment is asked for data
     *     that are not images
     */
    public GanTrainer(SampleSchema schema, GanSettings settings, TrainingListener listener, QualityCheck check,
                      int checkEvery) {
        this(schema, settings, listener, check, checkEvery, new CancellationToken());
    }

    /**
     * @param schema the samples' schema
     * @param settings training settings
     * @param listener progress listener
     * @param check quality check run every {@code checkEvery} epochs and after the last one, or null
     * @param checkEvery epochs between checks; 0 checks only after the last epoch
     * @param cancellation checked before every step; once cancelled, training saves its last completed step to
     *     the checkpoint and stops with a {@link dev.augment.cancel.CancelledException} saying which step it keeps
     */
    public GanTrainer(SampleSchema schema, GanSettings settings, TrainingListener listener, QualityCheck check,
                      int checkEvery, CancellationToken cancellation) {
        this(schema, settings, listener, check, checkEvery, cancellation, ExportChoice.BEST);
    }

    /**
     * @param schema the samples' schema
     * @param settings training settings
     * @param listener progress listener
     * @param check quality check run every {@code checkEvery} epochs and after the last one, or null
     * @param checkEvery epochs between checks; 0 checks only after the last epoch
     * @param cancellation checked before every step; once cancelled, training saves its last completed step to
     *     the checkpoint and stops with a {@link dev.augment.cancel.CancelledException} saying which step it keeps
     * @param export which averaged generator {@link #train} returns: the best-scoring checked one, or the
     *     last one whatever the checks scored (they still run, and the last one's scores go with it)
     * @throws InvalidSettingException when {@code checkEvery} is negative or DiffAugment is asked for data
     *     that are not images
     */
    public GanTrainer(SampleSchema schema, GanSettings settings, TrainingListener listener, QualityCheck check,
                      int checkEvery, CancellationToken cancellation, ExportChoice export) {
        if (checkEvery < 0) {
            throw new InvalidSettingException("checkEvery", "must not be negative, was " + checkEvery);
        }
        this.schema = schema;
        this.settings = settings;
        this.listener = listener;
        this.check = check;
        this.checkEvery = checkEvery;
        this.cancellation = cancellation;
        this.export = java.util.Objects.requireNonNull(export, "export");
        this.augmentOps = DiffAugment.Ops.parse(settings.diffAugment());
        requireTrainable(schema, settings);
    }

    /**
     * Names the quality check, for checkpoints: a resume whose check has another name is refused, since the best
     * generator so far was scored by the checkpoint's check and scores of two checks do not compare.
     *
     * @param identity e.g. "pixel judge, 1000 samples per class"; "" (the default) is not compared
     * @return this trainer
     */
    public GanTrainer checkedAs(String identity) {
        this.checkIdentity = java.util.Objects.requireNonNull(identity, "identity");
        return this;
    }

    /**
     * The checks a trainer makes when it is made, for a caller that has more to do before it makes one (such as
     * training a quality check's judge): the settings fit the samples, and networks for them can be built and
     * exported.
     *
     * @param schema the samples
     * @param settings the GAN's settings
     * @throws InvalidSettingException (setting {@code diffAugment}) for DiffAugment on samples that are not images,
     *     (setting {@code architecture}) for the conv networks on images whose sides do not divide by 4, (setting
     *     {@code data}) for samples so large that a weight matrix would pass the 2 GB one DJL tensor or an ONNX file
     *     holds, (setting {@code batchSize}) for a batch whose training step would need more than half the machine's
     *     memory ({@code StepMemory})
     */
    public static void requireTrainable(SampleSchema schema, GanSettings settings) {
        if (DiffAugment.Ops.parse(settings.diffAugment()).any() && !schema.isImage()) {
            throw new InvalidSettingException("diffAugment", "applies to images only; these samples have shape "
                    + schema.shape());
        }
        NetworkLayout.of(schema, settings);
    }

    /**
     * Deletes the sample grids in a checkpoint folder: a fresh run starts them over (an earlier run's, replaced with
     * {@code --force}, would sit beside this run's and read as its own), and a run that failed before its first
     * checkpoint leaves none behind. Only files named as this trainer names grids are deleted.
     *
     * @param checkpointDir the checkpoint folder; nothing happens when it does not exist
     * @throws IOException when a grid cannot be deleted
     */
    public static void deleteSampleGrids(Path checkpointDir) throws IOException {
        for (Path grid : sampleGrids(checkpointDir)) {
            java.nio.file.Files.deleteIfExists(grid);
        }
    }

    /**
     * @param checkpointDir a checkpoint folder
     * @return the sample grids this trainer wrote there (regular files named as it names them); none when the folder
     *     does not exist
     * @throws IOException when the folder cannot be listed
     */
    public static java.util.List<Path> sampleGrids(Path checkpointDir) throws IOException {
        if (!java.nio.file.Files.isDirectory(checkpointDir)) {
            return java.util.List.of();
        }
        java.util.List<Path> found = new java.util.ArrayList<>();
        try (java.nio.file.DirectoryStream<Path> grids = java.nio.file.Files.newDirectoryStream(checkpointDir, p -> {
            String name = p.getFileName().toString();
            return (name.startsWith(GRID_PREFIX) || name.startsWith(STEP_GRID_PREFIX)) && name.endsWith(".png")
                    && java.nio.file.Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        })) {
            grids.forEach(found::add);
        }
        return found;
    }

    /**
     * A step draws one batch of distinct samples, so the data must hold at least one batch; callers check this before
     * slower set-up (the quality check's judge) too.
     *
     * @param settings the run's settings
     * @param samples the samples the GAN trains on
     * @throws InvalidSettingException (batchSize) when there are fewer samples than one batch
     */
    public static void requireBatchFits(GanSettings settings, int samples) {
        if (samples < 2) {
            // the smallest batch is 2: no batch size fits one sample
            throw new InvalidSettingException("batchSize", "is " + settings.batchSize() + " but the data has only "
                    + samples + " sample" + (samples == 1 ? "" : "s") + ", and a batch needs at least 2; give more "
                    + "training data");
        }
        if (samples < settings.batchSize()) {
            throw new InvalidSettingException("batchSize", "is " + settings.batchSize() + " but the data has only "
                    + samples + " samples; choose a batch size of at most " + samples);
        }
    }

    /**
     * Trains on the given samples.
     *
     * @param features samples in the schema's feature order and scale
     * @param labels class index of each sample
     * @param checkpointDir where checkpoints and per-epoch sample grids go
     * @param resume continue from the checkpoint in {@code checkpointDir}; when it already holds the whole
     *     run, nothing is trained and its generator is exported as chosen
     * @return the trained GAN, whose schema records the examples of each class; close it when done
     * @throws IOException when a checkpoint cannot be read or written
     * @throws dev.augment.cancel.CancelledException when cancelled; its message says which step the checkpoint
     *     keeps
     */
    public TrainedGan train(float[][] features, int[] labels, Path checkpointDir, boolean resume) throws IOException {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " samples but " + labels.length + " labels");
        }
        requireBatchFits(settings, features.length);
        float[] scaled = scale(features);
        PyTorchEngine.get().setRandomSeed((int) settings.seed());
        GanNetworks nets = new GanNetworks(schema.withExamplesPerClass(examplesPerClass(labels)), settings);
        try {
            BestGenerator best = new BestGenerator();
            LastCheck last = new LastCheck();
            long total = totalSteps(features.length);
            DataFingerprint data = DataFingerprint.of(features, labels, schema.labels());
            RunCheckpoint checkpoint = new RunCheckpoint(checkpointDir.resolve(Checkpoints.LATEST), settings, data,
                    checkIdentity, cancellation, nets, best, last, total);
            AtomicFiles.deleteLeftovers(checkpointDir, Checkpoints.LATEST);
            AtomicFiles.deleteLeftovers(checkpointDir, GRID_PREFIX);
            AtomicFiles.deleteLeftovers(checkpointDir, STEP_GRID_PREFIX);
            CheckpointFormat.Progress resumed = new CheckpointFormat.Progress(List.of(), RoundTally.EMPTY);
            if (!resume) {
                deleteSampleGrids(checkpointDir);
            }
            if (resume) {
                resumed = resumeFrom(checkpointDir.resolve(Checkpoints.LATEST), data, nets, best, last, total);
                checkpoint.resumedAt(resumed.steps());
            }
            List<EpochReport> history = new ArrayList<>(resumed.history());
            RoundTally tally = resumed.current();
            BatchSampler batches = new BatchSampler(labels, schema.classCount(), settings);
            for (int round = history.size(); stepsDone(history) < total; round++) {
                long start = stepsDone(history);
                tally = runRound(nets, scaled, labels, batches, round, start, stepsLeft(start, tally, features.length),
                        tally, history, checkpoint);
                long done = start + tally.steps();
                String where = "training (end of " + progressLabel(round + 1, done) + ")";
                // A cancel from here to the check keeps the round's steps but not its end, which a resume redoes.
                if (cancellation.isCancelled()) {
                    throw checkpoint.stop(where, new CheckpointFormat.Progress(history, tally));
                }
                nets.recomputeAverageStatistics(labels, done);
                Path grid = checkpointDir.resolve(settings.countsSteps()
                        ? String.format(STEP_GRID_PREFIX + "%06d.png", done)
                        : String.format(GRID_PREFIX + "%03d.png", round + 1));
                SampleGrids.write(nets, schema, settings, GRID_COLUMNS, grid);
                if (checkDue(round + 1, done)) {
                    if (cancellation.isCancelled()) {
                        throw checkpoint.stop(where, new CheckpointFormat.Progress(history, tally));
                    }
                    QualityCheck.Score score;
                    try {
                        score = check.evaluate((c, n, seed) -> TrainedGan.sample(nets, c, n, seed));
                    } catch (dev.augment.cancel.CancelledException e) {
                        // a check of many samples takes minutes: keep the round's steps, the resume redoes its end
                        throw checkpoint.stop(where, new CheckpointFormat.Progress(history, tally));
                    }
                    score.details().put("steps", done);
                    boolean improved = best.offer(round + 1, score, nets);
                    last.record(round + 1, score);
                    listener.info(String.format("%s quality score %.4f%s", progressLabel(round + 1, done),
                            score.value(), improved ? " (best so far)" : " (best: " + progressLabel(best.epoch(),
                                    best.details().path("steps").asLong()) + ")"));
                }
                EpochReport report = tally.report(round + 1);
                history.add(report);
                tally = RoundTally.EMPTY;
                // Once the check ran, the round's checkpoint is written even if a cancel came meanwhile.
                checkpoint.save(new CheckpointFormat.Progress(history, tally));
                listener.epochFinished(report, grid);
            }
            if (cancellation.isCancelled()) {
                throw checkpoint.stop("training (done)", new CheckpointFormat.Progress(history, tally));
            }
            if (export == ExportChoice.LAST) {
                return new TrainedGan(nets, history, history.size(), last.detailsAt(history.size()));
            }
            best.restoreInto(nets);
            return new TrainedGan(nets, history, best.epoch(), best.details());
        } catch (RuntimeException | IOException | Error e) {
            nets.close();
            throw e;
        }
    }

    private boolean checkDue(int round, long done) {
        if (check == null) {
            return false;
        }
        if (settings.countsSteps()) {
            return done == settings.steps() || (checkEvery > 0 && done % checkEvery == 0);
        }
        return round == settings.epochs() || (checkEvery > 0 && round % checkEvery == 0);
    }

    private String progressLabel(int round, long done) {
        return settings.countsSteps() ? "step " + done : "epoch " + round;
    }

    /** @return optimiser steps of the whole run: {@code steps}, or epochs times full batches per epoch */
    private long totalSteps(int samples) {
        return settings.countsSteps() ? settings.steps() : (long) settings.epochs() * (samples / settings.batchSize());
    }

    /**
     * @param start steps done before the round
     * @param tally the round's steps done so far (none for a new round)
     * @param samples training samples
     * @return steps left in the round: of a full epoch, or when counting steps up to the next multiple of
     *     {@code checkEvery} (of {@link #ROUND_STEPS} without checks) and never past the end; none when the
     *     round was cut at such a multiple (its steps are done, its end is not)
     * @throws InvalidSettingException ({@code resume}) when a checkpoint's epoch in progress has more steps
     *     than an epoch of these samples
     */
    private int stepsLeft(long start, RoundTally tally, int samples) {
        if (!settings.countsSteps()) {
            int epoch = samples / settings.batchSize();
            if (tally.steps() > epoch) {
                throw new InvalidSettingException("resume", "needs the checkpoint's data, and its epoch in progress "
                        + "has " + tally.steps() + " steps done while an epoch of these " + samples + " samples has "
                        + epoch + "; resume on the checkpoint's data or use a new checkpoint folder");
            }
            return epoch - tally.steps();
        }
        long done = start + tally.steps();
        int length = checkEvery > 0 ? checkEvery : ROUND_STEPS;
        if (tally.steps() > 0 && done % length == 0) {
            return 0;
        }
        return (int) Math.min(length - done % length, settings.steps() - done);
    }

    private static long stepsDone(List<EpochReport> history) {
        long done = 0;
        for (EpochReport r : history) {
            done += r.steps();
        }
        return done;
    }

    /** What the exported schema records, so that a class without examples is known to be unlearned. */
    private long[] examplesPerClass(int[] labels) {
        long[] counts = new long[schema.classCount()];
        for (int label : labels) {
            if (label < 0 || label >= counts.length) {
                throw new IllegalArgumentException("class index " + label + " is not in 0.." + (counts.length - 1));
            }
            counts[label]++;
        }
        return counts;
    }

    /**
     * Refuses, before anything is set up, a resume from a checkpoint folder whose checkpoint was made with other
     * settings, on other data or under another quality check, or is not a complete checkpoint ({@link #train} would
     * refuse it only once under way).
     *
     * @param checkpointDir the checkpoint folder; a folder without a checkpoint passes, for the resume to name it
     * @param settings the settings the run would resume with
     * @param data the fingerprint of the samples the run would resume on, as {@link #train} is given them
     * @param checkIdentity the run's check as {@link #checkedAs} names it; "" is not compared
     * @throws InvalidSettingException ({@code resume}) when the checkpoint was made with other settings, or (a
     *     checkpoint written since 5 Dec) on other data or under another check
     * @throws dev.augment.errors.InvalidDataException when it is not a complete image GAN checkpoint
     * @throws IOException when it cannot be read
     */
    public static void requireResumable(Path checkpointDir, GanSettings settings, DataFingerprint data,
                                        String checkIdentity) throws IOException {
        CheckpointFormat.requireSameSettings(checkpointDir.resolve(Checkpoints.LATEST), settings, data,
                checkIdentity);
    }

    private CheckpointFormat.Progress resumeFrom(Path checkpoint, DataFingerprint data, GanNetworks nets,
                                                 BestGenerator best, LastCheck last, long total) throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new InvalidSettingException("resume", "needs a checkpoint, and " + checkpoint
                    + (Files.exists(checkpoint) ? " is not a file" : " does not exist") + "; "
                    + "start without resuming first");
        }
        CheckpointFormat.Progress progress = CheckpointFormat.read(checkpoint, settings, data, checkIdentity, nets,
                best, last);
        int rounds = progress.history().size();
        long finished = stepsDone(progress.history());
        int started = progress.current().steps();
        String steps = started + " step" + (started == 1 ? "" : "s");
        listener.info("resuming after " + (settings.countsSteps()
                ? "step " + progress.steps() + (started == 0 ? "" : " (" + steps + " into round " + (rounds + 1) + ")")
                : (started == 0 ? "epoch " + rounds : (rounds == 0 ? "" : "epoch " + rounds + " and ") + steps
                        + " of epoch " + (rounds + 1)))
                + " from " + checkpoint);
        if (finished >= total) {
            listener.info("the checkpoint already holds all " + (settings.countsSteps() ? settings.steps()
                    + " steps" : settings.epochs() + " epochs") + "; exporting its generator without training");
        }
        return progress;
    }

    /**
     * Runs (the rest of) one round: an epoch, or when counting steps a stretch of steps starting after
     * {@code start}. Randomness is keyed by (epoch, step of the epoch) for epochs and by (STEPS_KEY, step since
     * the start) for steps, so rounds of any length, and rounds cut in two by a checkpoint, give the same run.
     * Before each step a cancel stops the run, first saving its last completed step ({@link RunCheckpoint#stop}).
     *
     * @param start steps done before the round
     * @param left steps still to run in it
     * @param tally the round's steps already done (by a run this one resumes)
     * @param history the finished rounds, for a checkpoint written on a cancel
     * @return the round's tally with these steps and their seconds added
     */
    private RoundTally runRound(GanNetworks nets, float[] scaled, int[] labels, BatchSampler batches, int round,
                                long start, int left, RoundTally tally, List<EpochReport> history,
                                RunCheckpoint checkpoint) {
        long began = System.nanoTime();
        listener.epochStarted(round + 1, settings.countsSteps() ? roundCount() : settings.epochs(), left);
        GanStep gan = new GanStep(schema, settings, augmentOps, nets, scaled, labels, batches);
        int first = tally.steps();
        for (int step = first; step < first + left; step++) {
            if (cancellation.isCancelled()) {
                throw checkpoint.stop("training (" + progressLabel(round + 1, start + step + 1) + ")",
                        new CheckpointFormat.Progress(history, tally.after(secondsSince(began))));
            }
            long key = settings.countsSteps() ? STEPS_KEY : round;
            long stepKey = settings.countsSteps() ? start + step : step;
            float[] losses = gan.run(key, stepKey);
            if (!Float.isFinite(losses[0]) || !Float.isFinite(losses[1])) {
                // steps count from the run's start, or within the epoch ("epoch 3 step 12"), never twice
                throw new TrainingDivergedException("training diverged at " + (settings.countsSteps()
                        ? "step " + (start + step + 1) : "epoch " + (round + 1) + " step " + (step + 1))
                        + " (D loss " + losses[0] + ", G loss " + losses[1] + (gan.recomputedPasses() > 0
                        ? "; " + gan.recomputedPasses() + " NaN pass(es) computed again in this round" : "")
                        + "); " + checkpoint.kept() + ", but a resume repeats the same steps: start again (--force) "
                        + "with a lower " + (settings.modeSeekingWeight() > 0 ? "mode-seeking weight or " : "")
                        + "learning rate, or another seed" + (settings.architecture() == Architecture.CONV
                        ? "; with --arch conv, if it recurs at other seeds and learning rates, try one PyTorch thread "
                        + "(AUGMENT_JAVA_OPTS=-Dai.djl.pytorch.num_threads=1)" : ""));
            }
            nets.updateAverage();
            tally = tally.plus(losses[0], losses[1]);
            listener.stepFinished(step + 1 - first, losses[0], losses[1]);
        }
        if (gan.recomputedPasses() > 0) {
            listener.info(String.format("%d forward and backward pass(es) in this round gave a NaN or infinite loss or "
                    + "gradient and were computed again on the same batch", gan.recomputedPasses()));
        }
        if (gan.droppedUpdates() > 0) {
            listener.info(String.format("%d update(s) in this round had a NaN or infinite gradient from finite losses; "
                    + "each was dropped and training went on from the weights before it", gan.droppedUpdates()));
        }
        return tally.after(secondsSince(began));
    }

    private static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    private int roundCount() {
        int length = checkEvery > 0 ? checkEvery : ROUND_STEPS;
        return (settings.steps() + length - 1) / length;
    }

    /** Maps features from the schema's value range to [-1, 1], flattened row-major. */
    private float[] scale(float[][] features) {
        int f = schema.featureCount();
        float[] out = new float[features.length * f];
        double min = schema.minValue();
        double span = schema.maxValue() - schema.minValue();
        for (int i = 0; i < features.length; i++) {
            if (features[i].length != f) {
                throw new IllegalArgumentException("sample " + i + " has " + features[i].length + " features, schema has "
                        + f);
            }
            for (int j = 0; j < f; j++) {
                out[i * f + j] = (float) ((features[i][j] - min) / span * 2 - 1);
            }
        }
        return out;
    }
}

package dev.augment.train.table;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.table.Table;
import dev.augment.train.NativeScalar;
import dev.augment.train.TrainingDivergedException;
import dev.augment.train.TrainingListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains CTGAN (Xu et al. 2019) on an encoded table with DJL's PyTorch engine: per step one critic update
 * (WGAN-GP loss on packed real and fake rows with their conditional vectors), one update of the
 * {@link AuxiliaryClassifier} on the same real rows when its weight is positive, then one generator update
 * ({@code -mean(critic(fake))}, plus the auxiliary weight times the classifier's cross-entropy of the fake rows
 * against their classes), each class drawn by {@link ClassSampler}. Noise, class and row draws are
 * keyed by (seed, step, redraw); initial weights by the seed; dropout, the penalty's mixing weights and Gumbel
 * noise come from the engine's generator, reseeded from (seed, step, redraw) before every step, so a run on one
 * machine is repeatable and a resumed run equals an uninterrupted one. Constants that a gradient reads are
 * {@link NativeScalar}s, whose memory a garbage collection cannot free mid-step.
 *
 * <p>Given a checkpoint folder, a checkpoint ({@link TableCheckpoint}) is written atomically after every round
 * ({@value #ROUND_STEPS} steps, or an epoch when counting epochs) and a run can resume from it. A cancel stops
 * before the next step and first saves the last completed step there, midway through a round if need be (with the
 * round's loss sums, so a resumed run's history equals an uninterrupted run's too), so a cancel loses no finished
 * step; the save is atomic, so a process killed during it keeps the previous checkpoint. Without a checkpoint
 * folder, a cancelled or failed run writes nothing.
 *
 * <p>Non-finite updates are never applied. When a critic or generator update's loss or any of its
 * gradients is NaN or infinite, the update is dropped (gradients zeroed, weights untouched) and the step is
 * drawn again with fresh classes, rows and noise (retry {@code a} uses noise streams {@code 2a, 2a + 1} and
 * row stream {@code a}); CTGAN likewise redraws a Gumbel-softmax that came out NaN. Before this, one such
 * update turned every weight into NaN and stopped unbalanced-table runs after 1 500–3 500 steps. Only
 * {@value #MAX_REDRAWS} failed draws of one step in a row stop training with a
 * {@link TrainingDivergedException}; the number of dropped updates is reported to the listener.
 *
 * <p>This class checks the input, fits and applies the encoder and resolves the settings for the table
 * ({@link TableTrainingPlan}); {@link TableTrainingRun} runs the rounds, checkpoints and resumes, and
 * {@link TableGanStep} makes the updates of one step.
 */
public final class TableGanTrainer {

    /** Steps per reported round when training counts steps. */
    static final int ROUND_STEPS = 250;
    /** Failed draws of one step in a row after which training stops as diverged. */
    static final int MAX_REDRAWS = 10;

    private final TableGanSettings settings;
    private final TrainingListener listener;
    private final CancellationToken cancellation;

    /**
     * @param settings the run's settings
     * @param listener hears about rounds (epochs, or {@value #ROUND_STEPS} steps) and steps
     * @param cancellation checked before every step
     */
    public TableGanTrainer(TableGanSettings settings, TrainingListener listener, CancellationToken cancellation) {
        this.settings = settings;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    /**
     * Trains on a table without checkpoints: fits the encoder (mixtures seeded by the settings' seed), encodes the
     * rows, trains.
     *
     * @param table the training table; every class needs a row
     * @return the trained generator; close it when done
     * @throws dev.augment.errors.InvalidSettingException when a class of the schema has no row
     */
    public TrainedTableGan train(Table table) {
        try {
            return train(table, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("no checkpoint is read or written without a checkpoint folder", e);
        }
    }

    /**
     * Trains on a table: fits the encoder (mixtures seeded by the settings' seed), encodes the rows, trains, and
     * with a checkpoint folder writes a checkpoint after every round and, when cancelled, of the last step done.
     *
     * @param table the training table; every class needs a row
     * @param checkpointDir where the checkpoint goes, or null for none
     * @param resume continue from the checkpoint in {@code checkpointDir}, which needs the same settings (but for a
     *     training length at least the checkpoint's) and the same table; when it holds the whole run, nothing is
     *     trained
     * @return the trained generator; close it when done
     * @throws dev.augment.errors.InvalidSettingException when a class of the schema has no row, a numeric value is
     *     beyond a float's range ({@link dev.augment.table.FloatRange}), or the checkpoint
     *     does not fit this run (see {@link #train(TableEncoder, float[], int[], int, Path, boolean)})
     * @throws dev.augment.errors.InvalidDataException when the checkpoint is not a complete table checkpoint
     * @throws IOException when the checkpoint cannot be read or written
     */
    public TrainedTableGan train(Table table, Path checkpointDir, boolean resume) throws IOException {
        long[] counts = table.examplesPerClass();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new InvalidSettingException("table", "has no row of class '" + table.schema().labels().get(c)
                        + "', so no generator can learn it");
            }
        }
        dev.augment.table.FloatRange.problem(table).ifPresent(problem -> {
            throw new InvalidSettingException("table", problem);
        });
        long numeric = table.schema().columns().stream().filter(dev.augment.table.TableColumn::isNumeric).count();
        if (numeric >= SLOW_FIT_COLUMNS) { // about 40 ms a column: a wide table's fit is a silent minute otherwise
            listener.info(String.format("fitting a Gaussian mixture to each of the %d numeric columns", numeric));
        }
        TableEncoder encoder = abandonably("fitting the column encoder", checkpointDir,
                () -> TableEncoder.fit(table, settings.seed()));
        TableGanSettings resolved = settings.resolvedFor(counts); // as the run below resolves them, for the log line
        int batch = resolved.batchFor(table.rows());
        long steps = resolved.totalSteps(table.rows());
        String note = resolved.batchNote(table.rows());
        String cut = note.isEmpty() ? "" : " (" + note + ")";
        listener.info(String.format("encoded %d rows of %d columns into %d GAN values per row (%s); batch %d%s, %d %s",
                table.rows(), table.schema().columns().size(), encoder.width(), describeModes(encoder), batch, cut,
                steps, steps == 1 ? "step" : "steps"));
        float[] encoded = abandonably("encoding the rows", checkpointDir,
                () -> encoder.encode(table, settings.seed()));
        return train(encoder, encoded, table.classes(), table.schema().classCount(), checkpointDir, resume);
    }

    /**
     * Runs set-up work on a thread of its own, so that Ctrl-C stops it at once (a 3 000-column table's fit and a
     * 300 000-row table's made the signal wait 10 s, 2 Dec); a cancel already pending is left to the first step,
     * which reports the checkpoint's state.
     */
    private <T> T abandonably(String what, Path checkpointDir, java.util.function.Supplier<T> work) {
        if (cancellation.isCancelled()) {
            return work.get();
        }
        try {
            return dev.augment.cancel.AbandonableCall.call(what, cancellation, work::get);
        } catch (CancelledException e) {
            boolean kept = checkpointDir != null
                    && java.nio.file.Files.isRegularFile(checkpointDir.resolve(dev.augment.train.Checkpoints.LATEST));
            throw new CancelledException(e.getMessage() + "; nothing was written"
                    + (kept ? ", and the checkpoint in " + checkpointDir + " is kept as it was" : ""));
        }
    }

    private static String describeModes(TableEncoder encoder) {
        List<String> modes = new ArrayList<>();
        for (ColumnEncoding column : encoder.columns()) {
            if (column instanceof ColumnEncoding.Numeric n) {
                modes.add(Integer.toString(n.mixture().modes()));
            }
        }
        if (modes.isEmpty()) {
            return "no numeric columns";
        }
        // a 2 000-column table made this one line 4 000 characters long: the first columns, then a summary
        int shown = Math.min(modes.size(), MODES_SHOWN);
        return "modes per numeric column " + String.join(",", modes.subList(0, shown)) + (shown == modes.size() ? ""
                : ", … (" + (modes.size() - shown) + " more columns, " + modes.stream().mapToInt(Integer::parseInt)
                .sum() + " modes in all)");
    }

    /** From this many numeric columns on, the log says the mixtures are being fitted before it starts. */
    private static final int SLOW_FIT_COLUMNS = 100;

    /** The most numeric columns whose mode counts the training log lists one by one. */
    private static final int MODES_SHOWN = 40;

    /**
     * Trains on encoded rows without checkpoints.
     *
     * @param encoder the table's encoder
     * @param encoded rows in the GAN's space, row-major {@code [rows, encoder.width()]}
     * @param classes class index of every row
     * @param classCount number of classes; every class needs a row
     * @return the trained generator, whose settings carry the auxiliary weight chosen for these rows when the
     *     settings left it to the table; close it when done
     * @throws CancelledException when cancelled
     * @throws TrainingDivergedException on a NaN or infinite loss
     */
    public TrainedTableGan train(TableEncoder encoder, float[] encoded, int[] classes, int classCount) {
        try {
            return train(encoder, encoded, classes, classCount, null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("no checkpoint is read or written without a checkpoint folder", e);
        }
    }

    /**
     * Trains on encoded rows, with a checkpoint folder writing {@value dev.augment.train.Checkpoints#LATEST} there
     * atomically after every round ({@value #ROUND_STEPS} steps, or an epoch): the networks, the batch-norm running
     * statistics, both optimisers, the steps done, the history and the round in progress. Every random draw of a
     * step is keyed by (seed, step, redraw), the engine's generator included, so a resumed run reaches the same
     * weights as an uninterrupted one. A cancel stops before the next step, after saving the last completed step to
     * the checkpoint (unless it holds it already), so a resume continues from exactly there. When the settings leave
     * the auxiliary classifier's weight to the table, it is first chosen from these rows' class sizes
     * ({@link TableGanSettings#resolvedFor}), so a checkpoint records the weight used.
     *
     * @param encoder the table's encoder
     * @param encoded rows in the GAN's space, row-major {@code [rows, encoder.width()]}
     * @param classes class index of every row
     * @param classCount number of classes; every class needs a row
     * @param checkpointDir where the checkpoint goes, or null for none
     * @param resume continue from the checkpoint in {@code checkpointDir}
     * @return the trained generator; close it when done
     * @throws CancelledException when cancelled; its message says which step the checkpoint keeps
     * @throws TrainingDivergedException on a NaN or infinite loss
     * @throws InvalidSettingException ({@code resume}) when resuming without a checkpoint, or from one made with
     *     other settings or another table (encoder fit, encoded rows or classes), ({@code steps} or {@code epochs})
     *     when the checkpoint holds more training than asked for
     * @throws dev.augment.errors.InvalidDataException when the checkpoint is not a complete table checkpoint
     * @throws IOException when the checkpoint cannot be read or written
     */
    public TrainedTableGan train(TableEncoder encoder, float[] encoded, int[] classes, int classCount,
                                 Path checkpointDir, boolean resume) throws IOException {
        TableGanSettings resolved = TableTrainingPlan.resolveByClassSize(settings, classes, classCount, listener);
        int width = encoder.width();
        if (encoded.length != classes.length * width) {
            throw new IllegalArgumentException(classes.length + " rows of width " + width + " need "
                    + classes.length * width + " values, got " + encoded.length);
        }
        if (resume && checkpointDir == null) {
            throw new InvalidSettingException("resume", "needs a checkpoint folder to resume from");
        }
        TableTrainingPlan plan = TableTrainingPlan.of(resolved, classes.length);
        return new TableTrainingRun(plan, listener, cancellation).train(encoder, encoded, classes, classCount,
                checkpointDir, resume);
    }
}

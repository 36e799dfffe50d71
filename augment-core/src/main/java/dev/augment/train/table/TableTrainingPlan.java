package dev.augment.train.table;

import dev.augment.train.TrainingListener;

import java.util.Arrays;

/**
 * What the settings mean for one table: the auxiliary classifier's weight, pac and critic steps when the settings
 * leave them to the table ({@link TableGanSettings#resolvedFor}), the batch, the length of the run in steps and how
 * the steps group into reported and checkpointed rounds ({@value TableGanTrainer#ROUND_STEPS} steps when training
 * counts steps, else an epoch).
 *
 * @param settings the run's settings, the auxiliary weight, pac and critic steps resolved ({@link
 *     TableGanSettings#resolved})
 * @param batch rows per step, positive
 * @param totalSteps steps of the whole run, positive
 * @param roundLength steps per round, positive; the last round may be shorter
 */
record TableTrainingPlan(TableGanSettings settings, int batch, long totalSteps, int roundLength) {

    /** Checks the settings are resolved and the lengths positive. */
    TableTrainingPlan {
        if (!settings.resolved() || batch <= 0 || totalSteps <= 0 || roundLength <= 0) {
            throw new IllegalArgumentException("a plan needs a resolved auxiliary weight, pac and critic steps and "
                    + "positive lengths, was " + settings.auxiliaryWeight() + ", pac " + settings.pac() + ", critic "
                    + "steps " + settings.criticSteps() + ", batch " + batch + ", " + totalSteps + " steps, rounds of "
                    + roundLength);
        }
    }

    /**
     * Resolves the auxiliary weight, pac and critic steps from the rows' class sizes where the settings leave them to
     * the table, telling the listener which were chosen and why.
     *
     * @param settings the run's settings
     * @param classes class index of every training row
     * @param classCount number of classes
     * @param listener hears the weight chosen
     * @return the settings with nothing left to the table ({@link TableGanSettings#resolved})
     */
    static TableGanSettings resolveByClassSize(TableGanSettings settings, int[] classes, int classCount,
                                              TrainingListener listener) {
        long[] counts = new long[classCount];
        for (int c : classes) {
            counts[c]++;
        }
        TableGanSettings resolved = settings.resolvedFor(counts);
        long smallest = Arrays.stream(counts).min().orElse(0);
        String why = String.format(": the smallest class has %d training rows (%s %d)", smallest,
                smallest < TableGanSettings.SMALL_CLASS_ROWS ? "under" : "not under", TableGanSettings.SMALL_CLASS_ROWS);
        listener.info("auxiliary classifier weight " + resolved.auxiliaryWeight()
                + (settings.automaticAuxiliaryWeight() ? why : " (as given)"));
        listener.info("pac " + resolved.pac() + (settings.automaticPac() ? why : " (as given)"));
        listener.info("critic steps per generator step " + resolved.criticSteps()
                + (settings.automaticCriticSteps() ? why : " (as given)"));
        listener.info("batch size asked for " + resolved.batchSize()
                + (settings.automaticBatch() ? why : " (as given)"));
        return resolved;
    }

    /**
     * @param settings the run's settings, the auxiliary weight resolved
     * @param rows training rows, positive
     * @return the plan for a table of this many rows
     */
    static TableTrainingPlan of(TableGanSettings settings, int rows) {
        long total = settings.totalSteps(rows);
        int roundLength = settings.countsSteps() ? TableGanTrainer.ROUND_STEPS : (int) (total / settings.epochs());
        return new TableTrainingPlan(settings, settings.batchFor(rows), total, roundLength);
    }

    /**
     * @param done steps done, in {@code [0, totalSteps)}
     * @return steps from {@code done} to the end of its round: to the next multiple of the round length, or the end
     */
    int stepsToRoundEnd(long done) {
        return (int) Math.min(roundLength - done % roundLength, totalSteps - done);
    }

    /**
     * @param done steps done
     * @return rounds from {@code done} to the end of the run, the one {@code done} falls in counted whole
     */
    int roundsLeft(long done) {
        int rounds = 0;
        for (long at = done; at < totalSteps; at += roundLength - at % roundLength) {
            rounds++;
        }
        return rounds;
    }
}

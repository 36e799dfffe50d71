package dev.augment.train;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The checkpoint file of one image GAN run ({@link CheckpointFormat}): writes it atomically at the end of
 * every round and, when the run is cancelled, once more with the last completed step, midway through a round
 * if need be; remembers how many steps the file on disk holds, so nothing is written twice.
 */
final class RunCheckpoint {

    private final Path file;
    private final GanSettings settings;
    private final dev.augment.data.DataFingerprint data;
    private final String checkIdentity;
    private final CancellationToken cancellation;
    private final GanNetworks nets;
    private final BestGenerator best;
    private final LastCheck last;
    private final long totalSteps;
    private long saved = -1;

    /**
     * @param file the checkpoint file
     * @param settings the run's settings
     * @param data the run's training data, recorded so a resume on other data is refused
     * @param checkIdentity the run's quality check, recorded so a resume under another is refused ("" for none)
     * @param cancellation the run's token
     * @param nets the networks and optimisers whose state is saved
     * @param best the best generator so far
     * @param last the last quality check
     * @param totalSteps steps of the whole run, for messages
     */
    RunCheckpoint(Path file, GanSettings settings, dev.augment.data.DataFingerprint data, String checkIdentity,
                  CancellationToken cancellation, GanNetworks nets, BestGenerator best, LastCheck last, long totalSteps) {
        this.file = file;
        this.settings = settings;
        this.data = data;
        this.checkIdentity = checkIdentity;
        this.cancellation = cancellation;
        this.nets = nets;
        this.best = best;
        this.last = last;
        this.totalSteps = totalSteps;
    }

    /** @param steps steps the checkpoint on disk holds, as read on resuming */
    void resumedAt(long steps) {
        saved = steps;
    }

    /**
     * Replaces the checkpoint atomically, even when the run was cancelled before the write began (a cancel
     * stops training, not the saving of steps already done; {@link Checkpoints#writeEvenIfCancelled}).
     *
     * @param progress where the run stands
     * @throws IOException when writing fails; the previous checkpoint then stays
     */
    void save(CheckpointFormat.Progress progress) throws IOException {
        Checkpoints.writeEvenIfCancelled(file, cancellation,
                Checkpoints.withChecksum(out -> CheckpointFormat.write(out, settings, data, checkIdentity, progress, nets, best,
                        last)));
        saved = progress.steps();
    }

    /** @return what is kept: the file and its step, or that no checkpoint was written yet */
    String kept() {
        return saved < 0 ? "no checkpoint was written yet" : file + " keeps step " + saved + " of " + totalSteps;
    }

    /**
     * Saves the run's last completed step unless the checkpoint on disk holds it already.
     *
     * @param where what was interrupted, e.g. "training (epoch 3)"
     * @param progress where the run stands after its last completed step
     * @return the exception to throw, saying which step the checkpoint keeps
     */
    CancelledException stop(String where, CheckpointFormat.Progress progress) {
        String failure = "";
        if (progress.steps() > Math.max(saved, 0)) {
            try {
                save(progress);
            } catch (IOException e) {
                failure = "saving step " + progress.steps() + " failed (" + e.getMessage() + "), so ";
            }
        }
        return new CancelledException("interrupted while " + where + "; " + failure + (saved < 0
                ? "no checkpoint was written yet" : file + " keeps step " + saved + " of " + totalSteps
                + "; resume from it"));
    }
}

package dev.augment.train.table;

import dev.augment.cancel.CancellationToken;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.train.Checkpoints;
import dev.augment.train.EpochReport;
import dev.augment.train.RoundTally;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layout of a table GAN checkpoint: a magic string, the settings it was made with ({@link TableCheckpointIdentity}:
 * every field but the length of training, which a resume may raise), the {@link TableFingerprint} of the encoded
 * table, the steps done, the dropped updates, the history of finished rounds, every network array (the auxiliary
 * classifier's too) and every optimiser's state ({@link TableNetworks#save}), the round in progress
 * ({@link RoundTally}: its steps done, loss sums and seconds; all zero at a round's end), then a CRC-32 of all that.
 * Written atomically through {@link Checkpoints#writeEvenIfCancelled}. Version 1, written before a checkpoint could end
 * midway through a round, lacks the round in progress and is still read (as a round with no step done).
 *
 * <p>Reading refuses, in this order: a file that is not a table checkpoint or fails its checksum
 * ({@link InvalidDataException}), other settings (naming each difference), another table, and a run shorter
 * than the checkpoint (all {@link InvalidSettingException}).
 */
final class TableCheckpoint {

    private static final String MAGIC = "augment-table-checkpoint-v2";
    /** Version 1: no round in progress. */
    private static final String MAGIC_V1 = "augment-table-checkpoint-v1";

    private TableCheckpoint() {
    }

    /**
     * Where a run stands.
     *
     * @param history one report per finished round
     * @param steps steps done, not negative: those of the finished rounds and of the round in progress
     * @param dropped updates dropped so far for a non-finite loss or gradient, not negative
     * @param current the round in progress, {@link RoundTally#EMPTY} at a round's end
     */
    record Progress(List<EpochReport> history, long steps, long dropped, RoundTally current) {

        /** A run that has not started. */
        static final Progress START = new Progress(List.of(), 0, 0, RoundTally.EMPTY);

        /** Copies the history and checks the counts. */
        Progress {
            history = List.copyOf(history);
            if (steps != stepsOf(history, current) || dropped < 0) {
                throw new IllegalArgumentException("steps must be those of the rounds (" + stepsOf(history, current)
                        + ") and dropped must not be negative, were " + steps + " and " + dropped);
            }
        }

        private static long stepsOf(List<EpochReport> history, RoundTally current) {
            return history.stream().mapToLong(EpochReport::steps).sum() + current.steps();
        }
    }

    /**
     * Replaces the checkpoint atomically, even once the run is cancelled (a cancel stops training, not the saving
     * of steps already done; {@link Checkpoints#writeEvenIfCancelled}): a process killed during the write leaves
     * the previous checkpoint whole.
     *
     * @param file the checkpoint file
     * @param cancellation a cancel during the write waits for it
     * @param settings the run's settings
     * @param data what the run trains on
     * @param progress where the run stands
     * @param nets the networks and optimisers
     * @throws IOException when writing fails; the previous checkpoint then stays
     */
    static void write(Path file, CancellationToken cancellation, TableGanSettings settings, TableFingerprint data,
                      Progress progress, TableNetworks nets) throws IOException {
        Checkpoints.writeEvenIfCancelled(file, cancellation, Checkpoints.withChecksum(body -> {
            body.writeUTF(MAGIC);
            Map<String, String> identity = TableCheckpointIdentity.of(settings);
            body.writeInt(identity.size());
            for (Map.Entry<String, String> e : identity.entrySet()) {
                body.writeUTF(e.getKey());
                body.writeUTF(e.getValue());
            }
            body.writeUTF(data.sha256());
            body.writeInt(data.rows());
            body.writeLong(progress.steps());
            body.writeLong(progress.dropped());
            body.writeInt(progress.history().size());
            for (EpochReport r : progress.history()) {
                body.writeInt(r.epoch());
                body.writeInt(r.steps());
                body.writeDouble(r.lossD());
                body.writeDouble(r.lossG());
                body.writeDouble(r.seconds());
            }
            nets.save(body);
            progress.current().write(body);
        }));
    }

    /**
     * Loads a checkpoint into the networks.
     *
     * @param file the checkpoint file
     * @param settings this run's settings
     * @param data what this run trains on
     * @param totalSteps steps this run asks for
     * @param nets networks built from {@code settings}; filled with the checkpoint's state
     * @return where the checkpointed run stood
     * @throws InvalidDataException when the file is not a table checkpoint, or truncated or damaged
     * @throws InvalidSettingException ({@code resume}) when the checkpoint was made with other settings or another
     *     table, ({@code steps} or {@code epochs}) when it holds more training than this run asks for
     * @throws IOException when the file cannot be read
     */
    static Progress read(Path file, TableGanSettings settings, TableFingerprint data, long totalSteps,
                         TableNetworks nets) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        String magic = magic(in);
        if (!MAGIC.equals(magic) && !MAGIC_V1.equals(magic)) {
            throw new InvalidDataException(file, "not a table GAN checkpoint; resume from the checkpoint folder of a "
                    + "table run, or start over with --force instead of --resume (it replaces the checkpoint)");
        }
        if (!Checkpoints.checksumMatches(bytes)) {
            throw damaged(file, "its checksum does not match, so it is truncated or damaged", null);
        }
        try {
            Map<String, String> read = new LinkedHashMap<>();
            int fields = in.readInt();
            for (int i = 0; i < fields; i++) {
                read.put(in.readUTF(), in.readUTF());
            }
            Map<String, String> saved = TableCheckpointIdentity.completed(read);
            TableFingerprint trained = new TableFingerprint(in.readUTF(), in.readInt());
            Map<String, String> now = TableCheckpointIdentity.of(settings);
            if (!saved.equals(now)) {
                // The encoded table's digest depends on the settings (seed), so only a row count tells a table apart
                // here; another table can be what changed a setting chosen from it (the auxiliary weight's rule).
                String table = trained.rows() == data.rows() ? "" : "the table it was trained on (" + trained.rows()
                        + " rows, this one has " + data.rows() + ") and ";
                throw new InvalidSettingException("resume", "needs " + table + "the checkpoint's settings, and these "
                        + "differ: " + TableCheckpointIdentity.differences(saved, now) + "; resume with the "
                        + "checkpoint's " + (table.isEmpty() ? "settings" : "table and settings")
                        + " or use a new checkpoint folder");
            }
            if (!trained.equals(data)) {
                throw new InvalidSettingException("resume", "needs the table the checkpoint was trained on ("
                        + trained.describe() + " after encoding), but this one gives " + data.describe() + "; resume "
                        + "with that table or use a new checkpoint folder");
            }
            long steps = in.readLong();
            long dropped = in.readLong();
            int rounds = in.readInt();
            List<EpochReport> history = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                history.add(new EpochReport(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(),
                        in.readDouble()));
            }
            nets.load(in);
            RoundTally current = MAGIC_V1.equals(magic) ? RoundTally.EMPTY : RoundTally.read(in);
            if (in.available() != Long.BYTES) {
                throw new IOException((in.available() - Long.BYTES) + " bytes follow the round in progress");
            }
            if (steps != history.stream().mapToLong(EpochReport::steps).sum() + current.steps()) {
                throw new IOException("it holds " + steps + " steps, but its rounds hold other counts");
            }
            refuseShorterRun(settings, steps, rounds, current, totalSteps);
            return new Progress(history, steps, dropped, current);
        } catch (IOException e) {
            throw damaged(file, e.getMessage(), e);
        }
    }

    private static void refuseShorterRun(TableGanSettings settings, long steps, int rounds, RoundTally current,
                                         long totalSteps) {
        if (steps <= totalSteps) {
            return;
        }
        if (settings.countsSteps()) {
            throw new InvalidSettingException("steps", "is " + settings.steps() + " but the checkpoint already has "
                    + steps + " steps; ask for at least " + steps);
        }
        String started = current.steps() == 0 ? ""
                : " and " + current.steps() + " step" + (current.steps() == 1 ? "" : "s") + " of the next";
        int atLeast = rounds + (current.steps() == 0 ? 0 : 1);
        throw new InvalidSettingException("epochs", "is " + settings.epochs() + " but the checkpoint already has "
                + rounds + (rounds == 1 ? " epoch" : " epochs") + started + "; ask for at least " + atLeast);
    }

    private static String magic(DataInputStream in) {
        try {
            return in.readUTF();
        } catch (IOException e) {
            return "";
        }
    }

    private static InvalidDataException damaged(Path file, String why, Throwable cause) {
        String problem = "not a complete table GAN checkpoint (" + why + "); start over with --force instead "
                + "of --resume (it replaces the checkpoint), or resume from another checkpoint folder";
        return cause == null ? new InvalidDataException(file, problem) : new InvalidDataException(file, problem, cause);
    }
}

package dev.augment.train;

import dev.augment.data.DataFingerprint;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Layout of a checkpoint file: a magic string, the settings it was made with (a resume with other
 * settings is refused), the history of finished rounds (epochs, or rounds of steps), every network and
 * optimiser array, the best-scoring generator, the last quality check (since v4) and the round in progress
 * ({@link RoundTally}: its steps done, loss sums and seconds; all zero at a round's end; since v5, when a
 * cancelled run began saving its last completed step), then (since v6) a CRC-32 of all that, so that a truncated
 * or damaged file is refused instead of resumed. Since v7 the settings are followed by the training data's
 * {@link DataFingerprint} (SHA-256 and count), so a resume on other data is refused by the checkpoint itself: the
 * check lived only in a file beside it, and a checkpoint copied into another run's folder continued on that run's data
 * (the test split, in a fresh user's try, 5 Dec), recorded as trained on it alone; and the quality check's identity
 * (its judge and sample count), so a resume under another judge does not pick its best generator by comparing scores
 * of two judges (a fresh user, 5 Dec). A v6 checkpoint is read without
 * the fingerprint, a v5 one also without the checksum, a v4 one also as one with no round in progress, a v3 one also as
 * if no check had run at its last round.
 */
final class CheckpointFormat {

    private static final String MAGIC = "augment-checkpoint-v7";
    /** The layout before the data's fingerprint; read without it. */
    private static final String MAGIC_V6 = "augment-checkpoint-v6";
    /** The layout before the checksum; read without one. */
    private static final String MAGIC_V5 = "augment-checkpoint-v5";
    /** The layout before a checkpoint could end midway through a round; read as a round's end. */
    private static final String MAGIC_V4 = "augment-checkpoint-v4";
    /** The layout before the last check was saved; read as if no check had run at its last round. */
    private static final String MAGIC_V3 = "augment-checkpoint-v3";

    private CheckpointFormat() {
    }

    /**
     * Where a run stands.
     *
     * @param history one report per finished round
     * @param current the round in progress, {@link RoundTally#EMPTY} at a round's end
     */
    record Progress(List<EpochReport> history, RoundTally current) {

        /** Copies the history. */
        Progress {
            history = List.copyOf(history);
            java.util.Objects.requireNonNull(current, "current");
        }

        /** @return the steps of the finished rounds and of the round in progress */
        long steps() {
            return history.stream().mapToLong(EpochReport::steps).sum() + current.steps();
        }
    }

    static void write(DataOutputStream out, GanSettings settings, DataFingerprint data, String checkIdentity,
                      Progress progress, GanNetworks nets, BestGenerator best, LastCheck last) throws IOException {
        out.writeUTF(MAGIC);
        out.writeUTF(identity(settings));
        out.writeUTF(data.sha256());
        out.writeLong(data.count());
        out.writeUTF(checkIdentity);
        out.writeInt(progress.history().size());
        for (EpochReport r : progress.history()) {
            out.writeInt(r.epoch());
            out.writeInt(r.steps());
            out.writeDouble(r.lossD());
            out.writeDouble(r.lossG());
            out.writeDouble(r.seconds());
        }
        nets.save(out);
        best.save(out);
        last.save(out);
        progress.current().write(out);
    }

    /**
     * Reads a checkpoint file (what {@link #write} wrote through {@link Checkpoints#withChecksum}, or a v5, v4 or
     * v3 checkpoint) into {@code nets}, {@code best} and {@code last}.
     *
     * @param file the checkpoint file
     * @param data the training data of the run that resumes
     * @param checkIdentity the run's quality check as {@link GanTrainer#checkedAs} names it, "" when not compared
     * @return the history and the round in progress
     * @throws InvalidDataException when the file is not an image GAN checkpoint, ends early, fails its checksum
     *     or holds other shapes
     * @throws IOException when the file cannot be read
     * @throws InvalidSettingException ({@code resume}) when it was made with other settings or on other data,
     *     ({@code epochs} or {@code steps}) when it holds more training than asked for
     */
    static Progress read(Path file, GanSettings settings, DataFingerprint data, String checkIdentity,
                         GanNetworks nets, BestGenerator best, LastCheck last) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            String magic = checkedMagic(in, bytes);
            return read(in, magic, settings, data, checkIdentity, nets, best, last);
        } catch (IOException e) {
            throw notACheckpoint(file, e);
        }
    }

    /**
     * Reads only a checkpoint's format marker, checksum and settings, so a resume that would be refused is refused
     * before the run sets anything up: it printed "training … GAN" and trained the quality check's judge first
     * (a fresh user, 5 Dec). A missing file is left to the resume itself, which names it.
     *
     * @param file a checkpoint file, {@code checkpoint.bin}
     * @param settings the settings the run would resume with
     * @param data the training data the run would resume on
     * @param checkIdentity the run's quality check, "" when not compared
     * @throws InvalidDataException when the file is not a complete image GAN checkpoint
     * @throws InvalidSettingException ({@code resume}) when it was made with other settings or on other data
     * @throws IOException when the file cannot be read
     */
    static void requireSameSettings(Path file, GanSettings settings, DataFingerprint data, String checkIdentity)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            String magic = checkedMagic(in, bytes);
            requireSameRun(in, magic, settings, data, checkIdentity);
        } catch (IOException e) {
            throw notACheckpoint(file, e);
        }
    }

    /** Reads the settings (and, since v7, the data's fingerprint and the check's identity); refuses others. */
    private static void requireSameRun(DataInputStream in, String magic, GanSettings settings, DataFingerprint data,
                                       String checkIdentity) throws IOException {
        String saved = in.readUTF();
        if (!saved.equals(identity(settings))) {
            throw differentSettings(saved, settings);
        }
        if (MAGIC.equals(magic)) {
            DataFingerprint trained = new DataFingerprint(in.readUTF(), in.readLong());
            if (!trained.equals(data)) {
                throw new InvalidSettingException("resume", "needs the data the checkpoint was trained on ("
                        + describe(trained) + "), but this run's data is " + describe(data) + " (the GAN trains on "
                        + "--data less the quality check's validation split, so another --validation-share, "
                        + "--check-samples 0 or --seed changes it too); resume with that data and those options, or "
                        + "use a new checkpoint folder");
            }
            String checked = in.readUTF();
            if (!checked.isEmpty() && !checkIdentity.isEmpty() && !checked.equals(checkIdentity)) {
                throw new InvalidSettingException("resume", "needs the checkpoint's quality check (" + checked
                        + "), but this run's is " + checkIdentity + ": the best generator so far was scored by the "
                        + "checkpoint's, and scores of two checks do not compare; resume with its --check-classifier, "
                        + "--check-cnn-steps and --check-samples, or use a new checkpoint folder");
            }
        }
    }

    private static String describe(DataFingerprint data) {
        return data.count() + " samples, SHA-256 " + data.sha256().substring(0, 16);
    }

    private static InvalidSettingException differentSettings(String saved, GanSettings settings) {
        return new InvalidSettingException("resume", "needs the checkpoint's settings, and these differ: "
                + differences(saved, identity(settings)) + "; resume with the checkpoint's settings or use a new "
                + "checkpoint folder");
    }

    private static InvalidDataException notACheckpoint(Path file, IOException e) {
        return new InvalidDataException(file, "not a complete image GAN checkpoint (" + (e.getMessage() == null
                ? e.getClass().getSimpleName() : e.getMessage()) + "); start over with --force instead "
                + "of --resume (it replaces the checkpoint), or resume from another checkpoint folder", e);
    }

    /**
     * @param in the checkpoint's bytes, at their start
     * @param bytes the same bytes, for the checksum
     * @return the format marker, one this class reads
     * @throws IOException when there is none, or the current format's checksum does not match
     */
    private static String checkedMagic(DataInputStream in, byte[] bytes) throws IOException {
        String magic = magic(in);
        if (!MAGIC.equals(magic) && !MAGIC_V6.equals(magic) && !MAGIC_V5.equals(magic) && !MAGIC_V4.equals(magic)
                && !MAGIC_V3.equals(magic)) {
            throw new IOException("it does not start with an image GAN checkpoint's format marker");
        }
        if ((MAGIC.equals(magic) || MAGIC_V6.equals(magic)) && !Checkpoints.checksumMatches(bytes)) {
            throw new IOException("its checksum does not match, so it is truncated or damaged");
        }
        return magic;
    }

    /** @return the format marker, or "" when the file does not start with one */
    private static String magic(DataInputStream in) {
        try {
            return in.readUTF();
        } catch (IOException e) {
            return "";
        }
    }

    private static Progress read(DataInputStream in, String magic, GanSettings settings, DataFingerprint data,
                                 String checkIdentity, GanNetworks nets, BestGenerator best, LastCheck last)
            throws IOException {
        requireSameRun(in, magic, settings, data, checkIdentity);
        int count = in.readInt();
        List<EpochReport> history = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            history.add(new EpochReport(in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble()));
        }
        nets.load(in);
        best.load(in);
        if (!MAGIC_V3.equals(magic)) {
            last.load(in);
        }
        RoundTally current = MAGIC.equals(magic) || MAGIC_V6.equals(magic) || MAGIC_V5.equals(magic)
                ? RoundTally.read(in) : RoundTally.EMPTY;
        Progress progress = new Progress(history, current);
        refuseShorterRun(settings, progress);
        return progress;
    }

    private static void refuseShorterRun(GanSettings settings, Progress progress) {
        if (settings.countsSteps() && progress.steps() > settings.steps()) {
            throw new InvalidSettingException("steps", "is " + settings.steps() + " but the checkpoint already has "
                    + progress.steps() + " steps; ask for at least " + progress.steps());
        }
        int started = progress.current().steps();
        int rounds = progress.history().size();
        int atLeast = rounds + (started == 0 ? 0 : 1);
        if (!settings.countsSteps() && atLeast > settings.epochs()) {
            throw new InvalidSettingException("epochs", "is " + settings.epochs() + " but the checkpoint already has "
                    + rounds + (rounds == 1 ? " epoch" : " epochs")
                    + (started == 0 ? "" : " and " + started + " step" + (started == 1 ? "" : "s")
                    + " of the next") + "; ask for at least " + atLeast);
        }
    }

    /** "batchSize 64 in the checkpoint, 32 now" for each setting whose value differs. */
    private static String differences(String saved, String now) {
        java.util.Map<String, String> before = fields(saved);
        java.util.Map<String, String> after = fields(now);
        List<String> out = new ArrayList<>();
        for (java.util.Map.Entry<String, String> e : after.entrySet()) {
            String old = before.get(e.getKey());
            if (e.getKey().equals("steps") && old != null && !e.getValue().equals(old)) {
                // identity() keeps 0 or 1 for whether training counts steps: "steps 0 in the checkpoint, 1 now" leaked
                // that flag to a fresh user who resumed an epochs run with --steps (5 Dec)
                out.add("0".equals(old) ? "the checkpoint counts training in epochs and this run in steps; resume "
                        + "with --epochs (more than the checkpoint's) instead of --steps" : "the checkpoint counts "
                        + "training in steps and this run in epochs (the default without --steps); resume with "
                        + "--steps N, N more than the checkpoint's steps");
            } else if (!e.getValue().equals(old)) {
                // an empty value (DiffAugment off) read "translation,cutout in the checkpoint,  now" (a fresh user)
                out.add(e.getKey() + " " + (old == null ? "absent" : Checkpoints.shownValue(old))
                        + " in the checkpoint, " + Checkpoints.shownValue(e.getValue()) + " now");
            }
        }
        return out.isEmpty() ? saved : String.join(", ", out);
    }

    private static java.util.Map<String, String> fields(String record) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        int open = record.indexOf('[');
        String body = open < 0 ? record : record.substring(open + 1, record.length() - 1);
        for (String part : body.split(", ")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq), part.substring(eq + 1));
            }
        }
        fields.putIfAbsent("modeSeekingWeight", "0.0"); // left out of the identity when 0 (see identity)
        return fields;
    }

    /**
     * Every setting but the length of training (epochs, or steps when training counts steps), which a
     * resume may raise; whether training counts steps is part of it.
     */
    /**
     * @return the settings that must match for a resume, as text; without the mode-seeking weight when it is 0, so
     *     that checkpoints written before that setting existed (which trained without it) still resume
     */
    static String identity(GanSettings settings) {
        String text = settings.toBuilder().epochs(1).steps(settings.countsSteps() ? 1 : 0).build().toString();
        return settings.modeSeekingWeight() == 0f ? text.replace(", modeSeekingWeight=0.0]", "]") : text;
    }
}

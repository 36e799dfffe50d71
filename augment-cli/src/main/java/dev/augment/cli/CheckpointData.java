package dev.augment.cli;

import dev.augment.data.DataFingerprint;
import dev.augment.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Ties a checkpoint folder to the training data it was started on ({@value #FILE}: SHA-256 and count), so
 * that {@code --resume} on other data is refused instead of continuing a run whose data changed.
 * Checkpoint folders from before this record carry none and are resumed as before.
 */
final class CheckpointData {

    /** The record's file name inside the checkpoint folder. */
    static final String FILE = "training-data.txt";

    /** Where a fresh run sets an earlier run's files aside until it has a checkpoint of its own. */
    static final String EARLIER = ".earlier-run";

    private CheckpointData() {
    }

    /**
     * Records the data when a run starts (setting an earlier run's checkpoint there aside, which a fresh run
     * replaces once it has one of its own), checks it when one resumes.
     *
     * @param checkpoints the checkpoint folder
     * @param data the training data of this run
     * @param resume whether this run resumes
     * @throws UsageException when resuming on data other than the checkpoint's
     * @throws IOException when the record cannot be read or written
     */
    static void match(Path checkpoints, DataFingerprint data, boolean resume) throws IOException {
        settleKilledRun(checkpoints);
        Path file = checkpoints.resolve(FILE);
        String line = data.sha256() + " " + data.count();
        if (resume) {
            if (Files.isRegularFile(file)) {
                String saved = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!saved.equals(line)) {
                    throw new UsageException("--resume needs the data the checkpoint was trained on (" + describe(saved)
                            + "), but --data gives " + describe(line) + " (the GAN trains on --data less the quality "
                            + "check's validation split, so another --validation-share, --check-samples 0 or --seed "
                            + "changes it too); resume with that data and those options, or start a new "
                            + "--checkpoint-dir");
                }
            }
            return;
        }
        Files.createDirectories(checkpoints);
        // a fresh run (--force over an earlier run's folder) starts over: the earlier checkpoint leaves its place
        // before the new record is written, or an interruption before the first new checkpoint left the old weights
        // beside this data's record, and --resume then continued them on this data under its name. It is set aside,
        // not deleted: a run interrupted before its own first checkpoint deleted the earlier run's (helper o4, 6 Dec)
        setAsideEarlierRun(checkpoints);
        AtomicFiles.write(file, out -> out.write((line + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Moves an earlier run's checkpoint, data record and sample grids into {@value #EARLIER}, where {@link
     * #forgetIfUnused} puts them back when this run fails before its first checkpoint, and {@link #dropEarlierRun}
     * deletes them once it has one.
     */
    private static void setAsideEarlierRun(Path checkpoints) throws IOException {
        Path latest = checkpoints.resolve(dev.augment.train.Checkpoints.LATEST);
        if (!Files.exists(latest, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path earlier = checkpoints.resolve(EARLIER);
        Files.createDirectory(earlier); // none is left: settleKilledRun ran first
        List<Path> moved = new java.util.ArrayList<>(dev.augment.train.GanTrainer.sampleGrids(checkpoints));
        moved.add(checkpoints.resolve(FILE));
        moved.add(latest); // last: a checkpoint in place means nothing was set aside yet
        for (Path file : moved) {
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.move(file, earlier.resolve(file.getFileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
        }
    }

    /**
     * A fresh run killed (SIGKILL, a power cut) before it could settle what it set aside: with a checkpoint of its own
     * it had replaced the earlier run, as forced, and the set-aside files go; without one, they are put back.
     */
    private static void settleKilledRun(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints.resolve(EARLIER), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.exists(checkpoints.resolve(dev.augment.train.Checkpoints.LATEST))) {
            AtomicFiles.deleteTree(checkpoints.resolve(EARLIER));
        } else {
            Files.deleteIfExists(checkpoints.resolve(FILE)); // the killed run's record, not the earlier run's
            dev.augment.train.GanTrainer.deleteSampleGrids(checkpoints);
            putBack(checkpoints);
        }
    }

    /** Moves the files set aside in {@value #EARLIER} back into the folder, replacing those of the same name. */
    private static void putBack(Path checkpoints) throws IOException {
        Path earlier = checkpoints.resolve(EARLIER);
        if (!Files.isDirectory(earlier, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(earlier)) {
            for (Path file : files.toList()) {
                Files.move(file, checkpoints.resolve(file.getFileName()), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.delete(earlier);
    }

    /**
     * Deletes the earlier run a fresh run set aside, once that run no longer needs it back (it has a checkpoint of
     * its own, or it finished). Quiet: the run's own outcome is what is reported.
     *
     * @param checkpoints the checkpoint folder
     */
    static void dropEarlierRun(Path checkpoints) {
        try {
            Path earlier = checkpoints.resolve(EARLIER);
            if (Files.isDirectory(earlier, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                AtomicFiles.deleteTree(earlier);
            }
        } catch (IOException ignored) {
            // left for the next fresh run, which deletes a stale one first
        }
    }

    /**
     * After a fresh run failed before its first checkpoint, removes the record and the run's sample grids, puts back
     * an earlier run it set aside (and removes the folder when that leaves it empty), so a failed run leaves nothing
     * behind and takes nothing away. A run that has a checkpoint of its own keeps it and lets the earlier one go.
     *
     * @param checkpoints the checkpoint folder
     */
    static void forgetIfUnused(Path checkpoints) {
        try {
            if (Files.exists(checkpoints.resolve(dev.augment.train.Checkpoints.LATEST))) {
                dropEarlierRun(checkpoints);
            } else {
                Files.deleteIfExists(checkpoints.resolve(FILE));
                dev.augment.train.GanTrainer.deleteSampleGrids(checkpoints);
                putBack(checkpoints);
                try (java.util.stream.Stream<Path> left = Files.list(checkpoints)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(checkpoints);
                    }
                }
            }
        } catch (IOException ignored) {
            // the run failed already; its own error is the one to report
        }
    }

    private static String describe(String record) {
        String[] parts = record.split(" ");
        return parts.length == 2 ? parts[1] + " samples, SHA-256 " + parts[0].substring(0, Math.min(16, parts[0].length()))
                : record;
    }
}

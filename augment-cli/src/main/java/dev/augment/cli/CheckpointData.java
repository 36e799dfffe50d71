package dev.augment.cli;

import dev.augment.data.DataFingerprint;
import dev.augment.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Ties a checkpoint folder to the training data it was started on ({@value #FILE}: SHA-256 and count), so
 * that {@code --resume} on other data is refused instead of continuing a run whose data changed.
 * Checkpoint folders from before this record carry none and are resumed as before.
 */
final class CheckpointData {

    /** The record's file name inside the checkpoint folder. */
    static final String FILE = "training-data.txt";

    private CheckpointData() {
    }

    /**
     * Records the data when a run starts (deleting an earlier run's checkpoint there, which a fresh run replaces),
     * checks it when one resumes.
     *
     * @param checkpoints the checkpoint folder
     * @param data the training data of this run
     * @param resume whether this run resumes
     * @throws UsageException when resuming on data other than the checkpoint's
     * @throws IOException when the record cannot be read or written
     */
    static void match(Path checkpoints, DataFingerprint data, boolean resume) throws IOException {
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
        // a fresh run (--force over an earlier run's folder) starts over: the earlier checkpoint goes before the new
        // record is written, or an interruption before the first new checkpoint left the old weights beside this
        // data's record, and --resume then continued them on this data under its name
        Files.deleteIfExists(checkpoints.resolve(dev.augment.train.Checkpoints.LATEST));
        AtomicFiles.write(file, out -> out.write((line + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * After a fresh run failed before its first checkpoint, removes the record and the run's sample grids (and the
     * folder when that leaves it empty), so a failed run leaves nothing behind.
     *
     * @param checkpoints the checkpoint folder
     */
    static void forgetIfUnused(Path checkpoints) {
        try {
            if (!Files.exists(checkpoints.resolve("checkpoint.bin"))) {
                Files.deleteIfExists(checkpoints.resolve(FILE));
                dev.augment.train.GanTrainer.deleteSampleGrids(checkpoints);
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

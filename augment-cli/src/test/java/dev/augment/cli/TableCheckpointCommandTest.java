package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code augment train} on a CSV table with {@code --checkpoint-dir} and {@code --resume}. */
class TableCheckpointCommandTest {

    private static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");

    @Test
    void sixStepsThenAResumeToTwelveGenerateTheSameRowsAsTwelveStraight(@TempDir Path dir) throws IOException {
        Path checkpoints = dir.resolve("checkpoints");
        CliRun first = train(dir.resolve("half.onnx"), "--steps", "6", "--checkpoint-dir", checkpoints.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(Files.isRegularFile(checkpoints.resolve("checkpoint.bin")), "a checkpoint after the last round");
        assertTrue(first.out().contains("checkpoint in " + checkpoints), first.out());

        Path resumedModel = dir.resolve("resumed.onnx");
        CliRun resumed = train(resumedModel, "--steps", "12", "--checkpoint-dir", checkpoints.toString(), "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming after step 6 of 12"), resumed.out());

        Path straightModel = dir.resolve("straight.onnx");
        CliRun straight = train(straightModel, "--steps", "12");
        assertEquals(0, straight.exitCode(), straight.err());
        assertFalse(Files.exists(dir.resolve("straight.onnx.training")), "no checkpoint without --checkpoint-dir");

        assertEquals(Files.readString(generate(straightModel, dir.resolve("a"))),
                Files.readString(generate(resumedModel, dir.resolve("b"))),
                "the resumed run's generator writes other rows");
    }

    /** Table checkpoints had no lock: two runs on one folder wrote over each other's checkpoint (5 Dec). */
    @Test
    void aCheckpointFolderInUseByALiveRunIsRefused(@TempDir Path dir) throws Exception {
        Path checkpoints = Files.createDirectories(dir.resolve("c"));
        Path sleeper = Files.writeString(dir.resolve("Sleep.java"), "class Sleep { public static void main(String[] "
                + "a) throws Exception { Thread.sleep(60_000); } }");
        Process other = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx32m",
                sleeper.toString()).start();
        try {
            Files.writeString(checkpoints.resolve(CheckpointLock.FILE), CheckpointLock.host() + " " + other.pid()
                    + "\n");
            CliRun refused = train(dir.resolve("m.onnx"), "--steps", "2", "--checkpoint-dir", checkpoints.toString());
            assertEquals(2, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("is in use by another augment train (process " + other.pid()),
                    refused.err());
            assertFalse(Files.exists(checkpoints.resolve("checkpoint.bin")));
        } finally {
            other.destroy();
            other.waitFor();
        }
        CliRun after = train(dir.resolve("m.onnx"), "--steps", "2", "--checkpoint-dir", checkpoints.toString());
        assertEquals(0, after.exitCode(), "the dead process's lock is taken over: " + after.err());
        assertFalse(Files.exists(checkpoints.resolve(CheckpointLock.FILE)), "a finished run leaves no lock");
    }

    /** A fresh run into a folder holding an interrupted run's checkpoint overwrote it without a word. */
    @Test
    void aFreshRunDoesNotReplaceAnEarlierCheckpointUnlessForced(@TempDir Path dir) throws IOException {
        Path checkpoints = dir.resolve("c");
        assertEquals(0, train(dir.resolve("m.onnx"), "--steps", "2", "--checkpoint-dir", checkpoints.toString())
                .exitCode());
        byte[] before = Files.readAllBytes(checkpoints.resolve("checkpoint.bin"));
        CliRun again = train(dir.resolve("other.onnx"), "--steps", "4", "--checkpoint-dir", checkpoints.toString());
        assertEquals(2, again.exitCode(), again.err());
        assertTrue(again.err().contains("holds a checkpoint of an earlier run; continue it with --resume, or add "
                + "--force"), again.err());
        assertTrue(Arrays.equals(before, Files.readAllBytes(checkpoints.resolve("checkpoint.bin"))), "untouched");
        assertFalse(Files.exists(dir.resolve("other.onnx")));
        CliRun forced = train(dir.resolve("other.onnx"), "--steps", "4", "--checkpoint-dir", checkpoints.toString(),
                "--force");
        assertEquals(0, forced.exitCode(), forced.err());
    }

    @Test
    void aResumeWithOtherSettingsIsOneLineNamingTheOptions(@TempDir Path dir) {
        Path checkpoints = dir.resolve("c");
        assertEquals(0, train(dir.resolve("m.onnx"), "--steps", "2", "--checkpoint-dir", checkpoints.toString())
                .exitCode());
        CliRun run = train(dir.resolve("r.onnx"), "--steps", "4", "--checkpoint-dir", checkpoints.toString(),
                "--resume", "--lr-g", "1e-3");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--resume needs the checkpoint's settings, and these differ: --lr-g 2.0E-4 in "
                + "the checkpoint, 0.001 now"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(dir.resolve("r.onnx")));

        CliRun shorter = train(dir.resolve("r.onnx"), "--steps", "1", "--checkpoint-dir", checkpoints.toString(),
                "--resume");
        assertEquals(2, shorter.exitCode(), shorter.err());
        assertTrue(shorter.err().contains("--steps is 1 but the checkpoint already has 2 steps; ask for at least 2"),
                shorter.err());

        CliRun weight = train(dir.resolve("r.onnx"), "--steps", "4", "--checkpoint-dir", checkpoints.toString(),
                "--resume", "--aux-weight", "3");
        assertEquals(2, weight.exitCode(), weight.err());
        assertTrue(weight.err().matches("(?s).*--aux-weight [01]\\.0 in the checkpoint, 3\\.0 now \\(when not "
                + "given, the weight is chosen by the class-size rule\\).*"), weight.err());
    }

    @Test
    void aTruncatedCheckpointIsOneLineAndExitThree(@TempDir Path dir) throws IOException {
        Path checkpoints = dir.resolve("c");
        assertEquals(0, train(dir.resolve("m.onnx"), "--steps", "2", "--checkpoint-dir", checkpoints.toString())
                .exitCode());
        Path checkpoint = checkpoints.resolve("checkpoint.bin");
        byte[] bytes = Files.readAllBytes(checkpoint);
        Files.write(checkpoint, Arrays.copyOf(bytes, bytes.length - 100));
        CliRun run = train(dir.resolve("r.onnx"), "--steps", "4", "--checkpoint-dir", checkpoints.toString(),
                "--resume");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("augment: " + checkpoint + ": not a complete table GAN checkpoint"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(dir.resolve("r.onnx")));
    }

    @Test
    void resumeWithoutACheckpointFolderIsAUsageError(@TempDir Path dir) {
        CliRun run = train(dir.resolve("m.onnx"), "--steps", "2", "--resume");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--resume for a table needs --checkpoint-dir"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());

        Path empty = dir.resolve("empty");
        CliRun noCheckpoint = train(dir.resolve("m.onnx"), "--steps", "2", "--checkpoint-dir", empty.toString(),
                "--resume");
        assertEquals(2, noCheckpoint.exitCode(), noCheckpoint.err());
        assertEquals("augment: --resume needs a checkpoint, and " + empty.resolve("checkpoint.bin") + " does not exist; "
                + "start without --resume first", noCheckpoint.err().strip());
        assertEquals("", noCheckpoint.out().strip(), "refused before the table is read");
    }

    @Test
    void aCheckpointFolderThatCannotBeMadeIsRefusedBeforeTraining(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file, not a folder");
        CliRun run = train(dir.resolve("m.onnx"), "--steps", "2", "--checkpoint-dir",
                file.resolve("checkpoints").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--checkpoint-dir") && run.err().contains("is a file, not a folder"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(run.out().contains("step"), "refused before training: " + run.out());
        assertFalse(Files.exists(dir.resolve("m.onnx")));
    }

    @Test
    void aCheckpointFolderAtTheModelsOwnPathIsRefusedBeforeTraining(@TempDir Path dir) {
        Path model = dir.resolve("m.onnx");
        CliRun run = train(model, "--steps", "2", "--checkpoint-dir", model.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--checkpoint-dir and --out are both"), run.err());
        assertFalse(Files.exists(model), "nothing made at that path");
    }

    /** A run killed while exporting left a hidden half-written model beside --out that no later run deleted. */
    @Test
    void theNextRunDeletesAKilledRunsHalfWrittenModel(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.onnx");
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        String mine = dev.augment.io.KilledRunLeftovers.prefix("m.onnx");
        long pid = ProcessHandle.current().pid();
        Path killed = Files.writeString(dir.resolve(mine.replace("-" + pid + "-", "-" + finished.pid() + "-")
                + "42.tmp"), "half a model");
        CliRun run = train(model, "--steps", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(killed), "the killed run's temporary file is gone");
        try (var left = Files.list(dir)) {
            assertEquals(java.util.List.of(model), left.toList());
        }
    }

    private static CliRun train(Path model, String... more) {
        String[] args = {"train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(), "--seed",
                "3"};
        String[] all = Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return CliRun.of(all);
    }

    private static Path generate(Path model, Path out) {
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "20", "--format",
                "csv", "--seed", "5", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        return out.resolve("samples.csv");
    }
}

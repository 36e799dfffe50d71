package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.augment.cancel.CancellationToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code train --force} over an earlier run deleted that run's checkpoint and sample grids as it started, so a run
 * interrupted or failed before its own first checkpoint took them away though it wrote nothing, and then called the
 * checkpoint left (when it stopped earlier still) its own, "kept for --resume" (helpers o4 and o5, 6 Dec). The earlier
 * run is now set aside until the new run has a checkpoint of its own, and put back when it has none.
 */
class ForcedRunKeepsEarlierCheckpointTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    @TempDir
    Path dir;

    @Test
    void aForcedRunStoppedBeforeItsFirstCheckpointPutsTheEarlierRunBack() throws IOException {
        Path model = dir.resolve("g.onnx");
        Path checkpoints = dir.resolve("g.onnx.training");
        trainEarlierRun(model);
        Map<String, byte[]> earlier = files(checkpoints);
        assertTrue(earlier.containsKey("checkpoint.bin") && earlier.containsKey("samples-step-000002.png"),
                earlier.keySet().toString());

        // interrupted as the new run starts training, as a Ctrl-C would
        CancellationToken token = new CancellationToken();
        StringWriter err = cancellingOn("training mlp GAN", token);
        StringWriter out = cancellingOn("training mlp GAN", token);
        CommandLine cli = AugmentCli.create(new PrintWriter(out, true), new PrintWriter(err, true), token);
        int code = cli.execute("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "4", "--seed", "9",
                "--check-every", "2", "--check-samples", "0", "--batch-size", "20", "--force");
        assertEquals(ExitCodes.INTERRUPTED, code, err.toString());
        String line = err.toString().lines().filter(l -> l.startsWith("augment: ")).findFirst().orElse(err.toString());
        assertTrue(line.contains("the earlier run's checkpoint, in " + checkpoints + ", is kept as it was"), line);
        assertFalse(line.contains("kept for --resume"), line);
        Map<String, byte[]> after = files(checkpoints);
        assertEquals(earlier.keySet(), after.keySet());
        earlier.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));

        // a forced run that finishes replaces the earlier run and leaves nothing of it aside
        CliRun again = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "4", "--seed", "9",
                "--check-every", "4", "--check-samples", "0", "--batch-size", "20", "--force");
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(java.util.Set.of("checkpoint.bin", "samples-step-000004.png", "training-data.txt"),
                files(checkpoints).keySet());
    }

    /** A run killed before it settled what it set aside: the next run puts the earlier run back first. */
    @Test
    void whatAKilledRunSetAsideIsPutBackByTheNextRun() throws IOException {
        Path checkpoints = Files.createDirectories(dir.resolve("ck"));
        Files.writeString(checkpoints.resolve("checkpoint.bin"), "the earlier run's weights");
        Files.writeString(checkpoints.resolve("samples-step-000002.png"), "the earlier run's grid");
        CheckpointData.match(checkpoints, new dev.augment.data.DataFingerprint("ab".repeat(32), 500), false);
        Files.writeString(checkpoints.resolve("samples-step-000001.png"), "the killed run's grid");
        // killed here, before its first checkpoint; the next run resumes the earlier run on its own data
        CheckpointData.match(checkpoints, new dev.augment.data.DataFingerprint("cd".repeat(32), 700), true);
        assertEquals(java.util.Set.of("checkpoint.bin", "samples-step-000002.png"), files(checkpoints).keySet());
        assertEquals("the earlier run's weights", Files.readString(checkpoints.resolve("checkpoint.bin")));
    }

    /**
     * After a --force run killed before its first checkpoint, --resume was refused as "needs a checkpoint", while a
     * plain run said "continue it with --resume" (a re-check, 6 Dec): it resumes the earlier run.
     */
    @Test
    void aResumeAfterAKilledForcedRunContinuesTheEarlierRun() throws IOException {
        Path model = dir.resolve("r.onnx");
        Path checkpoints = dir.resolve("r.onnx.training");
        trainEarlierRun(model);
        byte[] earlier = Files.readAllBytes(checkpoints.resolve("checkpoint.bin"));
        // as a --force run killed after setting the earlier run aside, before its own first checkpoint, leaves it
        Path aside = Files.createDirectory(checkpoints.resolve(CheckpointData.EARLIER));
        for (String name : List.of("checkpoint.bin", "training-data.txt", "samples-step-000002.png")) {
            Files.move(checkpoints.resolve(name), aside.resolve(name));
        }
        Files.writeString(checkpoints.resolve("training-data.txt"), "ab".repeat(32) + " 7\n");

        CliRun resumed = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "4",
                "--check-every", "2", "--check-samples", "0", "--batch-size", "20", "--resume", "--force");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("resum") || resumed.out().contains("resum"), resumed.out() + resumed.err());
        assertFalse(Files.exists(aside), "settled");
        assertFalse(java.util.Arrays.equals(earlier, Files.readAllBytes(checkpoints.resolve("checkpoint.bin"))),
                "trained on from the earlier run's step 2");
    }

    /** Trains the earlier run: 2 steps, a checkpoint and a sample grid at step 2. */
    private static void trainEarlierRun(Path model) {
        CliRun first = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "2",
                "--check-every", "2", "--check-samples", "0", "--batch-size", "20");
        assertEquals(0, first.exitCode(), first.err());
    }

    /** @return a writer that cancels the token once what was written contains {@code text} */
    private static StringWriter cancellingOn(String text, CancellationToken token) {
        return new StringWriter() {
            @Override
            public void write(String written, int off, int len) {
                super.write(written, off, len);
                if (toString().contains(text)) {
                    token.cancel();
                }
            }
        };
    }

    /** @return every entry of the folder, hidden ones included, by name, with its bytes (folders: none) */
    private static Map<String, byte[]> files(Path folder) throws IOException {
        Map<String, byte[]> found = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.toList()) {
                found.put(entry.getFileName().toString(), Files.isRegularFile(entry) ? Files.readAllBytes(entry)
                        : new byte[0]);
            }
        }
        return found;
    }
}

package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@code augment train} on a table, stopped by SIGTERM (which, unlike SIGINT, reaches a child in any
 * environment) after its first checkpoint: it exits 143 promptly, exports nothing, leaves a complete checkpoint of
 * its last completed step (midway through a round, most likely) and no temporary file, and {@code --resume}
 * finishes the run from that step. Counted in epochs of batch 10 on 150 rows, a round is 15 steps, so the test
 * takes seconds.
 */
class TableInterruptionTest {

    private static final String CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv").toString();
    /** Steps per epoch, and so per round: 150 rows in batches of 10. */
    private static final int ROUND = 15;

    @Test
    void sigtermSavesTheLastCompletedStepAndResumeFinishesTheRunFromIt(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.onnx");
        Path checkpoints = dir.resolve("c");
        Path checkpoint = checkpoints.resolve("checkpoint.bin");
        ChildCli child = ChildCli.start(dir, List.of("-Xmx1g"), "train", "--data", CREDIT, "--label", "class",
                "--out", model.toString(), "--epochs", "100000", "--batch-size", "10", "--checkpoint-dir",
                checkpoints.toString());
        assertTrue(child.awaitCondition(() -> Files.exists(checkpoint), Duration.ofSeconds(300)),
                "no checkpoint appeared: " + child.err());

        child.signal("TERM");
        int code = child.waitFor(Duration.ofSeconds(30));

        assertEquals(143, code, child.err());
        assertTrue(child.stoppedItself(), child.err());
        assertFalse(Files.exists(model), "no model is exported from an interrupted run");
        Matcher at = Pattern.compile("interrupted while training the table GAN \\(step (\\d+) of 1500000\\); "
                + Pattern.quote(checkpoint.toString()) + " keeps step (\\d+) of 1500000; resume from it; the output "
                + "was not written\n").matcher(child.err());
        assertTrue(at.find(), child.err());
        int saved = Integer.parseInt(at.group(2));
        assertEquals(Integer.parseInt(at.group(1)) - 1, saved, "the checkpoint keeps the step before the one stopped");
        try (var files = Files.list(checkpoints)) {
            assertEquals(List.of(checkpoint), files.toList(), "only the complete checkpoint is left");
        }

        int epochs = saved / ROUND + 1;
        CliRun resumed = CliRun.of("train", "--data", CREDIT, "--label", "class", "--out", model.toString(),
                "--epochs", Integer.toString(epochs), "--batch-size", "10", "--checkpoint-dir", checkpoints.toString(),
                "--resume");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("resuming after step " + saved + " of " + epochs * ROUND), resumed.out());
        assertTrue(Files.exists(model));
    }
}

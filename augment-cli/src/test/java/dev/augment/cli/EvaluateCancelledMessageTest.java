package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interrupted {@code evaluate} says that it wrote nothing, wherever it stopped: a stop inside a step whose own
 * message did not say so ("interrupted while reading …", "… training logistic (seed 42)") left the user to guess.
 */
class EvaluateCancelledMessageTest {

    @TempDir
    Path dir;

    @Test
    void aStopBeforeTheFirstStepSaysNothingWasWrittenToOut() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Path report = dir.resolve("report");
        CommandLine cli = AugmentCli.create(new PrintWriter(out, true), new PrintWriter(err, true), token);
        cli.execute("evaluate", "--train", "../datasets/fashion-mnist-sample", "--test",
                "../datasets/fashion-mnist-sample", "--scenario", "low-data", "--per-class", "5", "--gan-epochs", "1",
                "--seeds", "2", "--out", report.toString());
        String line = err.toString();
        assertTrue(line.contains("augment: interrupted while "), line);
        assertTrue(line.strip().endsWith("; nothing was written to " + report), line);
        assertFalse(Files.exists(report), "no report");
    }
}

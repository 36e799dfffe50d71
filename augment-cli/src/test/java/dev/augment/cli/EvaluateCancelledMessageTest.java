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

    @Test
    void aStopInsideATableGansTrainingSaysNothingWasWrittenToOut() {
        CancellationToken token = new CancellationToken();
        StringWriter out = new StringWriter();
        // the stop comes as the first seed's table GAN starts, as a Ctrl-C would
        StringWriter err = new StringWriter() {
            @Override
            public void write(String text, int off, int len) {
                super.write(text, off, len);
                if (toString().contains("training the table GAN")) {
                    token.cancel();
                }
            }
        };
        PrintWriter cancelling = new PrintWriter(err, true);
        Path report = dir.resolve("table-report");
        CommandLine cli = AugmentCli.create(new PrintWriter(out, true), cancelling, token);
        int code = cli.execute("evaluate", "--data", "../datasets/tabular-sample/glass.csv", "--label", "Type",
                "--trainer", "logistic", "--seeds", "1", "--gan-steps", "50", "--out", report.toString());
        String line = err.toString().lines().filter(l -> l.startsWith("augment: ")).findFirst().orElse(err.toString());
        assertTrue(code == ExitCodes.INTERRUPTED, err.toString());
        assertTrue(line.contains("augment: interrupted while "), line);
        assertTrue(line.strip().endsWith("; nothing was written to " + report), line);
        assertFalse(Files.exists(report), "no report");
    }
}

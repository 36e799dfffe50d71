package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the real process writes to standard output. A report written to standard output that cannot take it
 * ({@code inspect > /dev/full}, as on a full disk) ended with exit 0 and an empty file: Java's {@code System.out}
 * swallows write errors. A fresh user's find.
 */
class StandardOutputTest {

    @TempDir
    Path dir;

    @Test
    void aReportThatCannotBeWrittenToStandardOutputIsExitOneNamingTheCause() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full here");
        ChildCli run = ChildCli.startWithOutput(dir, full, List.of(), "inspect", "--model",
                Path.of("..", "models", "fashion-mnist.onnx").toString(), "--json");
        assertEquals(1, run.waitFor(Duration.ofMinutes(2)), run.err());
        assertTrue(run.err().contains("augment: standard output could not be written (No space left on device)"),
                run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    /**
     * Under a German locale inspect printed "score 1,128" beside "0.0 .. 255.0", and under an Arabic one generate
     * printed "wrote ٣ samples" (fresh users' finds).
     */
    @Test
    void numbersReadTheSameInEveryLocale() throws Exception {
        Path file = dir.resolve("inspect.txt");
        ChildCli run = ChildCli.startWithOutput(dir, file.toFile(), List.of("-Duser.language=de", "-Duser.country=DE"),
                "inspect", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString());
        assertEquals(0, run.waitFor(Duration.ofMinutes(2)), run.err());
        String text = Files.readString(file);
        assertTrue(text.contains("score 1.128, meanLabelConsistency 0.878"), text);

        Path log = dir.resolve("generate.txt");
        ChildCli generate = ChildCli.startWithOutput(dir, log.toFile(), List.of("-Duser.language=ar",
                "-Duser.country=EG"), "generate", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(),
                "--class", "all", "--n", "3", "--out", dir.resolve("out").toString());
        assertEquals(0, generate.waitFor(Duration.ofMinutes(2)), generate.err());
        assertTrue(Files.readString(log).matches("(?s)wrote 30 samples to .* in [0-9]+\\.[0-9] s, [0-9]+ samples/s\\s*"),
                Files.readString(log));
    }

    /** generate's result is its --out: stdout held progress lines only, so a closed one is a note, not exit 1. */
    @Test
    void aCommandThatWritesItsResultToOutOnlyNotesAnUnwritableStandardOutput() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full here");
        Path out = dir.resolve("out");
        ChildCli run = ChildCli.startWithOutput(dir, full, List.of(), "generate", "--model",
                Path.of("..", "models", "fashion-mnist.onnx").toString(), "--class", "all", "--n", "2", "--out",
                out.toString());
        assertEquals(0, run.waitFor(Duration.ofMinutes(2)), run.err());
        assertTrue(run.err().contains("augment: note: standard output could not be written (No space left on device); "
                + "it held progress lines only, and what --out names is complete"), run.err());
        assertTrue(Files.isRegularFile(out.resolve("classes.csv")), "the output is in place");
    }

    /** The help or version text is the whole result: into a full stdout it was exit 0 (a fresh user, 6 Dec). */
    @Test
    void helpOrVersionThatCannotBeWrittenIsExitOne() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full here");
        // augment help [COMMAND] as well (a re-check, 7 Dec: exit 0, "it held progress lines only")
        for (List<String> args : List.of(List.of("--help"), List.of("--version"), List.of("generate", "--help"),
                List.of("help"), List.of("help", "generate"))) {
            ChildCli run = ChildCli.startWithOutput(dir, full, List.of(), args.toArray(String[]::new));
            assertEquals(1, run.waitFor(Duration.ofMinutes(2)), args + ": " + run.err());
            assertTrue(run.err().contains("augment: standard output could not be written (No space left on device)"),
                    run.err());
        }
    }

    @Test
    void theSameReportToAFileIsExitZero() throws Exception {
        Path file = dir.resolve("inspect.json");
        ChildCli run = ChildCli.startWithOutput(dir, file.toFile(), List.of(), "inspect", "--model",
                Path.of("..", "models", "fashion-mnist.onnx").toString(), "--json");
        assertEquals(0, run.waitFor(Duration.ofMinutes(2)), run.err());
        assertTrue(Files.readString(file).contains("\"classes\""), Files.readString(file));
    }
}

package dev.augment.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.augment.cli.AugmentMain;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * augment's own commands started through this module's entry point run as {@code ./augment} runs them: a report into a
 * full stdout exited 0 without a word from {@code augment-spark/augment} alone (a fresh user, 6 Dec).
 */
class AugmentSparkMainTest {

    @Test
    void augmentsOwnCommandsKeepItsStandardOutputCheck(@TempDir Path dir) throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full here");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), AugmentSparkMain.class.getName(), "inspect", "--model",
                Path.of("..", "models", "fashion-mnist.onnx").toAbsolutePath().toString())
                .directory(dir.toFile()).redirectOutput(full).start();
        String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(2, TimeUnit.MINUTES), err);
        assertEquals(1, run.exitValue(), err);
        assertTrue(err.contains("augment: standard output could not be written (No space left on device)"), err);
    }

    /** Help and version text through this entry point were exit 0 into a full stdout (a re-check, 6 Dec). */
    @Test
    void helpAndVersionTextIntoAFullStandardOutputIsExitOne(@TempDir Path dir) throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "no /dev/full here");
        List<List<String>> runs = List.of(List.of("--help"), List.of("spark-generate", "--help"), List.of("--version"));
        for (List<String> args : runs) {
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                    "java").toString(), "-cp", System.getProperty("java.class.path"),
                    AugmentSparkMain.class.getName()));
            command.addAll(args);
            Process run = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(full).start();
            String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(run.waitFor(2, TimeUnit.MINUTES), err);
            assertEquals(1, run.exitValue(), args + ": " + err);
            assertTrue(err.contains("augment: standard output could not be written"), err);
        }
    }

    @Test
    void theCommandWordIsTheFirstArgumentThatIsNoOption() {
        assertEquals("spark-generate", AugmentMain.commandWord(new String[] {"--verbose", "spark-generate"}));
        assertEquals("", AugmentMain.commandWord(new String[] {"--help"}));
        assertEquals("inspect", AugmentMain.commandWord(List.of("inspect", "--json").toArray(String[]::new)));
    }
}

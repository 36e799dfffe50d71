package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM prints its thread dump on SIGQUIT (Ctrl-\) to standard output, where it went into a
 * {@code score > report.json} that the run then finished with exit 0 (a fresh user, 7 Dec); the launcher sends the
 * JVM's own output to standard error.
 */
class LauncherThreadDumpTest {

    @Test
    void javaIsStartedWithItsOwnOutputOnStandardError(@TempDir Path home) throws Exception {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", "for a in \"$@\"; do echo \"arg: $a\"; done\n");
        Process process = LauncherSandbox.start(launcher, bin, "score", "--model", "m.onnx");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        int option = output.indexOf("arg: -XX:+DisplayVMOutputToStderr\n");
        int mainClass = output.indexOf("arg: dev.augment.cli.AugmentMain\n");
        assertTrue(option >= 0 && mainClass > option, output);
    }
}

package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * SIGINT sent to the {@code ./augment} launcher itself (kill -INT on its process, as bad input 22's script does)
 * while it builds or checks: bash waited for that child, then ignored the signal and started java, so the command
 * ran to the end and reported success. The launcher now stops the build and exits 130 without starting java.
 */
class LauncherSignalTest {

    @Test
    void sigintDuringTheLaunchersBuildStopsItAndExits130WithoutStartingJava(@TempDir Path home) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        InterruptionTest.assumeSignalReachesChildren("INT");
        Path launcher = LauncherSandbox.launcher(home);
        // the build stands in for Maven: it takes 30 s, then writes the jar
        Path bin = LauncherSandbox.standIns(home, "sleep 30 >/dev/null 2>&1\n", "echo ran\n");
        Process process = LauncherSandbox.start(launcher, bin, "--version");
        Thread.sleep(1000);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start();
        assertEquals(0, kill.waitFor());

        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the build was stopped, not waited for");
        assertEquals(130, process.exitValue(), output);
        assertFalse(output.contains("ran"), "java was not started: " + output);
        assertTrue(output.contains("augment: interrupted before the command started"), "says so: " + output);
        assertFalse(Files.exists(home.resolve("augment-cli/target/augment-cli.jar")), "the build did not finish");
    }
}

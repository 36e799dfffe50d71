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
 * ran to the end and reported success. The launcher now exits 130 without starting java.
 */
class LauncherSignalTest {

    @Test
    void sigintDuringTheLaunchersBuildExits130WithoutStartingJava(@TempDir Path home) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        InterruptionTest.assumeSignalReachesChildren("INT");
        Files.copy(Path.of("..", "augment"), home.resolve("augment"));
        Files.createDirectories(home.resolve("augment-cli/src/main"));
        Files.writeString(home.resolve("pom.xml"), "");
        Files.writeString(home.resolve("augment-cli/pom.xml"), "");
        Files.createDirectories(home.resolve("augment-cli/target/lib"));
        Path bin = Files.createDirectories(home.resolve("bin"));
        // the build stands in for Maven: it takes 3 s and writes a whole (empty) zip as the jar
        Path mvn = Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nsleep 3\nprintf 'PK\\005\\006"
                + "\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0' > augment-cli/target/augment-cli.jar\n");
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho ran\n");
        assertTrue(mvn.toFile().setExecutable(true) && java.toFile().setExecutable(true));
        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("augment").toString(), "--version");
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        Process launcher = builder.redirectErrorStream(true).start();
        Thread.sleep(1000);
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start();
        assertEquals(0, kill.waitFor());

        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
        assertEquals(130, launcher.exitValue(), output);
        assertFalse(output.contains("ran"), "java was not started: " + output);
    }
}

package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under an {@code LC_ALL} of a locale that is not installed, bash warns once as it starts; the launcher's own
 * {@code LC_ALL=C} prefixes made it warn again each time it restored the user's value, 76 lines before every command (a
 * fresh user, 6 Dec).
 */
class LauncherLocaleWarningTest {

    @Test
    void aMissingLocaleIsWarnedOfOnceByBashAndNotAgainByTheLauncher(@TempDir Path home) throws Exception {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", "echo java ran\n");
        // the libraries the build lists, each a whole (empty) zip the launcher checks: a warning each, before
        byte[] emptyZip = {'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        for (String jar : List.of("a.jar", "b.jar", "c.jar")) {
            java.nio.file.Files.write(home.resolve("augment-cli/target/lib").resolve(jar), emptyZip);
        }
        java.nio.file.Files.writeString(home.resolve("augment-cli/target/lib.list"), "lib/a.jar:lib/b.jar:lib/c.jar");
        run(launcher, bin); // builds the jar (the stand-in's), which the second run checks too
        String output = run(launcher, bin);
        assertTrue(output.contains("java ran"), output);
        assertTrue(output.lines().filter(line -> line.contains("setlocale")).count() <= 1, output);
    }

    private static String run(Path launcher, Path bin) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", launcher.toString(), "--version"));
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        builder.environment().put("LC_ALL", "xx_XX.UTF-8");
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}

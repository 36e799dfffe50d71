package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a low open-file limit the JVM could not open augment's library jars and ended in a NoClassDefFoundError and a
 * stack trace that read as a broken install (helper m10, 6 Dec): the launcher names the limit before it starts Maven
 * or Java.
 */
class LauncherOpenFilesTest {

    @Test
    void aLowOpenFileLimitIsNamedBeforeJavaStarts(@TempDir Path home) throws Exception {
        Output run = launchUnderLimit(home, 100);
        assertEquals(1, run.exit(), run.text());
        assertEquals("augment: the open-file limit (ulimit -n) is 100, and Java alone keeps 74 library jars open; "
                + "raise it (e.g. ulimit -n 4096) and run again", run.text().strip());
    }

    @Test
    void anOrdinaryLimitStartsJava(@TempDir Path home) throws Exception {
        Output run = launchUnderLimit(home, 1024);
        assertEquals(0, run.exit(), run.text());
        assertTrue(run.text().contains("java started"), run.text());
    }

    /** On a fresh clone, before the first build, lib/ does not exist: the count failed and ended the launcher. */
    @Test
    void aFreshCloneWithoutLibrariesStillBuildsAndStarts(@TempDir Path home) throws Exception {
        LauncherSandbox.launcher(home);
        java.nio.file.Files.delete(home.resolve("augment-cli/target/lib"));
        Output run = launchUnderLimit(home, 1024);
        assertEquals(0, run.exit(), run.text());
        assertTrue(run.text().contains("augment: building the command line") && run.text().contains("java started"),
                run.text());
    }

    /** A copy of the launcher (cp augment ~/bin) failed with bash's "No such file or directory" (helper h10, 6 Dec). */
    @Test
    void aCopiedLauncherSaysToLinkItInstead(@TempDir Path dir) throws Exception {
        Path copy = java.nio.file.Files.copy(Path.of("..", "augment"), dir.resolve("augment"));
        Process process = new ProcessBuilder(List.of("bash", copy.toString(), "--version")).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals(1, process.exitValue(), output);
        assertEquals("augment: " + dir.toRealPath() + " is not augment's checkout (this launcher is a copy?); run the "
                + "checkout's ./augment, or link to it instead of copying: ln -s /path/to/augment/augment "
                + "~/bin/augment", output.strip());
        assertEquals(List.of("augment"), java.nio.file.Files.list(dir).map(p -> p.getFileName().toString()).toList(),
                "nothing is left beside the copy");
    }

    private record Output(int exit, String text) {
    }

    /** Runs the launcher (no library jars yet, so the 74 a build copies count) under {@code ulimit -n limit}. */
    private static Output launchUnderLimit(Path home, int limit) throws IOException, InterruptedException {
        Path launcher = java.nio.file.Files.exists(home.resolve("augment")) ? home.resolve("augment")
                : LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", "echo 'java started'\n");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", "-c",
                "ulimit -n " + limit + " && exec bash \"$0\" --version", launcher.toString()));
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        return new Output(process.exitValue(), output);
    }
}

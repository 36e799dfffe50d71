package dev.augment.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The launcher checks {@code AUGMENT_JAVA_OPTS} before it starts Java: {@code -version} or {@code --dry-run} there
 * ended a generate with exit 0 and nothing done, and a quoted {@code "-Xmx3g"} gave the JVM's "Could not find or load
 * main class" (a fresh user, 6 Dec); an augment option there ({@code --class all}) gave the JVM's three lines (a
 * re-check, 6 Dec). Run on a copy of the launcher whose Java is a stand-in.
 */
class LauncherJavaOptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"-version", "--dry-run", "-Xmx2g -X", "-cp /elsewhere", "\"-Xmx3g\"", "junk",
            "-Xmx3g junk", "--class all", "-Xmx3g --class=all"})
    void aWordJavaWouldNotRunAugmentWithIsRefusedInOneLineBeforeJavaStarts(String options, @TempDir Path home)
            throws Exception {
        Result result = run(home, options);
        assertEquals(2, result.exitCode(), result.output());
        assertFalse(result.output().contains("java ran"), result.output());
        assertEquals(1, result.output().lines().count(), result.output());
        assertTrue(result.output().startsWith("augment: AUGMENT_JAVA_OPTS holds '"), result.output());
    }

    /** A temporary folder with a space in its path was refused without the README's fix, TMPDIR (a fresh user). */
    @org.junit.jupiter.api.Test
    void aValueWithASpaceIsSaidToBeSplitAndATemporaryFolderSentToTmpdir(@TempDir Path home) throws Exception {
        Result tmp = run(java.nio.file.Files.createDirectories(home.resolve("a")), "-Djava.io.tmpdir=/data/tmp dir");
        assertEquals(2, tmp.exitCode(), tmp.output());
        assertTrue(tmp.output().contains("AUGMENT_JAVA_OPTS is split at spaces, so '-Djava.io.tmpdir=/data/tmp dir' "
                + "cannot be given there; a temporary folder whose path holds a space goes in TMPDIR, e.g. "
                + "TMPDIR=\"/data/tmp dir\""), tmp.output());
        Result other = run(java.nio.file.Files.createDirectories(home.resolve("b")), "-Dsome.path=/a b");
        assertEquals(2, other.exitCode(), other.output());
        assertTrue(other.output().contains("so a value with a space ('-Dsome.path=/a b') cannot be given there"),
                other.output());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-Xmx3g -Dx=1", "--add-opens java.base/java.lang=ALL-UNNAMED", "-showversion",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED --enable-preview"})
    void javaOptionsReachJavaAfterTheDefaults(String options, @TempDir Path home) throws Exception {
        Result result = run(home, options);
        assertEquals(0, result.exitCode(), result.output());
        String args = result.output().lines().filter(l -> l.startsWith("java ran")).findFirst().orElseThrow();
        assertTrue(args.contains(" " + options + " "), args);
        assertTrue(args.indexOf("-Xmx2560m") < args.indexOf(options), "after the default heap: " + args);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path home, String options) throws IOException, InterruptedException {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", "echo \"java ran $*\"\n");
        ProcessBuilder builder = new ProcessBuilder(java.util.List.of("bash", launcher.toString(), "--version"));
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        builder.environment().put("AUGMENT_JAVA_OPTS", options);
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        return new Result(process.exitValue(), output);
    }
}

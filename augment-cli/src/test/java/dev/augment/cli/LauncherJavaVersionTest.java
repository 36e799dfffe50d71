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

/**
 * The launcher reads the version of the Java on PATH from its release file: a Java older than 17 is refused in one
 * line, and on 24 and later the JVM's native-access and sun.misc.Unsafe warnings are turned off (a fresh user with
 * Temurin 25 saw eight of them above every command's output, 6 Dec).
 */
class LauncherJavaVersionTest {

    @Test
    void anOldJavaIsRefusedAndANewOneRunsWithoutItsWarnings(@TempDir Path home) throws Exception {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", "echo \"java $*\"\n");
        Path release = home.resolve("release"); // beside bin/, as in a JDK's home
        Files.writeString(release, "JAVA_VERSION=\"11.0.2\"\n");
        String old = run(launcher, bin);
        assertTrue(old.contains("augment: needs Java 17 or later, but " + bin.resolve("java") + " is Java 11.0.2"),
                old);
        assertFalse(old.contains("java -Xmx"), "java was not started: " + old);
        Files.writeString(release, "JAVA_VERSION=\"25.0.1\"\n");
        String recent = run(launcher, bin);
        // the console is UTF-8 on every version (class names printed as "??" under ISO-8859-1, 6 Dec)
        String utf8 = "java -Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8 -Dstdout.encoding=UTF-8 "
                + "-Dstderr.encoding=UTF-8 ";
        assertTrue(recent.contains(utf8 + "--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow "
                + "-Xmx"), recent);
        Files.writeString(release, "JAVA_VERSION=\"17.0.15\"\n");
        String seventeen = run(launcher, bin);
        assertTrue(seventeen.contains(utf8 + "-Xmx2560m"), seventeen);
    }

    /**
     * A version manager's shim (asdf, jenv) has no release file beside it: the launcher asks the JVM instead (a
     * re-check, 6 Dec), before any build.
     */
    @Test
    void aShimWithoutAReleaseFileIsAskedForItsVersion(@TempDir Path home) throws Exception {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "echo built\n", "if [ \"$1\" = -XshowSettings:properties ]; then "
                + "echo '    java.specification.version = 11' >&2; fi\necho \"java $*\"\n");
        Files.delete(home.resolve("augment-cli/target/lib")); // the jar would be built: the check comes first
        String out = run(launcher, bin);
        assertTrue(out.contains("augment: needs Java 17 or later, but " + bin.resolve("java") + " is Java 11"), out);
        assertFalse(out.contains("built"), "no build with a Java that cannot build: " + out);
    }

    private static String run(Path launcher, Path bin) throws Exception {
        Process process = LauncherSandbox.start(launcher, bin, "--version");
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the launcher finished");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(out.contains("needs Java 17") ? 1 : 0, process.exitValue(), out);
        return out;
    }
}

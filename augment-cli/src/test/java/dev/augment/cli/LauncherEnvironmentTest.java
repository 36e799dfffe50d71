package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The launcher against its environment: fresh users' finds of 7 Dec. */
class LauncherEnvironmentTest {

    private static final String PRINT_ARGS = "for a in \"$@\"; do echo \"arg: $a\"; done\n";

    /** -Xlog:gc and -verbose:gc wrote to standard output, into `inspect --json > x.json`, which then did not parse. */
    @Test
    void javaLoggingGoesToStandardError(@TempDir Path home) throws Exception {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", PRINT_ARGS);
        String out = run(List.of("bash", launcher.toString(), "models"), bin, home,
                "-Xlog:gc -verbose:gc -Xlog:gc*:file=gc.log -Xlog:safepoint=info -Xlog:gc::uptime -Xlog:async "
                + "-XX:+PrintGCDetails -verbose:class");
        assertTrue(out.contains("arg: -Xlog:disable\narg: -Xlog:all=warning:stderr\n"), out);
        assertEquals(2, out.split("arg: -Xlog:gc:stderr\n", -1).length - 1, out);
        assertTrue(out.contains("arg: -Xlog:gc*:file=gc.log\n"), "an output given is kept: " + out);
        assertTrue(out.contains("arg: -Xlog:safepoint=info:stderr\n"), out);
        assertFalse(out.contains("arg: -verbose:gc\n"), out);
        // a re-check's forms: an empty output field, a mode, the older flags (7 Dec)
        assertTrue(out.contains("arg: -Xlog:gc:stderr:uptime\n"), out);
        assertTrue(out.contains("arg: -Xlog:async\n"), out);
        assertTrue(out.contains("arg: -Xlog:gc*:stderr\n"), out);
        assertTrue(out.contains("arg: -Xlog:class+load=info,class+unload=info:stderr\n"), out);
    }

    /** -verbose:jni and -verbose:module have no one -Xlog form: refused, as their lines went into results. */
    @Test
    void verboseFormsWithoutAnXlogFormAreRefused(@TempDir Path home) throws Exception {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", PRINT_ARGS);
        String out = run(List.of("bash", launcher.toString(), "models"), bin, home, "-verbose:jni");
        assertTrue(out.startsWith("augment: AUGMENT_JAVA_OPTS holds '-verbose:jni', which writes to standard output"),
                out);
        assertFalse(out.contains("arg: "), out);
    }

    /** Run as `sh ./augment`, dash failed with "set: Illegal option -o pipefail". */
    @Test
    void runByShItRunsUnderBash(@TempDir Path home) throws Exception {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", PRINT_ARGS);
        String out = run(List.of("sh", launcher.toString(), "models"), bin, home, "");
        assertTrue(out.contains("arg: dev.augment.cli.AugmentMain\narg: models\n"), out);
    }

    /**
     * From a folder whose name is not UTF-8, Java read it lossily, and a relative --out became a new folder beside it,
     * named with U+FFFD, where the outputs went with "wrote" and exit 0.
     */
    @Test
    void aCurrentFolderWhoseNameIsNotUtf8IsRefusedBeforeJava(@TempDir Path home) throws Exception {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", PRINT_ARGS);
        // a Latin-1 'é' (byte E9), made by the shell: Java cannot name it
        Process mkdir = new ProcessBuilder("bash", "-c", "mkdir \"$1\"/$'caf\\xe9'", "-", home.toString()).start();
        assertEquals(0, mkdir.waitFor());
        List<String> command = List.of("bash", "-c", "cd \"$1\"/$'caf\\xe9' && bash \"$2\" models", "-",
                home.toString(), launcher.toString());
        String out = run(command, bin, home, "");
        assertTrue(out.startsWith("augment: the current folder's path is not UTF-8"), out);
        assertFalse(out.contains("arg: "), "java never started: " + out);
    }

    private static String run(List<String> command, Path bin, Path home, String javaOpts) throws IOException,
            InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        builder.environment().put("AUGMENT_JAVA_OPTS", javaOpts);
        builder.directory(home.toFile());
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), out);
        return out;
    }
}

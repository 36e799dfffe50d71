package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The note under a virtual-memory limit ({@code ulimit -v}): {@code train} died in PyTorch's native code (exit 134,
 * no line) under a limit the note let pass, one set for Java alone; and a heap of 256 MB was advised {@code -Xmx512m}
 * (a re-check, 7 Dec). Run on a copy of the launcher whose Java is a stand-in, in a shell that set the limit.
 */
class LauncherAddressSpaceTest {

    @Test
    void theCommandsThatLoadPyTorchAreToldOfItsAddressSpace(@TempDir Path home) throws Exception {
        // 4 800 000 KB = 4 687 MB: above the 4 608 MB Java needs with its default heap of 2 560 MB, below the 5 120 MB
        // with PyTorch
        String train = run(Files.createDirectories(home.resolve("a")), 4_800_000, null, "train", "--steps", "1");
        assertTrue(train.contains("augment: note: the virtual memory limit (ulimit -v) is 4687 MB, and Java needs "
                + "about "
                + "5120 MB of address space for a 2560 MB heap and the PyTorch that train loads"), train);
        assertTrue(train.contains("java ran"), "a note, not a refusal: " + train);
        // a JVM that cannot start under the limit wrote hs_err_pid*.log into the user's folder (a re-check, 7 Dec)
        assertTrue(train.contains(" -XX:ErrorFile=" + System.getenv().getOrDefault("TMPDIR", "/tmp")
                + "/augment-hs_err_pid%p.log "), train);
        String generate = run(Files.createDirectories(home.resolve("b")), 4_800_000, null, "generate", "--n", "1");
        assertFalse(generate.contains("note: the virtual memory limit"), generate);
        String bench = run(Files.createDirectories(home.resolve("c")), 4_800_000, null, "--verbose", "bench");
        assertTrue(bench.contains("the PyTorch that bench loads"), "the command after an option: " + bench);
        // score's CNN judge loads PyTorch too (a re-check, 7 Dec)
        String score = run(Files.createDirectories(home.resolve("d")), 4_800_000, null, "score");
        assertTrue(score.contains("the PyTorch that score loads"), score);
    }

    @Test
    void aSmallerHeapIsAdvisedOnlyWhereItIsSmallerThanTheUsers(@TempDir Path home) throws Exception {
        // the user's heap is kept, and the class space named, which alone fits the run (a re-check, 7 Dec)
        String small = run(Files.createDirectories(home.resolve("a")), 2_000_000, "-Xmx256m", "generate");
        assertTrue(small.contains("Java needs about 2304 MB of address space for a 256 MB heap; if it cannot start, "
                + "raise the limit or reserve less, e.g. AUGMENT_JAVA_OPTS=\"-Xmx256m -XX:CompressedClassSpaceSize=64m"
                + "\""), small);
        assertFalse(small.contains("-Xmx512m"), small);
        String large = run(Files.createDirectories(home.resolve("b")), 2_000_000, null, "generate");
        assertTrue(large.contains("or reserve less, e.g. AUGMENT_JAVA_OPTS=\"-Xmx512m -XX:CompressedClassSpaceSize="
                + "64m\""), large);
        // with the class space given, the estimate counts it: no note where the run fits
        String fits = run(Files.createDirectories(home.resolve("c")), 2_000_000,
                "-Xmx256m -XX:CompressedClassSpaceSize=64m", "generate");
        assertFalse(fits.contains("note: the virtual memory limit"), fits);
    }

    private static String run(Path home, long limitKb, String javaOptions, String... args)
            throws IOException, InterruptedException {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", "echo \"java ran $*\"\n");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", "-c",
                "ulimit -v " + limitKb + " && exec bash \"$0\" \"$@\"", launcher.toString()));
        command.addAll(java.util.List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        if (javaOptions != null) {
            builder.environment().put("AUGMENT_JAVA_OPTS", javaOptions);
        } else {
            builder.environment().remove("AUGMENT_JAVA_OPTS");
        }
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}

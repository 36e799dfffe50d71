package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code ./augment} launcher raises glibc's malloc thresholds for java (PyTorch's per-step tensors otherwise
 * fault in fresh pages every step: README "Memory allocator settings") and caps its arenas at two, keeping each key
 * a user's own {@code GLIBC_TUNABLES} sets.
 */
class LauncherMallocTest {

    private static final String OURS = "glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296"
            + ":glibc.malloc.arena_max=2";

    @Test
    void withoutGlibcTunablesJavaGetsTheRaisedThresholds(@TempDir Path home) throws Exception {
        assertEquals("tunables=[" + OURS + "]", tunablesJavaSaw(home, null));
    }

    @Test
    void anEmptyGlibcTunablesIsReplacedByTheRaisedThresholds(@TempDir Path home) throws Exception {
        assertEquals("tunables=[" + OURS + "]", tunablesJavaSaw(home, ""));
    }

    @Test
    void aUsersTunablesOfAnotherKindAreKeptAndTheThresholdsAdded(@TempDir Path home) throws Exception {
        assertEquals("tunables=[glibc.cpu.hwcaps=-AVX512F:" + OURS + "]",
                tunablesJavaSaw(home, "glibc.cpu.hwcaps=-AVX512F"));
    }

    @Test
    void aUsersOwnMallocThresholdIsLeftAsItIsAndTheOtherKeysAdded(@TempDir Path home) throws Exception {
        assertEquals("tunables=[glibc.malloc.trim_threshold=131072:glibc.malloc.mmap_threshold=33554432"
                        + ":glibc.malloc.arena_max=2]", tunablesJavaSaw(home, "glibc.malloc.trim_threshold=131072"));
    }

    @Test
    void aUsersOwnArenaCountIsLeftAsItIs(@TempDir Path home) throws Exception {
        assertEquals("tunables=[glibc.malloc.arena_max=8:glibc.malloc.mmap_threshold=33554432"
                        + ":glibc.malloc.trim_threshold=4294967296]", tunablesJavaSaw(home, "glibc.malloc.arena_max=8"));
    }

    @Test
    void aKeyThatOnlyEndsLikeOursDoesNotCountAsOurs(@TempDir Path home) throws Exception {
        assertEquals("tunables=[my.glibc.malloc.arena_max=4:" + OURS + "]",
                tunablesJavaSaw(home, "my.glibc.malloc.arena_max=4"));
    }

    /** Runs the launcher with a Java stand-in that prints the GLIBC_TUNABLES it was started with. */
    private static String tunablesJavaSaw(Path home, String userTunables) throws IOException, InterruptedException {
        Path launcher = LauncherSandbox.launcher(home);
        Path bin = LauncherSandbox.standIns(home, "", "echo \"tunables=[$GLIBC_TUNABLES]\"\n");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", launcher.toString(), "--version"));
        builder.environment().put("PATH", bin + ":" + builder.environment().get("PATH"));
        builder.environment().remove("GLIBC_TUNABLES");
        if (userTunables != null) {
            builder.environment().put("GLIBC_TUNABLES", userTunables);
        }
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return output.lines().filter(line -> line.startsWith("tunables=")).findFirst().orElse(output);
    }
}

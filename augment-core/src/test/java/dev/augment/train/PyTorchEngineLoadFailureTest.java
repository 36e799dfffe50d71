package dev.augment.train;

import dev.augment.errors.EnvironmentException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under {@code ulimit -v}, PyTorch's library fails to map ("failed to map segment from shared object"), and the line
 * sent the user to DJL's cache folder, which was fine (a re-check, 7 Dec). It now names the limit.
 */
class PyTorchEngineLoadFailureTest {

    private static final String MAP_FAILURE = "/root/.djl.ai/pytorch/2.7.1-20250812-cpu-linux-x86_64/libtorch_cpu.so:"
            + " failed to map segment from shared object";

    @Test
    void aMappingRefusedUnderAnAddressSpaceLimitNamesTheLimitNotTheCache() {
        EnvironmentException e = PyTorchEngine.loadFailure(new IllegalStateException("load failed",
                new UnsatisfiedLinkError(MAP_FAILURE)), Optional.of("4394 MB"));
        assertTrue(e.getMessage().contains("under its address-space limit of 4394 MB (ulimit -v)")
                && e.getMessage().contains("-XX:CompressedClassSpaceSize=64m\")"), e.getMessage());
        assertFalse(e.getMessage().contains("DJL_CACHE_DIR"), e.getMessage());
        // another load failure keeps the cache advice
        EnvironmentException other = PyTorchEngine.loadFailure(new UnsatisfiedLinkError("libtorch_cpu.so: cannot open "
                + "shared object file: No such file or directory"), Optional.empty());
        assertTrue(other.getMessage().contains("DJL_CACHE_DIR"), other.getMessage());
    }

    /** The limit as the kernel writes it in /proc/self/limits, read from a shell that set it. */
    @Test
    void theLimitIsReadAsTheKernelWritesIt() throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("bash", "-c", "ulimit -v 4500000 && cat /proc/self/limits")
                .redirectErrorStream(true).start();
        List<String> lines = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, shell.waitFor(), String.join("\n", lines));
        assertEquals(Optional.of(4500000L * 1024 / (1024 * 1024) + " MB"), PyTorchEngine.addressSpaceLimit(lines));
        assertEquals(Optional.empty(), PyTorchEngine.addressSpaceLimit(List.of(
                "Max address space         unlimited            unlimited            bytes")));
    }
}

package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A temporary folder on a file system mounted noexec (server hardening) behind an unusable cache: ONNX Runtime's
 * library could not be mapped, and the line told the user to check that two writable folders were writable (helper
 * h11, 6 Dec). It now names the mount and the cache. Runs where the tests may mount a tmpfs (root on Linux, as in CI).
 */
class NoExecFolderTest {

    @TempDir
    Path dir;

    @Test
    void aNoExecCacheOrTemporaryFolderIsNamedWithTheWayOut() throws Exception {
        try (TmpfsMount noexec = TmpfsMount.at(dir.resolve("noexec"), "size=200m,noexec")) {
            assumeTrue(noexec.mounted(), "cannot mount a tmpfs here (needs root on Linux)");
            // the cache itself on the noexec disk
            String cached = lastLine(run(List.of("-Daugment.cache.dir=" + noexec.folder().resolve("cache")), "c"));
            assertTrue(cached.startsWith("augment: ONNX Runtime's native library could not be loaded from "
                    + noexec.folder().resolve("cache")) && cached.contains("its file system does not allow loading "
                    + "libraries (mounted noexec?); give a cache on a disk that does: -Daugment.cache.dir=DIR in "
                    + "AUGMENT_JAVA_OPTS, or XDG_CACHE_HOME"), cached);
            // a cache that cannot be made (a file in its place) sent the libraries to the noexec temporary folder
            Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
            String fallback = lastLine(run(List.of("-Daugment.cache.dir=" + file,
                    "-Djava.io.tmpdir=" + noexec.folder()), "t"));
            assertTrue(fallback.contains("its file system does not allow loading libraries (mounted noexec?); "
                    + "augment's cache " + file + " could not be used (") && fallback.contains("so they were put in "
                    + "the temporary folder; give a cache on a disk that does"), fallback);
        }
    }

    private ChildCli run(List<String> jvmOptions, String name) throws Exception {
        Path out = dir.resolve("out-" + name);
        ChildCli child = ChildCli.start(dir.resolve("logs-" + name), jvmOptions, "generate", "--model",
                Path.of("..", "models", "fashion-mnist.onnx").toString(), "--class", "bag", "--n", "1", "--format",
                "csv", "--out", out.toString());
        assertEquals(1, child.waitFor(Duration.ofSeconds(120)), child.err());
        assertFalse(Files.exists(out), "nothing is written");
        return child;
    }

    private static String lastLine(ChildCli child) throws Exception {
        List<String> lines = child.err().lines().filter(l -> !l.startsWith("SLF4J")).toList();
        assertFalse(child.err().contains("\tat "), child.err());
        return lines.get(lines.size() - 1);
    }
}

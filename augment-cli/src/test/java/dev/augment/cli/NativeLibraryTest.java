package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ONNX Runtime's native library failing to load is one line naming the cause, not an ExceptionInInitializerError. */
class NativeLibraryTest {

    @TempDir
    Path dir;

    @Test
    void anOnnxRuntimeLibraryThatDoesNotLoadIsOneLine() throws Exception {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        Path empty = Files.createDirectories(dir.resolve("no-natives-here"));
        Path out = dir.resolve("out");
        ChildCli child = ChildCli.start(dir, List.of("-Donnxruntime.native.path=" + empty), "generate", "--model",
                model.toString(), "--class", "a", "--n", "2", "--out", out.toString());
        assertEquals(1, child.waitFor(Duration.ofSeconds(60)), child.err());
        List<String> lines = child.err().lines().filter(l -> !l.startsWith("SLF4J")).toList();
        assertEquals(1, lines.size(), child.err());
        assertTrue(lines.get(0).startsWith("augment: ONNX Runtime's native library could not be loaded")
                && lines.get(0).contains(empty.toString()), lines.get(0));
        assertFalse(Files.exists(out));
    }
}

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

/**
 * A run that exhausts the Java heap (found when the forest family met 74 700 Fashion-MNIST examples under
 * the launcher's default heap) ends with one line naming the limit and how to raise it, exit 1, and no
 * output, instead of the JVM's "Exception in thread main" stack trace.
 */
class OutOfMemoryTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    @TempDir
    Path dir;

    @Test
    void exhaustedHeapIsOneLineAndLeavesNoOutput() throws Exception {
        Path out = dir.resolve("report");
        ChildCli child = ChildCli.start(dir, List.of("-Xmx24m"), "evaluate", "--train", SAMPLE, "--test", SAMPLE,
                "--seeds", "1", "--out", out.toString());
        assertEquals(1, child.waitFor(Duration.ofSeconds(120)), child.err());
        List<String> lines = child.err().lines().filter(l -> !l.startsWith("SLF4J")).toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("augment: ran out of Java heap (-Xmx, now ") && last.contains("AUGMENT_JAVA_OPTS"),
                child.err());
        assertFalse(child.err().contains("Exception in thread") || child.err().contains("\tat "), child.err());
        assertFalse(Files.exists(out), "nothing is kept");
    }

    /** Direct memory (ONNX Runtime's tensors) is named as such, not as the heap. */
    @Test
    void exhaustedDirectMemoryIsNamedAsDirectMemory() throws Exception {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("bag", "coat"), 28));
        Path out = dir.resolve("samples");
        ChildCli child = ChildCli.start(dir, List.of("-Xmx256m", "-XX:MaxDirectMemorySize=64k"), "generate",
                "--model", model.toString(), "--class", "bag", "--n", "2000", "--format", "idx", "--out",
                out.toString());
        assertEquals(1, child.waitFor(Duration.ofSeconds(120)), child.err());
        List<String> lines = child.err().lines().filter(l -> !l.startsWith("SLF4J")).toList();
        assertEquals(List.of("augment: ran out of direct memory (-XX:MaxDirectMemorySize); give Java more, e.g. "
                + "AUGMENT_JAVA_OPTS=\"-Xmx6g -XX:MaxDirectMemorySize=2g\" ./augment ..."), lines, child.err());
        assertFalse(Files.exists(out), "nothing is kept");
    }
}

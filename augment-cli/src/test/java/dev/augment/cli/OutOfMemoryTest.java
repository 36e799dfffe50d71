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

    /**
     * {@code _JAVA_OPTIONS} comes after the command line, so its -Xmx beats AUGMENT_JAVA_OPTS: the advice to raise
     * AUGMENT_JAVA_OPTS failed again (helper m9, 6 Dec). The line names the variable instead.
     */
    @Test
    void aHeapSetByJavaOptionsInTheEnvironmentIsNamed() throws Exception {
        Path out = dir.resolve("report");
        ChildCli child = ChildCli.startWithEnvironment(dir, Files.createTempFile(dir, "o", ".txt").toFile(),
                java.util.Map.of("_JAVA_OPTIONS", "-Xmx24m"), List.of("-Xmx4g"), "evaluate", "--train", SAMPLE,
                "--test", SAMPLE, "--seeds", "1", "--out", out.toString());
        assertEquals(1, child.waitFor(Duration.ofSeconds(120)), child.err());
        List<String> lines = child.err().lines().filter(l -> !l.startsWith("SLF4J")).toList();
        assertEquals("augment: ran out of Java heap (-Xmx, now 24 MB); the environment's _JAVA_OPTIONS sets "
                + "-Xmx24m, which overrides AUGMENT_JAVA_OPTS and the command line: unset _JAVA_OPTIONS (or raise it "
                + "there) and run again", lines.get(lines.size() - 1), child.err());
        assertFalse(Files.exists(out), "nothing is kept");
        // its long spelling (a re-check, 6 Dec)
        ChildCli spelled = ChildCli.startWithEnvironment(dir, Files.createTempFile(dir, "o", ".txt").toFile(),
                java.util.Map.of("_JAVA_OPTIONS", "-XX:MaxHeapSize=24m"), List.of("-Xmx4g"), "evaluate", "--train",
                SAMPLE, "--test", SAMPLE, "--seeds", "1", "--out", out.toString());
        assertEquals(1, spelled.waitFor(Duration.ofSeconds(120)), spelled.err());
        assertTrue(spelled.err().contains("the environment's _JAVA_OPTIONS sets -XX:MaxHeapSize=24m, which overrides "
                + "AUGMENT_JAVA_OPTS"), spelled.err());
    }

    /**
     * A table too large for the heap was told to "ask for fewer examples", which no table option does (a fresh user,
     * 6 Dec): the line names a sample of its rows.
     */
    @Test
    void aTableTooLargeForTheHeapIsToldToUseASampleOfItsRows() throws Exception {
        StringBuilder csv = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < 150_000; i++) {
            csv.append(i % 97).append(',').append(i * 0.37).append(',').append(i % 13 * 1.5).append(',')
                    .append(i % 7).append(',').append(i % 50 == 0 ? "rare" : "common").append('\n');
        }
        Path table = Files.writeString(dir.resolve("big.csv"), csv);
        ChildCli child = ChildCli.start(dir, List.of("-Xmx40m"), "train", "--data", table.toString(), "--label",
                "label", "--steps", "1", "--out", dir.resolve("m.onnx").toString());
        assertEquals(1, child.waitFor(Duration.ofSeconds(120)), child.err());
        List<String> lines = child.err().lines().filter(l -> !l.startsWith("SLF4J")).toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("augment: ran out of Java heap") && last.endsWith("or use a random sample of the "
                + "table's rows, e.g. (head -n 1 " + table + "; tail -n +2 " + table + " | shuf -n 100000) > part.csv, "
                + "fewer rows if that still runs out"), child.err());
        assertFalse(Files.exists(dir.resolve("m.onnx")), "nothing is kept");
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

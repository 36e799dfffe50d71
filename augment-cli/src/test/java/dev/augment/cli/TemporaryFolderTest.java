package dev.augment.cli;

import dev.augment.io.TemporaryFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input 20 (tmpdir-missing) and issue 13's leftovers: an unusable {@code java.io.tmpdir} is one line,
 * naming the folder and the fix, before any command does work; a run leaves nothing in its temporary
 * folder (ONNX Runtime's natives come from a cache).
 */
class TemporaryFolderTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    @TempDir
    Path dir;
    Path model;
    private String savedTmpdir;

    @BeforeEach
    void writeModel() throws IOException {
        model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("bag", "coat"), 4));
        savedTmpdir = System.getProperty("java.io.tmpdir");
    }

    @AfterEach
    void restoreTmpdir() {
        System.setProperty("java.io.tmpdir", savedTmpdir);
    }

    /** The bad-input command exactly, in a child JVM: one line, exit 1, no output. */
    @Test
    void missingTemporaryFolderIsOneLineBeforeGenerating() throws Exception {
        Path missing = dir.resolve("does-not-exist");
        Path out = dir.resolve("o20");
        ChildCli child = ChildCli.start(dir, List.of("-Djava.io.tmpdir=" + missing), "generate", "--model",
                model.toString(), "--class", "bag", "--n", "2", "--out", out.toString());
        assertEquals(1, child.waitFor(Duration.ofSeconds(60)), child.err());
        List<String> lines = child.err().lines().filter(l -> !l.startsWith("SLF4J")).toList();
        assertEquals(1, lines.size(), child.err());
        assertTrue(lines.get(0).contains(missing.toString()) && lines.get(0).contains("does not exist")
                && lines.get(0).contains("java.io.tmpdir"), lines.get(0));
        assertFalse(Files.exists(out));
        assertFalse(Files.exists(missing), "the check creates nothing");
    }

    /** Every command checks first: train stops before reading data or running an epoch. */
    @ParameterizedTest
    @ValueSource(strings = {"train", "generate", "inspect", "score", "evaluate"})
    void everyCommandChecksTheTemporaryFolderFirst(String command) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        System.setProperty("java.io.tmpdir", notAFolder.toString());
        Path out = dir.resolve("out-" + command);
        List<String> args = switch (command) {
            case "train" -> List.of("train", "--data", SAMPLE, "--out", out.toString(), "--epochs", "1");
            case "generate" -> List.of("generate", "--model", model.toString(), "--class", "bag", "--n", "2", "--out",
                    out.toString());
            case "inspect" -> List.of("inspect", "--model", model.toString());
            case "score" -> List.of("score", "--model", model.toString(), "--data", SAMPLE);
            default -> List.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--out", out.toString());
        };
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(1, run.exitCode(), run.err());
        assertEquals("augment: the temporary folder " + notAFolder + " (java.io.tmpdir) is not a folder; set "
                + "-Djava.io.tmpdir (or TMPDIR, for the augment launcher) to a writable folder with at least 64 MiB free"
                + System.lineSeparator(), run.err());
        assertEquals("", run.out(), "no work started");
        assertFalse(Files.exists(out));
    }

    /** Like the temporary folder, an --out folder that cannot take the model is found before any epoch. */
    @Test
    void trainRefusesAnOutputFolderItCannotWriteBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        CliRun run = CliRun.of("train", "--data", SAMPLE, "--out", file.resolve("m.onnx").toString(), "--epochs", "1");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("is not a writable folder"), run.err());
        assertEquals("", run.out(), "no training started");
    }

    @Test
    void helpNeedsNoTemporaryFolder() {
        System.setProperty("java.io.tmpdir", dir.resolve("missing").toString());
        CliRun run = CliRun.of("generate", "--help");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void aFullTemporaryFolderIsReported() {
        assertEquals("has only", TemporaryFolder.problem(dir, Long.MAX_VALUE).orElseThrow().substring(0, 8));
        assertTrue(TemporaryFolder.problem(dir, 1).isEmpty());
    }

    /**
     * A folder out of inodes or on a read-only mount was "not writable (FileSystemException)", the reason dropped (a
     * fresh user, 7 Dec). /sys takes no file, even from root.
     */
    @Test
    void anUnwritableTemporaryFolderIsToldWhy() {
        String problem = TemporaryFolder.problem(Path.of("/sys"), 1).orElseThrow();
        assertTrue(problem.matches("is not writable \\((permission denied|Permission denied|Read-only file system)\\)"),
                problem);
    }

    /**
     * Issue 13: a run left an empty onnxruntime-java* folder in the temporary folder every time. A child
     * JVM with its own empty temporary folder and native cache generates twice: the temporary folder is
     * empty afterwards, and the second run reuses the cached library instead of extracting it again.
     */
    @Test
    void aRunLeavesNothingInTheTemporaryFolder() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path cache = dir.resolve("cache");
        List<String> jvm = List.of("-Djava.io.tmpdir=" + tmp, "-Daugment.cache.dir=" + cache);
        ChildCli first = ChildCli.start(dir, jvm, "generate", "--model", model.toString(), "--class", "all",
                "--n", "3", "--out", dir.resolve("a").toString());
        assertEquals(0, first.waitFor(Duration.ofSeconds(60)), first.err());
        assertEquals(List.of(), list(tmp));
        Path library;
        try (Stream<Path> files = Files.walk(cache)) {
            library = files.filter(p -> p.getFileName().toString().equals("libonnxruntime.so")).findFirst()
                    .orElseThrow(() -> new AssertionError("no cached library in " + cache));
        }
        FileTime extracted = Files.getLastModifiedTime(library);

        ChildCli second = ChildCli.start(dir, jvm, "generate", "--model", model.toString(), "--class", "all",
                "--n", "3", "--out", dir.resolve("b").toString());
        assertEquals(0, second.waitFor(Duration.ofSeconds(60)), second.err());
        assertEquals(List.of(), list(tmp));
        assertEquals(extracted, Files.getLastModifiedTime(library), "extracted once per version");
    }

    /** An unusable native cache (here a file) left an empty onnxruntime-java* folder per run (a fresh user, 5 Dec). */
    @Test
    void anUnusableCacheLeavesNothingInTheTemporaryFolderEither() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp2"));
        Path cache = Files.writeString(dir.resolve("a-file"), "not a folder");
        ChildCli child = ChildCli.start(dir, List.of("-Djava.io.tmpdir=" + tmp, "-Daugment.cache.dir=" + cache),
                "generate", "--model", model.toString(), "--class", "all", "--n", "3", "--out",
                dir.resolve("c").toString());
        assertEquals(0, child.waitFor(Duration.ofSeconds(60)), child.err());
        assertEquals(List.of(), list(tmp));
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}

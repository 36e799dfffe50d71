package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command's {@code wrote} line stays one line whatever the output's name: a line break the file system allows
 * in a name is written {@code \n}, as in augment's error lines, so a script reading the last line reads all of it.
 */
class WroteLineTest {

    private static final Path MODEL = Path.of("..", "models", "fashion-mnist.onnx");
    private static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");
    private static final Path IMAGES = Path.of("..", "datasets", "fashion-mnist-sample");

    @TempDir
    Path dir;

    @Test
    void generateNamesAnOutputWithALineBreakOnOneLine() throws Exception {
        Path out = dir.resolve("two\nlines");
        CliRun run = CliRun.of("generate", "--model", MODEL.toString(), "--class", "bag", "--n", "2", "--format",
                "csv", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(out.resolve("samples.csv")), "written where asked");
        assertEquals(1, run.out().lines().filter(l -> !l.isBlank()).count(), run.out());
        assertTrue(run.out().contains("two\\nlines/samples.csv (csv)"), run.out());
    }

    @Test
    void oversampleNamesAnOutputWithALineBreakOnOneLine() throws Exception {
        Path out = dir.resolve("over\nsampled");
        CliRun run = CliRun.of("oversample", "--data", IMAGES.toString(), "--policy", "ros", "--counts", "bag=2",
                "--format", "csv", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        String wrote = run.out().lines().filter(l -> l.startsWith("wrote ")).findFirst().orElseThrow();
        assertTrue(wrote.contains("over\\nsampled/samples.csv (csv)"), run.out());
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith("sampled")), "the name is not split: " + run.out());
    }

    @Test
    void tableTrainNamesAModelWithALineBreakOnOneLine() throws Exception {
        Path model = dir.resolve("table\nmodel.onnx");
        CliRun run = CliRun.of("train", "--data", CREDIT.toString(), "--label", "class", "--out", model.toString(),
                "--steps", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(model), "written where asked");
        String wrote = run.out().lines().filter(l -> l.startsWith("wrote ")).findFirst().orElseThrow();
        assertTrue(wrote.contains("table\\nmodel.onnx (trained in"), run.out());
        assertTrue(run.out().lines().noneMatch(l -> l.startsWith("model.onnx")), "the name is not split: " + run.out());
    }
}

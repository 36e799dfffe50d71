package dev.augment.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A disk too small for the output: refused before writing when even the smallest possible output cannot
 * fit, otherwise a disk that fills up during generation; either way one line saying so, exit 1, nothing left
 * behind. Needs a small
 * tmpfs, so it runs where the tests may mount one (root on Linux, as in CI) and is skipped elsewhere.
 */
class FullDiskTest {

    @TempDir
    Path dir;

    private TmpfsMount disk;
    private Path small;

    @BeforeEach
    void mountSmallDisk() throws IOException, InterruptedException {
        disk = TmpfsMount.at(dir.resolve("small"), "size=256k");
        small = disk.folder();
        assumeTrue(disk.mounted(), "cannot mount a small tmpfs here (needs root on Linux)");
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        disk.close();
    }

    /**
     * Sizes whose smallest possible output fits the 256 KiB disk but whose real output does not: 400 CSV rows of 256
     * pixel values take about 3.5 bytes per value; 100 PNG files of 313 bytes or more fit 31 kB, and compress worse
     * than that lower bound (a PNG's page on tmpfs is counted since 7 Dec: 500 of them are refused before writing).
     */
    @ParameterizedTest
    @ValueSource(strings = {"csv"})
    void aDiskThatFillsUpLeavesNothingAndSaysWhy(String format) throws IOException {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 16));
        String perClass = "200";
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", perClass,
                "--format", format, "--out", small.resolve("out").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("No space left on device while writing to " + small.resolve("out")
                + "; nothing was kept"), run.err());
        assertFalse(run.err().contains("--stacktrace"), "a full disk is not reported as a bug: " + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertNothingLeft();
    }

    /**
     * 500 PNG files of a 4 KiB page each on tmpfs passed the check, which counted their bytes, and filled the disk;
     * the line then blamed inodes from the space the deletion had freed (a fresh user, 7 Dec).
     */
    @Test
    void pngFilesAreCountedInWholePagesAndAFullDiskIsNotCalledOutOfInodes() throws Exception {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 16));
        CliRun refused = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "250",
                "--format", "png", "--out", small.resolve("out").toString());
        assertEquals(1, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("not enough free disk space: 500 samples as png need at least 2.0 MB"),
                refused.err());
        assertNothingLeft();
        // 160 000 CSV rows pass the check (82 MB at least, of 100 MB) and fill the disk (about 144 MB); the deletion
        // frees it all again, which the line read as space left, so inodes
        try (TmpfsMount larger = TmpfsMount.at(dir.resolve("larger"), "size=100m")) {
            assumeTrue(larger.mounted(), "cannot mount a tmpfs here");
            CliRun full = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "80000",
                    "--format", "csv", "--out", larger.folder().resolve("out").toString());
            assertEquals(1, full.exitCode(), full.err());
            assertTrue(full.err().contains("No space left on device while writing to " + larger.folder().resolve("out")
                    + "; nothing was kept; free some space or write to another disk"), full.err());
            try (Stream<Path> left = Files.list(larger.folder())) {
                assertEquals(0, left.count(), "nothing left");
            }
        }
    }

    /** A disk out of inodes, with space left, was said to be full: "free some space" (a fresh user, 6 Dec). */
    @Test
    void aDiskOutOfInodesIsNamedSo() throws IOException, InterruptedException {
        // a small disk too: 50 MB of 40 inodes was told to free some space (a re-check, 7 Dec)
        for (String options : List.of("size=200m,nr_inodes=40", "size=50m,nr_inodes=40")) {
            try (TmpfsMount few = TmpfsMount.at(dir.resolve("few-" + options.hashCode()), options)) {
                assumeTrue(few.mounted(), "cannot mount a tmpfs here");
                Path model = TestModels.write(dir.resolve("g-" + options.hashCode() + ".onnx"),
                        TestModels.imageSchema(List.of("a", "b"), 16));
                CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "50",
                        "--format", "png", "--out", few.folder().resolve("out").toString());
                assertEquals(1, run.exitCode(), run.err());
                assertTrue(run.err().contains("the file system is out of inodes, one per file (df -i)"),
                        options + ": " + run.err());
            }
        }
    }

    /**
     * train wrote its first sample grid, then its first checkpoint filled the disk: the grid and the checkpoint folder
     * it made stayed behind, and the message named no file.
     */
    @Test
    void trainingThatFillsTheDiskLeavesNoGridOrFolder() throws IOException {
        Path out = small.resolve("m.onnx");
        CliRun run = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--out", out.toString(), "--epochs", "1", "--batch-size", "50", "--check-samples", "0");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("No space left on device while writing to " + out + "; nothing was kept"),
                run.err());
        assertNothingLeft();
    }

    /**
     * The model's disk was full but the checkpoints' was not: the message said "nothing was kept" while the last
     * checkpoint stayed for --resume (and resuming is how the run's work is saved).
     */
    @Test
    void trainingWhoseModelCannotBeWrittenSaysItsCheckpointIsKept() throws IOException {
        Path out = small.resolve("m.onnx");
        Path checkpoints = dir.resolve("checkpoints");
        CliRun run = trainOneEpoch(out, checkpoints);
        assertEquals(1, run.exitCode(), run.err());
        // only the full disk is named (both were, a re-check, 6 Dec)
        assertTrue(run.err().contains("No space left on device while writing to " + out
                + "; the output was not written; the last checkpoint, in " + checkpoints + ", is kept for --resume"),
                run.err());
        assertTrue(Files.isRegularFile(checkpoints.resolve(dev.augment.train.Checkpoints.LATEST)));
        assertEquals(1, run.err().lines().count(), run.err());
        assertNothingLeft();
    }

    /**
     * The checkpoints' disk full and --out's not: the line called it a shortage of inodes on --out's disk, from that
     * disk's free space, with generate's --format advice (helper o8, 6 Dec).
     */
    @Test
    void aFullCheckpointDiskIsNoInodeShortage() throws IOException {
        Path out = dir.resolve("m.onnx");
        Path checkpoints = small.resolve("ck");
        CliRun run = trainOneEpoch(out, checkpoints);
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("No space left on device while writing to " + checkpoints
                + "; nothing was kept; free some space or write to another disk"), run.err());
        assertTrue(!run.err().contains("inodes") && !run.err().contains("--format"), run.err());
        assertTrue(Files.notExists(out));
        assertNothingLeft();
    }

    /** A table's model (about 0.8 MB) filled the disk: the message was right, but the folder made for --out stayed. */
    @Test
    void aTableModelThatFillsTheDiskLeavesNoFolder() throws IOException {
        Path out = small.resolve("d").resolve("credit.onnx");
        CliRun run = CliRun.of("train", "--data", Path.of("..", "datasets", "tabular-sample", "credit-g.csv").toString(),
                "--label", "class", "--out", out.toString(), "--steps", "2");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("No space left on device"), run.err());
        assertNothingLeft();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "idx", "csv"})
    void aRequestThatCannotFitIsRefusedBeforeWriting(String format) throws IOException {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 16));
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "5000",
                "--format", format, "--out", small.resolve("out").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("not enough free disk space: 10000 samples as " + format + " need at least"),
                run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertNothingLeft();
    }

    /**
     * --force over an earlier output, and the disk fills: the earlier output is kept (a run replaces it only when it
     * succeeds), which "nothing was kept" alone seemed to deny.
     */
    @Test
    void aForcedRunThatFillsTheDiskSaysTheEarlierOutputIsKept() throws IOException {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 16));
        Path out = small.resolve("out");
        CliRun first = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "3",
                "--format", "csv", "--out", out.toString());
        assertEquals(0, first.exitCode(), first.err());
        byte[] before = Files.readAllBytes(out.resolve("samples.csv"));
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "200",
                "--format", "csv", "--out", out.toString(), "--force");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("No space left on device while writing to " + out + "; nothing was kept; "
                + "the earlier " + out + " is kept as it was"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(out.resolve("samples.csv")));
    }

    /**
     * oversample's bound counted a table's Tribuo features (one per category) as CSV cells: 1 000 rows of one
     * 1 000-category column needed "at least 4.0 MB" and were refused on a disk the 30 kB output fits.
     */
    @Test
    void aTableOfManyCategoriesIsBoundedByItsColumnsNotItsFeatures() throws IOException {
        StringBuilder csv = new StringBuilder("id,label\n");
        for (int i = 0; i < 1000; i++) {
            csv.append("c").append(i).append(',').append(i < 990 ? "common" : "rare").append('\n');
        }
        Path data = Files.writeString(dir.resolve("many.csv"), csv);
        Path out = small.resolve("out");
        CliRun run = CliRun.of("oversample", "--data", data.toString(), "--label", "label", "--policy", "ros",
                "--counts", "rare=10", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1011, Files.readAllLines(out.resolve("samples.csv")).size());
        // 99 columns, nearly all cells empty: an empty cell is a separator alone, not a digit and a separator
        StringBuilder sparse = new StringBuilder();
        for (int c = 0; c < 99; c++) {
            sparse.append("c").append(c).append(',');
        }
        sparse.append("label\n");
        for (int i = 0; i < 1700; i++) {
            // every column has a value in the first row, only the first column after it (a row with no feature
            // value at all is refused, as Tribuo's CSVDataSource omits it)
            sparse.append(i == 0 ? "1,".repeat(99) : (i % 10) + "," + ",".repeat(98)).append(i < 1600 ? "common"
                    : "rare").append('\n');
        }
        Path gaps = Files.writeString(dir.resolve("gaps.csv"), sparse);
        Path out2 = small.resolve("out2");
        CliRun sparseRun = CliRun.of("oversample", "--data", gaps.toString(), "--label", "label", "--policy", "ros",
                "--counts", "rare=10", "--out", out2.toString());
        assertEquals(0, sparseRun.exitCode(), sparseRun.err());
    }

    /**
     * An evaluation's report filled the disk at the end of the run: its figures were printed only after the files
     * were written, so the whole run was lost (a fresh user, 6 Dec). The summary now comes first, and the error says
     * where the figures are.
     */
    @Test
    void anEvaluationWhoseReportFillsTheDiskKeepsItsFiguresOnTheTerminal() throws IOException, InterruptedException {
        try (TmpfsMount tiny = TmpfsMount.at(dir.resolve("tiny"), "size=4k")) {
            assumeTrue(tiny.mounted(), "cannot mount a tmpfs here");
            Path out = tiny.folder().resolve("eval");
            CliRun run = CliRun.of("evaluate", "--data", Path.of("..", "datasets", "tabular-sample", "glass.csv")
                    .toString(), "--label", "Type", "--trainer", "logistic", "--seeds", "2", "--gan-steps", "0",
                    "--out", out.toString());
            assertEquals(1, run.exitCode(), run.err());
            assertTrue(run.out().contains("FAMILY "), "the figures reach the terminal: " + run.out());
            assertTrue(run.err().contains("No space left on device while writing to " + out + "; the report was not "
                    + "written; its figures are in the summary printed above"), run.err());
            try (Stream<Path> left = Files.list(tiny.folder())) {
                assertEquals(List.of(), left.toList(), "nothing is left on the full disk");
            }
        }
    }

    private void assertNothingLeft() throws IOException {
        try (Stream<Path> left = Files.list(small)) {
            assertEquals(List.of(), left.toList(), "nothing is left on the full disk");
        }
    }

    /** One epoch of train on the checked-in sample, writing the model to {@code out} and checkpoints beside. */
    private static CliRun trainOneEpoch(Path out, Path checkpoints) {
        return CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(), "--out",
                out.toString(), "--checkpoint-dir", checkpoints.toString(), "--epochs", "1", "--batch-size", "50",
                "--check-samples", "0");
    }
}

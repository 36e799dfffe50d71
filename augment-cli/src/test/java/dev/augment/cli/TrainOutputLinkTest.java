package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train's --out that is a link to nothing, or names a folder, where generate refuses the one and a model is a file. */
class TrainOutputLinkTest {

    @Test
    void aLinkToNothingAtOutNeedsForce(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("m.onnx"), dir.resolve("unmounted/m.onnx"));
        CliRun run = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--out", link.toString(), "--epochs", "1", "--check-samples", "0");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(link + " exists (a link to nothing); pass --force"), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
    }

    /** "newdir/" (a folder not yet made) was written as a file called newdir, beside newdir.training/. */
    @Test
    void anOutWithATrailingSlashIsAFolderAndRefused(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--out", dir.resolve("newdir") + "/", "--epochs", "1", "--check-samples", "0");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("newdir/ names a folder; give the generator's file name, e.g. "
                + dir.resolve("newdir").resolve("generator.onnx")), run.err());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "nothing written");
        }
        // newdir/. trained, then failed at export ("Device or resource busy"), leaving newdir/..training
        CliRun dot = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--out", dir.resolve("newdir") + "/.", "--epochs", "1", "--check-samples", "0");
        assertEquals(2, dot.exitCode(), dot.err());
        assertTrue(dot.err().contains("newdir/. names a folder; give the generator's file name, e.g. "
                + dir.resolve("newdir").resolve("generator.onnx")), dot.err());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "nothing written");
        }
    }
}

package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train's --out that is a link to nothing was replaced without --force, where generate refuses it. */
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
}

package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An --out name the file system allows, near its 255-byte limit: the temporary name beside it (about 40 bytes more)
 * failed as "File name too long" at the end of the run, naming a hidden file, a training's export after every step;
 * a name whose checkpoint folder ({@code <out>.training}) cannot exist is refused before training.
 */
class LongOutputNameTest {

    @TempDir
    Path dir;

    @Test
    void generateWritesToAnOutputWhoseNameIsNearTheLimit() throws Exception {
        Path out = dir.resolve("y".repeat(250));
        CliRun run = CliRun.of("generate", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(),
                "--class", "bag", "--n", "2", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isDirectory(out.resolve("Bag")), run.out());
        // forced over it: the earlier output is set aside under a shortened name too, not ".<250 bytes>.old-…"
        CliRun again = CliRun.of("generate", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(),
                "--class", "sneaker", "--n", "2", "--out", out.toString(), "--force");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.isDirectory(out.resolve("Sneaker")) && !Files.exists(out.resolve("Bag")), again.out());
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "nothing set aside is left");
        }
    }

    @Test
    void trainRefusesAnOutputWhoseCheckpointFolderCannotBeNamedBeforeTraining() throws Exception {
        Path out = dir.resolve("z".repeat(246) + ".onnx");
        CliRun run = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--out", out.toString(), "--steps", "1", "--check-samples", "0", "--batch-size", "4");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(".onnx.training, would have a longer name than a file system allows (255 "
                + "bytes); choose a shorter --out, or give the checkpoints a folder with --checkpoint-dir"), run.err());
        assertFalse((run.out() + run.err()).contains("training mlp GAN"), "refused before training: " + run.out());
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "nothing written");
        }
        // a --checkpoint-dir, or a folder of --out, too long: "File name too long" after the training, exit 1, before
        // (re-checks, 7 Dec)
        for (List<String> args : List.of(List.of("--out", dir.resolve("m.onnx").toString(), "--checkpoint-dir",
                dir.resolve("c".repeat(256)).toString()), List.of("--out", dir.resolve("f".repeat(256))
                .resolve("m.onnx").toString(), "--checkpoint-dir", dir.resolve("ck").toString()))) {
            List<String> command = new java.util.ArrayList<>(List.of("train", "--data", Path.of("..", "datasets",
                    "fashion-mnist-sample").toString(), "--steps", "1", "--check-samples", "0", "--batch-size", "4"));
            command.addAll(args);
            CliRun refused = CliRun.of(command.toArray(String[]::new));
            assertEquals(2, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("256 bytes long, and a file system takes at most 255"), refused.err());
            try (var left = Files.list(dir)) {
                assertEquals(0, left.count(), "nothing written: " + args);
            }
        }
        // a '..' after a missing folder: trained to the end, then failed naming a temporary file (a re-check)
        CliRun nothing = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--steps", "1", "--check-samples", "0", "--batch-size", "4", "--out", dir.resolve("missing")
                .resolve("..").resolve("m.onnx").toString());
        assertEquals(2, nothing.exitCode(), nothing.err());
        assertTrue(nothing.err().contains("names no folder: a folder before one of its '..' does not exist"),
                nothing.err());
    }
}

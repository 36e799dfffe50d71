package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** train's --out that is a link to nothing, or names a folder, where generate refuses the one and a model is a file. */
class TrainOutputLinkTest {

    /**
     * A link --out, forced, was replaced by a plain file and the model it pointed to left as it was (a fresh user,
     * 6 Dec); a link to nothing would have become a file too. Both are refused, naming where the link points.
     */
    @Test
    void aLinkAtOutIsRefusedEvenForcedNamingWhereItPoints(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("m.onnx"), dir.resolve("unmounted/m.onnx"));
        CliRun run = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--out", link.toString(), "--epochs", "1", "--check-samples", "0");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(link + " is a link to " + dir.resolve("unmounted/m.onnx") + " (which does not "
                + "exist); writing the model would replace the link with a file, so it is never replaced"), run.err());
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        Path precious = Files.writeString(dir.resolve("precious.onnx"), "the model it points to");
        Path live = Files.createSymbolicLink(dir.resolve("current.onnx"), precious);
        CliRun forced = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--out", live.toString(), "--epochs", "1", "--check-samples", "0", "--force");
        assertEquals(2, forced.exitCode(), forced.err());
        assertTrue(forced.err().contains("with a file and leave " + precious + " as it was, so it is never replaced: "
                + "give " + precious + " itself, or remove the link"), forced.err());
        assertTrue(Files.isSymbolicLink(live));
        assertEquals("the model it points to", Files.readString(precious));
    }

    /** A path past the system's limit trained to the end, then failed naming a hidden temporary file (6 Dec). */
    @Test
    void anOutTooLongForTheFileSystemIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path deep = dir;
        while (deep.toString().length() < 3600) {
            deep = Files.createDirectories(deep.resolve("d".repeat(200)));
        }
        // --out itself fits (4 055 bytes), the checkpoint's temporary file beside it does not
        deep = Files.createDirectories(deep.resolve("e".repeat(3849 - deep.toString().length())));
        Path out = deep.resolve("f".repeat(200) + ".onnx");
        CliRun run = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                "--out", out.toString(), "--steps", "2", "--check-samples", "0");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("is too long for the file system (the temporary file written beside it takes "
                + "up to "), run.err());
        assertTrue(run.out().isEmpty(), "refused before training: " + run.out());
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

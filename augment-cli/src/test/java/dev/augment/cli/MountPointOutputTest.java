package dev.augment.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code generate --out MOUNT --force} on a mounted disk failed late with exit 1 ("busy": a mount point cannot be
 * moved aside) after writing the whole output beside it; it is now refused before any work, naming a folder inside
 * the mount to use, and the disk's files stay. Needs a tmpfs, so it runs where the tests may mount one (root on
 * Linux, as in CI) and is skipped elsewhere.
 */
class MountPointOutputTest {

    @TempDir
    Path dir;

    private TmpfsMount disk;

    @BeforeEach
    void mountDisk() throws IOException, InterruptedException {
        disk = TmpfsMount.at(dir.resolve("disk"), "size=256k");
        assumeTrue(disk.mounted(), "cannot mount a tmpfs here (needs root on Linux)");
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        disk.close();
    }

    @Test
    void aForcedOutputThatIsAMountPointIsRefusedAndItsFilesStay() throws IOException {
        Path kept = Files.writeString(disk.folder().resolve("kept.txt"), "earlier work");
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "2", "--out",
                disk.folder().toString(), "--force");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(disk.folder() + " is a mount point"), run.err());
        assertTrue(run.err().contains(disk.folder().resolve("out").toString()), run.err());
        assertEquals(List.of(kept), Files.list(disk.folder()).toList());
        assertEquals(List.of("disk", "g.onnx"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList(),
                "nothing written beside the mount");
    }

    /** A bind-mounted file as train's forced --out failed at export, after every epoch, as exit 1 (a fresh user's). */
    @Test
    void aForcedTrainOutputThatIsABindMountedFileIsRefusedBeforeTraining() throws Exception {
        Path model = Files.writeString(dir.resolve("model.onnx"), "an earlier model");
        Path source = Files.writeString(disk.folder().resolve("shared.onnx"), "the mounted model");
        Process bind = new ProcessBuilder("mount", "--bind", source.toString(), model.toString())
                .redirectErrorStream(true).start();
        bind.getInputStream().readAllBytes();
        assumeTrue(bind.waitFor() == 0, "cannot bind-mount a file here");
        try {
            CliRun run = CliRun.of("train", "--data", Path.of("..", "datasets", "fashion-mnist-sample").toString(),
                    "--out", model.toString(), "--force", "--epochs", "1");
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("--out " + model + " is a mount point"), run.err());
            assertEquals("", run.out(), "refused before the data is read");
            assertEquals("the mounted model", Files.readString(model));
        } finally {
            new ProcessBuilder("umount", "-l", model.toString()).redirectErrorStream(true).start().waitFor();
        }
    }

    @Test
    void aFolderInsideTheMountIsReplacedAsUsual() throws IOException {
        Path inside = Files.createDirectory(disk.folder().resolve("out"));
        Files.writeString(inside.resolve("old.txt"), "earlier run");
        Files.writeString(inside.resolve("classes.csv"), "index,label,name,folder\n");
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "2", "--out",
                inside.toString(), "--force");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.notExists(inside.resolve("old.txt")), "the earlier output was replaced");
    }
}

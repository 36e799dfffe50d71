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
        Files.writeString(inside.resolve("samples.csv"), "earlier run");
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "2", "--out",
                inside.toString(), "--force");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.notExists(inside.resolve("samples.csv")), "the earlier output was replaced");
    }

    /**
     * A forced run whose old output cannot be fully deleted (here it holds a mount point) has still written its new
     * output whole: it exits 0 with a warning naming the leftover, not 1 as a failure.
     */
    @Test
    void anOldOutputThatCannotBeDeletedIsAWarningNotAFailure() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("classes.csv"), "index,label,name,folder\n0,\"a\",\"a\",\"inner\"\n");
        TmpfsMount inner = TmpfsMount.at(out.resolve("inner"), "size=64k");
        assumeTrue(inner.mounted());
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        List<Path> aside = List.of();
        try {
            CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "2", "--out",
                    out.toString(), "--force");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("augment: warning: the old output could not be fully deleted from "),
                    run.err());
            assertTrue(run.out().contains("wrote 4 samples"), run.out());
            assertTrue(Files.exists(out.resolve("a").resolve("000002.png")), "the new output is in place");
            try (var entries = Files.list(dir)) {
                aside = entries.filter(p -> p.getFileName().toString().startsWith(".out.old-")).toList();
            }
            assertEquals(1, aside.size(), "the leftover the warning names");
        } finally {
            for (Path old : aside) {
                new ProcessBuilder("umount", "-l", old.resolve("inner").toString()).redirectErrorStream(true).start()
                        .waitFor();
            }
            inner.close();
        }
    }
}

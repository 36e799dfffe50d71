package dev.augment.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An output on a read-only mount was told to "fix its permissions", which no chmod can. Needs a read-only tmpfs, so
 * it runs where the tests may mount one (root on Linux, as in CI) and is skipped elsewhere.
 */
class ReadOnlyDiskTest {

    @TempDir
    Path dir;

    private TmpfsMount disk;
    private Path readOnly;

    @BeforeEach
    void mountReadOnlyDisk() throws IOException, InterruptedException {
        disk = TmpfsMount.at(dir.resolve("ro"), "size=64k,ro");
        readOnly = disk.folder();
        assumeTrue(disk.mounted(), "cannot mount a read-only tmpfs here (needs root on Linux)");
    }

    @AfterEach
    void unmount() throws IOException, InterruptedException {
        disk.close();
    }

    @Test
    void anOutputOnAReadOnlyMountSaysSo() throws IOException {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "2", "--out",
                readOnly.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(readOnly + " is on a read-only file system; choose another folder"), run.err());
    }
}

package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a model's provenance records the data it was trained on. */
class DataPathsTest {

    /** An IDX pair given as --data was recorded with its first file resolved and its second as given. */
    @Test
    void bothFilesOfAnIdxPairAreResolved(@TempDir Path dir) throws Exception {
        Path images = Files.writeString(dir.resolve("i-idx3-ubyte"), "x").toRealPath();
        Path labels = Files.writeString(dir.resolve("l-idx1-ubyte"), "x").toRealPath();
        Path relative = Path.of("").toAbsolutePath().relativize(dir);
        assertEquals(images + "," + labels,
                DataPaths.real(Path.of(relative.resolve("i-idx3-ubyte") + "," + relative.resolve("l-idx1-ubyte"))));
        assertEquals(images.toString(), DataPaths.real(relative.resolve("i-idx3-ubyte")));
    }
}

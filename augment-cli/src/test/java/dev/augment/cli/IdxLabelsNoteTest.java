package dev.augment.cli;

import dev.augment.data.ClassMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IDX output of classes numbered other than by their indices says that the label bytes are indices. */
class IdxLabelsNoteTest {

    private static Path folders(Path root, List<String> classes) throws IOException {
        for (String c : classes) {
            for (int i = 0; i < 3; i++) {
                BadFiles.png(root.resolve(c + "/" + i + ".png"), 4, 4);
            }
        }
        return root;
    }

    @Test
    void foldersOneToThreeAreNotedAndZeroToTwoAreNot(@TempDir Path dir) throws IOException {
        Path shifted = folders(dir.resolve("a"), List.of("1", "2", "3"));
        CliRun run = CliRun.of("oversample", "--data", shifted.toString(), "--policy", "ros", "--multiply", "2",
                "--format", "idx", "--out", dir.resolve("o1").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("note: IDX labels are class indices, so class '1' is written as 0"), run.out());
        // the output holds added examples, which data read back would count as real: refused, exit 3
        CliRun refused = CliRun.of("oversample", "--data", dir.resolve("o1").toString(), "--policy", "ros",
                "--multiply", "2", "--format", "png", "--out", dir.resolve("o1-refused").toString());
        assertEquals(3, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("its synthetic-idx1-ubyte flags 9 of 18 examples as added"),
                refused.err());
        assertFalse(Files.exists(dir.resolve("o1-refused")));
        // without the flags (the user's choice), augment reads the classes.csv beside its IDX output: the classes
        // come back as 1, 2, 3, not 0, 1, 2
        Files.delete(dir.resolve("o1").resolve("synthetic-idx1-ubyte"));
        CliRun back = CliRun.of("oversample", "--data", dir.resolve("o1").toString(), "--policy", "ros", "--multiply",
                "2", "--format", "png", "--out", dir.resolve("o1-back").toString());
        assertEquals(0, back.exitCode(), back.err());
        assertEquals(List.of("1", "2", "3"), ClassMap.read(dir.resolve("o1-back").resolve(ClassMap.FILE)).labels());

        Path plain = folders(dir.resolve("b"), List.of("0", "1", "2"));
        CliRun same = CliRun.of("oversample", "--data", plain.toString(), "--policy", "ros", "--multiply", "2",
                "--format", "idx", "--out", dir.resolve("o2").toString());
        assertEquals(0, same.exitCode(), same.err());
        assertFalse(same.out().contains("IDX labels are class indices"), same.out());
        CliRun png = CliRun.of("oversample", "--data", shifted.toString(), "--policy", "ros", "--multiply", "2",
                "--format", "png", "--out", dir.resolve("o3").toString());
        assertFalse(png.out().contains("IDX labels are class indices"), png.out());
    }
}

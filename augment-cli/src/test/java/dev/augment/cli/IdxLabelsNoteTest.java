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

    /**
     * Classes '0', '01', '1' (indices 0, 1, 2): generate's note named '1' when only '01' was written, and nothing said
     * that '01' reads back as 1 from the IDX bytes (a fresh user, 7 Dec). Only the classes written count.
     */
    @Test
    void onlyTheWrittenClassesAreNotedAndALeadingZeroMoves(@TempDir Path dir) throws IOException {
        Path data = folders(dir.resolve("d"), List.of("0", "01", "1"));
        Path model = dir.resolve("m.onnx");
        CliRun trained = CliRun.of("train", "--data", data.toString(), "--out", model.toString(), "--epochs", "1",
                "--check-samples", "0", "--batch-size", "4");
        assertEquals(0, trained.exitCode(), trained.err());
        CliRun zero = CliRun.of("generate", "--model", model.toString(), "--class", "0", "--n", "1", "--format", "idx",
                "--out", dir.resolve("o0").toString());
        assertEquals(0, zero.exitCode(), zero.err());
        assertFalse(zero.out().contains("IDX labels are class indices"), zero.out());
        CliRun leading = CliRun.of("generate", "--model", model.toString(), "--class", "01", "--n", "1", "--format",
                "idx", "--out", dir.resolve("o1").toString());
        assertEquals(0, leading.exitCode(), leading.err());
        assertTrue(leading.out().contains("class '01' is written as 1"), leading.out());
        // oversample writes every class's real examples, so '01' moves there too
        CliRun all = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros", "--multiply", "2",
                "--format", "idx", "--out", dir.resolve("o2").toString());
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains("class '01' is written as 1, '1' is written as 2 ("), all.out());
    }
}

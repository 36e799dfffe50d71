package dev.augment.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub/model.onnx");
        AtomicFiles.write(target, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(target, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
        assertEquals("two", Files.readString(target));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(1, count(target.getParent()));
    }

    @Test
    void aFailedWriteKeepsTheOldTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("checkpoint.bin"), "complete");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        }));
        assertEquals("complete", Files.readString(target));
        assertEquals(1, count(dir));
    }

    @Test
    void leftoversOfKilledWritesAreDeletedAndNothingElse() throws IOException {
        Files.writeString(dir.resolve(".checkpoint.bin123.tmp"), "partial");
        Files.writeString(dir.resolve(".samples-epoch-001.png9.tmp"), "partial");
        Files.writeString(dir.resolve("checkpoint.bin"), "complete");
        Files.writeString(dir.resolve("notes.tmp"), "the user's");
        assertEquals(1, AtomicFiles.deleteLeftovers(dir, "checkpoint.bin"));
        assertEquals(1, AtomicFiles.deleteLeftovers(dir, "samples-epoch-"));
        assertEquals(2, count(dir));
        assertEquals(0, AtomicFiles.deleteLeftovers(dir.resolve("missing"), "checkpoint.bin"));
    }

    @Test
    void deleteTreeRemovesNestedFoldersButNotLinkTargets() throws IOException {
        Path outside = Files.writeString(dir.resolve("outside.txt"), "keep");
        Path tree = Files.createDirectories(dir.resolve("tree/a/b"));
        Files.writeString(tree.resolve("f"), "x");
        Files.createSymbolicLink(dir.resolve("tree/link"), outside);
        AtomicFiles.deleteTree(dir.resolve("tree"));
        assertFalse(Files.exists(dir.resolve("tree")));
        assertEquals("keep", Files.readString(outside));
        AtomicFiles.deleteTree(dir.resolve("tree"));
    }

    private static long count(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writeReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub/model.onnx");
        AtomicFiles.write(target, out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(target, out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
        assertEquals("two", Files.readString(target));
        assertEquals(1, count(target.getParent()));
    }

    /**
     * A new file gets the mode any new file gets under the user's umask, and a replaced one keeps its own: a model
     * trained under {@code umask 077}, or one made owner-only, was opened to every user (a fresh user, 6 Dec).
     */
    @Test
    void aWrittenFileFollowsTheUmaskAndAReplacedOneKeepsItsMode() throws IOException {
        Path plain = Files.createFile(dir.resolve("plain.txt"));
        Path target = dir.resolve("model.onnx");
        AtomicFiles.write(target, out -> out.write(1));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.write(target, out -> out.write(2));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
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

    /**
     * A temporary file deleted and made again by another program while it was written became the model: 0 bytes,
     * "wrote", exit 0 (a fresh user, 7 Dec). Deleted and not made again: refused too.
     */
    @Test
    void aTemporaryFileMadeAgainOrDeletedIsNeverMovedIntoPlace() throws IOException {
        Path target = Files.writeString(dir.resolve("model.onnx"), "earlier model");
        for (boolean madeAgain : new boolean[] {true, false}) {
            IOException refused = assertThrows(IOException.class, () -> AtomicFiles.writeFile(target, temporary -> {
                Files.writeString(temporary, "the whole new model");
                Files.delete(temporary);
                if (madeAgain) {
                    Files.createFile(temporary);
                }
            }));
            assertTrue(refused.getMessage().contains(madeAgain ? "was deleted and made again" : "was deleted while"),
                    refused.getMessage());
            assertEquals("earlier model", Files.readString(target));
            assertEquals(1, count(dir));
        }
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

package dev.augment.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhysicalPathsTest {

    @TempDir
    Path dir;

    /** {@code link/../zz}, link to deep/a/b, is deep/a/zz for the kernel; normalize() made it ./zz (7 Dec). */
    @Test
    void dotDotAfterALinkGoesWhereTheKernelGoes() throws IOException {
        Path deep = Files.createDirectories(dir.resolve("deep").resolve("a").resolve("b"));
        Files.createSymbolicLink(dir.resolve("dl"), deep);
        Path given = dir.resolve("dl").resolve("..").resolve("zz");
        assertEquals(dir.toRealPath().resolve("deep").resolve("a").resolve("zz"), PhysicalPaths.absolute(given));
        assertEquals(dir.resolve("zz"), given.normalize(), "the lexical form this replaces");
        // the path ending in '..' itself, and a link kept where no '..' follows it
        assertEquals(dir.toRealPath().resolve("deep").resolve("a"), PhysicalPaths.absolute(dir.resolve("dl")
                .resolve("..")));
        assertEquals(dir.resolve("dl").resolve("x"), PhysicalPaths.absolute(dir.resolve("dl").resolve(".")
                .resolve("x")));
        // a '..' after a missing folder names nothing for the kernel: kept as given, so file operations fail as the
        // kernel's do (dropped by its text, dl/../missing/../zz was ./zz: a re-check, 7 Dec)
        Path missing = dir.resolve("dl").resolve("..").resolve("missing").resolve("..").resolve("zz");
        assertEquals(missing, PhysicalPaths.absolute(missing));
        assertFalse(Files.exists(PhysicalPaths.absolute(missing)));
        Files.createDirectories(dir.resolve("zz"));
        assertFalse(Files.exists(PhysicalPaths.absolute(missing)), "not ./zz");
        // likewise after a file: the kernel says "Not a directory" (a re-check, 7 Dec)
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        Path afterFile = file.resolve("..").resolve("q");
        assertEquals(afterFile, PhysicalPaths.absolute(afterFile));
        assertTrue(PhysicalPaths.namesNothing(afterFile));
        assertTrue(PhysicalPaths.namesNothing(missing));
        assertFalse(PhysicalPaths.namesNothing(given));
    }

    /**
     * {@code /proc/self/cwd/m.onnx} was recorded as typed, which names another file for every later reader (a
     * re-check, 7 Dec); a process's links under /proc are followed, every other link kept.
     */
    @Test
    void aProcessLinkUnderProcIsFollowedAndOtherLinksKept() throws IOException {
        Path file = Files.writeString(dir.resolve("m.onnx"), "x");
        try (var held = Files.newByteChannel(file)) {
            Path throughFd = Path.of("/proc/self/fd").resolve(descriptorOf(file)).resolve("..");
            assertFalse(PhysicalPaths.absolute(Path.of("/proc/self/cwd/m.onnx")).startsWith(Path.of("/proc")));
            assertEquals(Path.of("").toRealPath().resolve("m.onnx"),
                    PhysicalPaths.absolute(Path.of("/proc/self/cwd/m.onnx")));
            assertTrue(PhysicalPaths.namesNothing(throughFd), "a '..' after a file, reached through /proc: "
                    + throughFd);
        }
        Files.createSymbolicLink(dir.resolve("lm"), file);
        assertEquals(dir.resolve("lm"), PhysicalPaths.absolute(dir.resolve("lm")));
        // the user's own link to /proc/self/cwd, and a link to that link (a re-check, 7 Dec)
        Files.createSymbolicLink(dir.resolve("selfcwd"), Path.of("/proc/self/cwd"));
        Files.createSymbolicLink(dir.resolve("again"), Path.of("selfcwd"));
        // a relative target that climbs to /proc, and a target through a link into it (a re-check, 7 Dec)
        Path up = dir.toRealPath().relativize(Path.of("/proc/self/cwd"));
        Files.createSymbolicLink(dir.resolve("relcwd"), up);
        Files.createSymbolicLink(dir.resolve("viasub"), Path.of("selfcwd").resolve("."));
        for (String link : new String[] {"selfcwd", "again", "relcwd", "viasub"}) {
            assertEquals(Path.of("").toRealPath().resolve("m.onnx"), PhysicalPaths.absolute(dir.resolve(link)
                    .resolve("m.onnx")), link);
        }
    }

    private static String descriptorOf(Path file) throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.isSameFile(fd, file)) {
                        return fd.getFileName().toString();
                    }
                } catch (IOException closed) {
                    // the listing's own descriptor, closed by now
                }
            }
        }
        throw new IOException("no descriptor of " + file);
    }

    @Test
    void aNameOfMoreThan255BytesIsTooLong() {
        assertTrue(PhysicalPaths.tooLongName(dir.resolve("b".repeat(255))).isEmpty());
        String reason = PhysicalPaths.tooLongName(dir.resolve("b".repeat(256))).orElseThrow();
        assertTrue(reason.startsWith("its name is 256 bytes long"), reason);
        // a folder on the way: train --out LONG/m.onnx trained every epoch, then failed (a re-check, 7 Dec)
        String onTheWay = PhysicalPaths.tooLongName(dir.resolve("d".repeat(256)).resolve("m.onnx")).orElseThrow();
        assertTrue(onTheWay.startsWith("the name of a folder on its way is 256 bytes long"), onTheWay);
        // bytes of UTF-8, not characters: 128 two-byte letters
        assertFalse(PhysicalPaths.tooLongName(dir.resolve("é".repeat(128))).isEmpty());
    }
}

package dev.augment.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process killed while {@link AtomicFiles} wrote a file (train exporting its model) left a hidden temporary file
 * beside the target that no later run deleted.
 */
class KilledRunLeftoversTest {

    @TempDir
    Path dir;

    @Test
    void aKilledWritersTemporaryFileIsDeletedAndALiveOnesAndOthersAreKept() throws Exception {
        Path target = dir.resolve("model.onnx");
        String mine = KilledRunLeftovers.prefix("model.onnx");
        long pid = ProcessHandle.current().pid();
        assertTrue(mine.startsWith(".model.onnx.tmp-") && mine.endsWith("-" + pid + "-"), mine);
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        String dead = mine.replace("-" + pid + "-", "-" + finished.pid() + "-");
        Path killedFile = Files.writeString(dir.resolve(dead + "123.tmp"), "half a model");
        Path killedFolder = Files.createDirectories(dir.resolve(dead + "abc"));
        Files.writeString(killedFolder.resolve("0.png"), "x");
        Path live = Files.writeString(dir.resolve(mine + "456.tmp"), "being written");
        Path otherHost = Files.writeString(dir.resolve(".model.onnx.tmp-elsewhere-" + finished.pid() + "-1.tmp"), "x");
        Path otherTarget = Files.writeString(dir.resolve(dead.replace("model.onnx", "other.onnx") + "1.tmp"), "x");
        Path user = Files.writeString(target, "the user's finished model");

        assertEquals(2, KilledRunLeftovers.delete(target));

        assertFalse(Files.exists(killedFile));
        assertFalse(Files.exists(killedFolder));
        for (Path kept : new Path[] {live, otherHost, otherTarget, user}) {
            assertTrue(Files.exists(kept), kept + " is kept");
        }
    }

    /**
     * Two forced generate runs to one folder both said "wrote"; the one that finished first was replaced by the other's
     * move (a fresh user, 6 Dec). A live Java process's temporary folder for the target now refuses a new run; a
     * process of another program (a killed run's pid reused) and this process's own do not.
     */
    @Test
    void aTargetAnotherLiveJavaProcessIsWritingIsRefusedBeforeAnyWork() throws Exception {
        Path target = dir.resolve("out");
        Path sleeper = Files.writeString(dir.resolve("Sleep.java"),
                "class Sleep { public static void main(String[] a) throws Exception { Thread.sleep(120_000); } }");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process running = new ProcessBuilder(java, sleeper.toString()).start();
        Process other = new ProcessBuilder("sleep", "120").start();
        try {
            String mine = KilledRunLeftovers.prefix("out");
            long self = ProcessHandle.current().pid();
            Files.createDirectories(dir.resolve(mine + "own"));
            Files.createDirectories(dir.resolve(mine.replace("-" + self + "-", "-" + other.pid() + "-") + "x"));
            assertTrue(KilledRunLeftovers.beingWrittenByAnother(target).isEmpty(), "own and non-Java writers");
            Path live = Files.createDirectories(dir.resolve(mine.replace("-" + self + "-", "-" + running.pid() + "-")
                    + "y"));
            assertEquals(live, KilledRunLeftovers.beingWrittenByAnother(target).orElseThrow());
            assertEquals(running.pid(), KilledRunLeftovers.writer(target, live));
            dev.augment.errors.InvalidSettingException e = org.junit.jupiter.api.Assertions.assertThrows(
                    dev.augment.errors.InvalidSettingException.class,
                    () -> dev.augment.generate.output.AtomicOutputDirectory.create(target, true));
            assertTrue(e.getMessage().contains("is being written by another run now (process " + running.pid()),
                    e.getMessage());
            try (var names = Files.list(dir)) {
                assertEquals(3, names.filter(n -> n.getFileName().toString().startsWith(".out.")).count(),
                        "the refused run's own folder is gone");
            }
        } finally {
            running.destroyForcibly();
            other.destroyForcibly();
        }
    }

    /**
     * In a restarted container java is pid 1 on every start: a killed run's leftover named with a pid that runs again
     * was kept for ever as "a running one's" (a fresh user, 6 Dec). One last changed before that process started is
     * a leftover.
     */
    @Test
    void aLeftoverOlderThanTheProcessNowHoldingItsPidIsDeleted() throws Exception {
        Path target = dir.resolve("out");
        String mine = KilledRunLeftovers.prefix("out");
        Path old = Files.createDirectories(dir.resolve(mine + "killed"));
        Files.writeString(old.resolve("000001.png"), "x");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(java.time.Instant.parse(
                "2020-01-01T00:00:00Z")));
        Path current = Files.createDirectories(dir.resolve(mine + "current"));
        assertEquals(1, KilledRunLeftovers.delete(target));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(current), "one written since the process started is kept");
    }

    @Test
    void atomicWritesUseTheStampedNameAndLeaveNothing() throws IOException {
        Path target = dir.resolve("report.json");
        AtomicFiles.write(target, out -> {
            try (var names = Files.list(dir)) {
                String temporary = names.map(p -> p.getFileName().toString()).findFirst().orElseThrow();
                assertTrue(temporary.startsWith(KilledRunLeftovers.prefix("report.json")), temporary);
            }
            out.write(1);
        });
        try (var names = Files.list(dir)) {
            assertEquals(java.util.List.of(target), names.toList());
        }
    }

    /**
     * A target name the file system allows (up to 255 bytes) got about 40 more in its temporary name, which failed as
     * "File name too long" at the end of the run (a training's export after every step).
     */
    @Test
    void aLongTargetNameIsWrittenThroughAShortenedTemporaryName() throws Exception {
        String name = "\u00e9".repeat(60) + "z".repeat(130) + ".onnx"; // 255 bytes in UTF-8
        assertEquals(255, name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        String prefix = KilledRunLeftovers.prefix(name);
        assertTrue(prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 160, prefix);
        assertTrue(prefix.startsWith("." + "\u00e9".repeat(40) + "~"), "whole characters kept: " + prefix);
        assertEquals(prefix, KilledRunLeftovers.prefix(name), "the same name, the same prefix");
        assertFalse(prefix.equals(KilledRunLeftovers.prefix(name.replace(".onnx", ".onny"))), "another name, another");

        Path target = dir.resolve(name);
        AtomicFiles.write(target, out -> out.write(7));
        assertEquals(1, Files.size(target));
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        long pid = ProcessHandle.current().pid();
        Path killed = Files.writeString(dir.resolve(prefix.replace("-" + pid + "-", "-" + finished.pid() + "-")
                + "1.tmp"), "half");
        assertEquals(1, KilledRunLeftovers.delete(target), "a killed run's leftover is still found");
        assertFalse(Files.exists(killed));
    }
}

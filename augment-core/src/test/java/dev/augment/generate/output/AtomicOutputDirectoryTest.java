package dev.augment.generate.output;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicOutputDirectoryTest {

    @Test
    void commitAfterCancelMovesNothingAndCloseRemovesTheWork(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("out");
        CancellationToken cancellation = new CancellationToken();
        try (AtomicOutputDirectory out = AtomicOutputDirectory.create(target, false, cancellation)) {
            Files.writeString(out.workDir().resolve("partial.png"), "half");
            cancellation.cancel();
            assertThrows(CancelledException.class, out::commit);
        }
        assertFalse(Files.exists(target), "partial output is never moved into place");
        assertEquals(List.of(), names(parent));
    }

    /**
     * The temporary folder deleted mid-run and made again by a writer's createDirectories: the rest was moved into
     * place as the whole output, exit 0 (a fresh user, 7 Dec). Deleted and not made again: refused the same way.
     */
    @Test
    void aTemporaryFolderDeletedDuringTheRunIsNeverMovedIntoPlace(@TempDir Path parent) throws IOException {
        Path earlier = Files.createDirectories(parent.resolve("kept"));
        Files.writeString(earlier.resolve("generated.json"), "{}");
        for (boolean madeAgain : new boolean[] {true, false}) {
            Path target = parent.resolve("out");
            try (AtomicOutputDirectory out = AtomicOutputDirectory.create(target, false)) {
                Path work = out.workDir();
                Files.writeString(work.resolve("first.png"), "lost");
                AtomicFiles.deleteTree(work);
                if (madeAgain) {
                    Files.createDirectories(work.resolve("Sneaker"));
                    Files.writeString(work.resolve("Sneaker").resolve("late.png"), "half");
                }
                IOException e = assertThrows(IOException.class, out::commit);
                assertTrue(e.getMessage().contains("was " + (madeAgain ? "deleted and made again" : "deleted")
                        + " while this run wrote into it"), e.getMessage());
                assertTrue(e.getMessage().contains("nothing was moved into " + target.toAbsolutePath()),
                        e.getMessage());
            }
            assertFalse(Files.exists(target), "a partial output is never moved into place");
            assertEquals(List.of("kept"), names(parent));
        }
    }

    @Test
    void writesIntoHiddenSiblingAndRenamesOnCommit(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("out");
        try (AtomicOutputDirectory out = AtomicOutputDirectory.create(target, false)) {
            Path work = out.workDir();
            assertEquals(parent.toAbsolutePath(), work.getParent());
            assertTrue(work.getFileName().toString().startsWith(".out.tmp-"), work.toString());
            Files.writeString(work.resolve("a.txt"), "new");
            assertFalse(Files.exists(target), "nothing at the target before commit");
            out.commit();
        }
        assertEquals("new", Files.readString(target.resolve("a.txt")));
        assertEquals(List.of("out"), names(parent));
    }

    /** /proc passes every check and then refuses a new folder: reported as a bug, naming a hidden name (6 Dec). */
    @Test
    void aSystemFolderThatRefusesNewFoldersIsASettingError() {
        Path proc = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(proc.resolve("self")), "Linux's /proc");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(proc.resolve("augment-out"), false));
        assertTrue(e.getMessage().contains("/proc does not let a folder be created in it"), e.getMessage());
    }

    @Test
    void refusesExistingTargetWithoutForce(@TempDir Path parent) throws IOException {
        Path target = Files.createDirectory(parent.resolve("out"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> AtomicOutputDirectory.create(target, false));
        assertEquals("target " + target + " exists; allow replacing it (force) or choose another", e.getMessage());
        assertEquals("target", e.setting());
        assertEquals(List.of("out"), names(parent));
    }

    /**
     * An --out that appeared while the run wrote (a mkdir, another run) made the run delete its whole finished output
     * with the refusal (a fresh user, 6 Dec); it is kept beside it now, under a name the message gives.
     */
    @Test
    void aTargetThatAppearedWhileWritingKeepsTheOutputUnderAFreeName(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("out");
        Files.createDirectory(parent.resolve("out-2"));
        InvalidSettingException e;
        try (AtomicOutputDirectory output = AtomicOutputDirectory.create(target, false)) {
            Files.writeString(output.workDir().resolve("samples.csv"), "the run's work");
            Files.createDirectory(target);
            e = assertThrows(InvalidSettingException.class, output::commit);
        }
        Path kept = parent.resolve("out-3");
        assertTrue(e.getMessage().contains("appeared while this run wrote it") && e.getMessage().contains(
                "the output is complete in " + kept + " instead"), e.getMessage());
        assertEquals("the run's work", Files.readString(kept.resolve("samples.csv")));
        assertEquals(List.of(), names(target), "what appeared is left as it is");
        assertEquals(List.of("out", "out-2", "out-3"), names(parent));
    }

    /**
     * Two forced runs started within seconds both said "wrote", the later one replacing the earlier's output unseen
     * (helper o9, 6 Dec): a forced run does not replace an output put there while it wrote, and keeps its own beside.
     */
    @Test
    void aForcedRunDoesNotReplaceAnOutputAnotherRunPutThereMeanwhile(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("out");
        Files.createDirectory(target); // an earlier (empty) output, which force may replace
        InvalidSettingException e;
        try (AtomicOutputDirectory output = AtomicOutputDirectory.create(target, true)) {
            Files.writeString(output.workDir().resolve("samples.csv"), "this run's work");
            // another forced run commits first: the earlier output aside, its own into place
            Files.move(target, parent.resolve("elsewhere"));
            Files.createDirectory(target);
            Files.writeString(target.resolve("samples.csv"), "the other run's work");
            e = assertThrows(InvalidSettingException.class, output::commit);
        }
        Path kept = parent.resolve("out-2");
        assertTrue(e.getMessage().contains("was replaced or changed by another run or program while this run wrote "
                + "it, so it is not replaced; the output is complete in " + kept + " instead"), e.getMessage());
        assertEquals("the other run's work", Files.readString(target.resolve("samples.csv")));
        assertEquals("this run's work", Files.readString(kept.resolve("samples.csv")));
    }

    /**
     * evaluate's grids/ and generators/ were taken whole: a forced run deleted a user's notes or a copied generator
     * put in them (a fresh user, 6 Dec). Only evaluate's own files there are replaced now.
     */
    @Test
    void aForcedRunReplacesEvaluatesFoldersOnlyWhenTheyHoldEvaluatesFiles(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("ev");
        Files.createDirectories(target.resolve("grids"));
        Files.createDirectories(target.resolve("generators"));
        Files.writeString(target.resolve("report.json"), "{}");
        Files.writeString(target.resolve("grids/class-00-real.png"), "png");
        Files.writeString(target.resolve("grids/class-00-synthetic.png"), "png");
        Files.writeString(target.resolve("generators/seed-42.onnx"), "onnx");
        Path mine = Files.writeString(target.resolve("generators/my-best.onnx"), "the user's copy");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(target, true));
        assertTrue(e.getMessage().contains("holds 'generators/my-best.onnx', which augment does not write"),
                e.getMessage());
        assertEquals("the user's copy", Files.readString(mine));
        Files.delete(mine);
        Files.writeString(target.resolve("grids/notes.txt"), "notes");
        assertTrue(assertThrows(InvalidSettingException.class, () -> AtomicOutputDirectory.create(target, true))
                .getMessage().contains("holds 'grids/notes.txt'"));
        Files.delete(target.resolve("grids/notes.txt"));
        try (AtomicOutputDirectory output = AtomicOutputDirectory.create(target, true)) {
            output.commit();
        }
        assertEquals(List.of(), names(target), "evaluate's own output is replaced");
    }

    /**
     * Without generate's record (a user deleted it), a forced run deleted a user's own image named as generate names
     * its files, and a samples.csv of theirs, beside PNGs that carry generate's mark (a fresh user, 6 Dec).
     */
    @Test
    void markedPngsWithoutTheRecordStillTellTheUsersFilesApart(@TempDir Path parent) throws IOException {
        Path out = parent.resolve("out");
        Path cats = Files.createDirectories(out.resolve("cats"));
        Files.writeString(out.resolve("classes.csv"), "index,label,name,folder\n0,\"cat\",\"cat\",\"cats\"\n");
        byte[] png = greyPng();
        for (int i = 1; i <= 3; i++) {
            Files.write(cats.resolve(String.format("%06d.png", i)),
                    dev.augment.data.GeneratedPng.marked(png));
        }
        Files.write(cats.resolve("000100.png"), png);
        InvalidSettingException real = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(out, true));
        assertTrue(real.getMessage().contains("holds 'cats/000100.png', which augment does not write"),
                real.getMessage());
        Files.delete(cats.resolve("000100.png"));
        Files.writeString(out.resolve("samples.csv"), "my,own,table");
        assertTrue(assertThrows(InvalidSettingException.class, () -> AtomicOutputDirectory.create(out, true))
                .getMessage().contains("holds 'samples.csv'"));
        Files.delete(out.resolve("samples.csv"));
        AtomicOutputDirectory.create(out, true).close(); // generate's files only: replaceable
    }

    /**
     * Oversample's PNG output with its flags deleted (as the README allows) carries no mark and no list: a forced run
     * replaced a user's 000999.png beside its 21 files (a re-check, 6 Dec). augment numbers a class's files 1 to n.
     */
    @Test
    void anUnmarkedPngNumberedBeyondItsFoldersCountIsTheUsers(@TempDir Path parent) throws IOException {
        Path out = parent.resolve("out");
        Path bags = Files.createDirectories(out.resolve("Bag"));
        Files.writeString(out.resolve("classes.csv"), "index,label,name,folder\n0,\"8\",\"Bag\",\"Bag\"\n");
        byte[] png = greyPng();
        for (int i = 1; i <= 3; i++) {
            Files.write(bags.resolve(String.format("%06d.png", i)), png);
        }
        Files.write(bags.resolve("000999.png"), png);
        InvalidSettingException users = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(out, true));
        assertTrue(users.getMessage().contains("holds 'Bag/000999.png', which augment does not write"),
                users.getMessage());
        Files.move(bags.resolve("000999.png"), bags.resolve("000000.png"));
        assertTrue(assertThrows(InvalidSettingException.class, () -> AtomicOutputDirectory.create(out, true))
                .getMessage().contains("holds 'Bag/000000.png'"));
        Files.move(bags.resolve("000000.png"), bags.resolve("000004.png"));
        AtomicOutputDirectory.create(out, true).close(); // 1 to 4, as augment numbers them: replaceable
        assertTrue(Files.exists(bags.resolve("000004.png")), "a refused or closed run changes nothing");
    }

    /**
     * A note a user put into a class folder of the output a forced run replaced was deleted with it, "wrote", exit 0:
     * only the top folder was compared (a fresh user, 7 Dec).
     */
    @Test
    void aForcedRunDoesNotReplaceAnOutputWhoseClassFolderChangedMeanwhile(@TempDir Path parent) throws IOException {
        Path out = parent.resolve("out");
        Path bags = Files.createDirectories(out.resolve("Bag"));
        Files.writeString(out.resolve("classes.csv"), "index,label,name,folder\n0,\"8\",\"Bag\",\"Bag\"\n");
        Files.write(bags.resolve("000001.png"), greyPng());
        InvalidSettingException e;
        try (AtomicOutputDirectory output = AtomicOutputDirectory.create(out, true)) {
            Files.writeString(output.workDir().resolve("samples.csv"), "this run's work");
            Files.writeString(bags.resolve("mynote.txt"), "my precious note");
            e = assertThrows(InvalidSettingException.class, output::commit);
        }
        assertTrue(e.getMessage().contains("was replaced or changed by another run or program while this run wrote "
                + "it"), e.getMessage());
        assertEquals("my precious note", Files.readString(bags.resolve("mynote.txt")));
        assertEquals("this run's work", Files.readString(parent.resolve("out-2").resolve("samples.csv")));
    }

    /** A path beyond the system's limit was "does not let a folder be created in it" of a writable folder (6 Dec). */
    @Test
    void anOutTooLongForTheFileSystemIsNamedSo(@TempDir Path parent) throws IOException {
        Path deep = parent;
        while (deep.toString().length() < 3900) {
            deep = Files.createDirectories(deep.resolve("d".repeat(200)));
        }
        Path out = deep.resolve("o".repeat(150));
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(out, false));
        assertTrue(e.getMessage().contains(": the path is too long for the file system ("), e.getMessage());
    }

    /** generate --out model.onnx --force deleted the model to put a folder in its place. */
    @Test
    void neverReplacesAFileEvenWithForce(@TempDir Path parent) throws IOException {
        Path target = Files.writeString(parent.resolve("model.onnx"), "a model");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(target, true));
        assertTrue(e.getMessage().contains("is a file, not an output folder"), e.getMessage());
        assertEquals("a model", Files.readString(target));
        assertEquals(List.of("model.onnx"), names(parent));
    }

    /** A fresh user's --out link --force became a plain folder, and the folder it pointed to was never written. */
    @Test
    void neverReplacesALinkEvenWithForce(@TempDir Path parent) throws IOException {
        Path folder = Files.createDirectory(parent.resolve("elsewhere"));
        Files.writeString(folder.resolve("samples.csv"), "old");
        Path link = Files.createSymbolicLink(parent.resolve("out"), folder);
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(link, true));
        assertTrue(e.getMessage().contains("is a link to " + folder), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("old", Files.readString(folder.resolve("samples.csv")));
        Path dangling = Files.createSymbolicLink(parent.resolve("dangling"), parent.resolve("unmounted/place"));
        InvalidSettingException toNothing = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(dangling, true));
        assertTrue(toNothing.getMessage().contains("is a link to " + parent.resolve("unmounted/place")),
                toNothing.getMessage());
        assertTrue(Files.isSymbolicLink(dangling));
        // without force it was "exists; allow replacing it (force)", advice that only led to this refusal (4 Dec)
        InvalidSettingException unforced = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(link, false));
        assertTrue(unforced.getMessage().contains("is a link to " + folder), unforced.getMessage());
    }

    /**
     * A forced replace of an earlier output that cannot be moved aside and deleted (here immutable, as a folder of
     * another user's would be) did the whole generation and then failed in the system's words; it is refused first.
     * Needs {@code chattr} and a file system that keeps the flag (root on ext4 or similar); skipped elsewhere.
     */
    @Test
    void anEarlierOutputThatCannotBeReplacedIsRefusedBeforeAnyWork(@TempDir Path parent) throws Exception {
        Path target = Files.createDirectory(parent.resolve("out"));
        Files.writeString(target.resolve("samples.csv"), "old");
        org.junit.jupiter.api.Assumptions.assumeTrue(chattr("+i", target), "chattr +i is not available here");
        try {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> AtomicOutputDirectory.create(target, true));
            assertTrue(e.getMessage().contains("cannot be replaced: it is not writable"), e.getMessage());
            assertEquals(List.of("out"), names(parent), "no work folder was made");
        } finally {
            chattr("-i", target);
        }
        assertEquals("old", Files.readString(target.resolve("samples.csv")));
    }

    private static boolean chattr(String flag, Path path) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && (!flag.equals("+i") || !Files.isWritable(path));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void replacesExistingTargetWithForce(@TempDir Path parent) throws IOException {
        Path target = Files.createDirectory(parent.resolve("out"));
        Files.writeString(target.resolve("samples.csv"), "old");
        Files.createDirectories(target.resolve("grids")); // evaluate's grids, a nested tree
        Files.writeString(target.resolve("grids/class-00-real.png"), "png");
        try (AtomicOutputDirectory out = AtomicOutputDirectory.create(target, true)) {
            Files.writeString(out.workDir().resolve("new.txt"), "new");
            assertTrue(Files.exists(target.resolve("samples.csv")), "old output stays until commit");
            out.commit();
        }
        assertEquals(List.of("new.txt"), names(target));
        assertEquals(List.of("out"), names(parent), "neither the temporary nor the old folder remains");
    }

    @Test
    void leavesNothingBehindWhenClosedWithoutCommit(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("out");
        try (AtomicOutputDirectory out = AtomicOutputDirectory.create(target, false)) {
            Files.createDirectories(out.workDir().resolve("class/sub"));
            Files.writeString(out.workDir().resolve("class/sub/000001.png"), "partial");
        }
        assertEquals(List.of(), names(parent));
    }

    @Test
    void keepsOldTargetWhenForcedRunFailsBeforeCommit(@TempDir Path parent) throws IOException {
        Path target = Files.createDirectory(parent.resolve("out"));
        Files.writeString(target.resolve("samples.csv"), "old");
        assertThrows(IllegalStateException.class, () -> {
            try (AtomicOutputDirectory out = AtomicOutputDirectory.create(target, true)) {
                Files.writeString(out.workDir().resolve("new.txt"), "new");
                throw new IllegalStateException("generation failed");
            }
        });
        assertEquals(List.of("out"), names(parent));
        assertEquals(List.of("samples.csv"), names(target));
    }

    @Test
    void refusesParentThatIsNotAFolder(@TempDir Path parent) throws IOException {
        Path file = Files.writeString(parent.resolve("file"), "x");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(file.resolve("out"), false));
        assertTrue(e.getMessage().contains(file + " is a file, not a folder; choose another"), e.getMessage());
        assertEquals("target", e.setting());
        assertFalse(e.getMessage().contains("--"), "library messages name no flags: " + e.getMessage());
    }

    @Test
    void refusesMissingParent(@TempDir Path parent) throws IOException {
        Path missing = parent.resolve("missing");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(missing.resolve("out"), false));
        assertTrue(e.getMessage().contains(missing + " does not exist; create it (mkdir -p " + missing + ")"),
                e.getMessage());
        assertEquals(List.of(), names(parent));
        // a folder name mkdir -p cannot make is not sent to it (a re-check, 7 Dec)
        Path tooLong = parent.resolve("d".repeat(300));
        InvalidSettingException longName = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(tooLong.resolve("out"), false));
        assertTrue(longName.getMessage().contains(": the name of a folder on its way is 300 bytes long, and a file "
                + "system takes at most 255"), longName.getMessage());
        assertTrue(AtomicOutputDirectory.notAFolder(tooLong).endsWith(" does not exist and cannot be made: a folder "
                + "name in it is 300 bytes long, and a file system takes at most 255; choose another"));

        // pasted, the advice is one shell word; a link to nothing is named, as mkdir -p fails on it
        Path spaced = parent.resolve("with space");
        InvalidSettingException quoted = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(spaced.resolve("out"), false));
        assertTrue(quoted.getMessage().contains("(mkdir -p '" + spaced + "')"), quoted.getMessage());
        assertEquals("'it'\\''s'", AtomicOutputDirectory.shellWord("it's"));
        Path link = Files.createSymbolicLink(parent.resolve("dangling"), parent.resolve("nowhere"));
        InvalidSettingException dangling = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(link.resolve("out"), false));
        assertTrue(dangling.getMessage().contains(link + " does not exist: " + link + " is a link to "
                + parent.resolve("nowhere") + ", which does not exist; create that, remove the link"),
                dangling.getMessage());
    }

    @Test
    void aForcedRunReplacesOnlyAnEarlierOutputAndNeverADeviceOrTheTemporaryFolder(@TempDir Path parent)
            throws IOException {
        Path users = Files.createDirectories(parent.resolve("documents"));
        Files.writeString(users.resolve("thesis.txt"), "years of work");
        InvalidSettingException own = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(users, true));
        assertTrue(own.getMessage().contains("holds 'thesis.txt', which augment does not write"),
                own.getMessage());
        assertTrue(Files.exists(users.resolve("thesis.txt")));
        // a data folder with a classes.csv of its own is no earlier output either: its class folders hold photos
        Path data = Files.createDirectories(parent.resolve("data/cats"));
        Files.writeString(data.resolve("1.jpg"), "a photo");
        Files.writeString(data.resolveSibling("classes.csv"), "index,label,name,folder\n0,\"cat\",\"cat\",\"cats\"\n");
        InvalidSettingException mapped = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(data.getParent(), true));
        assertTrue(mapped.getMessage().contains("holds 'cats/1.jpg', which augment does not write"),
                "the class folder is augment's; the file in it is not: " + mapped.getMessage());
        Files.delete(data.resolve("1.jpg"));
        byte[] png = greyPng();
        Files.write(data.resolve("000001.png"), dev.augment.data.GeneratedPng.marked(png));
        AtomicOutputDirectory.create(data.getParent(), true).close(); // now as generate writes it: replaceable
        // with generate's record, a file its format does not write is the user's: a samples.csv of their own put in a
        // PNG output was deleted by a forced run (a fresh user, 5 Dec)
        new dev.augment.data.GenerationRecord("/m/g.onnx", 1, "png", 1, java.util.List.of("cat"))
                .write(data.getParent());
        // a user's real image named as generate names its files, without the mark every generated PNG carries
        Files.write(data.resolve("000002.png"), png);
        InvalidSettingException unmarked = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(data.getParent(), true));
        assertTrue(unmarked.getMessage().contains("holds 'cats/000002.png', which augment does not write"),
                unmarked.getMessage());
        Files.delete(data.resolve("000002.png"));
        Files.writeString(data.resolveSibling("samples.csv"), "my notes");
        InvalidSettingException notPng = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(data.getParent(), true));
        assertTrue(notPng.getMessage().contains("holds 'samples.csv', which augment does not write"),
                notPng.getMessage());
        new dev.augment.data.GenerationRecord("/m/g.onnx", 1, "csv", 1, java.util.List.of("cat"))
                .write(data.getParent());
        Files.delete(data.resolve("000001.png"));
        Files.delete(data);
        AtomicOutputDirectory.create(data.getParent(), true).close(); // a CSV output: samples.csv is generate's

        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        InvalidSettingException temporary = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(tmp, true));
        assertTrue(temporary.getMessage().contains("is or holds the temporary folder"), temporary.getMessage());

        Path empty = Files.createDirectories(parent.resolve("empty"));
        try (AtomicOutputDirectory out = AtomicOutputDirectory.create(empty, true)) {
            Files.writeString(out.workDir().resolve("classes.csv"), "x");
            out.commit();
        }
        assertTrue(Files.exists(empty.resolve("classes.csv")), "an empty folder may be replaced");

        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull));
        InvalidSettingException device = assertThrows(InvalidSettingException.class,
                () -> AtomicOutputDirectory.create(devNull, true));
        assertTrue(device.getMessage().contains("is a device, pipe or socket"), device.getMessage());
        assertTrue(!Files.isDirectory(devNull), "/dev/null untouched");
    }

    @Test
    void refusesToForceReplaceTheCurrentFolderOrItsAncestors() throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        try (Stream<Path> before = Files.list(cwd.getParent())) {
            long entries = before.count();
            for (Path target : List.of(Path.of("."), cwd, cwd.getParent())) {
                InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> AtomicOutputDirectory.create(target, true));
                assertTrue(e.getMessage().contains("holds the current folder"), e.getMessage());
            }
            try (Stream<Path> after = Files.list(cwd.getParent())) {
                assertEquals(entries, after.count(), "no temporary folder was created");
            }
        }
    }

    @Test
    void refusesWorkDirAfterCommit(@TempDir Path parent) throws IOException {
        try (AtomicOutputDirectory out = AtomicOutputDirectory.create(parent.resolve("out"), false)) {
            out.commit();
            assertThrows(IllegalStateException.class, out::workDir);
            assertThrows(IllegalStateException.class, out::commit);
        }
        assertTrue(Files.isDirectory(parent.resolve("out")));
    }

    @Test
    void commitsWriterOutputEndToEnd(@TempDir Path parent) throws IOException {
        Path target = parent.resolve("gen");
        var schema = TestSchemas.image(1, 1, 1, 0, 255, List.of("a"));
        try (AtomicOutputDirectory out = AtomicOutputDirectory.create(target, false)) {
            try (SampleWriter writer = SampleWriters.open(OutputFormat.CSV, out.workDir(), schema, 1)) {
                writer.write(0, new float[] {9}, 1);
                writer.finish();
            }
            out.commit();
        }
        assertEquals(List.of("label,0", "0,9"), Files.readAllLines(target.resolve(CsvSampleWriter.FILE)));
        assertEquals(List.of("gen"), names(parent));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * A killed or interrupted forced replace leaves the old output renamed aside ({@code .out.old-*}) and nothing ever
     * removed it; the next forced replace of the same target deletes it with its own.
     */
    @Test
    void aForcedReplaceAlsoDeletesAnEarlierRunsLeftoverOldOutput(@TempDir Path parent) throws IOException {
        Path target = Files.createDirectories(parent.resolve("out"));
        Files.writeString(target.resolve("samples.csv"), "old");
        Path leftover = Files.createDirectories(parent.resolve(".out.old-0123456789ab"));
        Files.writeString(leftover.resolve("older.txt"), "older");
        Path unrelated = Files.createDirectories(parent.resolve(".other.old-0123456789ab"));
        Path users = Files.createDirectories(parent.resolve(".out.old-mine"));
        try (AtomicOutputDirectory out = AtomicOutputDirectory.create(target, true)) {
            Files.writeString(out.workDir().resolve("new.txt"), "new");
            out.commit();
        }
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(List.of(unrelated, users, target), left.sorted().toList(), "only the new output, another "
                    + "target's leftover and a folder named otherwise than this class names its own");
        }
        assertEquals("new", Files.readString(target.resolve("new.txt")));
    }

    /** Deleting a large replaced output stops on a signal; the files not yet deleted stay. */
    @Test
    void deletingATreeStopsOnACancel(@TempDir Path parent) throws IOException {
        Path tree = Files.createDirectories(parent.resolve("tree"));
        Files.writeString(tree.resolve("a.txt"), "a");
        CancellationToken token = new CancellationToken();
        token.cancel();
        CancelledException e = assertThrows(CancelledException.class,
                () -> dev.augment.io.AtomicFiles.deleteTree(tree, token));
        assertTrue(e.getMessage().contains("deleting " + tree), e.getMessage());
        assertTrue(Files.exists(tree.resolve("a.txt")));
    }

    /**
     * A run killed with SIGKILL leaves its temporary folder, which it cannot delete; the next run to the same target
     * deletes it when its process is gone, and leaves a live run's alone.
     */
    @Test
    void aKilledRunsTemporaryFolderIsDeletedByTheNextRunAndALiveOnesIsNot(@TempDir Path parent) throws Exception {
        Path target = parent.resolve("out");
        Path live;
        try (AtomicOutputDirectory running = AtomicOutputDirectory.create(target, false)) {
            live = running.workDir();
            String name = live.getFileName().toString();
            long pid = ProcessHandle.current().pid();
            assertTrue(name.contains("-" + pid + "-"), name);
            Process finished = new ProcessBuilder("true").start();
            finished.waitFor();
            Path killed = Files.createDirectories(parent.resolve(name.replace("-" + pid + "-", "-" + finished.pid()
                    + "-")));
            Files.writeString(killed.resolve("partial.png"), "x");
            try (AtomicOutputDirectory next = AtomicOutputDirectory.create(target, false)) {
                assertFalse(Files.exists(killed), "the dead run's folder is gone");
                assertTrue(Files.exists(live), "the live run's folder is kept");
            }
        }
    }

    /** @return a 2×2 grey PNG file's bytes, unmarked */
    private static byte[] greyPng() throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(2, 2, java.awt.image.BufferedImage.TYPE_BYTE_GRAY),
                "png", png);
        return png.toByteArray();
    }
}

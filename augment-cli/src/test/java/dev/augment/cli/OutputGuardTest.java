package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --force never lets a command's output replace its own input (the model, the data). */
class OutputGuardTest {

    private static final Path SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample");

    @TempDir
    Path dir;

    @Test
    void generateRefusesAnOutputFolderHoldingItsModel() throws IOException {
        Path models = Files.createDirectory(dir.resolve("models"));
        Path model = TestModels.write(models.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        byte[] before = Files.readAllBytes(model);
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "a", "--n", "1",
                "--out", models.toString(), "--force");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--out " + models + " holds the input"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(model)), "the model is untouched");
        CliRun same = CliRun.of("generate", "--model", model.toString(), "--class", "a", "--n", "1",
                "--out", model.toString(), "--force");
        assertEquals(2, same.exitCode(), same.err());
        assertTrue(same.err().contains(" is the input "), same.err());
        assertTrue(Files.isRegularFile(model));
    }

    /** An output inside an earlier one added to that data and kept --force from replacing it (a fresh user, 5 Dec). */
    @Test
    void anOutputInsideAnEarlierOutputIsRefused() throws IOException {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        Path first = dir.resolve("first");
        assertEquals(0, CliRun.of("generate", "--model", model.toString(), "--class", "a", "--n", "1", "--out",
                first.toString()).exitCode());
        CliRun inner = CliRun.of("generate", "--model", model.toString(), "--class", "b", "--n", "1", "--out",
                first.resolve("more").toString());
        assertEquals(2, inner.exitCode(), inner.err());
        assertTrue(inner.err().contains("--out " + first.resolve("more") + " is inside " + first.toAbsolutePath()
                + ", augment generate's earlier output"), inner.err());
        assertEquals(1, inner.err().lines().count(), inner.err());
        assertTrue(Files.notExists(first.resolve("more")));
        Path spark = Files.createDirectories(dir.resolve("fm.parquet"));
        Files.createFile(spark.resolve("_augment-spark-generate"));
        refusedInside(model, spark.resolve("x"), "spark-generate's earlier output");
        Path report = Files.createDirectories(dir.resolve("ev"));
        Files.writeString(report.resolve("report.json"), "{}");
        Files.writeString(report.resolve("report.html"), "<html></html>");
        refusedInside(model, report.resolve("sub"), "augment evaluate's earlier output");
        Path user = Files.createDirectories(dir.resolve("work"));
        Files.writeString(user.resolve("synthetic.csv"), "a user's own file\n");
        assertEquals(0, CliRun.of("generate", "--model", model.toString(), "--class", "b", "--n", "1", "--out",
                user.resolve("o").toString()).exitCode(), "a user's synthetic.csv without augment's class map");
    }

    /** "augment train's checkpoint earlier output: writing there adds to that data" (a fresh user, 6 Dec). */
    @Test
    void anOutputInsideATrainingCheckpointFolderIsNamedAsSuch() throws IOException {
        Path trained = dir.resolve("m.onnx");
        CliRun train = CliRun.of("train", "--data", java.nio.file.Path.of("..", "datasets", "fashion-mnist-sample")
                .toString(), "--out", trained.toString(), "--steps", "2", "--check-samples", "0", "--batch-size", "50");
        assertEquals(0, train.exitCode(), train.err());
        // and its provenance said "best" of a run in which no check ran, where the log said "last" (6 Dec)
        CliRun inspect = CliRun.of("inspect", "--model", trained.toString(), "--json");
        assertTrue(inspect.out().contains("\"exported\" : \"last, since no check ran: the averaged generator of "
                + "step 2\""), inspect.out());
        Path checkpoints = dir.resolve("m.onnx.training");
        assertTrue(Files.isRegularFile(checkpoints.resolve(dev.augment.train.Checkpoints.LATEST)), "kept for --resume");
        // the folder itself as train's --out was told to hold generator.onnx, which is then refused (a re-check)
        CliRun itself = CliRun.of("train", "--data", java.nio.file.Path.of("..", "datasets", "fashion-mnist-sample")
                .toString(), "--out", checkpoints.toString(), "--steps", "2", "--check-samples", "0");
        assertEquals(2, itself.exitCode(), itself.err());
        assertTrue(itself.err().contains("is the checkpoint folder of an augment train run; give the model's file "
                + "name, e.g. " + trained), itself.err());
        CliRun run = CliRun.of("generate", "--model", trained.toString(), "--class", "1", "--n", "1", "--out",
                checkpoints.resolve("x").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(" is inside " + checkpoints.toAbsolutePath() + ", the checkpoint folder of an "
                + "augment train run (for --resume), which augment train manages itself; choose a folder outside it"),
                run.err());
    }

    private static void refusedInside(Path model, Path out, String whose) {
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "b", "--n", "1", "--out",
                out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(whose), run.err());
    }

    /** A --names file inside the --out folder was deleted by --force (oversample exited 0). */
    @Test
    void aNamesFileIsAnInputToo() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("nm"));
        Path names = Files.write(folder.resolve("names.txt"), List.of("a", "b", "c", "d", "e", "f", "g", "h", "i",
                "j"));
        CliRun oversample = CliRun.of("oversample", "--data", SAMPLE.toString(), "--names", names.toString(),
                "--policy", "ros", "--counts", "a=1", "--out", folder.toString(), "--force");
        assertEquals(2, oversample.exitCode(), oversample.err());
        assertTrue(oversample.err().contains("holds the input " + names), oversample.err());
        assertTrue(Files.isRegularFile(names), "the names file is untouched");
        CliRun keyword = CliRun.of("oversample", "--data", SAMPLE.toString(), "--names", "fashion-mnist",
                "--policy", "ros", "--counts", "0=1", "--out", dir.resolve("fashion-mnist").toString());
        assertEquals(0, keyword.exitCode(), "a keyword is no file: " + keyword.err());
    }

    /** evaluate --trainer config:FILE --out DIR --force deleted FILE when it sat inside DIR. */
    @Test
    void aTrainerConfigurationIsAnInputToo() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("cf"));
        Path config = Files.writeString(folder.resolve("t.xml"), "<config/>");
        CliRun run = CliRun.of("evaluate", "--data", Path.of("..", "datasets", "tabular-sample", "glass.csv")
                .toString(), "--label", "Type", "--gan-steps", "0", "--seeds", "2", "--trainer", "config:" + config,
                "--out", folder.toString(), "--force");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("holds the input " + config), run.err());
        assertEquals("<config/>", Files.readString(config));
    }

    @Test
    void oversampleAndTrainRefuseToWriteOverTheirData() throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, data.resolve(f.getFileName().toString()));
            }
        }
        List<String> before = names(data);
        CliRun oversample = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros",
                "--out", data.toString(), "--force");
        assertEquals(2, oversample.exitCode(), oversample.err());
        CliRun train = CliRun.of("train", "--data", data.toString(), "--out", data.toString(), "--force",
                "--epochs", "1");
        assertEquals(2, train.exitCode(), train.err());
        CliRun parent = CliRun.of("train", "--data", data.toString(), "--out", dir.toString(), "--epochs", "1");
        assertEquals(2, parent.exitCode(), parent.err());
        CliRun inside = CliRun.of("train", "--data", data.toString(), "--out",
                data.resolve("train-images-idx3-ubyte.gz").toString(), "--force", "--epochs", "1");
        assertEquals(2, inside.exitCode(), inside.err());
        assertTrue(inside.err().contains("is inside the input folder"), inside.err());
        CliRun subFolder = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros",
                "--out", data.resolve("more").toString());
        assertEquals(2, subFolder.exitCode(), subFolder.err());
        // A new --out reached through a link to the data used to pass (only existing paths were resolved).
        Path link = Files.createSymbolicLink(dir.resolve("link"), data);
        CliRun throughLink = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros",
                "--out", link.resolve("new").toString());
        assertEquals(2, throughLink.exitCode(), throughLink.err());
        assertTrue(throughLink.err().contains("is inside the input folder"), throughLink.err());
        assertEquals(before, names(data), "the data folder is untouched");
    }

    @Test
    void resumingOnOtherDataIsRefused() throws IOException {
        Path out = dir.resolve("m.onnx");
        CliRun first = CliRun.of("train", "--data", SAMPLE.toString(), "--out", out.toString(), "--epochs", "1",
                "--check-samples", "0");
        assertEquals(0, first.exitCode(), first.err());
        Path other = Files.createDirectory(dir.resolve("other"));
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (Path f : files.toList()) {
                Files.copy(f, other.resolve(f.getFileName().toString()));
            }
        }
        // Same layout, other data: the test split in place of the training split.
        Files.copy(SAMPLE.resolve("t10k-images-idx3-ubyte.gz"), other.resolve("train-images-idx3-ubyte.gz"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(SAMPLE.resolve("t10k-labels-idx1-ubyte.gz"), other.resolve("train-labels-idx1-ubyte.gz"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliRun resumed = CliRun.of("train", "--data", other.toString(), "--out", out.toString(), "--epochs", "2",
                "--check-samples", "0", "--resume", "--force");
        assertEquals(2, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("--resume needs the data the checkpoint was trained on"), resumed.err());
    }

    @Test
    void trainRefusesAnOutputThatIsAFolder() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out"));
        CliRun run = CliRun.of("train", "--data", SAMPLE.toString(), "--out", folder.toString(), "--epochs", "1");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("is a folder"), run.err());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /**
     * {@code generate --out augment-cli/target/lib --force} deleted augment's own libraries, and every later run failed
     * to start. The code's own location (in a test, its classes folder) is never an output, nor inside one.
     */
    @Test
    void augmentsOwnInstallationIsNeverAnOutput() throws Exception {
        Path code = Path.of(OutputGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (Path out : List.of(code, code.getParent(), code.resolve("out"))) {
            UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                    () -> OutputGuard.requireApart("--out", out));
            assertTrue(e.getMessage().contains("augment's own installation"), e.getMessage());
        }
    }

    /**
     * {@code spark-generate --out augment-spark/target --force} deleted the Spark command's jar, a class path entry
     * outside augment-cli's own folder. Every class path entry is kept; an output inside a folder entry is allowed (a
     * class path may name the working folder).
     */
    @Test
    void aClassPathEntryIsNeverReplacedButAFolderEntryMayHoldAnOutput() throws IOException {
        Path jar = Files.writeString(Files.createDirectories(dir.resolve("spark/target")).resolve("augment-spark.jar"),
                "jar");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String before = System.getProperty("java.class.path");
        System.setProperty("java.class.path", before + java.io.File.pathSeparator + jar
                + java.io.File.pathSeparator + classes);
        try {
            for (Path out : List.of(jar, jar.getParent(), classes)) {
                UsageException e = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                        () -> OutputGuard.requireApart("--out", out));
                assertTrue(e.getMessage().contains("a library augment runs from"), e.getMessage());
            }
            OutputGuard.requireApart("--out", classes.resolve("out"));
            OutputGuard.requireApart("--out", jar.resolveSibling("other"));
        } finally {
            System.setProperty("java.class.path", before);
        }
    }

    @Test
    void anOutputInsideOrHoldingTheNativeLibraryCacheIsRefused() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("home/.cache/augment/onnxruntime-x"));
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("a", "b"), 4));
        String before = System.getProperty(dev.augment.generate.OnnxRuntimeLoader.CACHE_PROPERTY);
        System.setProperty(dev.augment.generate.OnnxRuntimeLoader.CACHE_PROPERTY, cache.getParent().toString());
        try {
            for (Path out : List.of(cache.getParent(), cache.getParent().getParent(), cache.resolve("images"))) {
                CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "a", "--n", "1",
                        "--out", out.toString(), "--force");
                assertEquals(2, run.exitCode(), run.err());
                assertTrue(run.err().contains("augment's cache of native libraries"), run.err());
                assertTrue(Files.isDirectory(cache), "the cache is kept");
                assertTrue(Files.notExists(cache.resolve("images")), "nothing written into it");
            }
            // a cache not created yet is still where the first run extracts the libraries
            System.setProperty(dev.augment.generate.OnnxRuntimeLoader.CACHE_PROPERTY,
                    dir.resolve("fresh/augment").toString());
            CliRun inside = CliRun.of("generate", "--model", model.toString(), "--class", "a", "--n", "1",
                    "--out", dir.resolve("fresh/augment/x").toString());
            assertEquals(2, inside.exitCode(), inside.err());
            assertTrue(Files.notExists(dir.resolve("fresh/augment/x")), "nothing written");
        } finally {
            if (before == null) {
                System.clearProperty(dev.augment.generate.OnnxRuntimeLoader.CACHE_PROPERTY);
            } else {
                System.setProperty(dev.augment.generate.OnnxRuntimeLoader.CACHE_PROPERTY, before);
            }
        }
    }

    /** A file that appeared at train's --out while it trained is not replaced without --force. */
    @Test
    void aModelFileThatAppearedDuringTrainingIsNotReplaced() throws IOException {
        Path out = Files.writeString(dir.resolve("late.onnx"), "my precious model");
        Path checkpoints = Files.createDirectories(dir.resolve("late.onnx.training"));
        UsageException none = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> OutputGuard.requireStillFree(out, false, null));
        assertTrue(none.getMessage().contains("appeared while training") && none.getMessage().contains(
                "the model was not written"), none.getMessage());
        Files.writeString(checkpoints.resolve("checkpoint.bin"), "x");
        UsageException kept = org.junit.jupiter.api.Assertions.assertThrows(UsageException.class,
                () -> OutputGuard.requireStillFree(out, false, checkpoints));
        assertTrue(kept.getMessage().contains("--resume --checkpoint-dir " + checkpoints), kept.getMessage());
        OutputGuard.requireStillFree(out, true, checkpoints); // --force: replacing was asked for
        OutputGuard.requireStillFree(dir.resolve("free.onnx"), false, null);
        assertEquals("my precious model", Files.readString(out));
    }

    /** A fresh run over an earlier run's checkpoint folder (--force) sets the old checkpoint and record aside. */
    @Test
    void aFreshRunsDataRecordReplacesTheEarlierCheckpoint() throws IOException {
        Path checkpoints = Files.createDirectories(dir.resolve("ck"));
        Files.writeString(checkpoints.resolve("checkpoint.bin"), "the earlier run's weights");
        CheckpointData.match(checkpoints, new dev.augment.data.DataFingerprint("ab".repeat(32), 500), false);
        assertTrue(Files.notExists(checkpoints.resolve("checkpoint.bin")),
                "else --resume continued the old weights on the new data");
        assertEquals("ab".repeat(32) + " 500", Files.readString(checkpoints.resolve(CheckpointData.FILE)).trim());
    }

    /** train --force replaces an earlier model, never a file of another kind given as --out by mistake. */
    @Test
    void trainForcedOverAFileThatIsNoModelIsRefused() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "my notes");
        CliRun run = CliRun.of("train", "--data", SAMPLE.toString(), "--names", "fashion-mnist", "--steps", "1",
                "--check-samples", "0", "--out", notes.toString(), "--force");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("is not an ONNX model, so it is not replaced, even when forced"), run.err());
        assertEquals("my notes", Files.readString(notes));
    }
}

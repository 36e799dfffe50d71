package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augment.data.IdxImageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainAndInspectCommandTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    @Test
    void trainOneEpochThenGenerateGivesTheRightCountsAndLabels(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("fm.onnx");
        CliRun train = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--epochs", "1",
                "--batch-size", "50", "--arch", "mlp");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("epoch 1:"), train.out());
        assertTrue(Files.exists(dir.resolve("fm.onnx.training/samples-epoch-001.png")));
        assertTrue(Files.exists(dir.resolve("fm.onnx.training/checkpoint.bin")));
        // the checkpoint given as the model (a fresh user, 5 Dec) is named for what it is
        CliRun checkpoint = CliRun.of("generate", "--model", dir.resolve("fm.onnx.training/checkpoint.bin").toString(),
                "--class", "trouser", "--n", "2", "--out", dir.resolve("nothing").toString());
        assertEquals(3, checkpoint.exitCode(), checkpoint.err());
        assertTrue(checkpoint.err().contains("is a checkpoint of augment train, not a generator; give the .onnx file "
                + "train wrote"), checkpoint.err());
        assertTrue(!Files.exists(dir.resolve("nothing")), "nothing written");

        Path out = dir.resolve("synth");
        CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "ankle boot,trouser",
                "--n", "12", "--format", "idx", "--out", out.toString());
        assertEquals(0, generate.exitCode(), generate.err());
        IdxImageSource back = new IdxImageSource(out.resolve("images-idx3-ubyte"), out.resolve("labels-idx1-ubyte"));
        int boots = 0;
        int trousers = 0;
        for (Example<Label> example : back) {
            boots += example.getOutput().getLabel().equals("9") ? 1 : 0;
            trousers += example.getOutput().getLabel().equals("1") ? 1 : 0;
        }
        assertEquals(12, boots);
        assertEquals(12, trousers);

        CliRun inspect = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals(0, inspect.exitCode(), inspect.err());
        JsonNode json = new ObjectMapper().readTree(inspect.out());
        assertEquals(10, json.path("classes").size());
        assertEquals("Ankle boot", json.path("classes").get(9).path("name").asText());
        assertEquals(64, json.path("latentDim").asInt());
        // 10% of every class is carved off for the quality check and not trained on.
        assertEquals(900, json.path("provenance").path("trainingData").path("count").asInt());
        assertEquals(100, json.path("provenance").path("validation").path("size").asInt());
        assertEquals(42, json.path("provenance").path("validation").path("seed").asInt());
        assertEquals(64, json.path("provenance").path("trainingData").path("sha256").asText().length());
        assertTrue(json.path("provenance").path("trainingData").path("source").asText().endsWith(
                "fashion-mnist-sample (train split) less a stratified validation split"), json.toString());
        assertEquals(42, json.path("provenance").path("seed").asInt());
        assertEquals("[1,28,28]", json.path("shape").toString());

        CliRun text = CliRun.of("inspect", "--model", model.toString());
        assertTrue(text.out().contains("    9  Ankle boot   90 examples"), text.out());
        assertTrue(text.out().contains("latent size: 64"), text.out());
        assertTrue(text.out().contains("diffAugment (none), "), "an empty setting is shown as such: " + text.out());
        // an MLP (this model's architecture) never reads convWidth (a fresh user, 7 Dec)
        assertTrue(text.out().contains("settings:    architecture MLP") && !text.out().contains("convWidth"),
                text.out());
    }

    /** inspect printed a terminal escape and a line break from class names as they were (a fresh user, 6 Dec). */
    /**
     * A batch both too large for the memory and larger than the data was told "at most 48385" by the memory check, and
     * following that, "at most 1000" (a fresh user, 7 Dec): the data's bound is said first.
     */
    @Test
    void aBatchLargerThanTheDataIsToldTheDatasBoundFirst(@TempDir Path dir) {
        for (String check : new String[] {"0", "100"}) {
            CliRun train = CliRun.of("train", "--data", SAMPLE, "--out", dir.resolve("m.onnx").toString(), "--steps",
                    "1", "--batch-size", "1000000000", "--check-samples", check);
            assertEquals(2, train.exitCode(), train.err());
            assertTrue(train.err().contains("but the data has only") && !train.err().contains("native (PyTorch) "
                    + "memory"), train.err());
        }
        assertFalse(java.nio.file.Files.exists(dir.resolve("m.onnx")));
    }

    @Test
    void inspectShowsClassNamesEscaped(@TempDir Path dir) throws IOException {
        java.util.List<String> names = java.util.List.of("esc\u001b[31mred", "new\nline");
        for (int c = 0; c < names.size(); c++) {
            for (int i = 0; i < 4; i++) {
                BadFiles.png(dir.resolve("data").resolve(names.get(c)).resolve(i + ".png"), 8, 8, 40 * i + c);
            }
        }
        Path model = dir.resolve("weird.onnx");
        CliRun train = CliRun.of("train", "--data", dir.resolve("data").toString(), "--out", model.toString(),
                "--steps", "2", "--check-samples", "0", "--batch-size", "4");
        assertEquals(0, train.exitCode(), train.err());
        CliRun inspect = CliRun.of("inspect", "--model", model.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("esc\\u001b[31mred") && inspect.out().contains("new\\u000aline"),
                inspect.out());
        assertFalse(inspect.out().contains("\u001b"), "no raw escape reaches the terminal");
    }

    /** A model trained by --steps recorded the unused epochs setting (5) beside its steps (a fresh user, 6 Dec). */
    @Test
    void aGanTrainedByStepsRecordsNoUnusedEpochs(@TempDir Path dir) throws IOException {
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 4; i++) {
                BadFiles.png(dir.resolve("data").resolve("c" + c).resolve(i + ".png"), 8, 8, 40 * i + c);
            }
        }
        Path model = dir.resolve("steps.onnx");
        CliRun train = CliRun.of("train", "--data", dir.resolve("data").toString(), "--out", model.toString(),
                "--steps", "3", "--check-samples", "0", "--batch-size", "4");
        assertEquals(0, train.exitCode(), train.err());
        CliRun inspect = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals(0, inspect.exitCode(), inspect.err());
        JsonNode settings = new ObjectMapper().readTree(inspect.out()).path("provenance").path("settings");
        assertEquals(3, settings.path("steps").asInt(), settings.toString());
        // a flat folder of classes has no split: it was recorded as "(train split)" (a fresh user, 6 Dec)
        assertEquals(dir.resolve("data").toAbsolutePath().normalize().toString(), new ObjectMapper()
                .readTree(inspect.out()).path("provenance").path("trainingData").path("source").asText());
        assertFalse(settings.has("epochs"), settings.toString());
        // the same seed repeats a model only at the same thread count, so the count is recorded (helper m8, 6 Dec)
        int threads = Integer.getInteger("ai.djl.pytorch.num_threads", -1);
        assertTrue(threads > 0, "the tests run PyTorch with a set thread count (the parent pom's argLine)");
        assertEquals(threads, new ObjectMapper().readTree(inspect.out()).path("provenance").path("pytorchThreads")
                .asInt(), inspect.out());
        CliRun text = CliRun.of("inspect", "--model", model.toString());
        assertTrue(text.out().contains("threads:     " + threads + " PyTorch intra-op thread(s)"), text.out());
    }

    /** A table's categories were listed unquoted: 'green, dark' read as two categories (a fresh user, 6 Dec). */
    @Test
    void inspectQuotesATablesCategories(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("colour,x,y\n");
        String[] colours = {"\u202eevil", "\"green, dark\"", "\"\"\"q\"\"\""};
        for (int i = 0; i < 30; i++) {
            csv.append(colours[i % 3]).append(',').append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        Path table = Files.writeString(dir.resolve("t.csv"), csv);
        Path model = dir.resolve("t.onnx");
        CliRun train = CliRun.of("train", "--data", table.toString(), "--label", "y", "--steps", "2", "--out",
                model.toString());
        assertEquals(0, train.exitCode(), train.err());
        CliRun inspect = CliRun.of("inspect", "--model", model.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("categorical 3: '\"q\"', 'green, dark', '\\u202eevil'"), inspect.out());
        assertFalse(inspect.out().contains("\u202e"), "no raw override, in the shape line either: " + inspect.out());
    }

    /** train --force over an earlier run kept that run's sample grids beside the new run's. */
    @Test
    void aForcedFreshRunStartsTheSampleGridsOver(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("g.onnx");
        Path grids = dir.resolve("g.onnx.training");
        CliRun first = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "4",
                "--check-every", "2", "--check-samples", "0", "--batch-size", "20");
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(Files.exists(grids.resolve("samples-step-000004.png")), list(grids));
        CliRun again = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "2",
                "--check-every", "2", "--check-samples", "0", "--batch-size", "20", "--force");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.exists(grids.resolve("samples-step-000002.png")), list(grids));
        assertFalse(Files.exists(grids.resolve("samples-step-000004.png")), "the earlier run's grid: " + list(grids));
    }

    /**
     * Two runs on one checkpoint folder trained side by side, each writing over the other's checkpoint (a fresh user,
     * 5 Dec): a folder a live run holds is refused; a killed run's lock is taken over; a finished run leaves none.
     */
    @Test
    void aCheckpointFolderInUseByALiveRunIsRefused(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("g.onnx");
        Path folder = Files.createDirectories(dir.resolve("g.onnx.training"));
        // a live Java process holds it (the lock of a process id reused by another program is stale: below)
        Path sleeper = Files.writeString(dir.resolve("Sleep.java"), "class Sleep { public static void main(String[] "
                + "a) throws Exception { Thread.sleep(60_000); } }");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, "-Xmx32m", sleeper.toString()).start();
        try {
            Files.writeString(folder.resolve(CheckpointLock.FILE), CheckpointLock.host() + " " + other.pid() + "\n");
            CliRun refused = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "2",
                    "--check-every", "2", "--check-samples", "0", "--batch-size", "20");
            assertEquals(2, refused.exitCode(), refused.err());
            assertTrue(refused.err().contains("is in use by another augment train (process " + other.pid()
                    + " on this machine); wait for it to finish, or give another --checkpoint-dir"), refused.err());
            assertFalse(Files.exists(model));
            long started = other.info().startInstant().orElseThrow().toEpochMilli();
            Files.writeString(folder.resolve(CheckpointLock.FILE), CheckpointLock.host() + " " + other.pid() + " "
                    + started + "\n");
            assertEquals(2, CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "2",
                    "--check-every", "2", "--check-samples", "0", "--batch-size", "20").exitCode(),
                    "the holder, started when the lock says");
            // its id reused by another Java program (an augment generate) was taken for a train (a fresh user, 5 Dec)
            Files.writeString(folder.resolve(CheckpointLock.FILE), CheckpointLock.host() + " " + other.pid() + " "
                    + (started - 60_000) + "\n");
            CliRun reusedByJava = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "2",
                    "--check-every", "2", "--check-samples", "0", "--batch-size", "20", "--force");
            assertEquals(0, reusedByJava.exitCode(), "a Java process started after the lock: " + reusedByJava.err());
            Files.delete(model);
            dev.augment.io.AtomicFiles.deleteTree(folder); // the checkpoint: the next run starts as a fresh one
            Files.createDirectories(folder);
        } finally {
            other.destroy();
            other.waitFor();
        }
        Process notJava = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(folder.resolve(CheckpointLock.FILE), CheckpointLock.host() + " " + notJava.pid() + "\n");
            CliRun reused = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "2",
                    "--check-every", "2", "--check-samples", "0", "--batch-size", "20");
            assertEquals(0, reused.exitCode(), "a process id now another program's: " + reused.err());
        } finally {
            notJava.destroy();
            notJava.waitFor();
        }
        Files.writeString(folder.resolve(CheckpointLock.FILE), CheckpointLock.host() + " 999999999\n");
        CliRun after = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "2",
                "--check-every", "2", "--check-samples", "0", "--batch-size", "20", "--force");
        assertEquals(0, after.exitCode(), "the dead process's lock is taken over: " + after.err());
        assertFalse(Files.exists(folder.resolve(CheckpointLock.FILE)), "a finished run leaves no lock");
    }

    /**
     * An immutable model or checkpoint trained the whole run and failed at the end, naming a hidden temporary file (a
     * re-check, 5 Dec): refused before any work. Needs chattr and a file system that keeps the flag; skipped elsewhere.
     */
    @Test
    void aModelOrCheckpointThatCannotBeReplacedIsRefusedBeforeTraining(@TempDir Path dir) throws Exception {
        Path model = Files.writeString(dir.resolve("m.onnx"), "old");
        org.junit.jupiter.api.Assumptions.assumeTrue(ImmutableFlag.chattr("+i", model),
                "chattr +i is not available here");
        try {
            CliRun run = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "2",
                    "--check-samples", "0", "--batch-size", "20", "--force");
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("--out " + model + " cannot be replaced: it is not writable"), run.err());
        } finally {
            ImmutableFlag.chattr("-i", model);
        }
        Path checkpoint = Files.createDirectories(dir.resolve("n.onnx.training"))
                .resolve(dev.augment.train.Checkpoints.LATEST);
        Files.writeString(checkpoint, "old");
        org.junit.jupiter.api.Assumptions.assumeTrue(ImmutableFlag.chattr("+i", checkpoint),
                "chattr +i is not available here");
        try {
            CliRun run = CliRun.of("train", "--data", SAMPLE, "--out", dir.resolve("n.onnx").toString(), "--steps",
                    "2", "--check-samples", "0", "--batch-size", "20", "--force");
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains(checkpoint + " cannot be replaced: it is not writable"), run.err());
        } finally {
            ImmutableFlag.chattr("-i", checkpoint);
        }
        assertEquals("old", Files.readString(model));
    }

    /** A model trained on generate's output looked, to inspect, like one trained on real data (5 Dec). */
    @Test
    void aModelTrainedOnGeneratedDataSaysSoInItsProvenance(@TempDir Path dir) throws IOException {
        Path generated = dir.resolve("generated");
        assertEquals(0, CliRun.of("generate", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(),
                "--class", "all", "--n", "6", "--format", "idx", "--out", generated.toString()).exitCode());
        Path model = dir.resolve("g.onnx");
        CliRun train = CliRun.of("train", "--data", generated.toString(), "--out", model.toString(), "--steps", "2",
                "--check-samples", "0", "--batch-size", "20");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("note: " + generated + " is augment generate's output"), train.out());
        CliRun inspect = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("\"generatedTrainingData\"") && inspect.out().contains("is augment "
                + "generate's output"), inspect.out());
    }

    /** A table model trained on generate's output recorded nothing of it; inspect's text view showed it for none. */
    @Test
    void aTableModelTrainedOnGeneratedRowsSaysSoInItsProvenanceAndInspectsTextView(@TempDir Path dir) {
        Path model = dir.resolve("glass.onnx");
        assertEquals(0, CliRun.of("train", "--data", Path.of("..", "datasets", "tabular-sample", "glass.csv")
                .toString(), "--label", "Type", "--steps", "3", "--out", model.toString()).exitCode());
        Path generated = dir.resolve("rows");
        assertEquals(0, CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "7", "--out",
                generated.toString()).exitCode());
        Path again = dir.resolve("again.onnx");
        CliRun train = CliRun.of("train", "--data", generated.resolve("samples.csv").toString(), "--label", "Type",
                "--steps", "3", "--out", again.toString());
        assertEquals(0, train.exitCode(), train.err());
        CliRun json = CliRun.of("inspect", "--model", again.toString(), "--json");
        assertTrue(json.out().contains("\"generatedTrainingData\""), json.out());
        CliRun text = CliRun.of("inspect", "--model", again.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("is augment generate's output"), text.out());
    }

    /** With --validation-share 0 the check that picks the exported generator ran on a generated test split unnamed. */
    @Test
    void aGeneratedTestSplitThatPicksTheGeneratorIsNamed(@TempDir Path dir) throws IOException {
        Path generated = dir.resolve("generated");
        assertEquals(0, CliRun.of("generate", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(),
                "--class", "all", "--n", "10", "--format", "idx", "--out", generated.toString()).exitCode());
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String file : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz")) {
            Files.copy(Path.of(SAMPLE, file), data.resolve(file));
        }
        Files.copy(generated.resolve("images-idx3-ubyte"), data.resolve("t10k-images-idx3-ubyte"));
        Files.copy(generated.resolve("labels-idx1-ubyte"), data.resolve("t10k-labels-idx1-ubyte"));
        Files.copy(generated.resolve("generated.json"), data.resolve("generated.json"));
        CliRun train = CliRun.of("train", "--data", data.toString(), "--out", dir.resolve("g.onnx").toString(),
                "--steps", "2", "--check-every", "2", "--check-samples", "10", "--validation-share", "0",
                "--batch-size", "20");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("t10k-images-idx3-ubyte lies beside augment generate's record")
                && train.out().contains("so the quality check that picks the exported generator compares it with "
                + "generated samples"), train.out());
        assertFalse(train.out().contains("train-images-idx3-ubyte.gz lies beside"), "its 1000 examples cannot be the "
                + "record's 100: " + train.out());
    }

    private static String list(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList().toString();
        }
    }

    /** The shipped CIFAR-10 model was trained by --steps: inspect said "epochs 5" and "epochs: 10" for it. */
    @Test
    void inspectNamesTheStepsOfAGanTrainedBySteps() {
        CliRun run = CliRun.of("inspect", "--model", "../models/cifar10.onnx");
        assertEquals(0, run.exitCode(), run.err());
        String settings = run.out().lines().filter(l -> l.startsWith("settings:")).findFirst().orElseThrow();
        assertFalse(settings.contains("epochs"), settings);
        assertTrue(settings.contains("steps 20000"), settings);
        assertTrue(run.out().contains("steps:       20000 (10 rounds), seed 42"), run.out());
        // the contract, which a user had to decode from the protobuf by hand (a fresh user, 5 Dec)
        assertTrue(run.out().contains("contract:    version 1, schema version 2, graph checksum present and matching"),
                run.out());
        CliRun json = CliRun.of("inspect", "--model", "../models/fashion-mnist.onnx", "--json");
        assertTrue(json.out().contains("\"schemaVersion\" : 1") && json.out().contains("\"graphChecksum\" : true"),
                json.out());
    }

    @Test
    void trainRefusesAnExistingOutputAndBadData(@TempDir Path dir) throws IOException {
        Path existing = Files.writeString(dir.resolve("m.onnx"), "keep");
        CliRun refused = CliRun.of("train", "--data", SAMPLE, "--out", existing.toString(), "--epochs", "1");
        assertEquals(2, refused.exitCode());
        assertEquals("keep", Files.readString(existing));

        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.write(broken.resolve("train-images-idx3-ubyte"), new byte[] {7, 7, 8, 3, 0, 0, 0, 1});
        Files.write(broken.resolve("train-labels-idx1-ubyte"), new byte[] {0, 0, 8, 1, 0, 0, 0, 1, 0});
        Path out = dir.resolve("never.onnx");
        CliRun bad = CliRun.of("train", "--data", broken.toString(), "--out", out.toString(), "--epochs", "1");
        assertEquals(3, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("train-images-idx3-ubyte") && bad.err().contains("magic"), bad.err());
        assertEquals(1, bad.err().lines().count(), bad.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void qualityCheckUsesAValidationSplitOfTheTrainingDataNotTheTestSplit(@TempDir Path dir) throws IOException {
        Path trainOnly = Files.createDirectories(dir.resolve("train-only"));
        for (String file : new String[] {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"}) {
            Files.copy(Path.of(SAMPLE, file), trainOnly.resolve(file));
        }
        Path out = dir.resolve("m.onnx");
        CliRun checked = CliRun.of("train", "--data", trainOnly.toString(), "--out", out.toString(), "--steps", "4",
                "--check-every", "2", "--batch-size", "50", "--check-samples", "10", "--validation-share", "0.2",
                "--balanced-batches", "--diff-augment", "translation,cutout", "--lecam-weight", "0.3",
                "--recompute-bn");
        assertEquals(0, checked.exitCode(), checked.err());
        assertTrue(checked.out().contains("validation split of 200 training samples"), checked.out());
        assertTrue(checked.out().contains("step 4 quality score"), checked.out());
        JsonNode provenance = new ObjectMapper().readTree(CliRun.of("inspect", "--model", out.toString(), "--json")
                .out()).path("provenance");
        assertEquals(800, provenance.path("trainingData").path("count").asInt());
        assertEquals(0.2, provenance.path("validation").path("share").asDouble());
        assertEquals(20, provenance.path("validation").path("perClass").get(3).asInt());
        JsonNode settings = provenance.path("settings");
        assertEquals(4, settings.path("steps").asInt());
        assertTrue(settings.path("balancedBatches").asBoolean());
        assertEquals("translation,cutout", settings.path("diffAugment").asText());
        assertEquals(0.3, settings.path("lecamWeight").asDouble(), 1e-6);
        assertTrue(settings.path("recomputeBatchNorm").asBoolean());

        Path refusedOut = dir.resolve("refused.onnx");
        CliRun refused = CliRun.of("train", "--data", trainOnly.toString(), "--out", refusedOut.toString(),
                "--epochs", "1", "--batch-size", "50", "--validation-share", "0");
        assertEquals(3, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("--check-samples 0"), refused.err());
        assertFalse(Files.exists(refusedOut));
    }

    @Test
    void epochsAndStepsTogetherOrABadRecipeSettingAreUsageErrors(@TempDir Path dir) {
        CliRun both = CliRun.of("train", "--data", SAMPLE, "--out", dir.resolve("m.onnx").toString(), "--epochs", "2",
                "--steps", "10");
        assertEquals(2, both.exitCode(), both.err());
        CliRun badOp = CliRun.of("train", "--data", SAMPLE, "--out", dir.resolve("m.onnx").toString(),
                "--diff-augment", "rotation");
        assertEquals(2, badOp.exitCode(), badOp.err());
        assertTrue(badOp.err().startsWith("augment: --diff-augment has the unknown operation"), badOp.err());
        CliRun badShare = CliRun.of("train", "--data", SAMPLE, "--out", dir.resolve("m.onnx").toString(),
                "--validation-share", "1.5");
        assertEquals(2, badShare.exitCode(), badShare.err());
        assertTrue(badShare.err().contains("--validation-share"), badShare.err());
    }

    @Test
    void badArchitectureIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("train", "--data", SAMPLE, "--out", dir.resolve("m.onnx").toString(), "--arch", "rnn");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--arch must be mlp or conv"), run.err());
    }

    @Test
    void inspectOfAMissingModelExitsThree(@TempDir Path dir) {
        CliRun run = CliRun.of("inspect", "--model", dir.resolve("missing.onnx").toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("not found"), run.err());
    }

    /** The shipped CIFAR-10 model counted steps, checking after each of 10 rounds: its scores are of round 10. */
    @Test
    void inspectNamesTheRoundOfAStepCountedModelsScores() {
        CliRun cifar = CliRun.of("inspect", "--model", Path.of("..", "models", "cifar10.onnx").toString());
        assertEquals(0, cifar.exitCode(), cifar.err());
        assertTrue(cifar.out().contains("steps:       20000 (10 rounds)"), cifar.out());
        assertTrue(cifar.out().contains("(round 10, 300 samples per class"), cifar.out());
        CliRun fashion = CliRun.of("inspect", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString());
        assertTrue(fashion.out().contains("(epoch 40, 1000 samples per class"), fashion.out());
    }
}

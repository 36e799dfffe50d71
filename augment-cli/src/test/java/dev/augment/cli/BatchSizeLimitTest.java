package dev.augment.cli;

import dev.augment.errors.InvalidSettingException;
import dev.augment.generate.BatchBudget;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.generate.output.IdxSampleWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input 24 (huge-batch-size): {@code --batch-size 40000000} printed an int overflow and a batch of
 * 3 000 000 grew past 20 GB. Sizes are long, a batch is capped to {@link BatchBudget} with a note, the
 * output does not depend on the batch size, and memory stays bounded.
 */
class BatchSizeLimitTest {

    @TempDir
    Path dir;
    Path model;
    /** 6x6 images, latent 8: (8*4 + 8 + 2*36*4) = 328 bytes a sample, so batches of 102 300. */
    int cap;

    @BeforeEach
    void writeModel() throws IOException {
        model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("bag", "coat"), 6));
        cap = BatchBudget.maxBatch(TestModels.LATENT, 36);
        assertEquals(102_300, cap, "32 MiB / 328 bytes");
    }

    @Test
    void hugeBatchSizeIsCappedWithANoteAndGivesTheSameBytes() throws IOException {
        Path huge = dir.resolve("huge");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "bag", "--n", "150000",
                "--batch-size", "40000000", "--format", "idx", "--out", huge.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("--batch-size 40000000 is capped to " + cap), run.err());
        assertTrue(run.out().contains("wrote 150000 samples"), run.out());

        Path small = dir.resolve("small");
        CliRun reference = CliRun.of("generate", "--model", model.toString(), "--class", "bag", "--n", "150000",
                "--batch-size", "977", "--format", "idx", "--out", small.toString());
        assertEquals(0, reference.exitCode(), reference.err());
        assertFalse(reference.err().contains("capped"), reference.err());
        assertArrayEquals(Files.readAllBytes(small.resolve(IdxSampleWriter.IMAGES_FILE)),
                Files.readAllBytes(huge.resolve(IdxSampleWriter.IMAGES_FILE)));
    }

    @Test
    void aBatchSizeBeyondIntIsCappedToo() throws IOException {
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "bag", "--n", "3",
                "--batch-size", "10000000000", "--format", "csv", "--out", dir.resolve("csv").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("capped to " + cap), run.err());
    }

    @Test
    void anIdxTotalBeyondItsHeaderIsRefusedBeforeWriting() {
        Path out = dir.resolve("too-many");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "2000000000",
                "--format", "idx", "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("2147483647") && run.err().contains("4000000000"), run.err());
        assertTrue(run.err().contains("--n"), "the setting is named as the option: " + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void theGeneratorSplitsALargeCallIntoBudgetedRunsWithTheSameSamples() {
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            assertEquals(cap, generator.maxBatchSize());
            float[] whole = generator.generate(0, 1, 5, cap + 7);
            float[] head = generator.generate(0, 1, 5, cap);
            float[] tail = generator.generate(0, 1, 5L + cap, 7);
            assertArrayEquals(head, java.util.Arrays.copyOfRange(whole, 0, head.length));
            assertArrayEquals(tail, java.util.Arrays.copyOfRange(whole, head.length, whole.length));
        }
    }

    @Test
    void aCallWhoseSamplesCannotFitOneArrayIsRefusedWithTheLimits() {
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> generator.generate(0, 1, 0, 100_000_000));
            assertEquals("count", e.setting());
            assertTrue(e.getMessage().contains("100000000") && e.getMessage().contains(Integer.toString(cap)),
                    e.getMessage());
        }
    }

    /**
     * The bad-input command itself (40 000 000 samples in one batch, idx) in a child JVM with a 128 MB
     * heap: uncapped, one batch would need 5.8 GB of output floats. It streams past three capped batches
     * without running out of memory, and a SIGTERM then stops it cleanly.
     */
    @Test
    void theBadInputCommandStreamsInBoundedMemory() throws Exception {
        Path parent = Files.createDirectories(dir.resolve("outputs"));
        ChildCli child = ChildCli.start(dir, List.of("-Xmx128m"), "generate", "--model", model.toString(),
                "--class", "bag", "--n", "40000000", "--batch-size", "40000000", "--format", "idx", "--out",
                parent.resolve("o24").toString());
        long threeBatches = 3L * cap * 36;
        assertTrue(child.awaitCondition(() -> imagesBytes(parent) > threeBatches, Duration.ofSeconds(120)),
                "did not stream three batches: " + child.err());
        assertTrue(child.isAlive(), child.err());
        child.signal("TERM");
        assertEquals(143, child.waitFor(Duration.ofSeconds(30)), child.err());
        assertTrue(child.err().contains("capped to " + cap), child.err());
        assertFalse(child.err().contains("OutOfMemoryError"), child.err());
        try (var left = Files.list(parent)) {
            assertEquals(0, left.count(), "nothing partial is left");
        }
    }

    private static long imagesBytes(Path parent) {
        try (var files = Files.walk(parent)) {
            return files.filter(p -> p.getFileName().toString().equals(IdxSampleWriter.IMAGES_FILE))
                    .mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}

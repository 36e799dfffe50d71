package dev.augment.generate;

import dev.augment.cancel.CancelledException;
import dev.augment.generate.output.EncodedBatch;
import dev.augment.generate.output.OutputFormat;
import dev.augment.generate.output.SampleWriter;
import dev.augment.generate.output.SampleWriters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerationPipelineTest {

    private static final Path MODEL = Path.of("..", "models", "fashion-mnist.onnx");
    private static final List<Integer> CLASSES = List.of(7, 0, 3);

    private static OnnxGenerator generator;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        generator = OnnxGenerator.load(MODEL, ExecutionDevice.CPU);
    }

    @AfterAll
    static void close() {
        generator.close();
    }

    @Test
    void idxAndCsvBytesDoNotDependOnThreadsOrBatchSizeAndMatchWritingBatchByBatch() throws IOException {
        for (OutputFormat format : List.of(OutputFormat.IDX, OutputFormat.CSV)) {
            assertSameFilesWhateverThreadsAndBatch(format, 300);
        }
    }

    @Test
    void pngBytesDoNotDependOnThreadsOrBatchSizeAndMatchWritingBatchByBatch() throws IOException {
        assertSameFilesWhateverThreadsAndBatch(OutputFormat.PNG, 40);
    }

    private void assertSameFilesWhateverThreadsAndBatch(OutputFormat format, int perClass) throws IOException {
        Path reference = dir.resolve(format.id() + "-reference");
        try (SampleWriter writer = open(format, reference, perClass)) {
            for (int c : CLASSES) {
                for (int first = 0; first < perClass; first += 256) {
                    int n = Math.min(256, perClass - first);
                    writer.write(c, generator.generate(c, 42L, first, n), n);
                }
            }
            writer.finish();
        }
        Map<String, byte[]> expected = contents(reference);
        assertTrue(expected.size() >= 2, "files were written: " + expected.keySet());
        int[][] threadsAndBatch = {{1, 256}, {3, 7}, {2, 100}, {4, 1000}};
        for (int[] setting : threadsAndBatch) {
            Path out = dir.resolve(format.id() + "-" + setting[0] + "-" + setting[1]);
            AtomicInteger written = new AtomicInteger();
            try (SampleWriter writer = open(format, out, perClass)) {
                new GenerationPipeline(generator, setting[1], setting[0]).run(CLASSES, perClass, 42L, writer, () -> { },
                        written::addAndGet);
                writer.finish();
            }
            assertEquals(CLASSES.size() * perClass, written.get(), "every sample is reported once");
            Map<String, byte[]> actual = contents(out);
            assertEquals(expected.keySet(), actual.keySet(), format + " files, threads/batch " + setting[0] + "/" + setting[1]);
            for (String file : expected.keySet()) {
                assertArrayEquals(expected.get(file), actual.get(file), format + " " + file + ", threads/batch "
                        + setting[0] + "/" + setting[1]);
            }
        }
    }

    @Test
    void stopsWhenTheCallerThrowsBeforeABatchAndWaitsForRunningBatches() throws IOException {
        AtomicInteger batches = new AtomicInteger();
        try (SampleWriter writer = open(OutputFormat.IDX, dir.resolve("stopped"), 1000)) {
            CancelledException stopped = assertThrows(CancelledException.class, () ->
                    new GenerationPipeline(generator, 10, 2).run(CLASSES, 1000, 1L, writer, () -> {
                        if (batches.incrementAndGet() == 5) {
                            throw new CancelledException("stop");
                        }
                    }, n -> { }));
            assertEquals("stop", stopped.getMessage());
        }
        assertEquals(5, batches.get(), "no batch is started after the caller stops the run");
    }

    @Test
    void aFailingWriteStopsTheRunWithTheWritersError() {
        SampleWriter failing = new SampleWriter() {
            @Override
            public EncodedBatch encode(int classIndex, float[] samples, int count) {
                return new EncodedBatch(classIndex, count, List.of());
            }

            @Override
            public void write(EncodedBatch batch) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void finish() {
            }

            @Override
            public void close() {
            }
        };
        IOException error = assertThrows(IOException.class, () ->
                new GenerationPipeline(generator, 16, 2).run(CLASSES, 100, 1L, failing, () -> { }, n -> { }));
        assertEquals("disk full", error.getMessage());
    }

    @Test
    void refusesNoThreadsAndEmptyBatches() {
        assertEquals("threads", assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> new GenerationPipeline(generator, 16, 0)).setting());
        assertEquals("batchSize", assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> new GenerationPipeline(generator, 0, 1)).setting());
    }

    private static SampleWriter open(OutputFormat format, Path out, int perClass) throws IOException {
        return SampleWriters.open(format, out, generator.metadata().schema(), (long) perClass * CLASSES.size());
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        }
        for (Path path : paths) {
            files.put(root.relativize(path).toString(), Files.readAllBytes(path));
        }
        return files;
    }
}

package dev.augment.train.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.CancellationToken;
import dev.augment.onnx.ModelMetadata;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import dev.augment.train.GarbageStorm;
import dev.augment.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Two runs with one seed write the same generator, byte for byte but for the provenance's clock readings,
 * however the JVM's garbage collections fall (issue 10). DJL frees the memory of a {@code Number} operand (as
 * in {@code x.mul(10f)}) when a collection runs, even while autograd still needs it for the backward pass; a
 * run with a collection between a forward and a backward pass read another value there and drifted away from
 * the other. A thread that fills the heap with garbage puts collections inside several steps of each run;
 * before the fix the two runs below differed in 10 of 10 tries.
 */
class RepeatableTrainingTest {

    private static final TableGanSettings SETTINGS = TableGanSettings.defaults(42).withSteps(20)
            .withWidths(List.of(32, 32));

    @Test
    void twoRunsWithOneSeedWriteTheSameModelWhileGarbageIsCollectedDuringSteps(@TempDir Path dir) throws Exception {
        Table table = TableReader.read(TableExportParityTest.CREDIT, "class");
        Run first;
        Run second;
        try (GarbageStorm storm = GarbageStorm.start()) {
            first = train(table, dir.resolve("first.onnx"));
            second = train(table, dir.resolve("second.onnx"));
        }
        for (int i = 0; i < first.samples().length; i++) {
            assertArrayEquals(first.samples()[i], second.samples()[i], "sample " + i + " of the same seed differs");
        }
        assertArrayEquals(first.onnx(), second.onnx(), "the same seed wrote two different models");
    }

    /** Samples of fixed noise and the written file. */
    private record Run(float[][] samples, byte[] onnx) { }

    private static Run train(Table table, Path model) throws IOException {
        try (TrainedTableGan gan = new TableGanTrainer(SETTINGS, TrainingListener.NONE, new CancellationToken())
                .train(table)) {
            ModelMetadata metadata = TableGeneratorExport.metadata(gan, table, "test", "test");
            withoutClockTimes(metadata.provenance());
            TableGeneratorExport.write(gan, metadata, model, "test");
            int n = 16;
            float[] z = new float[n * SETTINGS.latentDim()];
            for (int i = 0; i < z.length; i++) {
                z[i] = (i % 11) / 5f - 1;
            }
            int[] labels = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = i % table.schema().classCount();
            }
            return new Run(gan.generate(z, labels), Files.readAllBytes(model));
        }
    }

    /** Removes the provenance's clock readings: the export time and each round's duration. */
    private static void withoutClockTimes(ObjectNode provenance) {
        assertNotNull(provenance.remove("createdAt"), "the provenance records the export time");
        for (JsonNode round : provenance.get("history")) {
            assertNotNull(((ObjectNode) round).remove("seconds"), "the provenance records each round's duration");
        }
    }
}

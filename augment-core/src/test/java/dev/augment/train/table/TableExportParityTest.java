package dev.augment.train.table;

import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableExportParityTest {

    /** Mixed numeric and categorical columns with missing cells: credit-g's checked-in sample. */
    static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");

    @Test
    void onnxRuntimeDecodesExactlyWhatTheDjlGeneratorDecodes(@TempDir Path dir) throws Exception {
        Table table = TableReader.read(CREDIT, "class");
        TableGanSettings settings = TinyTableGans.SETTINGS;
        Path model = dir.resolve("table.onnx");
        try (TrainedTableGan gan = TinyTableGans.trainAndExport(table, model)) {
            int n = 53;
            float[] z = new float[n * settings.latentDim()];
            int[] labels = new int[n];
            long[] longLabels = new long[n];
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < z.length; i++) {
                z[i] = (float) random.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                labels[i] = i % table.schema().classCount();
                longLabels[i] = labels[i];
            }
            float[][] djl = gan.generate(z, labels);
            int f = table.schema().featureCount();
            try (OnnxGenerator ort = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
                assertEquals(table.schema().featureNames(), ort.metadata().schema().featureNames());
                float[] onnx = ort.run(z, longLabels);
                assertEquals(n * f, onnx.length);
                double maxDiff = 0;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < f; j++) {
                        double scale = Math.max(1, Math.abs(djl[i][j]));
                        maxDiff = Math.max(maxDiff, Math.abs(djl[i][j] - onnx[i * f + j]) / scale);
                    }
                }
                assertTrue(maxDiff <= 1e-4, "max relative difference " + maxDiff);
                long distinctDurations = java.util.stream.IntStream.range(0, n).mapToObj(i -> djl[i][
                        table.schema().featureOffset(table.schema().columnIndex("duration"))]).distinct().count();
                // whole months since the output is rounded to the data's decimals: about 20 of 53 differ
                assertTrue(distinctDurations > n / 5, "the generator's outputs vary, so the comparison means something: "
                        + distinctDurations + " distinct durations");
            }
        }
    }
}

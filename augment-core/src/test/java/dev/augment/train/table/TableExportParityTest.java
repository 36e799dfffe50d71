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

    /** @return standard normal noise for {@code n} samples of the tiny GANs' latent size */
    private static float[] noise(int n, long seed) {
        float[] z = new float[n * TinyTableGans.SETTINGS.latentDim()];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        return z;
    }

    /** @return 0, 1, …, classes − 1, 0, 1, … for {@code n} samples */
    private static int[] cyclingLabels(int n, int classes) {
        return java.util.stream.IntStream.range(0, n).map(i -> i % classes).toArray();
    }

    /** The diabetes sample with {@code insu} missing ({@code ?}) in every third row. */
    static Table diabetesWithMissingInsulin(Path dir) throws java.io.IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(
                Path.of("..", "datasets", "tabular-sample", "diabetes.csv"));
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (i % 3 == 0) {
                cells[4] = "?";
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        Path file = dir.resolve("diabetes-missing.csv");
        java.nio.file.Files.writeString(file, csv);
        return TableReader.read(file, "class");
    }

    @Test
    void aGeneratedMissingNumericCellIsNaNInBothAndOnnxRuntimeAcceptsIt(@TempDir Path dir) throws Exception {
        Table table = diabetesWithMissingInsulin(dir);
        int insulin = table.schema().featureOffset(table.schema().columnIndex("insu"));
        assertTrue(table.schema().columns().get(table.schema().columnIndex("insu")).missing() > 0);
        Path model = dir.resolve("table.onnx");
        try (TrainedTableGan gan = TinyTableGans.trainAndExport(table, model);
             OnnxGenerator ort = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            int n = 200;
            float[] z = noise(n, 4);
            int[] labels = cyclingLabels(n, 2);
            float[][] djl = gan.generate(z, labels);
            float[] onnx = ort.run(z, java.util.Arrays.stream(labels).asLongStream().toArray());
            int f = table.schema().featureCount();
            int missing = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < f; j++) {
                    boolean nan = Float.isNaN(djl[i][j]);
                    assertEquals(nan, Float.isNaN(onnx[i * f + j]), "row " + i + " feature " + j + " missing in both");
                    assertTrue(!nan || j == insulin, "only insu has missing cells: feature " + j);
                    if (!nan) {
                        assertEquals(djl[i][j], onnx[i * f + j], 1e-4 * Math.max(1, Math.abs(djl[i][j])));
                    }
                    missing += nan ? 1 : 0;
                }
            }
            // 20 steps leave the slot's logit near the modes': some rows choose it, most do not
            assertTrue(missing > 0 && missing < n, missing + " of " + n + " generated insulin cells are missing");
            float[] drawn = ort.generate(0, 7L, 0, 100);
            long drawnMissing = java.util.stream.IntStream.range(0, 100)
                    .filter(i -> Float.isNaN(drawn[i * f + insulin])).count();
            assertTrue(drawnMissing > 0, "generate() passes a generated missing cell on as NaN");
        }
    }

    @Test
    void onnxRuntimeDecodesExactlyWhatTheDjlGeneratorDecodes(@TempDir Path dir) throws Exception {
        Table table = TableReader.read(CREDIT, "class");
        Path model = dir.resolve("table.onnx");
        try (TrainedTableGan gan = TinyTableGans.trainAndExport(table, model)) {
            int n = 53;
            float[] z = noise(n, 3);
            int[] labels = cyclingLabels(n, table.schema().classCount());
            long[] longLabels = java.util.Arrays.stream(labels).asLongStream().toArray();
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

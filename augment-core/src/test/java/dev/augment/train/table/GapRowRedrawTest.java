package dev.augment.train.table;

import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.GeneratorContract;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table generator that learned gaps can make a row whose every column is a gap, which Tribuo cannot hold (a fresh
 * user, 4 Dec: the plugin gave it zeros, {@code oversample} wrote {@code 0,b}). {@link OnnxGenerator#generate}
 * replaces such a sample by a redraw keyed by its own index: no row without a value comes out, every other sample is
 * the graph's own, and the rows do not depend on how the stream is cut into calls.
 */
class GapRowRedrawTest {

    @Test
    void noRowComesOutWithoutAValueAndTheOthersAreTheGraphsOwn(@TempDir Path dir) throws Exception {
        // two numeric columns, each missing in about half the rows, never both: a generator makes both gaps at times
        StringBuilder csv = new StringBuilder("x,y,class\n");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 120; i++) {
            boolean xMissing = random.nextBoolean();
            csv.append(xMissing ? "?" : Integer.toString(random.nextInt(1, 50))).append(',')
                    .append(xMissing ? Integer.toString(random.nextInt(1, 50)) : random.nextBoolean() ? "?"
                            : Integer.toString(random.nextInt(1, 50)))
                    .append(',').append(i % 3 == 0 ? "b" : "a").append('\n');
        }
        Table table = TableReader.read(Files.writeString(dir.resolve("gaps.csv"), csv), "class");
        Path model = dir.resolve("gaps.onnx");
        try (TrainedTableGan gan = TinyTableGans.trainAndExport(table, model);
             OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            int n = 400;
            int latent = generator.metadata().latentDim();
            float[] z = new float[n * latent];
            long[] labels = new long[n];
            for (int i = 0; i < n; i++) {
                GeneratorContract.noise(z, i * latent, latent, 9, 1, i);
                labels[i] = 1;
            }
            float[] raw = generator.run(z, labels);
            float[] samples = generator.generate(1, 9, 0, n);
            int f = generator.metadata().schema().featureCount();
            int redrawn = 0;
            for (int i = 0; i < n; i++) {
                float[] rawRow = Arrays.copyOfRange(raw, i * f, (i + 1) * f);
                float[] row = Arrays.copyOfRange(samples, i * f, (i + 1) * f);
                assertFalse(Float.isNaN(row[0]) && Float.isNaN(row[1]), "row " + i + " has a value");
                if (Float.isNaN(rawRow[0]) && Float.isNaN(rawRow[1])) {
                    redrawn++;
                } else {
                    assertArrayEquals(rawRow, row, "a row with a value is the graph's own: " + i);
                }
            }
            assertTrue(redrawn > 0, "the graph made rows without a value, so the redraw was exercised");
            float[] cut = new float[n * f];
            System.arraycopy(generator.generate(1, 9, 0, 37), 0, cut, 0, 37 * f);
            System.arraycopy(generator.generate(1, 9, 37, n - 37), 0, cut, 37 * f, (n - 37) * f);
            assertArrayEquals(samples, cut, "the same rows however the stream is cut");
            assertEquals(n * f, samples.length);
        }
    }
}

package dev.augment.train.table;

import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.table.DecimalRounding;
import dev.augment.table.Table;
import dev.augment.table.TableColumn;
import dev.augment.table.TableReader;
import dev.augment.table.TableSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table generator's numbers come out at their column's decimal places, from DJL and from the exported ONNX file
 * alike: whole numbers for diabetes's integral columns (the Tribuo plugin and the evaluation used to see 8.48
 * pregnancies, while only {@code generate --format csv} rounded).
 */
class DecimalRoundingTest {

    static final Path DIABETES = Path.of("..", "datasets", "tabular-sample", "diabetes.csv");

    @Test
    void roundsHalfToEvenInFloatsAndOnlyWhereAFloatCan() {
        assertEquals(8f, DecimalRounding.round(8.48f, 0));
        assertEquals(2f, DecimalRounding.round(2.5f, 0), "half to even, as ONNX's Round");
        assertEquals(0.672f, DecimalRounding.round(0.67215f, 3));
        assertEquals(8.48f, DecimalRounding.round(8.48f, -1), "-1 leaves the value");
        assertEquals(2, DecimalRounding.applicable(2, -10, 500));
        assertEquals(-1, DecimalRounding.applicable(2, 0, 1e7), "1e9 is beyond a float's whole numbers");
        assertEquals(-1, DecimalRounding.applicable(TableColumn.MAX_DECIMALS, 0, 1));
    }

    @Test
    void generatedNumbersHaveTheirColumnsDecimalPlacesInDjlAndOnnx(@TempDir Path dir) throws Exception {
        Table table = TableReader.read(DIABETES, "class");
        TableSchema schema = table.schema();
        Path model = dir.resolve("diabetes.onnx");
        try (TrainedTableGan gan = TinyTableGans.trainAndExport(table, model)) {
            int n = 200;
            float[][] djl = gan.sample(1, n, 7);
            try (OnnxGenerator ort = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
                float[] onnx = ort.generate(1, 7, 0, n);
                int f = schema.featureCount();
                int integral = 0;
                for (int c = 0; c < schema.columns().size(); c++) {
                    TableColumn column = schema.columns().get(c);
                    int d = DecimalRounding.applicable(column.decimals(), column.min(), column.max());
                    assertTrue(d >= 0, column.name() + " is small enough to round");
                    integral += d == 0 ? 1 : 0;
                    int at = schema.featureOffset(c);
                    Set<Float> distinct = new HashSet<>();
                    for (int i = 0; i < n; i++) {
                        float fromOnnx = onnx[i * f + at];
                        assertEquals(DecimalRounding.round(fromOnnx, d), fromOnnx,
                                column.name() + " from ONNX has at most " + d + " decimals: " + fromOnnx);
                        assertEquals(DecimalRounding.round(djl[i][at], d), djl[i][at],
                                column.name() + " from DJL has at most " + d + " decimals: " + djl[i][at]);
                        distinct.add(fromOnnx);
                    }
                    assertTrue(distinct.size() > 1, column.name() + " varies, so rounding is tested on real output");
                }
                assertTrue(integral >= 3, "diabetes has integral columns (preg, plas, pres, ...): " + integral);
            }
        }
    }
}

package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CsvSampleWriterTest {

    @Test
    void writesHeaderAndOneRowPerSampleWithTribuoLabels(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.tabular(List.of("petal,length", "width \"cm\"", "plain"), 0, 10,
                List.of("Iris-setosa", "Iris-virginica"));
        try (SampleWriter writer = new CsvSampleWriter(dir, schema)) {
            writer.write(1, new float[] {5, 0.1f, 2.5f}, 1);
            writer.write(0, new float[] {-0f, 7, 1.0e-4f, 3, 4, 1.25f}, 2);
            writer.finish();
        }
        String text = Files.readString(dir.resolve(CsvSampleWriter.FILE), StandardCharsets.UTF_8);
        assertEquals("label,\"petal,length\",\"width \"\"cm\"\"\",plain\n"
                + "Iris-virginica,5,0.1,2.5\n"
                + "Iris-setosa,0,7,1.0E-4\n"
                + "Iris-setosa,3,4,1.25\n", text);
    }

    @Test
    void quotesLabelsThatNeedIt(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.tabular(List.of("x"), 0, 1, List.of("a,b", "ok"));
        try (SampleWriter writer = new CsvSampleWriter(dir, schema)) {
            writer.write(0, new float[] {0.5f}, 1);
            writer.finish();
        }
        assertEquals(List.of("label,x", "\"a,b\",0.5"), Files.readAllLines(dir.resolve(CsvSampleWriter.FILE)));
    }

    @ParameterizedTest
    @CsvSource({
        "255, 255", "0, 0", "-0.0, 0", "-3, -3", "0.1, 0.1", "127.5, 127.5",
        "9999999, 9999999", "1.0E7, 1.0E7", "1.0E-4, 1.0E-4", "NaN, NaN", "-Infinity, -Infinity"})
    void formatsNumbersDeterministicallyAndRoundTrips(float value, String expected) {
        String text = CsvSampleWriter.formatValue(value);
        assertEquals(expected, text);
        assertEquals(text, CsvSampleWriter.formatValue(Float.parseFloat(text)));
        if (value != 0) {
            assertEquals(Float.floatToIntBits(value), Float.floatToIntBits(Float.parseFloat(text)));
        }
    }

    @Test
    void rejectsWritesAfterFinish(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.tabular(List.of("x"), 0, 1, List.of("a"));
        try (SampleWriter writer = new CsvSampleWriter(dir, schema)) {
            writer.finish();
            assertThrows(IllegalStateException.class, () -> writer.write(0, new float[] {1}, 1));
        }
    }
}

package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleWritersTest {

    @Test
    void opensTheWriterForEachFormat(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(1, 2, 2, 0, 255, List.of("a"));
        try (SampleWriter png = SampleWriters.open(OutputFormat.PNG, dir.resolve("p"), schema, 1);
             SampleWriter idx = SampleWriters.open(OutputFormat.IDX, dir.resolve("i"), schema, 1);
             SampleWriter csv = SampleWriters.open(OutputFormat.CSV, dir.resolve("c"), schema, 1)) {
            assertInstanceOf(PngSampleWriter.class, png);
            assertInstanceOf(IdxSampleWriter.class, idx);
            assertInstanceOf(CsvSampleWriter.class, csv);
        }
        assertTrue(Files.exists(dir.resolve("i").resolve(IdxSampleWriter.IMAGES_FILE)));
        assertTrue(Files.exists(dir.resolve("c").resolve(CsvSampleWriter.FILE)));
    }

    @Test
    void refusesPngForTabularData(@TempDir Path dir) {
        SampleSchema schema = TestSchemas.tabular(List.of("x", "y"), 0, 1, List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> SampleWriters.open(OutputFormat.PNG, dir, schema, 1));
    }

    @Test
    void refusesIdxForMoreClassesThanALabelByteHolds(@TempDir Path dir) {
        List<String> labels = java.util.stream.IntStream.range(0, 257).mapToObj(String::valueOf).toList();
        SampleSchema schema = TestSchemas.tabular(List.of("x"), 0, 1, labels);
        assertThrows(IllegalArgumentException.class, () -> SampleWriters.open(OutputFormat.IDX, dir, schema, 1));
    }
}

package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxSampleWriterTest {

    @Test
    void writesUbyteImagesThatTribuoReadsBack(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(1, 2, 2, 0, 255, List.of("zero", "one", "two"));
        try (SampleWriter writer = new IdxSampleWriter(dir, schema, 3)) {
            writer.write(2, new float[] {0, 10.5f, 300, -4}, 1);
            writer.write(0, new float[] {1, 2, 3, 4, 5, 6, 7, 254.4f}, 2);
            writer.finish();
        }
        Path images = dir.resolve(IdxSampleWriter.IMAGES_FILE);
        Path labels = dir.resolve(IdxSampleWriter.LABELS_FILE);
        assertArrayEquals(new int[] {0, 0, 0x08, 3, 3, 2, 2}, header(images, 3));
        assertArrayEquals(new int[] {0, 0, 0x08, 1, 3}, header(labels, 1));

        IDXDataSource<Label> source = new IDXDataSource<>(images, labels, new LabelFactory());
        assertEquals(3, source.size());
        List<Example<Label>> examples = new ArrayList<>();
        source.forEach(examples::add);
        assertEquals(List.of("2", "0", "0"), examples.stream().map(e -> e.getOutput().getLabel()).toList());
        // Tribuo names pixels "0".."3" and drops zeros; 10.5 rounds half up to 11, 300 and -4 clamp
        assertEquals(Map.of("1", 11.0, "2", 255.0), values(examples.get(0)));
        assertEquals(Map.of("0", 5.0, "1", 6.0, "2", 7.0, "3", 254.0), values(examples.get(2)));
    }

    @Test
    void moreThan256ClassesAreASettingErrorNotAFault(@TempDir Path dir) {
        // a fresh user (4 Dec): 300 class folders with oversample's default format failed with exit 1 ("a bug")
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            classes.add("c" + c);
        }
        SampleSchema schema = TestSchemas.image(1, 2, 2, 0, 255, classes);
        dev.augment.errors.InvalidSettingException e = assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> new IdxSampleWriter(dir.resolve("out"), schema, 3));
        assertEquals("format", e.setting());
        assertTrue(e.getMessage().contains("at most 256 classes, but the data has 300; use csv or png"),
                e.getMessage());
    }

    @Test
    void writesFloatImagesWithChannelDimensionForNonByteRange(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(2, 1, 2, -1, 1, List.of("a", "b"));
        try (SampleWriter writer = new IdxSampleWriter(dir, schema, 2)) {
            writer.write(1, new float[] {-0.75f, 0.125f, 1, 0.5f, 0.25f, -1, 0.3f, 0.9f}, 2);
            writer.finish();
        }
        Path images = dir.resolve(IdxSampleWriter.IMAGES_FILE);
        assertArrayEquals(new int[] {0, 0, 0x0D, 4, 2, 2, 1, 2}, header(images, 4));
        assertEquals(4 + 4 * 4 + 2 * 4 * 4, Files.size(images));

        IDXDataSource<Label> source = new IDXDataSource<>(images, dir.resolve(IdxSampleWriter.LABELS_FILE),
                new LabelFactory());
        assertEquals(IDXDataSource.IDXType.FLOAT, source.getDataType());
        List<Example<Label>> examples = new ArrayList<>();
        source.forEach(examples::add);
        assertEquals(2, examples.size());
        assertEquals("1", examples.get(1).getOutput().getLabel());
        assertEquals(Map.of("0", -0.75, "1", 0.125, "2", 1.0, "3", 0.5), values(examples.get(0)));
        assertEquals((double) 0.3f, values(examples.get(1)).get("2"));
    }

    @Test
    void writesTabularDataAsTwoDimensions(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.tabular(List.of("a", "b", "c"), 0, 255, List.of("x", "y"));
        try (SampleWriter writer = new IdxSampleWriter(dir, schema, 1)) {
            writer.write(1, new float[] {1, 2, 3}, 1);
            writer.finish();
        }
        assertArrayEquals(new int[] {0, 0, 0x08, 2, 1, 3}, header(dir.resolve(IdxSampleWriter.IMAGES_FILE), 2));
        IDXDataSource<Label> source = new IDXDataSource<>(dir.resolve(IdxSampleWriter.IMAGES_FILE),
                dir.resolve(IdxSampleWriter.LABELS_FILE), new LabelFactory());
        assertEquals("1", source.iterator().next().getOutput().getLabel());
    }

    @Test
    void finishThrowsWhenFewerSamplesThanPromised(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(1, 1, 2, 0, 255, List.of("a"));
        try (SampleWriter writer = new IdxSampleWriter(dir, schema, 3)) {
            writer.write(0, new float[] {1, 2, 3, 4}, 2);
            IllegalStateException e = assertThrows(IllegalStateException.class, writer::finish);
            assertTrue(e.getMessage().contains("promises 3") && e.getMessage().contains("2 were written"),
                    e.getMessage());
        }
    }

    @Test
    void writeThrowsBeforeExceedingThePromisedCount(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(1, 1, 2, 0, 255, List.of("a"));
        try (SampleWriter writer = new IdxSampleWriter(dir, schema, 1)) {
            assertThrows(IllegalStateException.class, () -> writer.write(0, new float[] {1, 2, 3, 4}, 2));
            writer.write(0, new float[] {1, 2}, 1);
            writer.finish();
        }
        assertEquals(1, new IDXDataSource<>(dir.resolve(IdxSampleWriter.IMAGES_FILE),
                dir.resolve(IdxSampleWriter.LABELS_FILE), new LabelFactory()).size());
    }

    @Test
    void refusesCountsTheHeaderCannotHold(@TempDir Path dir) {
        SampleSchema schema = TestSchemas.image(1, 1, 2, 0, 255, List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> new IdxSampleWriter(dir, schema, 0));
        assertThrows(IllegalArgumentException.class, () -> new IdxSampleWriter(dir, schema, 1L << 31));
    }

    private static Map<String, Double> values(Example<Label> example) {
        Map<String, Double> map = new HashMap<>();
        for (Feature f : example) {
            map.put(f.getName(), f.getValue());
        }
        return map;
    }

    /** Reads the four magic bytes and {@code dims} big-endian ints. */
    private static int[] header(Path file, int dims) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            int[] header = new int[4 + dims];
            for (int i = 0; i < 4; i++) {
                header[i] = in.readUnsignedByte();
            }
            for (int i = 0; i < dims; i++) {
                header[4 + i] = in.readInt();
            }
            return header;
        }
    }
}

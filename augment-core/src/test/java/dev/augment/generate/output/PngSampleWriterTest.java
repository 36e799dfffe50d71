package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngSampleWriterTest {

    @Test
    void writesNumberedGrayscaleFilesPerClassWithExactPixels(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(1, 2, 3, 0, 255, List.of("T-shirt/top", "Ankle boot", "Bag"));
        float[] first = {0, 1, 2, 3, 4, 5};
        float[] twoMore = {254.5f, 255, 300, -7, 127.49f, 127.5f, 10, 20, 30, 40, 50, 60};
        try (SampleWriter writer = new PngSampleWriter(dir, schema)) {
            writer.write(0, first, 1);
            writer.write(1, first, 1);
            writer.write(0, twoMore, 2);
            writer.finish();
        }
        assertEquals(List.of("000001.png", "000002.png", "000003.png"), list(dir.resolve("T-shirt_top")));
        assertEquals(List.of("000001.png"), list(dir.resolve("Ankle boot")));
        assertFalse(Files.exists(dir.resolve("Bag")), "no folder for a class with no samples");

        BufferedImage image = ImageIO.read(dir.resolve("T-shirt_top/000002.png").toFile());
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        assertEquals(1, image.getRaster().getNumBands());
        assertEquals(8, image.getColorModel().getComponentSize(0));
        // row-major (y, x): 254.5 rounds half up to 255, 300 and -7 clamp, 127.49 -> 127, 127.5 -> 128
        assertPixels(image.getRaster(), new int[][] {{255, 255, 255}, {0, 127, 128}});
        assertPixels(ImageIO.read(dir.resolve("T-shirt_top/000003.png").toFile()).getRaster(),
                new int[][] {{10, 20, 30}, {40, 50, 60}});
    }

    /** An rm -rf that lost its race with the writer left part of the images, moved into place as all (7 Dec). */
    @Test
    void imagesRemovedWhileWritingFailTheFinish(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(1, 2, 3, 0, 255, List.of("a", "b"));
        float[] two = new float[12];
        try (SampleWriter writer = new PngSampleWriter(dir, schema)) {
            writer.write(1, two, 2);
            Files.delete(dir.resolve("b").resolve("000001.png"));
            IOException e = assertThrows(IOException.class, writer::finish);
            assertTrue(e.getMessage().startsWith("1 of the 2 images written into the temporary folder's b are gone"),
                    e.getMessage());
        }
        assertFalse(Files.exists(dir.resolve("classes.csv")), "not completed");
        // by name: a stray file beside a removed image hid it, and alone was taken for a loss (a re-check, 7 Dec)
        Path swapped = Files.createDirectories(dir.resolve("swapped"));
        try (SampleWriter writer = new PngSampleWriter(swapped, schema)) {
            writer.write(1, two, 2);
            Files.delete(swapped.resolve("b").resolve("000001.png"));
            Files.writeString(swapped.resolve("b").resolve("Thumbs.db"), "x");
            assertThrows(IOException.class, writer::finish);
        }
        Path added = Files.createDirectories(dir.resolve("added"));
        try (SampleWriter writer = new PngSampleWriter(added, schema)) {
            writer.write(1, two, 2);
            Files.writeString(added.resolve("b").resolve("Thumbs.db"), "x");
            writer.finish();
        }
        assertTrue(Files.exists(added.resolve("classes.csv")));
    }

    @Test
    void mapsTheSchemaRangeOntoFullByteRange(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(1, 1, 4, -1, 1, List.of("x"));
        try (SampleWriter writer = new PngSampleWriter(dir, schema)) {
            writer.write(0, new float[] {-1, 0, 1, 0.5f}, 1);
            writer.finish();
        }
        // (v + 1) / 2 * 255: -1 -> 0, 0 -> 127.5 -> 128, 1 -> 255, 0.5 -> 191.25 -> 191
        assertPixels(ImageIO.read(dir.resolve("x/000001.png").toFile()).getRaster(),
                new int[][] {{0, 128, 255, 191}});
    }

    @Test
    void writesRgbFromChannelFirstValues(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(3, 1, 2, 0, 255, List.of("colour"));
        // CHW: red plane, green plane, blue plane, each 1 x 2
        float[] sample = {200, 10, 100, 20, 50, 30};
        try (SampleWriter writer = new PngSampleWriter(dir, schema)) {
            writer.write(0, sample, 1);
            writer.finish();
        }
        BufferedImage image = ImageIO.read(dir.resolve("colour/000001.png").toFile());
        assertEquals(2, image.getWidth());
        assertEquals(1, image.getHeight());
        assertEquals(3, image.getRaster().getNumBands());
        assertEquals(0xC86432, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x0A141E, image.getRGB(1, 0) & 0xFFFFFF);
    }

    @Test
    void widensNumbersBeyondSixDigitsOnlyWhenNeeded() {
        assertEquals("000001.png", PngSampleWriter.fileName(1));
        assertEquals("999999.png", PngSampleWriter.fileName(999_999));
        assertEquals("1000000.png", PngSampleWriter.fileName(1_000_000));
    }

    @Test
    void refusesTabularData(@TempDir Path dir) {
        SampleSchema schema = TestSchemas.tabular(List.of("a", "b"), 0, 1, List.of("yes", "no"));
        dev.augment.errors.InvalidSettingException e = assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> new PngSampleWriter(dir, schema));
        assertEquals("format", e.setting(), "a usage error (exit 2), as for a table model");
        assertEquals("format png needs image data; use idx or csv", e.getMessage());
    }

    @Test
    void rejectsBatchesThatDoNotFitTheSchema(@TempDir Path dir) throws IOException {
        SampleSchema schema = TestSchemas.image(1, 2, 2, 0, 255, List.of("a", "b"));
        try (SampleWriter writer = new PngSampleWriter(dir, schema)) {
            assertThrows(IllegalArgumentException.class, () -> writer.write(2, new float[4], 1));
            assertThrows(IllegalArgumentException.class, () -> writer.write(0, new float[7], 2));
            writer.finish();
            assertThrows(IllegalStateException.class, () -> writer.write(0, new float[4], 1));
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(dir.resolve("classes.csv")), files.filter(Files::isRegularFile).toList(),
                    "no image, and a class map listing no class");
        }
    }

    private static void assertPixels(Raster raster, int[][] expected) {
        for (int y = 0; y < expected.length; y++) {
            for (int x = 0; x < expected[y].length; x++) {
                assertEquals(expected[y][x], raster.getSample(x, y, 0), "pixel (" + x + ", " + y + ")");
            }
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StoredPngTest {

    /** Gray and RGB shapes up to the stored limit, including Fashion-MNIST's and CIFAR-10's. */
    private static final int[][] SHAPES = {
            {1, 28, 28}, {3, 32, 32}, {1, 1, 1}, {1, 64, 64}, {1, 4096, 1}, {1, 1, 4096}, {3, 7, 5}, {3, 1, 1365}};

    @Test
    void givesTheSameBytesAsTheJdkEncoderAtQualityOne() {
        Random random = new Random(11);
        for (int[] shape : SHAPES) {
            SampleSchema schema = TestSchemas.image(shape[0], shape[1], shape[2], -1, 1, List.of("x"));
            int count = 3;
            float[] samples = new float[count * schema.featureCount()];
            for (int i = 0; i < samples.length; i++) {
                // beyond the range on both sides, so clamping is covered too
                samples[i] = (float) (random.nextDouble() * 2.4 - 1.2);
            }
            List<byte[]> expected = PngEncoding.encodeWithImageIo(schema, samples, count, true);
            List<byte[]> actual = PngEncoding.encode(schema, samples, count);
            assertEquals(count, actual.size());
            for (int s = 0; s < count; s++) {
                assertArrayEquals(expected.get(s), actual.get(s), "shape " + List.of(shape[0], shape[1], shape[2])
                        + ", sample " + s);
            }
        }
    }

    @Test
    void decodesToTheMappedPixels() throws IOException {
        SampleSchema schema = TestSchemas.image(3, 2, 2, 0, 255, List.of("x"));
        // CHW: red plane, green plane, blue plane
        float[] sample = {0, 10, 20, 255, 1, 11, 21, 300, 2, 12, 22, -5};
        byte[] file = new StoredPng(schema).encode(sample, 0);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
        assertEquals(0x000102, image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0x0A0B0C, image.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(0x141516, image.getRGB(0, 1) & 0xFFFFFF);
        assertEquals(0xFFFF00, image.getRGB(1, 1) & 0xFFFFFF);
        assertEquals(new StoredPng(schema).fileBytes(), file.length);
    }
}

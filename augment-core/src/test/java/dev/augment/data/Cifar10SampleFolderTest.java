package dev.augment.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checked-in CIFAR-10 sample ({@code datasets/cifar10-sample}: JPEG class folders under {@code train/}
 * and {@code test/}, copied from the shared CIFAR-10 JPEG archive) is read by the image-folder source as
 * 32x32 RGB with CIFAR-10's classes in their label order.
 */
class Cifar10SampleFolderTest {

    static final Path CIFAR10_SAMPLE = Path.of("..", "datasets", "cifar10-sample");

    @Test
    void trainSplitIsThreeChannel32By32WithTheTenCifarClassesInLabelOrder() {
        SchemaDataSource source = DataSources.open(CIFAR10_SAMPLE, Split.TRAIN, null);
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertInstanceOf(ImageFolderSource.class, source);
        assertEquals(List.of(3, 32, 32), source.schema().shape());
        assertEquals(3 * 32 * 32, source.schema().featureCount());
        assertEquals("0000", source.schema().featureNames().get(0));
        assertEquals("3071", source.schema().featureNames().get(3071));
        assertEquals(ClassNames.CIFAR10, source.schema().labels(), "folder names sort into CIFAR-10's label order");
        assertEquals(ClassNames.CIFAR10, source.schema().classNames());
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, samples.countsPerClass());
        assertValuesAreBytesUsingMostOfTheRange(samples);
    }

    @Test
    void testSplitHoldsTenImagesPerClass() {
        SchemaDataSource source = DataSources.open(CIFAR10_SAMPLE, Split.TEST, "cifar10");
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertEquals(List.of(3, 32, 32), source.schema().shape());
        assertEquals(ClassNames.CIFAR10, source.schema().classNames());
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, samples.countsPerClass());
        assertValuesAreBytesUsingMostOfTheRange(samples);
    }

    /**
     * train/cat/0271.jpg is the first image of class 3 (cat), so sample 60. Pillow 9.4.0 (the reference decoder)
     * gives RGB (23, 19, 18) at (x 0, y 0), (57, 54, 47) at (x 5, y 17) and (86, 78, 67) at (x 31, y 31):
     * {@code /usr/bin/python3 -c "from PIL import Image; im = Image.open('datasets/cifar10-sample/train/cat/0271.jpg');
     * print([im.getpixel(p) for p in [(0, 0), (5, 17), (31, 31)]])"}.
     */
    @Test
    void aKnownJpegDecodesToPillowsValuesInChannelRowColumnOrder() {
        ImageFolderSource source = new ImageFolderSource(CIFAR10_SAMPLE.resolve("train"));
        DenseSamples samples = DenseSamples.from(source, source.schema());
        float[] cat = samples.features()[60];

        assertEquals(3, samples.classIndices()[60]);
        assertEquals(2, samples.classIndices()[59], "the image before it is the last bird");
        int[][] pillow = {{0, 0, 23, 19, 18}, {5, 17, 57, 54, 47}, {31, 31, 86, 78, 67}};
        for (int[] p : pillow) {
            for (int c = 0; c < 3; c++) {
                float got = cat[c * 32 * 32 + p[1] * 32 + p[0]];
                assertTrue(Math.abs(got - p[2 + c]) <= ImageDecodingTest.JPEG_TOLERANCE, "channel " + c + " at (x "
                        + p[0] + ", y " + p[1] + "): Pillow gives " + p[2 + c] + ", got " + got);
            }
        }
    }

    private static void assertValuesAreBytesUsingMostOfTheRange(DenseSamples samples) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float[] row : samples.features()) {
            assertEquals(3 * 32 * 32, row.length);
            for (float v : row) {
                assertEquals(Math.rint(v), v, "whole numbers");
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertTrue(min >= 0 && max <= 255, "values in 0..255: " + min + ".." + max);
        assertTrue(min <= 5 && max >= 250, "natural photos nearly span the range: " + min + ".." + max);
    }
}

package dev.augment.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An image folder whose images are all grey, whatever their bit depth, colour type or palette, gives one channel;
 * one colour image among them gives three, with the grey images repeated in each. The images are the 7x5 PNGs of
 * {@link ImageDecodingTest}, and their values are Pillow's (that test also checks that grey JPEGs give one channel).
 */
class GreyImageChannelsTest {

    private static final List<String> GREY = List.of("grey-1.png", "grey-2.png", "grey-4.png", "grey-8.png",
            "grey-16.png", "grey-alpha-8.png", "grey-alpha-16.png", "grey-8-trns.png", "palette-1-grey.png",
            "palette-4-grey.png", "palette-8-grey.png", "grey-1-interlaced.png", "palette-2-grey-interlaced.png");

    /** Puts the images in class folders a/ and b/ (alternately), in the order given, named 00-..., 01-... */
    private static Path folder(Path root, List<String> images) throws IOException {
        for (int i = 0; i < images.size(); i++) {
            Path target = root.resolve(i % 2 == 0 ? "a" : "b").resolve(String.format("%02d-%s", i, images.get(i)));
            Files.createDirectories(target.getParent());
            Files.copy(ImageDecodingTest.folder().resolve(images.get(i)), target);
        }
        return root;
    }

    /** Pillow's values of one image, planes one after another. */
    private static float[] pillow(String image) throws IOException {
        List<String> lines = Files.readAllLines(ImageDecodingTest.folder().resolve(image + ".txt")).stream()
                .filter(l -> !l.startsWith("#")).toList();
        return toFloats(lines.subList(1, lines.size()).stream().flatMap(l -> List.of(l.split(" ")).stream())
                .mapToInt(Integer::parseInt).toArray());
    }

    private static float[] toFloats(int[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private static float[] row(DenseSamples samples, int image) {
        // Class a holds the even-numbered images, class b the odd ones; DenseSamples keeps source order.
        int half = (samples.size() + 1) / 2;
        return samples.features()[image % 2 == 0 ? image / 2 : half + image / 2];
    }

    @Test
    void greyImagesOfEveryDepthAndPaletteGiveOneChannelWithPillowsValues(@TempDir Path dir) throws IOException {
        ImageFolderSource source = new ImageFolderSource(folder(dir, GREY));
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertEquals(List.of(1, 5, 7), source.schema().shape());
        assertEquals(35, source.schema().featureCount());
        for (int i = 0; i < GREY.size(); i++) {
            assertArrayEquals(pillow(GREY.get(i)), row(samples, i), GREY.get(i));
        }
    }

    @Test
    void oneColourImageMakesThreeChannelsWithGreyImagesRepeated(@TempDir Path dir) throws IOException {
        List<String> mixed = List.of("grey-1.png", "palette-4-colour.png", "grey-16.png");
        ImageFolderSource source = new ImageFolderSource(folder(dir, mixed));
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertEquals(List.of(3, 5, 7), source.schema().shape());
        assertArrayEquals(pillow("palette-4-colour.png"), row(samples, 1));
        for (String grey : List.of("grey-1.png", "grey-16.png")) {
            float[] plane = pillow(grey);
            float[] repeated = new float[3 * plane.length];
            for (int c = 0; c < 3; c++) {
                System.arraycopy(plane, 0, repeated, c * plane.length, plane.length);
            }
            assertArrayEquals(repeated, row(samples, mixed.indexOf(grey)), grey);
        }
    }

    @Test
    void aPaletteWithOneColouredEntryIsColour(@TempDir Path dir) throws IOException {
        ImageFolderSource source = new ImageFolderSource(folder(dir, List.of("palette-2-colour.png", "grey-8.png")));
        assertEquals(3, source.schema().shape().get(0));
    }
}

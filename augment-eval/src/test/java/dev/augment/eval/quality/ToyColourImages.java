package dev.augment.eval.quality;

import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Three classes of noisy 3×8×8 colour images, values 0–255 in (channel, row, column) order: in a
 * "red" image every pixel of channel 0 is bright (150–255) and the other channels dark (1–100);
 * "green" and "blue" likewise for channels 1 and 2. Every image has the same mean brightness, so only
 * the channels tell the classes apart.
 */
final class ToyColourImages {

    static final int SIDE = 8;
    static final int PIXELS = 3 * SIDE * SIDE;
    static final List<String> CLASSES = List.of("red", "green", "blue");

    private ToyColourImages() {
    }

    /** @return the schema: shape [3, 8, 8], values 0–255, features "000".."191" */
    static SampleSchema schema() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < PIXELS; i++) {
            names.add(String.format("%03d", i));
        }
        return new SampleSchema(names, List.of(3, SIDE, SIDE), 0, 255, CLASSES, CLASSES);
    }

    /**
     * @param c the class
     * @param count how many images
     * @param seed noise seed
     * @return {@code count} images of class {@code c}, row-major
     */
    static float[] flat(int c, int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 31 + c);
        float[] out = new float[count * PIXELS];
        int area = SIDE * SIDE;
        for (int i = 0; i < out.length; i++) {
            boolean bright = (i % PIXELS) / area == c;
            out[i] = bright ? rng.nextInt(150, 256) : rng.nextInt(1, 101);
        }
        return out;
    }

    /** Labelled images of every class, classes alternating. */
    record Labelled(float[][] images, int[] classes) {
        static Labelled of(int perClass, long seed) {
            float[][] images = new float[3 * perClass][];
            int[] classes = new int[images.length];
            for (int c = 0; c < 3; c++) {
                float[] flat = flat(c, perClass, seed);
                for (int i = 0; i < perClass; i++) {
                    images[3 * i + c] = java.util.Arrays.copyOfRange(flat, i * PIXELS, (i + 1) * PIXELS);
                    classes[3 * i + c] = c;
                }
            }
            return new Labelled(images, classes);
        }
    }
}

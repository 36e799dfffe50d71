package dev.augment.eval.cnn;

import dev.augment.schema.SampleSchema;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Two classes of noisy 8×8 gray images: "top" has a bright top half (pixels 150–255) over a dark
 * bottom half (1–100), "bottom" the reverse. Every pixel is non-zero, so every feature is in every
 * example. Features are named "00".."63" (pixel index, as Tribuo's IDX reader names 64 pixels).
 */
final class ToyImages {

    static final int SIDE = 8;
    static final List<String> LABELS = List.of("top", "bottom");

    private ToyImages() {
    }

    /** @return the schema of these images: shape [1, 8, 8], values 0–255 */
    static SampleSchema schema() {
        return new SampleSchema(ImageLayout.indexNamed(1, SIDE, SIDE).names(), List.of(1, SIDE, SIDE), 0, 255,
                LABELS, LABELS);
    }

    /**
     * @param perClass images of each class
     * @param divisor every pixel is divided by it (1 for 0–255 values, 255 for [0, 1])
     * @param seed noise seed
     * @return the images, classes alternating
     */
    static MutableDataset<Label> dataset(int perClass, double divisor, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> names = ImageLayout.indexNamed(1, SIDE, SIDE).names();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("toy images " + seed,
                new LabelFactory()), new LabelFactory());
        for (int i = 0; i < 2 * perClass; i++) {
            boolean top = i % 2 == 0;
            double[] values = new double[SIDE * SIDE];
            for (int p = 0; p < values.length; p++) {
                boolean bright = (p < values.length / 2) == top;
                values[p] = (bright ? rng.nextInt(150, 256) : rng.nextInt(1, 101)) / divisor;
            }
            data.add(new ArrayExample<>(new Label(top ? "top" : "bottom"), names.toArray(String[]::new), values));
        }
        return data;
    }

    /**
     * @param data a dataset
     * @return a copy in which every example appears twice, as "top" with weight {@code topWeight} and as
     *     "bottom" with weight {@code bottomWeight}
     */
    static MutableDataset<Label> conflicting(MutableDataset<Label> data, float topWeight, float bottomWeight) {
        MutableDataset<Label> out = new MutableDataset<>(new SimpleDataSourceProvenance("conflicting",
                new LabelFactory()), new LabelFactory());
        List<ArrayExample<Label>> copies = new ArrayList<>();
        data.forEach(e -> {
            copies.add(new ArrayExample<>(new Label("top"), e, topWeight));
            copies.add(new ArrayExample<>(new Label("bottom"), e, bottomWeight));
        });
        copies.forEach(out::add);
        return out;
    }
}

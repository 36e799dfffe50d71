package dev.augment.train;

import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small labelled images made up for training tests: each class is a bright square at its own place. */
final class TinyData {

    final SampleSchema schema;
    final float[][] features;
    final int[] labels;

    TinyData(int classes, int side, int perClass, long seed) {
        List<String> names = new ArrayList<>();
        List<String> labelsText = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            labelsText.add(Integer.toString(k));
            names.add("class" + k);
        }
        List<String> featureNames = new ArrayList<>();
        for (int i = 0; i < side * side; i++) {
            featureNames.add(String.format("%03d", i));
        }
        schema = new SampleSchema(featureNames, List.of(1, side, side), 0, 255, labelsText, names);
        SplittableRandom random = new SplittableRandom(seed);
        features = new float[classes * perClass][side * side];
        labels = new int[classes * perClass];
        for (int k = 0; k < classes; k++) {
            for (int n = 0; n < perClass; n++) {
                int row = k * perClass + n;
                labels[row] = k;
                for (int i = 0; i < side * side; i++) {
                    boolean lit = (i % side) / 2 == k % (side / 2) && (i / side) / 2 == k / (side / 2);
                    features[row][i] = (float) Math.min(255, Math.max(0, (lit ? 220 : 20) + random.nextGaussian() * 10));
                }
            }
        }
    }
}

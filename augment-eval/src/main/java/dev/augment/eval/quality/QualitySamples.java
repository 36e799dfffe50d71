package dev.augment.eval.quality;

import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Row handling the quality checks share: reshaping, scaling, picking a class, shares and rounding. */
final class QualitySamples {

    private QualitySamples() {
    }

    /**
     * @param flat samples, row-major
     * @param featureCount values per sample
     * @return one row per sample
     */
    static float[][] rows(float[] flat, int featureCount) {
        float[][] out = new float[flat.length / featureCount][];
        for (int i = 0; i < out.length; i++) {
            out[i] = Arrays.copyOfRange(flat, i * featureCount, (i + 1) * featureCount);
        }
        return out;
    }

    /**
     * @param schema the samples' schema
     * @param samples samples in feature scale
     * @return copies scaled from the schema's value range to [0, 1]
     */
    static float[][] unit(SampleSchema schema, float[][] samples) {
        float span = (float) (schema.maxValue() - schema.minValue());
        float min = (float) schema.minValue();
        float[][] out = new float[samples.length][];
        for (int i = 0; i < samples.length; i++) {
            out[i] = new float[samples[i].length];
            for (int j = 0; j < samples[i].length; j++) {
                out[i][j] = (samples[i][j] - min) / span;
            }
        }
        return out;
    }

    /**
     * @param data samples
     * @param classes their classes
     * @param c the class to pick
     * @param limit at most this many
     * @return the first {@code limit} samples of class {@code c}, in data order (shared, not copied)
     */
    static float[][] firstOfClass(float[][] data, int[] classes, int c, int limit) {
        List<float[]> picked = new ArrayList<>();
        for (int i = 0; i < data.length && picked.size() < limit; i++) {
            if (classes[i] == c) {
                picked.add(data[i]);
            }
        }
        return picked.toArray(float[][]::new);
    }

    /**
     * @param predicted predicted classes
     * @param c a class
     * @return the share of predictions equal to {@code c}; 0 for no predictions
     */
    static double share(int[] predicted, int c) {
        int hits = 0;
        for (int p : predicted) {
            hits += p == c ? 1 : 0;
        }
        return predicted.length == 0 ? 0 : (double) hits / predicted.length;
    }

    /** @return {@code v} rounded to four decimals, as the reports print it */
    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}

package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.List;

/** Small schemas for the writer tests; each call builds a fresh one. */
final class TestSchemas {

    private TestSchemas() {
    }

    /** An image schema with pixel features named like Tribuo's IDXDataSource names them. */
    static SampleSchema image(int channels, int height, int width, double min, double max, List<String> classNames) {
        int features = channels * height * width;
        List<String> names = new ArrayList<>();
        int digits = String.valueOf(features).length();
        for (int i = 0; i < features; i++) {
            names.add(String.format("%0" + digits + "d", i));
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < classNames.size(); i++) {
            labels.add(String.valueOf(i));
        }
        return new SampleSchema(names, List.of(channels, height, width), min, max, labels, classNames);
    }

    /** A tabular schema. */
    static SampleSchema tabular(List<String> featureNames, double min, double max, List<String> labels) {
        return new SampleSchema(featureNames, List.of(featureNames.size()), min, max, labels, labels);
    }
}

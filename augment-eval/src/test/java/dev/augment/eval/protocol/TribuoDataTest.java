package dev.augment.eval.protocol;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Generated 8-bit images reach the classifiers as the files hold them: rounded to whole pixels, so a generated
 * background that is almost black is left out exactly like a real black pixel (Tribuo's XGBoost reads a
 * left-out feature as missing, not as 0).
 */
class TribuoDataTest {

    private static final List<String> NAMES = List.of("p0", "p1", "p2", "p3");

    @Test
    void eightBitImageRowsAreRoundedHalfUpToWholePixelsBeforeScaling() {
        SampleSchema image = new SampleSchema(NAMES, List.of(1, 2, 2), 0, 255, List.of("a"), List.of("a"));
        Map<String, Double> features = features(new TribuoData(image), new float[] {0.3f, 1.5f, 254.6f, 0f});
        assertEquals(Map.of("p1", 2 / 255.0, "p2", 1.0), features,
                "0.3 rounds to a black pixel, which is left out like a real one; 1.5 rounds up to 2");
    }

    @Test
    void rowsThatAreNotEightBitImagesKeepTheirValues() {
        SampleSchema unitRange = new SampleSchema(NAMES, List.of(1, 2, 2), 0, 1, List.of("a"), List.of("a"));
        Map<String, Double> features = features(new TribuoData(unitRange), new float[] {0.3f, 0f, 0.5f, 0f});
        assertEquals(0.3, features.get("p0"), 1e-7);
        assertEquals(0.5, features.get("p2"), 1e-7);
        assertEquals(2, features.size());
    }

    private static Map<String, Double> features(TribuoData data, float[] row) {
        MutableDataset<Label> dataset = data.dataset("one row", new float[][] {row}, new int[] {0});
        Example<Label> example = dataset.getExample(0);
        Map<String, Double> out = new HashMap<>();
        for (Feature f : example) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }
}

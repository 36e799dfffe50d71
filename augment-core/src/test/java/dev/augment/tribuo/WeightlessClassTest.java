package dev.augment.tribuo;

import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Added examples weigh as their class's real ones: a class whose real examples all weigh 0 got examples that count for
 * nothing in training, without a word (a fresh user, 5 Dec).
 */
class WeightlessClassTest {

    private static ListDataSource<Label> source(float rareWeight) {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean rare = i < 4;
            ArrayExample<Label> e = new ArrayExample<>(new Label(rare ? "rare" : "common"), rare ? rareWeight : 1f);
            e.add("x", i + 1);
            e.add("y", (i * 7) % 5 + 1);
            examples.add(e);
        }
        return new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("weights", factory));
    }

    @Test
    void aClassWhoseExamplesAllWeighZeroIsNamedAndItsAddedExamplesDoWeighZero() {
        for (OversamplingMethod method : List.of(OversamplingMethod.ROS, OversamplingMethod.SMOTE)) {
            AugmentingDataSource weightless = new AugmentingDataSource(source(0f),
                    AugmentationPolicy.counts(Map.of("rare", 3)), MethodSettings.of(method), 1L, 1f);
            assertTrue(weightless.warnings().contains("every real example of class 'rare' (3) has the Tribuo weight 0, "
                    + "and the examples added to it weigh as its real ones do, so they count for nothing in training; "
                    + "give those examples their weights, or leave the class out"), weightless.warnings().toString());
            MutableDataset<Label> data = new MutableDataset<>(weightless);
            long addedAtZero = 0;
            for (Example<Label> e : data) {
                if (e.getMetadataValue(SyntheticExamples.SYNTHETIC_KEY).isPresent()) {
                    addedAtZero += e.getWeight() == 0f ? 1 : 0;
                }
            }
            assertEquals(3, addedAtZero, method + ": what the warning says is so");
        }
        AugmentingDataSource weighted = new AugmentingDataSource(source(0.5f), AugmentationPolicy.counts(
                Map.of("rare", 3)), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        assertFalse(weighted.warnings().stream().anyMatch(w -> w.contains("weight 0")), weighted.warnings().toString());
    }
}

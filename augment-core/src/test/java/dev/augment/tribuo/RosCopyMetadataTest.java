package dev.augment.tribuo;

import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "A ROS example is a copy of a real one": its metadata too (a user's id was dropped), with augment's marks, and its
 * label's score.
 */
class RosCopyMetadataTest {

    @Test
    void aCopyKeepsItsOriginalsMetadataBesideAugmentsMarks() {
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ArrayExample<Label> e = new ArrayExample<>(new Label(i < 4 ? "a" : "b", 0.25 + i / 10.0));
            e.add("x", i + 1);
            e.setMetadataValue("id", "row-" + i);
            examples.add(e);
        }
        LabelFactory factory = new LabelFactory();
        AugmentingDataSource ros = new AugmentingDataSource(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("five", factory)), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        int copies = 0;
        for (Example<Label> e : ros) {
            if (SyntheticExamples.isSynthetic(e)) {
                copies++;
                assertEquals("row-4", e.getMetadataValue("id").orElseThrow(), "the only b example's id");
                assertEquals("ros", e.getMetadataValue(SyntheticExamples.METHOD_KEY).orElseThrow());
                // a scored label's copy had NaN as its score (a Tribuo user, 7 Dec)
                assertTrue(e.getOutput().fullEquals(examples.get(4).getOutput()), e.getOutput().toString());
            }
        }
        assertEquals(3, copies);
        // SMOTE duplicates a class of one example: its label's score kept too (a re-check, 7 Dec)
        AugmentingDataSource smote = new AugmentingDataSource(new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("five", factory)), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        for (Example<Label> e : smote) {
            if (SyntheticExamples.isSynthetic(e)) {
                assertTrue(e.getOutput().fullEquals(examples.get(4).getOutput()), e.getOutput().toString());
            }
        }
        assertTrue(examples.get(4).getMetadataValue(SyntheticExamples.SYNTHETIC_KEY).isEmpty(), "the original unmarked");
    }
}

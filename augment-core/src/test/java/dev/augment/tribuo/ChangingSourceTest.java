package dev.augment.tribuo;

import dev.augment.errors.InvalidSettingException;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The counts to add come from a first read of the source; a source whose later reads differ made "balance" leave
 * the classes unbalanced without a word. The pass now stops with a setting error instead.
 */
class ChangingSourceTest {

    /** 24 "big" and 6 "small" examples on the first read, 10 fewer "big" ones on every later read. */
    private static final class ShrinkingSource implements DataSource<Label> {
        private final LabelFactory factory = new LabelFactory();
        private int reads;

        @Override
        public OutputFactory<Label> getOutputFactory() {
            return factory;
        }

        @Override
        public DataSourceProvenance getProvenance() {
            return new SimpleDataSourceProvenance("shrinking", factory);
        }

        @Override
        public Iterator<Example<Label>> iterator() {
            int big = reads++ == 0 ? 24 : 14;
            List<Example<Label>> rows = new ArrayList<>();
            for (int i = 0; i < big + 6; i++) {
                rows.add(new ArrayExample<>(new Label(i < big ? "big" : "small"), new String[] {"x", "y"},
                        new double[] {i + 1, 2 * i + 1}));
            }
            return rows.iterator();
        }
    }

    @Test
    void aSourceThatGivesOtherExamplesOnALaterReadStopsThePass() {
        AugmentingDataSource augmented = new AugmentingDataSource(new ShrinkingSource(), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        assertEquals(18, augmented.syntheticCounts().get("small"));
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> augmented.forEach(x -> { }));
        assertTrue(e.getMessage().contains("[14, 6] examples per class on this read but [24, 6]"), e.getMessage());
    }
}

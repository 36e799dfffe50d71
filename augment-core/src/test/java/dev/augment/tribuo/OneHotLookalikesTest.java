package dev.augment.tribuo;

import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.table.CsvTableSource;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain SMOTE on column@value features (a Tribuo CSV read with IdentityProcessor) says it makes fractions. */
class OneHotLookalikesTest {

    @Test
    void columnsWithTwoOrMoreValueFeaturesAreNamed() {
        assertEquals(Optional.empty(), OneHotLookalikes.warning(List.of("x", "y", "mail@example")));
        String warning = OneHotLookalikes.warning(List.of("x", "colour@red", "colour@blue", "size@s", "size@m"))
                .orElseThrow();
        assertTrue(warning.startsWith("features of 'colour', 'size' look like one-hot categories"), warning);
    }

    private static ListDataSource<Label> source() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new ArrayExample<>(new Label(i < 8 ? "big" : "small"),
                    new String[] {"x", i % 2 == 0 ? "colour@red" : "colour@blue"}, new double[] {i + 1, 1}));
        }
        return new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("list", factory));
    }

    @Test
    void smoteWarnsAndRosDoesNot() {
        AugmentingDataSource smote = new AugmentingDataSource(source(), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertTrue(smote.warnings().stream().anyMatch(w -> w.contains("'colour' look like one-hot")),
                smote.warnings().toString());
        assertTrue(smote.getProvenance().toString().contains("look like one-hot"), "recorded in provenance");
        AugmentingDataSource ros = new AugmentingDataSource(source(), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        assertFalse(ros.warnings().stream().anyMatch(w -> w.contains("one-hot")), ros.warnings().toString());
    }

    @Test
    void aCsvTableSourceGetsSmoteNcAndNoWarning() {
        AugmentingDataSource table = new AugmentingDataSource(new CsvTableSource(Path.of("..", "datasets",
                "tabular-sample", "credit-g.csv"), "class", Map.of()), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertFalse(table.warnings().stream().anyMatch(w -> w.contains("one-hot")), table.warnings().toString());
    }
}

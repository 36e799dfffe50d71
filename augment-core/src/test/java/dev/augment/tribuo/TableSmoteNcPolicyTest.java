package dev.augment.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.table.CsvTableSource;
import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

/** SMOTE on a table with categorical columns is SMOTE-NC in the Tribuo plugin. */
class TableSmoteNcPolicyTest {

    private static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");

    private static List<Example<Label>> synthetic(AugmentingDataSource augmented) {
        List<Example<Label>> out = new ArrayList<>();
        for (Example<Label> e : augmented) {
            if ("true".equals(e.getMetadataValue(SyntheticExamples.SYNTHETIC_KEY).orElse(null))) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void smoteOnATableWithCategoriesMakesWholeCategoriesAndSaysSmoteNc() {
        CsvTableSource source = new CsvTableSource(CREDIT, "class", Map.of());
        TableSchema schema = source.tableSchema();
        AugmentingDataSource augmented = new AugmentingDataSource(source, AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 3L, 1f);
        List<Example<Label>> made = synthetic(augmented);
        long[] perClass = source.table().examplesPerClass();
        assertEquals(Math.abs(perClass[0] - perClass[1]), made.size());
        for (Example<Label> e : made) {
            assertEquals("smote-nc", e.getMetadataValue(SyntheticExamples.METHOD_KEY).orElseThrow());
            Map<String, Double> values = new HashMap<>();
            for (Feature f : e) {
                values.put(f.getName(), f.getValue());
            }
            for (TableColumn column : schema.columns()) {
                if (column.isNumeric()) {
                    double v = values.getOrDefault(column.name(), 0.0);
                    assertTrue(v >= column.min() - 1e-9 && v <= column.max() + 1e-9, column.name() + " = " + v);
                } else {
                    long ones = column.categories().stream().map(c -> values.getOrDefault(column.name() + "@" + c, 0.0))
                            .filter(v -> v == 1.0).count();
                    long others = column.categories().stream()
                            .map(c -> values.getOrDefault(column.name() + "@" + c, 0.0))
                            .filter(v -> v != 0.0 && v != 1.0).count();
                    assertEquals(0, others, "no fractional category in " + column.name());
                    assertTrue(ones <= 1, column.name());
                }
            }
        }
        assertTrue(augmented.getProvenance().toString().contains("smote-nc"));
        // either spelling finds SMOTE-NC's counts, in the source and in its provenance; a method is not a source
        Map<String, Integer> added = augmented.addedCounts("smote");
        assertEquals(added, augmented.addedCounts("smote-nc"));
        assertEquals((long) made.size(), added.values().stream().mapToLong(Integer::intValue).sum());
        AugmentedDataSourceProvenance provenance = (AugmentedDataSourceProvenance) augmented.getProvenance();
        assertEquals(added, provenance.getAddedCounts("smote"));
        assertEquals(added, provenance.getAddedCounts("smote-nc"));
        assertThrows(dev.augment.errors.InvalidSettingException.class, () -> augmented.addedCounts("hybrid"));
        // the same seed gives the same examples
        assertEquals(made.toString(), synthetic(new AugmentingDataSource(new CsvTableSource(CREDIT, "class", Map.of()),
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.SMOTE), 3L, 1f)).toString());
    }
}

package dev.augment.tribuo;

import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.table.CsvTableSource;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.data.csv.CSVDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same CSV read by augment's {@link CsvTableSource} (columns in the file's order) and by Tribuo's
 * {@code CSVDataSource} (features in name order) gets the same SMOTE-NC rows for the same seed. Until 2 Dec the
 * category votes' tie draws went column by column in each source's own order, so the two gave other categories.
 */
class SmoteNcSourceOrderTest {

    private static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");

    @Test
    void csvTableSourceAndTribuoCsvDataSourceGiveTheSameSmoteNcRows() throws Exception {
        AugmentingDataSource ours = new AugmentingDataSource(new CsvTableSource(CREDIT, "class", Map.of()),
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.SMOTE), 7L, 1f);
        CSVDataSource<Label> tribuo = new CSVDataSource<>(CREDIT, TableReader.read(CREDIT, "class").schema()
                .rowProcessor(), true);
        AugmentingDataSource theirs = new AugmentingDataSource(tribuo, AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 7L, 1f);
        List<Map<String, Double>> fromOurs = synthetic(ours);
        List<Map<String, Double>> fromTheirs = synthetic(theirs);
        assertTrue(fromOurs.size() > 20, "the sample's smaller class is topped up: " + fromOurs.size());
        assertEquals(fromOurs.size(), fromTheirs.size());
        for (int i = 0; i < fromOurs.size(); i++) {
            Map<String, Double> a = fromOurs.get(i);
            Map<String, Double> b = fromTheirs.get(i);
            assertEquals(a.keySet(), b.keySet(), "added example " + i + ": the same categories");
            for (String name : a.keySet()) {
                assertEquals(a.get(name), b.get(name), 1e-9, "added example " + i + ", " + name);
            }
        }
    }

    /** @return each added example's non-zero features by name, in the order the source gives them */
    private static List<Map<String, Double>> synthetic(AugmentingDataSource source) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (Example<Label> example : source) {
            if (SyntheticExamples.isSynthetic(example)) {
                assertEquals("smote-nc", example.getMetadataValue(SyntheticExamples.METHOD_KEY).orElseThrow());
                Map<String, Double> features = new TreeMap<>();
                for (Feature f : example) {
                    if (f.getValue() != 0) {
                        features.put(f.getName(), f.getValue());
                    }
                }
                out.add(features);
            }
        }
        return out;
    }
}

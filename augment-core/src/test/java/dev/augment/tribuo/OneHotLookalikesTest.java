package dev.augment.tribuo;

import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.table.CsvTableSource;
import dev.augment.table.TableReader;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.csv.CSVDataSource;
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

/**
 * SMOTE on column@value features (a Tribuo CSV read with IdentityProcessor): SMOTE-NC where they are one-hot in every
 * example, and a warning that it makes fractions where they are not.
 */
class OneHotLookalikesTest {

    @Test
    void columnsWithTwoOrMoreValueFeaturesAreNamed() {
        assertEquals(Optional.empty(), OneHotLookalikes.warning(List.of("x", "y", "mail@example")));
        String warning = OneHotLookalikes.warning(List.of("x", "colour@red", "colour@blue", "size@s", "size@m"))
                .orElseThrow();
        assertTrue(warning.startsWith("features of 'colour', 'size' look like one-hot categories"), warning);
    }

    /** @return 12 rows of a numeric x and a colour, one-hot, or (when {@code oneHot} is false) 0.5 for blue */
    private static ListDataSource<Label> source(boolean oneHot) {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new ArrayExample<>(new Label(i < 8 ? "big" : "small"),
                    new String[] {"x", i % 2 == 0 ? "colour@red" : "colour@blue"},
                    new double[] {i + 1, i % 2 == 0 || oneHot ? 1 : 0.5}));
        }
        return new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("list", factory));
    }

    @Test
    void oneHotGroupsOfAnyTribuoSourceGetSmoteNcWholeCategories() {
        AugmentingDataSource smote = new AugmentingDataSource(source(true), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertFalse(smote.warnings().stream().anyMatch(w -> w.contains("one-hot")), smote.warnings().toString());
        int added = 0;
        for (Example<Label> example : smote) {
            if (SyntheticExamples.isSynthetic(example)) {
                added++;
                assertEquals("smote-nc", example.getMetadataValue(SyntheticExamples.METHOD_KEY).orElseThrow());
                List<Double> colours = new ArrayList<>();
                example.forEach(f -> {
                    if (f.getName().startsWith("colour@")) {
                        colours.add(f.getValue());
                    }
                });
                assertEquals(List.of(1.0), colours, "one whole category: " + example);
            }
        }
        assertEquals(4, added);
    }

    @Test
    void smoteNcLeavesOutANumericFeatureNoRealExampleOfTheClassHas() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            boolean big = i < 8; // only the big class has z (a sparse source, or z missing in every small row)
            rows.add(new ArrayExample<>(new Label(big ? "big" : "small"),
                    big ? new String[] {"x", "z", i % 2 == 0 ? "colour@red" : "colour@blue"}
                            : new String[] {"x", i % 2 == 0 ? "colour@red" : "colour@blue"},
                    big ? new double[] {i + 1, 2 * i + 1, 1} : new double[] {i + 1, 1}));
        }
        AugmentingDataSource smote = new AugmentingDataSource(new ListDataSource<>(rows, factory,
                new SimpleDataSourceProvenance("list", factory)), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        int added = 0;
        for (Example<Label> example : smote) {
            if (SyntheticExamples.isSynthetic(example)) {
                added++;
                List<String> names = new ArrayList<>();
                example.forEach(f -> names.add(f.getName()));
                assertFalse(names.contains("z"), "no small row has z: " + example);
                assertTrue(names.contains("x"), example.toString());
            }
        }
        assertEquals(4, added);
    }

    @Test
    void smoteWarnsWhereTheGroupIsNotOneHotAndRosDoesNot() {
        AugmentingDataSource smote = new AugmentingDataSource(source(false), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertTrue(smote.warnings().stream().anyMatch(w -> w.contains("'colour' look like one-hot")),
                smote.warnings().toString());
        assertTrue(smote.getProvenance().toString().contains("look like one-hot"), "recorded in provenance");
        AugmentingDataSource ros = new AugmentingDataSource(source(false), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        assertFalse(ros.warnings().stream().anyMatch(w -> w.contains("one-hot")), ros.warnings().toString());
    }

    /**
     * A broken group beside a one-hot one was interpolated into fractions of two categories under SMOTE-NC's name
     * without a word, the warning given only where no group was one-hot (a fresh user, 7 Dec).
     */
    @Test
    void aBrokenGroupBesideAOneHotOneIsWarnedOf() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new ArrayExample<>(new Label(i < 8 ? "big" : "small"), new String[] {"x", i % 2 == 0
                    ? "colour@red" : "colour@blue", i % 3 == 0 ? "size@s" : "size@l"}, new double[] {i + 1,
                    i == 1 ? 0.5 : 1, 1}));
        }
        AugmentingDataSource smote = new AugmentingDataSource(new ListDataSource<>(rows, factory,
                new SimpleDataSourceProvenance("list", factory)), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertTrue(smote.addedSources().contains("smote-nc"), "size is one-hot: " + smote.addedSources());
        assertTrue(smote.warnings().stream().anyMatch(w -> w.startsWith("features of 'colour' look like one-hot")),
                smote.warnings().toString());
        assertEquals(Optional.empty(), OneHotLookalikes.warning(List.of("x", "size@s", "size@l"),
                java.util.Set.of("size@s", "size@l")), "a group taken as categories");
    }

    @Test
    void tribuosOwnCsvDataSourceGetsSmoteNc() {
        Path credit = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");
        // what an OLCUT configuration without a generator can build: Tribuo's CSVDataSource, no CsvTableSource
        CSVDataSource<Label> tribuo = new CSVDataSource<>(credit, TableReader.read(credit, "class").schema()
                .rowProcessor(), true);
        AugmentingDataSource smote = new AugmentingDataSource(tribuo, AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertFalse(smote.warnings().stream().anyMatch(w -> w.contains("one-hot")), smote.warnings().toString());
        for (Example<Label> example : smote) {
            if (SyntheticExamples.isSynthetic(example)) {
                example.forEach(f -> {
                    if (f.getName().indexOf('@') > 0) {
                        assertEquals(1.0, f.getValue(), "no fraction of two categories: " + f);
                    }
                });
            }
        }
        assertTrue(smote.addedSources().contains("smote-nc"), smote.addedSources().toString());
    }

    @Test
    void aCsvTableSourceGetsSmoteNcAndNoWarning() {
        AugmentingDataSource table = new AugmentingDataSource(new CsvTableSource(Path.of("..", "datasets",
                "tabular-sample", "credit-g.csv"), "class", Map.of()), AugmentationPolicy.balance(),
                MethodSettings.of(OversamplingMethod.SMOTE), 1L, 1f);
        assertFalse(table.warnings().stream().anyMatch(w -> w.contains("one-hot")), table.warnings().toString());
    }
}

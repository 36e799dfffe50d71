package dev.augment.tribuo;

import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-hot columns of a source augment did not read itself, found from the examples. */
class OneHotGroupsTest {

    private static Example<Label> example(String label, String colour, double x) {
        ArrayExample<Label> e = new ArrayExample<>(new Label(label));
        e.add("colour@" + colour, 1);
        e.add("x", x);
        return e;
    }

    /**
     * A '?' cell read by Tribuo's IdentityProcessor is the category {@code colour@?}; it equalled the layout's
     * missing marker, the layout failed, and SMOTE-NC fell back to plain SMOTE for every column, mixing categories.
     */
    @Test
    void aCategorySpeltAsTheMissingMarkerKeepsTheTableOneHot() {
        List<Example<Label>> examples = new ArrayList<>(List.of(example("a", "red", 1), example("a", "?", 2),
                example("a", "blue", 3), example("b", "red", 4), example("b", "blue", 5)));
        LabelFactory factory = new LabelFactory();
        ListDataSource<Label> source = new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("five examples", factory));
        Optional<TableSchema> layout = OneHotGroups.layout(source, List.of("colour@?", "colour@blue", "colour@red", "x"),
                List.of("a", "b"));
        assertTrue(layout.isPresent(), "a '?' category is a category");
        TableColumn colour = layout.get().columns().get(0);
        assertEquals("colour", colour.name());
        assertEquals(List.of("?", "blue", "red"), colour.categories());
        assertTrue(layout.get().columns().get(1).isNumeric());
    }

    /**
     * Numeric columns named {@code t@2m}, {@code t@10m} beside the categories {@code t@hot}, {@code t@cold} made the
     * group not one-hot, and SMOTE-NC fell back to plain SMOTE: rows 92% hot, 8% mild (a fresh user, 6 Dec).
     */
    @Test
    void numericFeaturesNamedLikeCategoriesOfAColumnAreNumericColumnsOfTheirOwn() {
        List<Example<Label>> examples = new ArrayList<>();
        String[] weather = {"hot", "cold", "mild"};
        for (int i = 0; i < 12; i++) {
            ArrayExample<Label> e = new ArrayExample<>(new Label(i < 8 ? "a" : "b"));
            e.add("t@" + weather[i % 3], 1);
            e.add("t@2m", 10.5 + i);
            e.add("t@10m", 3.25 * i);
            examples.add(e);
        }
        LabelFactory factory = new LabelFactory();
        ListDataSource<Label> source = new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("weather", factory));
        TableSchema layout = OneHotGroups.layout(source, List.of("t@10m", "t@2m", "t@cold", "t@hot", "t@mild"),
                List.of("a", "b")).orElseThrow();
        assertEquals(List.of("t@10m", "t@2m", "t"), layout.columns().stream().map(TableColumn::name).toList());
        assertEquals(List.of("cold", "hot", "mild"), layout.columns().get(2).categories());
        assertTrue(layout.columns().get(0).isNumeric() && layout.columns().get(1).isNumeric());
    }

    /**
     * IdentityProcessor names an empty cell {@code flag@}; it was a numeric column of its own, and SMOTE-NC's added
     * examples held {@code flag@ = 0.25} beside {@code flag@yes = 1}: two categories in one row (a fresh user, 6 Dec).
     */
    @Test
    void anEmptyCellIsACategoryAndSmoteNcGivesOneCategoryPerExample() {
        List<Example<Label>> examples = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ArrayExample<Label> e = new ArrayExample<>(new Label(i < 8 ? "a" : "b"));
            e.add(i % 3 == 0 ? "flag@" : "flag@yes", 1);
            e.add("x", i);
            examples.add(e);
        }
        LabelFactory factory = new LabelFactory();
        ListDataSource<Label> source = new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("twelve examples", factory));
        TableColumn flag = OneHotGroups.layout(source, List.of("flag@", "flag@yes", "x"), List.of("a", "b"))
                .orElseThrow().columns().get(0);
        assertEquals("flag", flag.name());
        assertEquals(List.of("", "yes"), flag.categories());
        AugmentingDataSource smote = new AugmentingDataSource(source, AugmentationPolicy.balance(),
                dev.augment.oversample.MethodSettings.of(dev.augment.oversample.OversamplingMethod.SMOTE), 1L, 1f);
        int added = 0;
        for (Example<Label> e : smote) {
            List<String> flags = new ArrayList<>();
            e.forEach(f -> {
                if (f.getName().startsWith("flag@")) {
                    assertEquals(1.0, f.getValue(), 0.0, e.toString());
                    flags.add(f.getName());
                }
            });
            assertEquals(1, flags.size(), "one category per example: " + e);
            added++;
        }
        assertEquals(16, added, "8 real of each class after balancing");
    }
}

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
}

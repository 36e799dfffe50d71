package dev.augment.tribuo;

import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;
import org.tribuo.data.columnar.ColumnarFeature;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Categories a table generator writes that no real row of the source holds: a source of the credit table's rows whose
 * {@code purpose} was not radio/tv, new car or furniture got 86 GAN rows, every one of one of those three purposes, so
 * that the column alone told every added row from the real ones, without a word (a Tribuo user, 6 Dec). A sample of the
 * generator's table may lack its rare categories too, so this is a warning, and only from
 * {@value #FEWEST_ROWS} rows on. A column none of whose categories the source holds is
 * refused elsewhere ({@code SourceScan}).
 */
final class AbsentCategories {

    /** Rows a source needs before a category it lacks is said. */
    static final int FEWEST_ROWS = 20;
    /** Categories named per column; the rest are counted. */
    private static final int NAMED = 5;

    private AbsentCategories() {
    }

    /**
     * @param table the generator's table layout
     * @param seen the feature names the source's examples hold (a category's is Tribuo's {@code column@category})
     * @param rows the source's examples
     * @return one warning per categorical column of which the source holds some categories but not all, in column
     *     order; none below {@value #FEWEST_ROWS} rows
     */
    static List<String> of(TableSchema table, Set<String> seen, long rows) {
        List<String> warnings = new ArrayList<>();
        if (rows < FEWEST_ROWS) {
            return warnings;
        }
        for (TableColumn column : table.columns()) {
            if (column.isNumeric()) {
                continue;
            }
            List<String> absent = new ArrayList<>();
            for (String category : column.categories()) {
                if (!seen.contains(ColumnarFeature.generateFeatureName(column.name(), category))) {
                    absent.add(category);
                }
            }
            if (absent.isEmpty() || absent.size() == column.categories().size()) {
                continue;
            }
            List<String> named = absent.stream().limit(NAMED).map(c -> "'" + c + "'").toList();
            String more = absent.size() > NAMED ? " and " + (absent.size() - NAMED) + " more" : "";
            warnings.add("no real example of the source has " + (absent.size() == 1 ? "category " : "categories ")
                    + String.join(", ", named) + more + " of column '" + column.name() + "' (" + absent.size() + " of "
                    + "the generator's " + column.categories().size() + "), which the generator writes in some rows: "
                    + "if the source is a part of its table chosen by this column, those rows can be told from the "
                    + "real ones by it; use ROS or SMOTE, or a generator trained on this part (a sample lacking rare "
                    + "categories is fine)");
        }
        return warnings;
    }
}

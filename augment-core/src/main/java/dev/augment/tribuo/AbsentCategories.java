package dev.augment.tribuo;

import dev.augment.generate.OnnxGenerator;
import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;
import org.tribuo.data.columnar.ColumnarFeature;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Categories a table generator writes that no real row of the source holds: a source of the credit table's rows whose
 * {@code purpose} was not radio/tv, new car or furniture got 86 GAN rows, every one of one of those three purposes, so
 * that the column alone told every added row from the real ones, without a word (a Tribuo user, 6 Dec). A random
 * sample of the generator's table lacks rare categories too, which the generator writes in few rows (a re-check found
 * such a warning for a category of 1% of the rows), so the generator's own rows are counted: a column is named when
 * at least {@value #MATERIAL_SHARE} of them hold a category no real example has. A column none of whose categories the
 * source holds is refused elsewhere ({@code SourceScan}).
 */
final class AbsentCategories {

    /** Share of the generator's rows holding absent categories from which a column is named. */
    static final double MATERIAL_SHARE = 0.05;
    /** Rows drawn per class to measure the share. */
    static final int SAMPLES = 200;
    /** Categories named per column; the rest are counted. */
    private static final int NAMED = 5;

    private AbsentCategories() {
    }

    /**
     * @param generator the table generator
     * @param table its table layout
     * @param seen the feature names the source's examples hold (a category's is Tribuo's {@code column@category})
     * @param realCounts the source's examples per class index; classes without any are not drawn
     * @return one warning per categorical column of which the source holds some categories but not all, and at least
     *     {@value #MATERIAL_SHARE} of {@value #SAMPLES} generated rows per class hold one it lacks, in column order
     */
    static List<String> of(OnnxGenerator generator, TableSchema table, Set<String> seen, int[] realCounts) {
        List<String> warnings = new ArrayList<>();
        List<String> featureNames = generator.metadata().schema().featureNames();
        int width = featureNames.size();
        List<float[]> drawn = new ArrayList<>();
        for (int c = 0; c < realCounts.length; c++) {
            if (realCounts[c] > 0) {
                drawn.add(generator.generate(c, 0, 0, SAMPLES));
            }
        }
        long rows = (long) drawn.size() * SAMPLES;
        for (TableColumn column : table.columns()) {
            if (column.isNumeric()) {
                continue;
            }
            List<String> absent = new ArrayList<>();
            List<Integer> absentFeatures = new ArrayList<>();
            for (String category : column.categories()) {
                String name = ColumnarFeature.generateFeatureName(column.name(), category);
                if (!seen.contains(name)) {
                    absent.add(category);
                    absentFeatures.add(featureNames.indexOf(name));
                }
            }
            if (absent.isEmpty() || absent.size() == column.categories().size() || rows == 0) {
                continue;
            }
            long holding = 0;
            for (float[] samples : drawn) {
                for (int r = 0; r < SAMPLES; r++) {
                    for (int f : absentFeatures) {
                        if (f >= 0 && samples[r * width + f] > 0.5f) {
                            holding++;
                            break;
                        }
                    }
                }
            }
            if (holding < MATERIAL_SHARE * rows) {
                continue;
            }
            List<String> named = absent.stream().limit(NAMED).map(c -> "'" + c + "'").toList();
            String more = absent.size() > NAMED ? " and " + (absent.size() - NAMED) + " more" : "";
            warnings.add(Math.round(100.0 * holding / rows) + "% of the generator's rows (" + SAMPLES + " drawn per "
                    + "class) hold " + (absent.size() == 1 ? "category " : "categories ") + String.join(", ", named)
                    + more + " of column '" + column.name() + "', which no real example of the source has, so those "
                    + "rows can be told from the real ones by that column: if the source is a part of the generator's "
                    + "table chosen by it, use ROS or SMOTE, or a generator trained on this part");
        }
        return warnings;
    }
}

package dev.augment.eval.table;

import dev.augment.oversample.SmoteNc.MixedRows;
import dev.augment.oversample.TableFeatureRows;
import dev.augment.table.Table;
import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Conversions between a {@link Table} and the forms the evaluation needs: Tribuo-scale feature vectors
 * ({@link Table#features(int)}), the column layout of the diagnostics ({@link TableColumnLayout}) and
 * SMOTE-NC's numeric + categorical rows ({@link MixedRows}: the numeric columns, then the categorical columns, in
 * the order of {@link TableFeatureRows#columns}, as the Tribuo plugin gives them to SMOTE-NC).
 */
public final class TableRows {

    private TableRows() {
    }

    /**
     * @param schema the table's schema
     * @return every column's place in the feature vector, in column order
     */
    public static List<TableColumnLayout> layout(TableSchema schema) {
        List<TableColumnLayout> out = new ArrayList<>();
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn column = schema.columns().get(c);
            out.add(new TableColumnLayout(column.name(), !column.isNumeric(), schema.featureOffset(c),
                    schema.featureWidth(c)));
        }
        return out;
    }

    /**
     * A table generator's samples as the evaluation's real rows are: a generated missing numeric cell (NaN) becomes
     * 0, as {@link Table#features(int)} reads a real one (Tribuo's absent feature).
     *
     * @param generator a table generator's sampler, or null
     * @return the same samples with NaN replaced by 0; null for null
     */
    public static dev.augment.eval.sampler.ConditionalSampler missingAsAbsent(
            dev.augment.eval.sampler.ConditionalSampler generator) {
        if (generator == null) {
            return null;
        }
        return (classIndex, n, seed) -> {
            float[][] rows = generator.sample(classIndex, n, seed);
            for (float[] row : rows) {
                for (int d = 0; d < row.length; d++) {
                    if (Float.isNaN(row[d])) {
                        row[d] = 0f;
                    }
                }
            }
            return rows;
        };
    }

    /**
     * @param table a table
     * @return every row's feature vector, with its class
     */
    public static LabelledRows labelled(Table table) {
        float[][] rows = new float[table.rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = table.features(r);
        }
        return new LabelledRows(rows, table.classes().clone());
    }

    /**
     * @param table a table
     * @param classIndex a class index
     * @return that class's rows as SMOTE-NC reads them
     */
    public static MixedRows mixed(Table table, int classIndex) {
        TableSchema schema = table.schema();
        int[] numericColumns = TableFeatureRows.columns(schema, true);
        int[] categoricalColumns = TableFeatureRows.columns(schema, false);
        List<double[]> numeric = new ArrayList<>();
        List<int[]> categories = new ArrayList<>();
        for (int r = 0; r < table.rows(); r++) {
            if (table.classes()[r] != classIndex) {
                continue;
            }
            double[] x = new double[numericColumns.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = table.numeric()[r][numericColumns[j]];
            }
            int[] k = new int[categoricalColumns.length];
            for (int j = 0; j < k.length; j++) {
                k[j] = table.category()[r][categoricalColumns[j]];
            }
            numeric.add(x);
            categories.add(k);
        }
        return new MixedRows(numeric.toArray(double[][]::new), categories.toArray(int[][]::new));
    }
}

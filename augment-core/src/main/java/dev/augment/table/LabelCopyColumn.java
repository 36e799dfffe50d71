package dev.augment.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature column that restates the label: each of its values goes with one class only, and each class with one of
 * its values (the label upper-cased, a class code beside the class name, the label encoded as 0/1). A classifier
 * trained with it reads the answer off that column, so every arm of an evaluation scores about 1 and augmentation
 * shows nothing; a generator learns to copy it. A fresh user's table with the label repeated upper-cased was
 * evaluated at macro-F1 1.000 on every arm without a word (7 Dec). Found from the values of the rows where the
 * column is present; a column missing in some rows is judged on the rest.
 *
 * @param column the column's header
 * @param classes how many classes it restates, at least 2
 */
public record LabelCopyColumn(String column, int classes) {

    /**
     * @param labelColumn the label column's header
     * @return one line for the user: which column, why it hurts, and what to do
     */
    public String advice(String labelColumn) {
        return "column '" + column + "' restates the label column '" + labelColumn + "': each of its values goes with "
                + "one class and each class with one of its values, so a classifier reads the class off it (every "
                + "arm of an evaluation scores about 1) and a generator copies it; if it is the label or derived from "
                + "it, remove it from the CSV";
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return its feature columns, numeric or categorical, whose present values map one-to-one onto the classes of
     *     the rows that hold them, over at least two classes and more rows than classes; in column order
     */
    public static List<LabelCopyColumn> find(Table table) {
        List<LabelCopyColumn> found = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            Map<Object, Integer> classOfValue = new HashMap<>();
            Map<Integer, Object> valueOfClass = new HashMap<>();
            boolean oneToOne = true;
            int present = 0;
            for (int r = 0; r < table.rows() && oneToOne; r++) {
                Object value = columns.get(c).isNumeric() ? valueOrNull(table.numeric()[r][c])
                        : table.category()[r][c] < 0 ? null : (Object) table.category()[r][c];
                if (value == null) {
                    continue;
                }
                present++;
                Integer before = classOfValue.putIfAbsent(value, table.classes()[r]);
                Object valueBefore = valueOfClass.putIfAbsent(table.classes()[r], value);
                oneToOne = (before == null || before == table.classes()[r])
                        && (valueBefore == null || valueBefore.equals(value));
            }
            if (oneToOne && valueOfClass.size() >= 2 && present > valueOfClass.size()) {
                found.add(new LabelCopyColumn(columns.get(c).name(), valueOfClass.size()));
            }
        }
        return found;
    }

    private static Double valueOrNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}

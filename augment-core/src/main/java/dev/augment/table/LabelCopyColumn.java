package dev.augment.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A feature column that restates the label: each of its values goes with one class, and each class with one of its
 * values (the label upper-cased, a class code beside the class name, the label encoded as 0/1), in all rows that hold
 * a value but a few ({@link #disagreeing}: a typo, a mislabelled row). A classifier trained with it reads the answer
 * off that column, so every arm of an evaluation scores about 1 and augmentation shows nothing; a generator learns to
 * copy it. A fresh user's table with the label repeated upper-cased was evaluated at macro-F1 1.000 on every arm
 * without a word (7 Dec), and a copy with one row differing was missed (a re-check, 7 Dec). Judged on the rows where
 * the column is present, which must be at least half the table's rows and {@value #FEWEST_ROWS}: a column filled in
 * three rows of 45 was called a copy (a re-check, 7 Dec).
 *
 * @param column the column's header
 * @param classes how many classes it restates, at least 2
 * @param present the rows where it holds a value
 * @param disagreeing how many of those break the one-to-one map, at most {@code present / }{@value #TOLERANCE}
 */
public record LabelCopyColumn(String column, int classes, int present, int disagreeing) {

    /** The fewest rows holding a value for a column to be judged. */
    static final int FEWEST_ROWS = 10;

    /** One row in this many may break the map: 44 rows of 45 agreeing is a copy with a typo. */
    static final int TOLERANCE = 40;

    /**
     * @param labelColumn the label column's header
     * @return one line for the user: which column, why it hurts, and what to do
     */
    public String advice(String labelColumn) {
        return "column '" + column + "' restates the label column '" + labelColumn + "': each of its values goes with "
                + "one class and each class with one of its values" + (disagreeing == 0 ? "" : " (in all but "
                + disagreeing + " of its " + present + " rows)") + ", so a classifier reads the class off it (every "
                + "arm of an evaluation scores about 1) and a generator copies it; if it is the label or derived from "
                + "it, remove it from the CSV";
    }

    /**
     * @param table a table as read by {@link TableReader}
     * @return its feature columns, numeric or categorical, whose present values map one-to-one onto the classes of
     *     the rows that hold them (each class its own most frequent value, in nine tenths of its rows), but for at
     *     most one row in {@value #TOLERANCE}, over at least two classes; in column order
     */
    public static List<LabelCopyColumn> find(Table table) {
        List<LabelCopyColumn> found = new ArrayList<>();
        List<TableColumn> columns = table.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            Map<Object, Map<Integer, Integer>> classesOfValue = new HashMap<>();
            Map<Integer, Map<Object, Integer>> valuesOfClass = new HashMap<>();
            int present = 0;
            for (int r = 0; r < table.rows(); r++) {
                Object value = valueAt(table, columns.get(c), r, c);
                if (value != null) {
                    present++;
                    classesOfValue.computeIfAbsent(value, v -> new HashMap<>()).merge(table.classes()[r], 1,
                            Integer::sum);
                    valuesOfClass.computeIfAbsent(table.classes()[r], k -> new HashMap<>()).merge(value, 1,
                            Integer::sum);
                }
            }
            if (present < FEWEST_ROWS || 2 * present < table.rows() || valuesOfClass.size() < 2) {
                continue;
            }
            // each class's most frequent value and rows, once: computed again for every value of the column, a
            // 50 000-row amount column took 137 s of silence (a fresh user, 7 Dec)
            Map<Integer, Object> classValue = new HashMap<>();
            Map<Integer, Integer> classRows = new HashMap<>();
            valuesOfClass.forEach((k, counts) -> {
                classValue.put(k, mostFrequent(counts));
                classRows.put(k, counts.values().stream().mapToInt(Integer::intValue).sum());
            });
            int agreeing = 0;
            int pairs = 0;
            boolean everyClassMostly = true;
            for (Map.Entry<Object, Map<Integer, Integer>> e : classesOfValue.entrySet()) {
                int classOfValue = mostFrequent(e.getValue());
                if (classValue.get(classOfValue).equals(e.getKey())) {
                    int rows = e.getValue().get(classOfValue);
                    agreeing += rows;
                    pairs++;
                    everyClassMostly &= rows * 10 >= classRows.get(classOfValue) * 9;
                }
            }
            // every class its own value: a column of one value beside a class of 1 row in 40 was called a copy; and
            // each class mostly so: a value matching a small class in 3 of its 12 rows was (a re-check, 7 Dec)
            if (pairs == valuesOfClass.size() && everyClassMostly && present - agreeing <= present / TOLERANCE) {
                found.add(new LabelCopyColumn(columns.get(c).name(), valuesOfClass.size(), present,
                        present - agreeing));
            }
        }
        return found;
    }

    /** @return the cell's value (a number or a category index), or null where it is missing */
    private static Object valueAt(Table table, TableColumn column, int r, int c) {
        if (column.isNumeric()) {
            return Double.isNaN(table.numeric()[r][c]) ? null : (Object) table.numeric()[r][c];
        }
        return table.category()[r][c] < 0 ? null : (Object) table.category()[r][c];
    }

    /** @return the key counted most often (of tied ones, the same one on every run) */
    private static <K> K mostFrequent(Map<K, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}

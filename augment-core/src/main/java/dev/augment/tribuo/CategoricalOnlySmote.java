package dev.augment.tribuo;

import dev.augment.table.TableSchema;

import java.util.Arrays;
import java.util.Optional;

/**
 * SMOTE-NC on a table without a numeric column: each added row takes, per column, the category most frequent among
 * its base row's k nearest neighbours (Chawla et al. 2002, section 6.1), and no value is interpolated, so each real
 * row yields one fixed added row, which is a copy of a real row wherever a class's rows are alike. On soybean (35
 * categorical columns) 487 of 1 065 added rows were exact copies of a real row of their class, and every added row of
 * three classes, reported as SMOTE-NC without a word (a fresh user, 6 Dec); {@link RepeatedExamples} names only
 * repeats already in the data.
 */
public final class CategoricalOnlySmote {

    private CategoricalOnlySmote() {
    }

    /**
     * @param layout the table layout SMOTE-NC reads, or null for plain SMOTE
     * @param fromReal per class index, the examples SMOTE adds
     * @return the warning when the layout has no numeric column and SMOTE-NC adds examples; else empty
     */
    static Optional<String> warning(TableSchema layout, int[] fromReal) {
        if (layout == null || Arrays.stream(fromReal).sum() == 0) {
            return Optional.empty();
        }
        return caveat(layout);
    }

    /**
     * The evaluation's table arms judged SMOTE-NC on soybean as SMOTE without this (a fresh user, 7 Dec).
     *
     * @param layout a table's layout
     * @return what SMOTE-NC does on it, when it has no numeric column; else empty
     */
    public static Optional<String> caveat(TableSchema layout) {
        if (layout.columns().stream().anyMatch(dev.augment.table.TableColumn::isNumeric)) {
            return Optional.empty();
        }
        int columns = layout.columns().size();
        return Optional.of("SMOTE-NC on a table without a numeric column (" + columns + " categorical "
                + (columns == 1 ? "column" : "columns") + ") interpolates nothing: each added row takes every "
                + "column's most common category among its "
                + "base row's nearest neighbours, so each real row gives one fixed added row, often an exact copy of "
                + "a real row where a class's rows are alike (random oversampling under SMOTE's name); compare with "
                + "random oversampling (ROS), which copies openly, or with a generator");
    }
}

package dev.augment.eval.table;

import dev.augment.errors.InvalidDataException;
import dev.augment.table.Table;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Test rows that repeat a training row exactly (every cell and the label the same, a missing cell matching a missing
 * cell): a table with duplicate rows puts copies on both sides of a split, and the classifiers are then partly scored
 * on rows they learned. The evaluation names the share as a caveat (it does not drop the rows: they are the user's
 * data), and refuses a table where more than half of the test rows are such copies, unless its columns allow no more
 * different rows than it has (a few categorical answers, which different records share): then a caveat says so.
 */
final class TableRepeats {

    private TableRepeats() {
    }

    /**
     * @param train a seed's training split
     * @param test its test split
     * @return how many test rows have the same cells and label as some training row
     */
    static int testRowsInTraining(Table train, Table test) {
        Set<List<Object>> seen = new HashSet<>();
        for (int r = 0; r < train.rows(); r++) {
            seen.add(key(train, r));
        }
        int repeated = 0;
        for (int r = 0; r < test.rows(); r++) {
            if (seen.contains(key(test, r))) {
                repeated++;
            }
        }
        return repeated;
    }

    /**
     * Counts, over every seed's split, the test rows that repeat a training row.
     *
     * @param table the whole table
     * @param splits the evaluation's splits of it, one per seed
     * @param file the table's file, for the message
     * @return the caveat, or empty when no test row repeats a training row
     * @throws InvalidDataException when more than half of the test rows repeat a training row: the scores would
     *     measure memorisation
     */
    static Optional<String> check(Table table, List<StratifiedSplit> splits, java.nio.file.Path file) {
        int repeated = 0;
        int testRows = 0;
        for (StratifiedSplit split : splits) {
            Table test = table.select(split.test());
            repeated += testRowsInTraining(table.select(split.train()), test);
            testRows += test.rows();
        }
        double possible = 2L * repeated > testRows ? possibleRows(table) : Double.POSITIVE_INFINITY;
        if (2L * repeated > testRows && (possible <= table.rows() || fewValued(table))) {
            // a survey of a few categorical answers: different people give the same answers, and new ones will too;
            // refusing told a fresh user to delete 95 % of their rows (6 Dec)
            return Optional.of(String.format(Locale.ROOT, "%.1f%% of the test rows (%d of %d over %d seed%s) repeat a "
                    + "training row exactly, as the table's columns of few values each allow few different rows (at "
                    + "most %.0f) for its %d: "
                    + "the scores show how well each arm learned those rows' classes, not how it treats rows unlike "
                    + "them", 100.0 * repeated / testRows, repeated, testRows, splits.size(), splits.size() == 1 ? ""
                    : "s", possible, table.rows()));
        }
        if (2L * repeated > testRows) {
            throw new InvalidDataException(file, String.format(Locale.ROOT, "%.1f%% of the test rows (%d of %d over %d "
                    + "seed%s) repeat a training row exactly, so the scores would measure memorisation; remove the "
                    + "table's duplicate rows", 100.0 * repeated / testRows, repeated, testRows, splits.size(),
                    splits.size() == 1 ? "" : "s"));
        }
        return caveat(repeated, testRows, splits.size());
    }

    /**
     * @param repeated test rows that repeat a training row, summed over the seeds
     * @param testRows test rows, summed over the seeds
     * @param seeds the number of seeds
     * @return the caveat, or empty when no test row repeats a training row
     */
    static Optional<String> caveat(int repeated, int testRows, int seeds) {
        if (repeated == 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "%.1f%% of the test rows (%d of %d over %d seed%s) repeat a "
                        + "training row exactly (the table has duplicate rows), so the scores are optimistic by up to "
                        + "that share", 100.0 * repeated / testRows, repeated, testRows, seeds, seeds == 1 ? "" : "s"));
    }

    /** The most different values each column of a table of answers has (a survey's yes/no, a 1..5 scale). */
    static final int FEW_VALUES = 10;

    /**
     * @param table a table
     * @return whether every feature column has at most {@value #FEW_VALUES} different values: answers that agree
     *     repeat by nature (12 yes/no questions allow 4 096 rows, yet 1 000 people repeat each other: a re-check,
     *     6 Dec)
     */
    static boolean fewValued(Table table) {
        int columns = table.rows() == 0 ? 0 : table.numeric()[0].length;
        for (int c = 0; c < columns; c++) {
            Set<String> values = new HashSet<>();
            for (int r = 0; r < table.rows() && values.size() <= FEW_VALUES; r++) {
                values.add(Double.toString(table.numeric()[r][c]) + "|" + table.category()[r][c]);
            }
            if (values.size() > FEW_VALUES) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param table a table
     * @return how many different feature rows its columns allow: the product of each column's different values (a
     *     missing cell counting as one), as a double (it can exceed a long)
     */
    static double possibleRows(Table table) {
        double product = 1;
        int numericColumns = table.rows() == 0 ? 0 : table.numeric()[0].length;
        int categoryColumns = table.rows() == 0 ? 0 : table.category()[0].length;
        for (int c = 0; c < numericColumns; c++) {
            Set<String> values = new HashSet<>();
            for (int r = 0; r < table.rows(); r++) {
                values.add(Double.toString(table.numeric()[r][c]));
            }
            product *= values.size();
        }
        for (int c = 0; c < categoryColumns; c++) {
            Set<Integer> values = new HashSet<>();
            for (int r = 0; r < table.rows(); r++) {
                values.add(table.category()[r][c]);
            }
            product *= values.size();
        }
        return product;
    }

    private static List<Object> key(Table table, int row) {
        // Arrays.toString keeps NaN (a missing number) equal to NaN; the label too, as a row of the same cells but
        // another label is not one a classifier could have memorised
        return List.of(Arrays.toString(table.numeric()[row]), Arrays.toString(table.category()[row]),
                table.classes()[row]);
    }
}

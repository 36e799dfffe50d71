package dev.augment.table;

import dev.augment.errors.InvalidDataException;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A table generator (and the evaluation's arms) compute in 32-bit floats, which hold magnitudes from about 1.2e-38 to
 * 3.4e38 (and 0): a column of 1e300 came out as Infinity (the mixture fit failed, exit 1, and evaluate's SMOTE rows held
 * NaN) and a column of 1e-300 as 0, silently. Such a column is refused before any training, naming it and the fix.
 * Tribuo's own readers and the ROS/SMOTE policies, which work in doubles, do not need this.
 */
public final class FloatRange {

    /**
     * The largest magnitude a column may hold: the generator decodes a value as {@code tanh(α)·4σ + μ}, whose parts
     * reach several times the column's extremes, so a column of values up to 3.3e38 (within the floats) trained and
     * then every generated value of it was NaN, and generate refused the model as broken (a fresh user, 6 Dec).
     */
    public static final double LARGEST = Float.MAX_VALUE / 16;

    private FloatRange() {
    }

    /**
     * @param table a table read from a file
     * @return the first numeric column with a present value whose magnitude a float cannot hold (non-zero below
     *     {@link Float#MIN_NORMAL} or above {@link #LARGEST}), as one line naming it, the value and the fix;
     *     empty when every value fits
     */
    public static Optional<String> problem(Table table) {
        List<TableColumn> columns = table.schema().columns();
        double[][] numeric = table.numeric();
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).isNumeric()) {
                continue;
            }
            for (double[] row : numeric) {
                double magnitude = Math.abs(row[c]);
                if (Double.isFinite(magnitude) && magnitude != 0
                        && (magnitude > LARGEST || magnitude < Float.MIN_NORMAL)) {
                    return Optional.of(String.format(Locale.ROOT, "numeric column '%s' holds %s, beyond what the "
                            + "table generator's 32-bit floats hold (magnitudes from 1.2e-38 to 3.4e38, and 0; up to "
                            + "2.1e37 with the headroom its decoding needs), so it would come out as %s; rescale the "
                            + "column (multiply or divide it by a power of ten) or read it as text with --categorical "
                            + "'%s'", columns.get(c).name(), row[c], magnitude > Float.MAX_VALUE ? "Infinity"
                            : magnitude > LARGEST ? "NaN" : "0", columns.get(c).name()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * @param table a table read from {@code file}
     * @param file where it was read from, for the error
     * @throws InvalidDataException naming the first column a float cannot hold ({@link #problem})
     */
    public static void require(Table table, Path file) {
        Optional<String> problem = problem(table);
        if (problem.isPresent()) {
            throw new InvalidDataException(file, problem.get());
        }
    }
}

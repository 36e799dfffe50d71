package dev.augment.eval.table;

import java.util.List;

/**
 * The table diagnostics of one scope: one class, or every class together.
 *
 * @param scope the class's name, or {@code all} for every class
 * @param realRows real training rows compared
 * @param syntheticRows synthetic rows compared
 * @param columns per column, KS (numeric) or total variation (categorical) against the real training rows
 * @param meanKs mean KS statistic over numeric columns, or null without numeric columns
 * @param meanTotalVariation mean total variation over categorical columns, or null without categorical columns
 * @param correlationDifference mean absolute difference of the Pearson correlation matrices of the
 *     Tribuo-scale features ({@link CorrelationDifference}), in [0, 2], or null without two features that vary
 * @param dcr distance to the closest real training row, synthetic against real test rows of the scope
 *     ({@link DistanceToClosestRecord}), or null when the scope has no test rows
 * @param coverage Naeem et al. (2020) coverage of the real training rows by the synthetic ones in the
 *     {@link StandardSpace}, in [0, 1], or null when the scope has too few rows (fewer than 2 real or synthetic)
 * @param coverageK the neighbour rank used for coverage: 5, clamped to one less than the smaller set's size;
 *     0 when there is no coverage
 * @param distanceRows the most rows of one set (real training, real test or synthetic) that coverage and DCR drew
 *     for comparison: the largest set's size, or {@link TableDiagnostics#MAX_DISTANCE_ROWS} drawn from it (DCR's
 *     closest record is sought among every training row); 0 without figures
 */
public record TableDiagnosticFigures(String scope, int realRows, int syntheticRows, List<ColumnDistance> columns,
                                     Double meanKs, Double meanTotalVariation, Double correlationDifference,
                                     DistanceToClosestRecord dcr, Double coverage, int coverageK, int distanceRows) {

    /** Checks the counts and ranges. */
    public TableDiagnosticFigures {
        if (scope == null || realRows < 0 || syntheticRows < 0 || columns == null || distanceRows < 0) {
            throw new IllegalArgumentException("figures need a scope, counts >= 0 and the columns");
        }
        columns = List.copyOf(columns);
        if (correlationDifference != null && !(correlationDifference >= 0 && correlationDifference <= 2)) {
            throw new IllegalArgumentException("correlationDifference must be in [0, 2], was " + correlationDifference);
        }
        if (coverage != null && !(coverage >= 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage must be in [0, 1], was " + coverage);
        }
    }
}

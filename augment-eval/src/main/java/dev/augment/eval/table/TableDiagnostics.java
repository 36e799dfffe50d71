package dev.augment.eval.table;

import dev.augment.eval.metrics.ManifoldMetrics;

import java.util.ArrayList;
import java.util.List;

/**
 * Table diagnostics of a generator's rows against the real rows it was trained on, overall and per class:
 * per-column distances ({@link ColumnDistances}), the pairwise correlation difference
 * ({@link CorrelationDifference}), DCR memorisation against held-out real rows ({@link DistanceToClosestRecord})
 * and coverage (Naeem et al. 2020, k = 5, {@link ManifoldMetrics}) in the {@link StandardSpace} of the
 * training rows. Every distance-based figure uses one space, fitted on all real training rows.
 *
 * @param overall the figures over every class
 * @param classes the figures of each class, by class index
 */
public record TableDiagnostics(TableDiagnosticFigures overall, List<TableDiagnosticFigures> classes) {

    /** Requires both parts. */
    public TableDiagnostics {
        if (overall == null || classes == null) {
            throw new IllegalArgumentException("diagnostics need the overall figures and the classes'");
        }
        classes = List.copyOf(classes);
    }

    /**
     * @param columns the table's columns in feature-vector order
     * @param classNames the class names, by class index
     * @param train real training rows (Tribuo-scale feature vectors) and their classes
     * @param test real held-out rows and their classes
     * @param synthetic synthetic rows and their classes
     * @return the diagnostics
     */
    public static TableDiagnostics of(List<TableColumnLayout> columns, List<String> classNames, LabelledRows train,
                                      LabelledRows test, LabelledRows synthetic) {
        StandardSpace space = StandardSpace.fit(train.rows());
        TableDiagnosticFigures overall = figures("all", columns, space, train.rows(), test.rows(), synthetic.rows());
        List<TableDiagnosticFigures> classes = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            classes.add(figures(classNames.get(c), columns, space, train.ofClass(c), test.ofClass(c),
                    synthetic.ofClass(c)));
        }
        return new TableDiagnostics(overall, classes);
    }

    private static TableDiagnosticFigures figures(String scope, List<TableColumnLayout> columns, StandardSpace space,
                                                  float[][] train, float[][] test, float[][] synthetic) {
        if (train.length == 0 || synthetic.length == 0) {
            return new TableDiagnosticFigures(scope, train.length, synthetic.length, List.of(), null, null, 0, null,
                    null, 0);
        }
        List<ColumnDistance> distances = ColumnDistances.of(columns, train, synthetic);
        Double meanKs = mean(distances, ColumnDistance.KS);
        Double meanTv = mean(distances, ColumnDistance.TV);
        double correlation = CorrelationDifference.of(train, synthetic);
        float[][] trainSpace = space.apply(train);
        float[][] synthSpace = space.apply(synthetic);
        DistanceToClosestRecord dcr = test.length == 0 ? null
                : DistanceToClosestRecord.of(trainSpace, space.apply(test), synthSpace);
        int k = Math.min(ManifoldMetrics.DEFAULT_K, Math.min(train.length, synthetic.length) - 1);
        Double coverage = k < 1 ? null
                : ManifoldMetrics.withDefaults().withK(k).compute(trainSpace, synthSpace).coverage();
        return new TableDiagnosticFigures(scope, train.length, synthetic.length, distances, meanKs, meanTv,
                correlation, dcr, coverage, Math.max(k, 0));
    }

    private static Double mean(List<ColumnDistance> distances, String measure) {
        return distances.stream().filter(d -> d.measure().equals(measure)).mapToDouble(ColumnDistance::value)
                .average().stream().boxed().findFirst().orElse(null);
    }
}

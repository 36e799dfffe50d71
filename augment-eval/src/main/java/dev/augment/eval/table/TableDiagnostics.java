package dev.augment.eval.table;

import dev.augment.eval.metrics.ManifoldMetrics;
import dev.augment.random.SeededNoise;
import org.apache.commons.rng.sampling.PermutationSampler;

import java.util.ArrayList;
import java.util.List;

/**
 * Table diagnostics of a generator's rows against the real rows it was trained on, overall and per class:
 * per-column distances ({@link ColumnDistances}), the pairwise correlation difference
 * ({@link CorrelationDifference}), DCR memorisation against held-out real rows ({@link DistanceToClosestRecord})
 * and coverage (Naeem et al. 2020, k = 5, {@link ManifoldMetrics}) in the {@link StandardSpace} of the
 * training rows. Every distance-based figure uses one space, fitted on all real training rows.
 *
 * <p>DCR and coverage take time quadratic in the rows: a 50 000-row table of 8 columns spent 100 s on them without a
 * line, and a signal waited for the end (a fresh user, 5 Dec). Coverage compares at most {@value #MAX_DISTANCE_ROWS}
 * real training and synthetic rows of a scope, and DCR at most that many synthetic and real test rows, each drawn
 * without replacement with the seed ({@link TableDiagnosticFigures#distanceRows()} says how many), against every
 * training row; the column distances and correlations use every row.
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

    /** Most rows of each set that DCR and coverage compare in one scope. */
    public static final int MAX_DISTANCE_ROWS = 5_000;

    /**
     * As {@link #of(List, List, LabelledRows, LabelledRows, LabelledRows, long)} with seed 0.
     *
     * @param columns the table's columns in feature-vector order
     * @param classNames the class names, by class index
     * @param train real training rows (Tribuo-scale feature vectors) and their classes
     * @param test real held-out rows and their classes
     * @param synthetic synthetic rows and their classes
     * @return the diagnostics
     */
    public static TableDiagnostics of(List<TableColumnLayout> columns, List<String> classNames, LabelledRows train,
                                      LabelledRows test, LabelledRows synthetic) {
        return of(columns, classNames, train, test, synthetic, 0L);
    }

    /**
     * @param columns the table's columns in feature-vector order
     * @param classNames the class names, by class index
     * @param train real training rows (Tribuo-scale feature vectors) and their classes
     * @param test real held-out rows and their classes
     * @param synthetic synthetic rows and their classes
     * @param seed draws the rows DCR and coverage compare when a set has more than {@value #MAX_DISTANCE_ROWS}
     * @return the diagnostics
     */
    public static TableDiagnostics of(List<TableColumnLayout> columns, List<String> classNames, LabelledRows train,
                                      LabelledRows test, LabelledRows synthetic, long seed) {
        StandardSpace space = StandardSpace.fit(train.rows());
        TableDiagnosticFigures overall = figures("all", columns, space, train.rows(), test.rows(), synthetic.rows(),
                seed, -1);
        List<TableDiagnosticFigures> classes = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            classes.add(figures(classNames.get(c), columns, space, train.ofClass(c), test.ofClass(c),
                    synthetic.ofClass(c), seed, c));
        }
        return new TableDiagnostics(overall, classes);
    }

    /**
     * @return whether any set of these rows, overall, is larger than DCR and coverage compare
     */
    public static boolean draws(LabelledRows train, LabelledRows test, LabelledRows synthetic) {
        return Math.max(train.size(), Math.max(test.size(), synthetic.size())) > MAX_DISTANCE_ROWS;
    }

    private static TableDiagnosticFigures figures(String scope, List<TableColumnLayout> columns, StandardSpace space,
                                                  float[][] train, float[][] test, float[][] synthetic, long seed,
                                                  int scopeKey) {
        if (train.length == 0 || synthetic.length == 0) {
            return new TableDiagnosticFigures(scope, train.length, synthetic.length, List.of(), null, null, null, null,
                    null, 0, 0);
        }
        List<ColumnDistance> distances = ColumnDistances.of(columns, train, synthetic);
        Double meanKs = mean(distances, ColumnDistance.KS);
        Double meanTv = mean(distances, ColumnDistance.TV);
        double pairs = CorrelationDifference.of(train, synthetic);
        Double correlation = Double.isNaN(pairs) ? null : pairs;
        float[][] trainSpace = space.apply(drawn(train, seed, scopeKey, 0));
        float[][] synthSpace = space.apply(drawn(synthetic, seed, scopeKey, 1));
        float[][] testDrawn = drawn(test, seed, scopeKey, 2);
        // the closest record is sought among every training row: a drawn reference moved SMOTE's DCR ratio on a
        // 50 000-row table from 0.07 to 0.35, as a dropped row's neighbours stand in for it
        // every feature constant in the training rows leaves a space of no dimension, where every row is at distance
        // 0 from every other: the distances said nothing, and the evaluation died on them after every arm had been
        // trained (a fresh user, 7 Dec)
        boolean noSpace = space.dimension() == 0;
        DistanceToClosestRecord dcr = test.length == 0 || noSpace ? null
                : DistanceToClosestRecord.of(space.apply(train), space.apply(testDrawn), synthSpace);
        int k = noSpace ? 0 : Math.min(ManifoldMetrics.DEFAULT_K, Math.min(trainSpace.length, synthSpace.length) - 1);
        Double coverage = k < 1 ? null
                : ManifoldMetrics.withDefaults().withK(k).compute(trainSpace, synthSpace).coverage();
        int compared = Math.max(trainSpace.length, Math.max(synthSpace.length, testDrawn.length));
        return new TableDiagnosticFigures(scope, train.length, synthetic.length, distances, meanKs, meanTv,
                correlation, dcr, coverage, Math.max(k, 0), compared);
    }

    /**
     * @return every row when there are at most {@value #MAX_DISTANCE_ROWS}, else that many drawn without replacement
     *     (Commons RNG's permutation, keyed by the seed, the scope and the set), in their original order
     */
    static float[][] drawn(float[][] rows, long seed, int scopeKey, int set) {
        if (rows.length <= MAX_DISTANCE_ROWS) {
            return rows;
        }
        int[] order = PermutationSampler.natural(rows.length);
        PermutationSampler.shuffle(SeededNoise.rng(seed, scopeKey, set, -11), order);
        int[] kept = java.util.Arrays.copyOf(order, MAX_DISTANCE_ROWS);
        java.util.Arrays.sort(kept);
        float[][] out = new float[kept.length][];
        for (int i = 0; i < kept.length; i++) {
            out[i] = rows[kept[i]];
        }
        return out;
    }

    private static Double mean(List<ColumnDistance> distances, String measure) {
        return distances.stream().filter(d -> d.measure().equals(measure)).mapToDouble(ColumnDistance::value)
                .average().stream().boxed().findFirst().orElse(null);
    }
}

package dev.augment.eval.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TableDiagnosticsTest {

    /** Two numeric columns (x, y = x + noise) and a categorical column of 3 categories at offsets 2-4. */
    private static final List<TableColumnLayout> COLUMNS = List.of(new TableColumnLayout("x", false, 0, 1),
            new TableColumnLayout("y", false, 1, 1), new TableColumnLayout("colour", true, 2, 3));

    private static float[][] rows(int n, double shift, double correlationSign, double[] categoryShares, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] out = new float[n][5];
        for (float[] row : out) {
            double x = rng.nextGaussian() + shift;
            row[0] = (float) x;
            row[1] = (float) (correlationSign * x + 0.3 * rng.nextGaussian());
            double u = rng.nextDouble();
            int category = u < categoryShares[0] ? 0 : u < categoryShares[0] + categoryShares[1] ? 1 : 2;
            row[2 + category] = 1;
        }
        return out;
    }

    @Test
    void aDcrRatioWithHeldOutRowsRepeatingTrainingRowsIsUndefinedNotAHugeNumber() {
        float[][] training = {{0, 0}, {1, 1}};
        DistanceToClosestRecord repeated = DistanceToClosestRecord.of(training, new float[][] {{0, 0}, {1, 1}},
                new float[][] {{3, 4}});
        assertNull(repeated.ratio(), "undefined, JSON null (it was Double.MAX_VALUE, 1.797e308 in report.json)");
        assertEquals("undefined (at least 5% of the held-out rows repeat training rows; synthetic 5th pct 3.606)",
                TableEvaluationReport.dcrRatio(repeated));
        // both percentiles 0: undefined too, not 0.000, which reads as "copies the training rows"
        assertEquals("undefined (at least 5% of the held-out rows repeat training rows; synthetic 5th pct 0.000)",
                TableEvaluationReport.dcrRatio(DistanceToClosestRecord.of(training, training, training)));
        assertEquals("-", TableEvaluationReport.dcrRatio(null));
    }

    @Test
    void ksIsZeroForEqualSamplesAndOneForDisjointOnes() {
        double[] a = {1, 2, 3, 4};
        assertEquals(0, ColumnDistances.ks(a, a.clone()), 1e-12);
        assertEquals(1, ColumnDistances.ks(a, new double[] {10, 11, 12}), 1e-12);
        // By hand: F_a - F_b reaches 0.5 at x = 2 (F_a = 2/4, F_b = 0).
        assertEquals(0.5, ColumnDistances.ks(a, new double[] {3, 4, 5, 6}), 1e-12);
    }

    @Test
    void ksOfASingleValueIsTheDistanceOfItsStepFunction() {
        double[] a = {1, 2, 3, 4};
        // F_single jumps from 0 to 1 at 2.5; F_a is 0.5 there, so the largest gap is 0.5.
        assertEquals(0.5, ColumnDistances.ks(new double[] {2.5}, a), 1e-12);
        assertEquals(1, ColumnDistances.ks(new double[] {7}, new double[] {1}), 1e-12);
        assertEquals(0, ColumnDistances.ks(new double[] {7}, new double[] {7}), 1e-12);
    }

    @Test
    void totalVariationIsHalfTheL1DistanceOfFrequenciesWithMissingAsACategory() {
        // p = (.5, .5), q = (.25, .75): 0.5 * (0.25 + 0.25)
        assertEquals(0.25, ColumnDistances.totalVariation(new int[] {0, 0, 1, 1}, new int[] {0, 1, 1, 1}, 2), 1e-12);
        assertEquals(1.0, ColumnDistances.totalVariation(new int[] {0, 0}, new int[] {-1, -1}, 2), 1e-12);
        assertEquals(0.0, ColumnDistances.totalVariation(new int[] {2, 1}, new int[] {1, 2}, 3), 1e-12);
    }

    @Test
    void columnsAreMeasuredByKindAndCategoriesReadAsTheLargestOneHot() {
        float[][] real = rows(400, 0, 1, new double[] {0.6, 0.3}, 1);
        float[][] sameLaw = rows(400, 0, 1, new double[] {0.6, 0.3}, 2);
        float[][] shiftedX = rows(400, 3, 1, new double[] {0.6, 0.3}, 3);
        float[][] otherColours = rows(400, 0, 1, new double[] {0.0, 0.0}, 4); // always category 2
        List<ColumnDistance> same = ColumnDistances.of(COLUMNS, real, sameLaw);
        assertEquals(List.of("ks", "ks", "tv"), same.stream().map(ColumnDistance::measure).toList());
        assertTrue(same.get(0).value() < 0.1 && same.get(2).value() < 0.1, same.toString());
        assertTrue(ColumnDistances.of(COLUMNS, real, shiftedX).get(0).value() > 0.8);
        // real has category 2 in about 10% of rows, the other set always: TV about 0.9
        assertEquals(0.9, ColumnDistances.of(COLUMNS, real, otherColours).get(2).value(), 0.05);
        assertEquals(2, COLUMNS.get(2).category(new float[] {0, 0, 0.1f, 0.2f, 0.7f}));
        assertEquals(-1, COLUMNS.get(2).category(new float[] {0, 0, 0, 0, 0}));
    }

    @Test
    void correlationDifferenceSeesAnInvertedRelation() {
        float[][] real = rows(500, 0, 1, new double[] {0.5, 0.5}, 5);
        assertEquals(0, CorrelationDifference.of(real, real), 1e-9);
        double same = CorrelationDifference.of(real, rows(500, 0, 1, new double[] {0.5, 0.5}, 6));
        // the third category never occurs, so its one-hot feature is constant and its 4 pairs are left out: 6 remain
        assertTrue(same < 0.1, "two samples of one distribution gave " + same);
        // x-y correlation about +0.96 against -0.96: that pair differs by about 1.9 of the 6 pairs' total.
        double inverted = CorrelationDifference.of(real, rows(500, 0, -1, new double[] {0.5, 0.5}, 7));
        assertTrue(inverted > 0.25, "inverted correlation gave " + inverted);
        float[][] twoFeatures = {{0, 0}, {1, 1}, {2, 2}};
        float[][] opposite = {{0, 2}, {1, 1}, {2, 0}};
        assertEquals(2, CorrelationDifference.of(twoFeatures, opposite), 1e-9);
        // a column of about 1e-13 dropped out of the figure under an absolute bound (a re-check, 6 Dec)
        float[][] tiny = {{0, 0}, {1e-13f, 1}, {2e-13f, 2}};
        float[][] tinyOpposite = {{0, 2}, {1e-13f, 1}, {2e-13f, 0}};
        assertEquals(2, CorrelationDifference.of(tiny, tinyOpposite), 1e-6);
    }

    /**
     * A feature constant in both sets (a column with one value) has no correlation on either side; its pairs used to
     * count as perfect matches and lowered the mean (a fresh user, 4 Dec: glass plus a constant column scored 36/45 of
     * glass's figure). They are left out; a feature constant in one set only still counts.
     */
    @Test
    void aFeatureConstantInBothSetsDoesNotDiluteTheCorrelationDifference() {
        float[][] twoFeatures = {{0, 0}, {1, 1}, {2, 2}};
        float[][] opposite = {{0, 2}, {1, 1}, {2, 0}};
        float[][] withConstant = {{0, 0, 7}, {1, 1, 7}, {2, 2, 7}};
        float[][] oppositeWithConstant = {{0, 2, 7}, {1, 1, 7}, {2, 0, 7}};
        assertEquals(CorrelationDifference.of(twoFeatures, opposite),
                CorrelationDifference.of(withConstant, oppositeWithConstant), 1e-9);
        float[][] varyingThird = {{0, 2, 1}, {1, 1, 5}, {2, 0, 3}};
        // the third feature varies in the synthetic set: its pairs count (0 against that set's correlations)
        assertTrue(CorrelationDifference.of(withConstant, varyingThird)
                < CorrelationDifference.of(twoFeatures, opposite), "three pairs counted, not one");
        // no pair of varying features: no figure, where 0 (a perfect match) was reported (a fresh user, 5 Dec)
        assertTrue(Double.isNaN(CorrelationDifference.of(new float[][] {{1, 7}, {1, 7}}, new float[][] {{1, 7}})));
        assertTrue(Double.isNaN(CorrelationDifference.of(new float[][] {{1, 7, 0}, {1, 7, 2}},
                new float[][] {{1, 7, 5}})), "one varying feature makes no pair");
    }

    @Test
    void dcrRatioIsNearZeroForCopiesAndAboutOneForFreshRows() {
        float[][] train = rows(300, 0, 1, new double[] {0.4, 0.3}, 8);
        float[][] test = rows(300, 0, 1, new double[] {0.4, 0.3}, 9);
        StandardSpace space = StandardSpace.fit(train);
        DistanceToClosestRecord copies = DistanceToClosestRecord.of(space.apply(train), space.apply(test),
                space.apply(java.util.Arrays.copyOf(train, 200)));
        assertEquals(0, copies.synthetic5th(), 1e-9);
        assertEquals(0, copies.ratio(), 1e-9);
        DistanceToClosestRecord fresh = DistanceToClosestRecord.of(space.apply(train), space.apply(test),
                space.apply(rows(300, 0, 1, new double[] {0.4, 0.3}, 10)));
        assertTrue(fresh.ratio() > 0.6 && fresh.ratio() < 1.6, "fresh rows gave DCR ratio " + fresh.ratio());
        assertEquals(2.5, DistanceToClosestRecord.percentile(new double[] {4, 1, 2, 3}, 0.5), 1e-12);
    }

    @Test
    void perClassCoverageIsHighForTheSameLawAndZeroForRowsFarAway() {
        float[][] a = rows(200, 0, 1, new double[] {0.4, 0.3}, 11);
        float[][] b = rows(200, 0, 1, new double[] {0.4, 0.3}, 12);
        float[][] far = rows(200, 30, 1, new double[] {0.4, 0.3}, 13);
        int[] zeros = new int[200];
        int[] ones = new int[200];
        java.util.Arrays.fill(ones, 1);
        LabelledRows train = new LabelledRows(concat(a, a), concat(zeros, ones));
        LabelledRows test = new LabelledRows(concat(b, b), concat(zeros, ones));
        LabelledRows synthetic = new LabelledRows(concat(b, far), concat(zeros, ones));
        TableDiagnostics d = TableDiagnostics.of(COLUMNS, List.of("good", "far"), train, test, synthetic);
        assertEquals(2, d.classes().size());
        assertEquals("all", d.overall().scope());
        assertTrue(d.classes().get(0).coverage() > 0.9, "same law coverage " + d.classes().get(0).coverage());
        assertEquals(0, d.classes().get(1).coverage(), 1e-12);
        assertEquals(5, d.classes().get(0).coverageK());
        assertTrue(d.classes().get(1).meanKs() > 0.9);
        assertNotNull(d.classes().get(1).meanTotalVariation());
    }

    @Test
    void aTinyClassClampsCoverageKAndAClassWithoutSyntheticRowsHasNoFigures() {
        float[][] a = rows(3, 0, 1, new double[] {0.4, 0.3}, 14);
        float[][] big = rows(50, 0, 1, new double[] {0.4, 0.3}, 15);
        LabelledRows train = new LabelledRows(concat(a, big), concat(new int[3], filled(50, 1)));
        LabelledRows synthetic = new LabelledRows(a.clone(), new int[3]);
        TableDiagnostics d = TableDiagnostics.of(COLUMNS, List.of("tiny", "big"), train, train, synthetic);
        assertEquals(2, d.classes().get(0).coverageK());
        assertNull(d.classes().get(1).coverage());
        assertTrue(d.classes().get(1).columns().isEmpty());
    }

    /**
     * DCR and coverage are quadratic: a 50 000-row table spent 100 s on them without a line (5 Dec). Larger sets are
     * drawn down to the cap, the same rows for the same seed; the column distances still see every row.
     */
    @Test
    void largeSetsAreDrawnDownForTheDistanceFiguresOnlyTheSameForTheSameSeed() {
        int n = TableDiagnostics.MAX_DISTANCE_ROWS + 1_000;
        float[][] a = rows(n, 0, 1, new double[] {0.4, 0.3}, 21);
        float[][] copies = a.clone();
        LabelledRows train = new LabelledRows(a, new int[n]);
        LabelledRows test = new LabelledRows(rows(300, 0, 1, new double[] {0.4, 0.3}, 22), new int[300]);
        LabelledRows synthetic = new LabelledRows(copies, new int[n]);
        TableDiagnostics d = TableDiagnostics.of(COLUMNS, List.of("only"), train, test, synthetic, 3);
        assertTrue(TableDiagnostics.draws(train, test, synthetic));
        assertEquals(TableDiagnostics.MAX_DISTANCE_ROWS, d.overall().distanceRows());
        assertEquals(n, d.overall().realRows(), "the counts are of every row");
        assertEquals(0, d.overall().meanKs(), 1e-12, "copies: the column distances saw every row of both");
        assertEquals(d, TableDiagnostics.of(COLUMNS, List.of("only"), train, test, synthetic, 3), "same seed");
        assertTrue(d.overall().coverage() > 0.9, "drawn copies still cover the drawn real rows: " + d.overall());
        assertEquals(0, d.overall().dcr().synthetic5th(), 1e-12, "copies are found among the drawn rows");
        LabelledRows small = new LabelledRows(java.util.Arrays.copyOf(a, 400), new int[400]);
        TableDiagnostics all = TableDiagnostics.of(COLUMNS, List.of("only"), small, test, small, 3);
        assertFalse(TableDiagnostics.draws(small, test, small));
        assertEquals(400, all.overall().distanceRows());
        assertEquals(1, all.overall().coverage(), 1e-12, "every row compared: copies cover every real row");
    }

    private static int[] filled(int n, int v) {
        int[] out = new int[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private static float[][] concat(float[][] a, float[][] b) {
        float[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

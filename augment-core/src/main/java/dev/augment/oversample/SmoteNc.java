package dev.augment.oversample;

import dev.augment.errors.InvalidSettingException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * SMOTE-NC, SMOTE for data with numeric and categorical (nominal) columns, from section 6.1 of Chawla,
 * Bowyer, Hall and Kegelmeyer, JAIR 16 (2002) 321–357. For one class's rows:
 *
 * <ol>
 *   <li><b>Distance.</b> Euclidean over the numeric columns, each standardised by the class's own standard
 *       deviation (columns that are constant in the class are left out), plus, for each categorical column
 *       on which two rows differ, {@code Med²}, where Chawla's {@code Med} is the median of the numeric
 *       columns' standard deviations. In the standardised space those deviations are all 1, so a differing
 *       category adds exactly 1 to the squared distance; with no numeric column at all (soybean) the same
 *       penalty makes the squared distance the number of mismatching categorical columns. The search is
 *       the same brute-force Tribuo query as {@link Smote}'s ({@link NearestNeighbours}), run on an
 *       embedding that realises this distance: standardised numeric values, then per categorical column a
 *       one-hot of its category scaled by {@code 1/√2} (two different one-hots are then
 *       {@code 2 · ½ = 1} apart, squared).</li>
 *   <li><b>Numeric values</b> are SMOTE's: {@code x + gap · (nn − x)} for a member {@code x}, one of its k
 *       nearest members {@code nn} and {@code gap ~ U(0, 1)}, drawn exactly as {@link Smote#draw} draws them
 *       (same seed, same choices), in the columns' original units.</li>
 *   <li><b>Categorical values</b>: per column, the category most frequent among the base member's k
 *       nearest members; a tie is broken by a seeded uniform choice among the tied categories.</li>
 * </ol>
 *
 * <p><b>Missing values.</b> A missing numeric cell (NaN) counts as the class mean (0 after standardising)
 * in the distance; the new value is interpolated when both ends have one, else it is the end that has one,
 * else NaN. A missing category (−1) is an all-zero one-hot in the distance (½ from any present category,
 * squared), and in the vote it is a value like a category: a new row's cell is missing when most of the base row's
 * neighbours miss it, as in SMOTE-NC over Tribuo's own reading of the table (where an empty cell is the category
 * {@code column@}). Like any category, a gap that is the column's most common value is made more common by the
 * majority vote (a re-check: a column empty in 59% of a class's real rows was empty in 83% of its added ones). Before
 * 6 Dec a missing category took no part in the vote, and added rows lost nearly every gap (53% of real rows, 4% of
 * added ones: a fresh user).
 *
 * <p><b>Small classes.</b> {@code k} (5 by default) is clamped to the class size − 1, as {@link Smote}
 * does ({@link #neighboursUsed}); a class of one row gets copies of that row.
 *
 * <p>Deterministic: equal arguments give equal rows. Immutable and thread-safe.
 */
public final class SmoteNc {

    private static final double HALF_SQRT = Math.sqrt(0.5);

    private final Smote smote;

    private SmoteNc(Smote smote) {
        this.smote = smote;
    }

    /**
     * @param seed the random seed
     * @return SMOTE-NC with k = {@value Smote#DEFAULT_K}
     */
    public static SmoteNc withDefaults(long seed) {
        return new SmoteNc(Smote.withDefaults(seed));
    }

    /**
     * @param newK number of nearest neighbours, at least 1
     * @return a copy using {@code newK}
     * @throws InvalidSettingException for setting "k" when it is below 1
     */
    public SmoteNc withK(int newK) {
        return new SmoteNc(smote.withK(newK));
    }

    /**
     * @param newSeed the random seed
     * @return a copy using {@code newSeed}
     */
    public SmoteNc withSeed(long newSeed) {
        return new SmoteNc(smote.withSeed(newSeed));
    }

    /** @return the configured neighbour count (before clamping) */
    public int k() {
        return smote.k();
    }

    /** @return the random seed */
    public long seed() {
        return smote.seed();
    }

    /**
     * @param classSize the number of rows of the class, at least 1
     * @return {@code min(k, classSize − 1)}, as {@link Smote#neighboursUsed}
     */
    public int neighboursUsed(int classSize) {
        return smote.neighboursUsed(classSize);
    }

    /**
     * Synthetic rows of one class.
     *
     * @param rows the class's rows, at least one
     * @param count how many rows to make, ≥ 0
     * @return {@code count} new rows (fresh arrays)
     * @throws IllegalArgumentException for no rows, rows of different widths, a category index below −1, or a
     *     negative count
     */
    public MixedRows oversample(MixedRows rows, int count) {
        java.util.Iterator<MixedRows> made = rowByRow(rows, count);
        double[][] numeric = new double[count][];
        int[][] categories = new int[count][];
        for (int s = 0; s < count; s++) {
            MixedRows row = made.next();
            numeric[s] = row.numeric()[0];
            categories[s] = row.categories()[0];
        }
        return new MixedRows(numeric, categories);
    }

    /**
     * As {@link #oversample}, each row made when it is read (only the draws are held, not the rows).
     *
     * @param rows the class's rows, at least one
     * @param count how many rows to make, ≥ 0
     * @return {@code count} one-row {@link MixedRows}, the rows {@link #oversample} gives, in its order
     * @throws IllegalArgumentException as {@link #oversample}
     */
    public java.util.Iterator<MixedRows> rowByRow(MixedRows rows, int count) {
        Vectors.requireCount(count);
        if (rows.size() == 0) {
            throw new IllegalArgumentException("rows must hold at least one row, was empty");
        }
        int n = rows.size();
        double[][] embedded = embed(rows);
        List<Smote.Interpolation> draws = smote.draw(embedded, count);
        int kUsed = neighboursUsed(n);
        NearestNeighbours neighbours = kUsed > 0 ? new NearestNeighbours(embedded) : null;
        Map<Integer, int[]> found = new HashMap<>();
        SplittableRandom ties = new SplittableRandom(smote.seed()).split();
        // a sequential stream's iterator makes row s when it is read, after rows 0 … s - 1: the tie draws stay in order
        return java.util.stream.IntStream.range(0, count).mapToObj(s -> {
            Smote.Interpolation draw = draws.get(s);
            double[] numeric = interpolate(rows.numeric()[draw.base()], rows.numeric()[draw.neighbour()], draw.gap());
            int[] categories = kUsed == 0 ? rows.categories()[draw.base()].clone()
                    : vote(rows.categories(), found.computeIfAbsent(draw.base(), b -> neighbours.of(b, kUsed)), ties);
            return new MixedRows(new double[][] {numeric}, new int[][] {categories});
        }).iterator();
    }

    /**
     * The embedding whose Euclidean distance is SMOTE-NC's (see the class comment).
     *
     * @param rows one class's rows
     * @return one vector per row: standardised numeric values, then scaled one-hots; a vector of one 0 when
     *     the rows have no column that varies
     */
    static double[][] embed(MixedRows rows) {
        int n = rows.size();
        int p = rows.numericWidth();
        int q = rows.categoricalWidth();
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            int present = 0;
            for (double[] row : rows.numeric()) {
                if (!Double.isNaN(row[j])) {
                    sum += row[j];
                    present++;
                }
            }
            mean[j] = present == 0 ? 0 : sum / present;
            double ss = 0;
            for (double[] row : rows.numeric()) {
                if (!Double.isNaN(row[j])) {
                    ss += (row[j] - mean[j]) * (row[j] - mean[j]);
                }
            }
            sd[j] = present < 2 ? 0 : Math.sqrt(ss / (present - 1));
        }
        int[] offset = new int[q + 1];
        for (int c = 0; c < q; c++) {
            int largest = -1;
            for (int[] row : rows.categories()) {
                largest = Math.max(largest, row[c]);
            }
            offset[c + 1] = offset[c] + largest + 1;
        }
        int width = Math.max(1, p + offset[q]);
        double[][] out = new double[n][width];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double x = rows.numeric()[i][j];
                out[i][j] = sd[j] == 0 || Double.isNaN(x) ? 0 : (x - mean[j]) / sd[j];
            }
            for (int c = 0; c < q; c++) {
                int v = rows.categories()[i][c];
                if (v >= 0) {
                    out[i][p + offset[c] + v] = HALF_SQRT;
                }
            }
        }
        return out;
    }

    private static double[] interpolate(double[] x, double[] nn, double gap) {
        double[] y = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            if (Double.isNaN(x[j])) {
                y[j] = nn[j];
            } else if (Double.isNaN(nn[j])) {
                y[j] = x[j];
            } else {
                y[j] = Smote.between(x[j], nn[j], gap);
            }
        }
        return y;
    }

    private static int[] vote(int[][] categories, int[] neighbours, SplittableRandom ties) {
        int q = categories[0].length;
        int[] out = new int[q];
        for (int c = 0; c < q; c++) {
            Map<Integer, Integer> votes = new HashMap<>();
            for (int nb : neighbours) {
                votes.merge(Math.max(categories[nb][c], -1), 1, Integer::sum);
            }
            int best = votes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
            int[] tied = votes.entrySet().stream().filter(e -> e.getValue() == best).mapToInt(Map.Entry::getKey)
                    .sorted().toArray();
            out[c] = tied.length == 1 ? tied[0] : tied[ties.nextInt(tied.length)];
        }
        return out;
    }

    /**
     * Rows with numeric and categorical columns, as SMOTE-NC reads and writes them.
     *
     * @param numeric per row, the numeric columns' values (NaN when missing); rows of equal width, may be 0
     * @param categories per row, the categorical columns' category indices (−1 when missing); as many rows as
     *     {@code numeric}, of equal width, may be 0
     */
    public record MixedRows(double[][] numeric, int[][] categories) {

        /** Checks the shapes and the category indices. */
        public MixedRows {
            if (numeric == null || categories == null || numeric.length != categories.length) {
                throw new IllegalArgumentException("numeric and categories must hold one row each per example, had "
                        + (numeric == null ? "null" : numeric.length) + " and "
                        + (categories == null ? "null" : categories.length));
            }
            for (int i = 0; i < numeric.length; i++) {
                if (numeric[i] == null || numeric[i].length != numeric[0].length) {
                    throw new IllegalArgumentException("numeric[" + i + "] has another width than numeric[0]");
                }
                if (categories[i] == null || categories[i].length != categories[0].length) {
                    throw new IllegalArgumentException("categories[" + i + "] has another width than categories[0]");
                }
                if (Arrays.stream(categories[i]).anyMatch(v -> v < -1)) {
                    throw new IllegalArgumentException("categories[" + i + "] holds an index below -1: "
                            + Arrays.toString(categories[i]));
                }
            }
        }

        /** @return the number of rows */
        public int size() {
            return numeric.length;
        }

        /** @return the number of numeric columns (0 without rows) */
        public int numericWidth() {
            return numeric.length == 0 ? 0 : numeric[0].length;
        }

        /** @return the number of categorical columns (0 without rows) */
        public int categoricalWidth() {
            return categories.length == 0 ? 0 : categories[0].length;
        }
    }
}

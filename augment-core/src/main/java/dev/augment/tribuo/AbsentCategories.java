package dev.augment.tribuo;

import dev.augment.generate.OnnxGenerator;
import dev.augment.table.TableColumn;
import dev.augment.table.TableSchema;
import org.tribuo.data.columnar.ColumnarFeature;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Categories a table generator writes that no real row of the source holds: a source of the credit table's rows whose
 * {@code purpose} was not radio/tv, new car or furniture got 86 GAN rows, every one of one of those three purposes, so
 * that the column alone told every added row from the real ones, without a word (a Tribuo user, 6 Dec). A random
 * sample of the generator's table lacks rare categories too, which the generator writes in few rows (a re-check found
 * such a warning for a category of 1% of the rows), so the generator's own rows are counted: a column is named when
 * at least {@value #MATERIAL_SHARE} of them hold a category no real example has. A column none of whose categories the
 * source holds is refused elsewhere ({@code SourceScan}).
 */
final class AbsentCategories {

    /** Share of the generator's rows holding absent categories from which a column is named. */
    static final double MATERIAL_SHARE = 0.05;
    /** Rows drawn per class to measure the share. */
    static final int SAMPLES = 200;
    /** Categories named per column; the rest are counted. */
    private static final int NAMED = 5;

    private AbsentCategories() {
    }

    /**
     * Both checks on one draw of the generator's rows: categories the source lacks ({@link #categories}), and gaps
     * it lacks ({@link #gaps}); each drew its own rows before.
     *
     * @param generator the table generator
     * @param table its table layout
     * @param seen the feature names the source's examples hold
     * @param columnsWithGaps the columns in which some example of the source has no feature
     * @param keepsZeros whether the source keeps numeric zeros as features
     * @param realCounts the source's examples per class index
     * @param spans per numeric column the source has values in, {@code {min, max, values}}, or null
     * @param gapShares per column with a gap, the share of the source's examples without it, or null
     * @return the warnings of {@link #categories}, then those of {@link #gaps}, then those of {@link #outsideSpans},
     *     then those of {@link #gapsTheGeneratorNeverWrites}
     */
    static List<String> warnings(OnnxGenerator generator, TableSchema table, Set<String> seen,
                                 Set<String> columnsWithGaps, boolean keepsZeros, int[] realCounts,
                                 java.util.Map<String, double[]> spans, java.util.Map<String, Double> gapShares) {
        Drawn drawn = new Drawn(generator, realCounts);
        List<String> warnings = new ArrayList<>(categories(generator, table, seen, drawn));
        warnings.addAll(gaps(table, columnsWithGaps, keepsZeros, drawn));
        if (spans != null && keepsZeros) {
            // a sparse source's absent zeros made its span start above 0 (a re-check, 7 Dec): judged as gaps() is
            warnings.addAll(outsideSpans(table, spans, drawn));
        }
        if (gapShares != null) {
            warnings.addAll(gapsTheGeneratorNeverWrites(table, gapShares, keepsZeros));
        }
        return warnings;
    }

    /**
     * Gaps of the source in a column its generator was trained without any in, so that it writes a value in every
     * row: 247 of the diabetes table's 768 rows with {@code ?} cells beside a generator trained on the complete rows
     * got GAN rows without a gap, each told from those real rows by it, without a word (a re-check, 7 Dec).
     *
     * @param table the generator's table layout
     * @param gapShares per column with a gap, the share of the source's examples without it
     * @param keepsZeros whether the source keeps numeric zeros (else an absent numeric feature may be a 0)
     * @return one warning per such column with at least {@value #MATERIAL_SHARE} of the source's examples gapped
     */
    private static List<String> gapsTheGeneratorNeverWrites(TableSchema table, java.util.Map<String, Double> gapShares,
                                                           boolean keepsZeros) {
        List<String> warnings = new ArrayList<>();
        for (TableColumn column : table.columns()) {
            Double share = gapShares.get(column.name());
            if (share == null || share < MATERIAL_SHARE || column.missing() > 0 || !keepsZeros && column.isNumeric()) {
                continue;
            }
            warnings.add(Math.round(100.0 * share) + "% of the source's examples have no value in column '"
                    + column.name() + "', and the generator, trained without gaps there, writes a value in every row, "
                    + "so the real rows with gaps can be told from the generated ones by it: use ROS or SMOTE, or a "
                    + "generator trained on data with such gaps");
        }
        return warnings;
    }

    /** Values a source column needs before generated values outside its span are judged. */
    static final int SPAN_MIN_VALUES = 20;

    /**
     * Random parts of the generator's own rows drawn to tell what chance leaves outside a part's span: at a fixed 5 %,
     * chance alone named 67 % of random 30-row parts of a table even for a perfect generator (a part's span is narrower
     * than the table's: a re-check's simulation, 7 Dec); a part chosen by the column gave 68 %.
     */
    static final int CHANCE_DRAWS = 40;

    /** How far beyond the share chance leaves outside (its 95th percentile over the draws) a column must be. */
    static final double CHANCE_MARGIN = 1.5;

    /** The most a random part may be likely to lack a value the generator writes often, for the value to be named. */
    static final double CHANCE_OF_LACKING = 0.01;

    /**
     * @param values the generator's values of a column
     * @param n the source's values of it
     * @return the 95th percentile, over {@value #CHANCE_DRAWS} random parts of {@code n} of the values (with
     *     replacement), of the share of the values outside a part's span widened by a tenth
     */
    private static double chanceOutside(float[] values, long n) {
        org.apache.commons.rng.UniformRandomProvider random = dev.augment.random.SeededNoise.rng(n, values.length);
        double[] shares = new double[CHANCE_DRAWS];
        for (int d = 0; d < CHANCE_DRAWS; d++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            // beyond 10 draws a value, a part's span is the values' own: a source of millions of rows costs no more
            for (long i = 0, draws = Math.min(n, 10L * values.length); i < draws; i++) {
                float v = values[random.nextInt(values.length)];
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double slack = hi > lo ? 0.1 * (hi - lo) : 1e-9 * Math.max(1, Math.abs(hi));
            long outside = 0;
            for (float v : values) {
                outside += v < lo - slack || v > hi + slack ? 1 : 0;
            }
            shares[d] = (double) outside / values.length;
        }
        java.util.Arrays.sort(shares);
        return shares[(int) Math.ceil(0.95 * CHANCE_DRAWS) - 1];
    }

    /**
     * Numeric values a table generator writes outside the source's own span: the credit table's rows with
     * {@code num_dependents} 1 got GAN rows of which two in three had 2, and its rows with {@code age} of 30 or more
     * rows of which seven in ten were younger, without a word, where a category the source lacks was named (a Tribuo
     * user, 7 Dec). A generated value counts as outside when it lies beyond the source's {@code [min, max]} widened by
     * a tenth of its span on each side (new data strays a little past a sample's extremes), or, for a column the source
     * holds at one value, when it differs from it; and one value the generator writes often beyond the source's span
     * unwidened counts on its own: the diabetes table's rows with {@code insu} above 0 got 22 % of rows at 0, inside
     * the widened span of a skewed column (a re-check, 7 Dec).
     *
     * @param table the generator's table layout
     * @param spans per numeric column the source has values in, {@code {min, max, values}}
     * @param rowsOnce the generator's rows, drawn once
     * @return one warning per numeric column of at least {@value #SPAN_MIN_VALUES} source values of which at least
     *     {@value #MATERIAL_SHARE} of {@value #SAMPLES} generated rows per class, and {@value #CHANCE_MARGIN} times
     *     what a random part of the generator's rows of the source's size leaves outside ({@link #chanceOutside}), lie
     *     outside; or at least {@value #MATERIAL_SHARE} hold one value beyond the span that a random part of that
     *     size would lack with a chance below {@value #CHANCE_OF_LACKING}; in column order
     */
    private static List<String> outsideSpans(TableSchema table, java.util.Map<String, double[]> spans,
                                             Drawn rowsOnce) {
        List<String> warnings = new ArrayList<>();
        int width = table.featureCount();
        int[] offsets = table.featureOffsets();
        for (int c = 0; c < table.columns().size(); c++) {
            TableColumn column = table.columns().get(c);
            double[] span = spans.get(column.name());
            if (!column.isNumeric() || span == null || span[2] < SPAN_MIN_VALUES) {
                continue;
            }
            double slack = span[1] > span[0] ? 0.1 * (span[1] - span[0]) : 1e-9 * Math.max(1, Math.abs(span[1]));
            long rows = 0;
            long outside = 0;
            java.util.Map<Float, Long> beyond = new java.util.HashMap<>();
            float[] values = new float[rowsOnce.get().size() * SAMPLES];
            for (float[] samples : rowsOnce.get()) {
                for (int r = 0; r < SAMPLES; r++) {
                    float v = samples[r * width + offsets[c]];
                    if (Float.isNaN(v)) {
                        continue; // a gap, which gaps() judges
                    }
                    values[(int) rows++] = v;
                    outside += v < span[0] - slack || v > span[1] + slack ? 1 : 0;
                    if (v < span[0] || v > span[1]) {
                        beyond.merge(v, 1L, Long::sum);
                    }
                }
            }
            java.util.Map.Entry<Float, Long> often = beyond.entrySet().stream().max(java.util.Map.Entry
                    .comparingByValue()).orElse(null);
            String own = span[1] > span[0] ? "lie in [" + SourceValueRange.number(span[0]) + ", "
                    + SourceValueRange.number(span[1]) + "]" : "are all " + SourceValueRange.number(span[0]);
            String told = ", so those rows can be told from the real ones by that column: if the source is a part of "
                    + "the generator's table chosen by it, use ROS or SMOTE, or a generator trained on this part";
            float[] drawn = java.util.Arrays.copyOf(values, (int) rows);
            double share = rows == 0 ? 0 : (double) outside / rows;
            // a value a random part of this size would lack by chance is no sign of a part chosen by the column
            boolean oftenUnlikelyLacked = often != null && Math.pow(1 - (double) often.getValue() / rows, span[2])
                    < CHANCE_OF_LACKING;
            if (rows > 0 && share >= MATERIAL_SHARE && share > CHANCE_MARGIN * chanceOutside(drawn, (long) span[2])) {
                // a generator spreading a column wider than the data does this too (a random part of the diabetes
                // table, beside a generator of 300 steps: a re-check, 7 Dec), so both causes are named
                warnings.add(Math.round(100.0 * outside / rows) + "% of the generator's rows (" + SAMPLES + " drawn "
                        + "per class) hold a value of column '" + column.name() + "' outside the source's own, whose "
                        + (long) span[2] + " values " + own + (span[1] > span[0] ? " (widened by a tenth)" : "")
                        + ", more than a random part of its rows that size would leave" + told + "; else the "
                        + "generator spreads the column wider than the data (train it longer)");
            } else if (rows > 0 && often != null && often.getValue() >= MATERIAL_SHARE * rows && oftenUnlikelyLacked) {
                warnings.add(Math.round(100.0 * often.getValue() / rows) + "% of the generator's rows (" + SAMPLES
                        + " drawn per class) hold " + SourceValueRange.number(often.getKey()) + " in column '"
                        + column.name() + "', which no real example of the source has (its " + (long) span[2]
                        + " values " + own + ")" + told);
            }
        }
        return warnings;
    }

    /**
     * @param generator the table generator
     * @param table its table layout
     * @param seen the feature names the source's examples hold (a category's is Tribuo's {@code column@category})
     * @param rowsOnce the generator's rows, drawn once
     * @return one warning per categorical column of which the source holds some categories but not all, and at least
     *     {@value #MATERIAL_SHARE} of {@value #SAMPLES} generated rows per class hold one it lacks, in column order
     */
    private static List<String> categories(OnnxGenerator generator, TableSchema table, Set<String> seen,
                                           Drawn rowsOnce) {
        List<String> warnings = new ArrayList<>();
        List<String> featureNames = generator.metadata().schema().featureNames();
        int width = featureNames.size();
        long rows = (long) rowsOnce.classes() * SAMPLES;
        for (TableColumn column : table.columns()) {
            if (column.isNumeric()) {
                continue;
            }
            List<String> absent = new ArrayList<>();
            List<Integer> absentFeatures = new ArrayList<>();
            for (String category : column.categories()) {
                String name = ColumnarFeature.generateFeatureName(column.name(), category);
                if (!seen.contains(name)) {
                    absent.add(category);
                    absentFeatures.add(featureNames.indexOf(name));
                }
            }
            if (absent.isEmpty() || absent.size() == column.categories().size() || rows == 0) {
                continue;
            }
            long holding = 0;
            for (float[] samples : rowsOnce.get()) {
                for (int r = 0; r < SAMPLES; r++) {
                    for (int f : absentFeatures) {
                        if (f >= 0 && samples[r * width + f] > 0.5f) {
                            holding++;
                            break;
                        }
                    }
                }
            }
            if (holding < MATERIAL_SHARE * rows) {
                continue;
            }
            List<String> named = absent.stream().limit(NAMED).map(c -> "'" + c + "'").toList();
            String more = absent.size() > NAMED ? " and " + (absent.size() - NAMED) + " more" : "";
            warnings.add(Math.round(100.0 * holding / rows) + "% of the generator's rows (" + SAMPLES + " drawn per "
                    + "class) hold " + (absent.size() == 1 ? "category " : "categories ") + String.join(", ", named)
                    + more + " of column '" + column.name() + "', which no real example of the source has, so those "
                    + "rows can be told from the real ones by that column: if the source is a part of the generator's "
                    + "table chosen by it, use ROS or SMOTE, or a generator trained on this part");
        }
        return warnings;
    }

    /** {@value #SAMPLES} generated rows of each class the source has examples of, drawn when first asked for. */
    private static final class Drawn {
        private final OnnxGenerator generator;
        private final int[] realCounts;
        private List<float[]> rows;

        Drawn(OnnxGenerator generator, int[] realCounts) {
            this.generator = generator;
            this.realCounts = realCounts;
        }

        /** @return how many classes are drawn */
        int classes() {
            return (int) java.util.Arrays.stream(realCounts).filter(n -> n > 0).count();
        }

        List<float[]> get() {
            if (rows == null) {
                rows = new ArrayList<>();
                for (int c = 0; c < realCounts.length; c++) {
                    if (realCounts[c] > 0) {
                        rows.add(generator.generate(c, 0, 0, SAMPLES));
                    }
                }
            }
            return rows;
        }
    }

    /**
     * Gaps a table generator writes in a column where no real example of the source has one: the credit table's rows
     * with a known {@code purpose} (77 of its 1000 are {@code ?}, a usual cleaning step) got 14 of 151 GAN rows without
     * a purpose, each told from the real ones by that gap alone, without a word (a re-check, 6 Dec). The generator
     * writes gaps where its training table had them ({@code TableColumn.missing()}).
     *
     * @param table the generator's table layout
     * @param columnsWithGaps the columns in which some example of the source has no feature ({@code ColumnGaps})
     * @param keepsZeros whether the source keeps numeric zeros as features (else an absent numeric feature may be a 0,
     *     and numeric columns are not judged)
     * @param rowsOnce the generator's rows, drawn once
     * @return one warning per column the generator was trained with gaps in, the source has none in, and at least
     *     {@value #MATERIAL_SHARE} of {@value #SAMPLES} generated rows per class leave empty, in column order
     */
    private static List<String> gaps(TableSchema table, Set<String> columnsWithGaps, boolean keepsZeros,
                                     Drawn rowsOnce) {
        List<TableColumn> judged = table.columns().stream().filter(column -> column.missing() > 0
                && !columnsWithGaps.contains(column.name()) && (keepsZeros || !column.isNumeric())).toList();
        if (judged.isEmpty()) {
            return List.of();
        }
        List<float[]> drawn = rowsOnce.get();
        long rows = (long) drawn.size() * SAMPLES;
        int width = table.featureCount();
        int[] offsets = table.featureOffsets();
        List<String> warnings = new ArrayList<>();
        for (TableColumn column : judged) {
            int from = offsets[table.columns().indexOf(column)];
            long empty = 0;
            for (float[] samples : drawn) {
                for (int r = 0; r < SAMPLES; r++) {
                    empty += isGap(column, samples, r * width + from) ? 1 : 0;
                }
            }
            if (rows > 0 && empty >= MATERIAL_SHARE * rows) {
                warnings.add(Math.round(100.0 * empty / rows) + "% of the generator's rows (" + SAMPLES + " drawn per "
                        + "class) leave column '" + column.name() + "' empty, as " + column.missing() + " cells of its "
                        + "training table were, where every real example of the source has a value there, so those "
                        + "rows can be told from the real ones by that gap: if the source is a part of the generator's "
                        + "table chosen by it, use ROS or SMOTE, or a generator trained on this part");
            }
        }
        return warnings;
    }

    /** @return whether the sample's cells of the column from {@code from} are a gap: NaN, or no category above 0.5 */
    private static boolean isGap(TableColumn column, float[] samples, int from) {
        if (column.isNumeric()) {
            return Float.isNaN(samples[from]);
        }
        for (int k = 0; k < column.width(); k++) {
            if (samples[from + k] > 0.5f) {
                return false;
            }
        }
        return true;
    }
}

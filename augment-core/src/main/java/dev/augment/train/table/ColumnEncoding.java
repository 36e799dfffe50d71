package dev.augment.train.table;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * How one feature column of a table is laid out in the GAN's space and back in Tribuo's feature scale.
 *
 * <ul>
 *   <li>{@link Numeric}: CTGAN's mode-specific normalisation. A value {@code x} becomes
 *       {@code [alpha, one-hot(k)]} with mode {@code k} drawn from the mixture's posterior and
 *       {@code alpha = (x - mu_k) / (4 sigma_k)} clipped to [-0.99, 0.99]; width {@code 1 + modes}. The
 *       generator's {@code alpha} goes through tanh, its mode logits through a Gumbel-softmax. Back:
 *       {@code tanh(alpha) * 4 sigma_k + mu_k} with {@code k} the largest mode logit, brought into
 *       [min, max]: reflected at a bound it overshoots, clamped where the data piles on the bound
 *       ({@code RangeReflection}; a clamp everywhere piled the tails on the bounds). When the training data has
 *       missing cells in the column ({@code missingSlot}), one more
 *       mode stands for "missing": a missing cell is {@code [0, one-hot(missing)]}, and a generated row whose
 *       largest mode logit is that slot decodes to NaN, a missing cell (the missing-value indicator of SDV's
 *       transformers; CTGAN itself has none). Without the slot a missing cell is encoded as the column's median
 *       (median imputation).</li>
 *   <li>{@link Categorical}: one-hot of the category, plus one slot for "missing" when the training data
 *       has missing cells; a Gumbel-softmax in training. Back: one-hot of the largest logit over the
 *       categories, Tribuo's {@code column@category} features; the missing slot gives all zeros (no feature,
 *       as Tribuo reads a missing cell).</li>
 * </ul>
 */
public sealed interface ColumnEncoding {

    /** Largest |alpha| of an encoded value, as CTGAN clips it. */
    double ALPHA_LIMIT = 0.99;

    /** @return the width of this column in the GAN's space */
    int width();

    /** @return the width of this column in Tribuo's feature vector (1, or the number of categories) */
    int featureWidth();

    /**
     * Decodes one column of a raw generator output row (before any activation).
     *
     * @param raw the generator's output row
     * @param offset where this column starts in {@code raw}
     * @param features the Tribuo-scale feature row to fill
     * @param featureOffset where this column starts in {@code features}
     */
    void decode(float[] raw, int offset, float[] features, int featureOffset);

    /**
     * A numeric column.
     *
     * @param mixture the column's modes
     * @param median the value a missing cell is encoded as
     * @param min smallest value of the column; decoded values are brought into [min, max] ({@code RangeReflection})
     * @param max largest value of the column
     * @param decimals the decimal places decoded values are rounded to (the data's, {@code TableColumn.decimals()}:
     *     0 for an integral column), half to even as ONNX's {@code Round}; -1 leaves them unrounded
     * @param missingSlot whether one more mode stands for a missing cell (the training data has missing cells in
     *     the column); without it a missing cell is encoded as {@code median}
     * @param clampMin whether a decoded value below {@code min} is clamped to it (the data piles there,
     *     {@code RangeReflection.piles}) rather than reflected
     * @param clampMax whether a decoded value above {@code max} is clamped to it rather than reflected
     */
    record Numeric(GaussianMixture1d mixture, double median, double min, double max, int decimals,
                   boolean missingSlot, boolean clampMin, boolean clampMax) implements ColumnEncoding {

        /** Checks the range. */
        public Numeric {
            if (!(max >= min) || !Double.isFinite(median)) {
                throw new IllegalArgumentException("numeric column range [" + min + ", " + max + "] is empty");
            }
            if (decimals < -1 || decimals > dev.augment.table.TableColumn.MAX_DECIMALS) {
                throw new IllegalArgumentException("decimals must be -1 (unrounded) to "
                        + dev.augment.table.TableColumn.MAX_DECIMALS + ", was " + decimals);
            }
        }

        /** A column whose data piles on neither bound: overshoots are reflected. */
        public Numeric(GaussianMixture1d mixture, double median, double min, double max, int decimals,
                       boolean missingSlot) {
            this(mixture, median, min, max, decimals, missingSlot, false, false);
        }

        /** A column without missing cells in its training data. */
        public Numeric(GaussianMixture1d mixture, double median, double min, double max, int decimals) {
            this(mixture, median, min, max, decimals, false);
        }

        /** An unrounded column without missing cells in its training data. */
        public Numeric(GaussianMixture1d mixture, double median, double min, double max) {
            this(mixture, median, min, max, -1);
        }

        @Override
        public int width() {
            return 1 + slots();
        }

        /** @return the mode slots: the mixture's modes, and one for "missing" when the column has it */
        public int slots() {
            return mixture.modes() + (missingSlot ? 1 : 0);
        }

        @Override
        public int featureWidth() {
            return 1;
        }

        /**
         * Encodes a value, drawing its mode from the posterior.
         *
         * @param value the cell, NaN when missing
         * @param random draws the mode
         * @param out the encoded row
         * @param offset where this column starts in {@code out}
         */
        public void encode(double value, UniformRandomProvider random, float[] out, int offset) {
            if (Double.isNaN(value) && missingSlot) {
                out[offset] = 0f;
                for (int j = 0; j < slots(); j++) {
                    out[offset + 1 + j] = j == mixture.modes() ? 1f : 0f;
                }
                return;
            }
            double x = Double.isNaN(value) ? median : value;
            double[] p = mixture.posterior(x);
            double u = random.nextDouble();
            int k = 0;
            for (double cumulative = p[0]; k < p.length - 1 && u >= cumulative; cumulative += p[++k]) {
                // walk to the drawn mode
            }
            double alpha = (x - mixture.means()[k]) / (4 * mixture.sigmas()[k]);
            out[offset] = (float) Math.max(-ALPHA_LIMIT, Math.min(ALPHA_LIMIT, alpha));
            for (int j = 0; j < slots(); j++) {
                out[offset + 1 + j] = j == k ? 1f : 0f;
            }
        }

        /**
         * @param x a value in the column's units, in or beyond its range
         * @param mode the mode index
         * @return the normalised value that {@link #value} takes back to {@code x} before the range is applied
         */
        public double alphaFor(double x, int mode) {
            return (x - mixture.means()[mode]) / (4 * mixture.sigmas()[mode]);
        }

        /**
         * @param alpha the normalised value, in (-1, 1) after tanh
         * @param mode the mode index
         * @return the value in the column's units, brought into [min, max] ({@code RangeReflection})
         */
        public double value(double alpha, int mode) {
            double x = alpha * 4 * mixture.sigmas()[mode] + mixture.means()[mode];
            return dev.augment.table.RangeReflection.reflect(x, min, max, clampMin, clampMax);
        }

        @Override
        public void decode(float[] raw, int offset, float[] features, int featureOffset) {
            int mode = argmax(raw, offset + 1, slots());
            if (mode == mixture.modes()) { // the missing slot
                features[featureOffset] = Float.NaN;
                return;
            }
            // float arithmetic in the order the ONNX graph uses, so both agree to float rounding
            float scale = (float) (4 * mixture.sigmas()[mode]);
            float x = (float) Math.tanh(raw[offset]) * scale + (float) mixture.means()[mode];
            float inRange = dev.augment.table.RangeReflection.reflect(x, (float) min, (float) max, clampMin, clampMax);
            features[featureOffset] = dev.augment.table.DecimalRounding.round(inRange, decimals);
        }
    }

    /**
     * A categorical column.
     *
     * @param categories number of categories (Tribuo features of the column)
     * @param missingSlot whether one more slot stands for a missing cell
     */
    record Categorical(int categories, boolean missingSlot) implements ColumnEncoding {

        /** Checks the count. */
        public Categorical {
            if (categories < 1) {
                throw new IllegalArgumentException("a categorical column needs at least one category");
            }
        }

        @Override
        public int width() {
            return categories + (missingSlot ? 1 : 0);
        }

        @Override
        public int featureWidth() {
            return categories;
        }

        /**
         * @param category the category index, or -1 when missing (encoded as the missing slot, or as no
         *     category when the column has none)
         * @param out the encoded row
         * @param offset where this column starts in {@code out}
         */
        public void encode(int category, float[] out, int offset) {
            for (int j = 0; j < width(); j++) {
                out[offset + j] = 0f;
            }
            if (category >= 0) {
                out[offset + category] = 1f;
            } else if (missingSlot) {
                out[offset + categories] = 1f;
            }
        }

        @Override
        public void decode(float[] raw, int offset, float[] features, int featureOffset) {
            int chosen = argmax(raw, offset, width());
            for (int j = 0; j < categories; j++) {
                features[featureOffset + j] = j == chosen ? 1f : 0f;
            }
        }
    }

    /** @return the index (from 0) of the largest of {@code values[offset .. offset+count)}, the first on ties */
    static int argmax(float[] values, int offset, int count) {
        int best = 0;
        for (int j = 1; j < count; j++) {
            if (values[offset + j] > values[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}

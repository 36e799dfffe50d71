package dev.augment.onnx;

import java.util.List;

/**
 * A trained table generator as the exporter needs it (CTGAN layout): the class index becomes a one-hot
 * conditional vector concatenated to z; each residual block is {@code x = concat(relu(bn(dense(x))), x)};
 * a dense layer gives the raw row; each column's decoder turns its part of the raw row into Tribuo's
 * feature scale, and the decoded columns are concatenated in feature order.
 *
 * @param latentDim length of the noise vector z
 * @param classes number of classes
 * @param blocks the residual blocks' layers: a {@link GeneratorLayer.Dense} then a {@link GeneratorLayer.BatchNorm}
 *     per block
 * @param output the last dense layer, to the raw row
 * @param columns the decoders, in feature order
 */
public record TableGeneratorGraph(int latentDim, int classes, List<GeneratorLayer> blocks, GeneratorLayer.Dense output,
                                  List<ColumnDecoder> columns) {

    /** Checks the layout. */
    public TableGeneratorGraph {
        blocks = List.copyOf(blocks);
        columns = List.copyOf(columns);
        if (latentDim < 1 || classes < 1 || columns.isEmpty() || blocks.size() % 2 != 0) {
            throw new IllegalArgumentException("a table generator needs a latent size, classes, columns and "
                    + "dense/batch-norm pairs");
        }
        for (int i = 0; i < blocks.size(); i += 2) {
            if (!(blocks.get(i) instanceof GeneratorLayer.Dense) || !(blocks.get(i + 1) instanceof GeneratorLayer.BatchNorm)) {
                throw new IllegalArgumentException("residual block " + i / 2 + " is not a dense layer then a batch norm");
            }
        }
    }

    /** @return the width of the decoded sample (the feature count) */
    public int featureCount() {
        return columns.stream().mapToInt(ColumnDecoder::featureWidth).sum();
    }

    /** How one column of the raw row is decoded. */
    public sealed interface ColumnDecoder {

        /** @return the decoded width */
        int featureWidth();

        /**
         * A numeric column: {@code reflect(tanh(raw[alphaIndex]) * scales[k] + means[k], min, max)} with
         * {@code k} the largest of {@code raw[modesStart .. modesStart + modes)}, rounded to {@code decimals}; with a
         * missing slot, NaN (a missing cell) where the slot's logit, {@code raw[modesStart + modes]}, is larger than
         * every mode's. {@code reflect} is {@link dev.augment.table.RangeReflection}'s: {@code max + d} becomes
         * {@code max - d}, except at a bound the data piles on, where the value is clamped.
         *
         * @param alphaIndex index of the normalised value in the raw row
         * @param modesStart index of the first mode logit
         * @param means mode means
         * @param scales four standard deviations of each mode
         * @param min smallest decoded value
         * @param max largest decoded value
         * @param decimals decimal places the reflected value is rounded to ({@code Round(x · 10^d) / 10^d}, half to
         *     even), or -1 to leave it unrounded
         * @param missingSlot whether the logit after the modes' stands for a missing cell: when it is the largest,
         *     the decoded value is NaN
         * @param clampMin whether a value below {@code min} is clamped to it rather than reflected
         * @param clampMax whether a value above {@code max} is clamped to it rather than reflected
         */
        record Numeric(int alphaIndex, int modesStart, float[] means, float[] scales, float min, float max,
                       int decimals, boolean missingSlot, boolean clampMin, boolean clampMax)
                implements ColumnDecoder {

            /** Checks the arrays. */
            public Numeric {
                if (means.length == 0 || scales.length != means.length || !(max >= min)) {
                    throw new IllegalArgumentException("numeric decoder needs one scale per mode and min <= max");
                }
                if (decimals < -1 || decimals > dev.augment.table.TableColumn.MAX_DECIMALS) {
                    throw new IllegalArgumentException("numeric decoder decimals must be -1 to "
                            + dev.augment.table.TableColumn.MAX_DECIMALS + ", was " + decimals);
                }
            }

            @Override
            public int featureWidth() {
                return 1;
            }
        }

        /**
         * A categorical column: one-hot of the largest of {@code raw[start .. start + width)}, the first
         * {@code categories} slots kept (a further slot means "missing" and decodes to all zeros).
         *
         * @param start index of the first logit
         * @param width logits of the column
         * @param categories decoded width, {@code width} or {@code width - 1}
         */
        record Categorical(int start, int width, int categories) implements ColumnDecoder {
            /** Checks the widths. */
            public Categorical {
                if (categories < 1 || (width != categories && width != categories + 1)) {
                    throw new IllegalArgumentException("categorical decoder of " + categories + " categories cannot "
                            + "have " + width + " logits");
                }
            }

            @Override
            public int featureWidth() {
                return categories;
            }
        }
    }
}

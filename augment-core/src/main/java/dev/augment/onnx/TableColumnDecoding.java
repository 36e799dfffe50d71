package dev.augment.onnx;

import dev.augment.onnx.TableGeneratorGraph.ColumnDecoder;
import dev.augment.table.DecimalRounding;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXOperator;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The decoding part of a table generator's graph: from the raw row {@code [N, R]} the network outputs to the samples
 * {@code [N, features]} in Tribuo's feature scale, as {@link ColumnDecoder} defines each column. All numeric columns
 * are decoded together, and all categorical ones together, so that the graph has the same few nodes (about 40)
 * whatever the number of columns: written column by column, a 3 000-column table gave 36 000 nodes, which ONNX
 * Runtime took 2–3 minutes to optimise each time the model was loaded.
 *
 * <p>Numeric columns ({@code C} of them, at most {@code S} slots each: modes, then a missing slot where there is
 * one): {@code Gather} of the value logits, {@code Tanh}; {@code Gather} of the slot logits padded to {@code S} per
 * column with {@code -inf} ({@code Add}), {@code Reshape} to {@code [N, C, S]} and {@code Hardmax} over the slots;
 * the chosen mode's scale and mean by {@code Mul} with the {@code [C, S]} tables and {@code ReduceSum} over the slots
 * (exact: one 1, the rest 0); {@code Mul}, {@code Add}, then into the columns' ranges ({@code Sub}, {@code Abs},
 * {@code Add}, {@code Where}, {@code Sub}, {@code Abs}, {@code Sub}, {@code Where}, {@code Max}, {@code Min}:
 * reflected at a bound, clamped at a bound the data piles on, {@code RangeReflection});
 * {@code Mul}, {@code Round} and {@code Div} by {@code 10^decimals} for the columns that are rounded ({@code Where}
 * keeps the others); {@code Where} puts NaN where the missing slot was chosen. Categorical columns ({@code K}, at
 * most {@code W} logits each): the same padded {@code Hardmax} over {@code [N, K, W]}, then {@code Gather} of each
 * column's category slots (dropping a missing slot, which decodes to all zeros). A last {@code Gather} puts the
 * decoded values back in the columns' order. Every value equals the column-by-column decoding's exactly: the same
 * float operations in the same order on the same numbers.
 */
final class TableColumnDecoding {

    /** Adds one operation to the graph and returns its output. */
    @FunctionalInterface
    interface Operations {
        ONNXRef<?> op(ONNXOperator operator, List<ONNXRef<?>> inputs, Map<String, Object> attributes);
    }

    private final ONNXContext context;
    private final Operations operations;

    TableColumnDecoding(ONNXContext context, Operations operations) {
        this.context = context;
        this.operations = operations;
    }

    /**
     * @param raw the network's output {@code [N, R]}
     * @param columns the decoders, in the schema's column order
     * @return the samples {@code [N, features]}
     */
    ONNXRef<?> decode(ONNXRef<?> raw, List<ColumnDecoder> columns) {
        List<ColumnDecoder.Numeric> numeric = new ArrayList<>();
        List<ColumnDecoder.Categorical> categorical = new ArrayList<>();
        int categoricalWidth = 0;
        for (ColumnDecoder column : columns) {
            if (column instanceof ColumnDecoder.Numeric n) {
                numeric.add(n);
            } else if (column instanceof ColumnDecoder.Categorical c) {
                categorical.add(c);
                categoricalWidth += c.categories();
            }
        }
        // decoded as [numeric values | categorical one-hots], then gathered back into the columns' order
        long[] order = new long[numeric.size() + categoricalWidth];
        int feature = 0;
        int nextNumeric = 0;
        int nextCategorical = numeric.size();
        for (ColumnDecoder column : columns) {
            for (int j = 0; j < column.featureWidth(); j++) {
                order[feature++] = column instanceof ColumnDecoder.Numeric ? nextNumeric++ : nextCategorical++;
            }
        }
        List<ONNXRef<?>> parts = new ArrayList<>();
        if (!numeric.isEmpty()) {
            parts.add(numeric(raw, numeric));
        }
        if (!categorical.isEmpty()) {
            parts.add(categorical(raw, categorical));
        }
        ONNXRef<?> decoded = parts.size() == 1 ? parts.get(0)
                : op(ONNXOperators.CONCAT, parts, Map.of("axis", 1));
        return identity(order) ? decoded : op(ONNXOperators.GATHER, List.of(decoded,
                context.array("column_order", order)), Map.of("axis", 1));
    }

    private ONNXRef<?> numeric(ONNXRef<?> raw, List<ColumnDecoder.Numeric> columns) {
        int count = columns.size();
        int slots = columns.stream().mapToInt(TableColumnDecoding::slotsOf).max().orElseThrow();
        long[] valueIndex = new long[count];
        long[] slotIndex = new long[count * slots];
        float[] padding = new float[count * slots];
        float[] scales = new float[count * slots];
        float[] means = new float[count * slots];
        float[] missingSlot = new float[count * slots];
        float[] min = new float[count];
        float[] max = new float[count];
        float[] factor = new float[count];
        float[] rounded = new float[count];
        float[] reflectMin = new float[count];
        float[] reflectMax = new float[count];
        int roundedColumns = 0;
        boolean anyMissing = false;
        for (int i = 0; i < count; i++) {
            ColumnDecoder.Numeric n = columns.get(i);
            int own = slotsOf(n);
            valueIndex[i] = n.alphaIndex();
            for (int j = 0; j < slots; j++) {
                int at = i * slots + j;
                // a padded slot reads the column's last logit and adds -inf: never the largest
                slotIndex[at] = n.modesStart() + Math.min(j, own - 1);
                padding[at] = j < own ? 0f : Float.NEGATIVE_INFINITY;
                if (j < n.means().length) {
                    // the missing slot's and the padding's scale and mean are 0: its value is replaced by NaN below
                    scales[at] = n.scales()[j];
                    means[at] = n.means()[j];
                }
            }
            if (n.missingSlot()) {
                missingSlot[i * slots + n.means().length] = 1f;
                anyMissing = true;
            }
            min[i] = n.min();
            max[i] = n.max();
            reflectMin[i] = n.clampMin() ? 0f : 1f;
            reflectMax[i] = n.clampMax() ? 0f : 1f;
            factor[i] = n.decimals() >= 0 ? DecimalRounding.factor(n.decimals()) : 1f;
            rounded[i] = n.decimals() >= 0 ? 1f : 0f;
            roundedColumns += n.decimals() >= 0 ? 1 : 0;
        }
        ONNXRef<?> alpha = op(AugmentOnnxOperators.TANH, List.of(op(ONNXOperators.GATHER, List.of(raw,
                context.array("numeric_value_index", valueIndex)), Map.of("axis", 1))), Map.of());
        ONNXRef<?> chosen = hardmax(raw, slotIndex, padding, count, slots, "numeric");
        ONNXRef<?> scale = pick(chosen, scales, count, slots, "mode_scale");
        ONNXRef<?> mean = pick(chosen, means, count, slots, "mode_mean");
        ONNXRef<?> value = op(ONNXOperators.ADD, List.of(op(ONNXOperators.MUL, List.of(alpha, scale), Map.of()), mean),
                Map.of());
        ONNXRef<?> decoded = reflected(value, context.array("column_min", min), context.array("column_max", max),
                greaterThanHalf(context.array("column_reflects_min", reflectMin)),
                greaterThanHalf(context.array("column_reflects_max", reflectMax)));
        if (roundedColumns > 0) {
            ONNXRef<?> factors = context.array("column_decimals", factor);
            ONNXRef<?> roundedValue = op(ONNXOperators.DIV, List.of(op(AugmentOnnxOperators.ROUND, List.of(
                    op(ONNXOperators.MUL, List.of(decoded, factors), Map.of())), Map.of()), factors), Map.of());
            decoded = roundedColumns == count ? roundedValue : op(ONNXOperators.WHERE, List.of(
                    greaterThanHalf(context.array("column_is_rounded", rounded)), roundedValue, decoded), Map.of());
        }
        if (anyMissing) {
            // Hardmax gives exactly 1 at the chosen slot: where that is the missing slot, the cell is NaN
            ONNXRef<?> missing = greaterThanHalf(pick(chosen, missingSlot, count, slots, "missing_slot"));
            decoded = op(ONNXOperators.WHERE, List.of(missing, context.constant("missing_cell", Float.NaN), decoded),
                    Map.of());
        }
        return decoded;
    }

    /**
     * {@code RangeReflection.reflect} in graph operations: {@code min + Abs(x - min)} where the column reflects at its
     * minimum ({@code Where}), then {@code max - Abs(max - y)} where it reflects at its maximum, then
     * {@code Min(Max(y, min), max)} (ONNX's {@code Clip} takes one bound for the whole tensor).
     */
    private ONNXRef<?> reflected(ONNXRef<?> value, ONNXRef<?> min, ONNXRef<?> max, ONNXRef<?> reflectsMin,
                                 ONNXRef<?> reflectsMax) {
        ONNXRef<?> above = op(ONNXOperators.WHERE, List.of(reflectsMin, op(ONNXOperators.ADD, List.of(min,
                abs(op(ONNXOperators.SUB, List.of(value, min), Map.of()))), Map.of()), value), Map.of());
        ONNXRef<?> below = op(ONNXOperators.WHERE, List.of(reflectsMax, op(ONNXOperators.SUB, List.of(max,
                abs(op(ONNXOperators.SUB, List.of(max, above), Map.of()))), Map.of()), above), Map.of());
        return op(AugmentOnnxOperators.MIN, List.of(op(AugmentOnnxOperators.MAX, List.of(below, min), Map.of()), max),
                Map.of());
    }

    private ONNXRef<?> abs(ONNXRef<?> value) {
        return op(AugmentOnnxOperators.ABS, List.of(value), Map.of());
    }

    private ONNXRef<?> categorical(ONNXRef<?> raw, List<ColumnDecoder.Categorical> columns) {
        int count = columns.size();
        int width = columns.stream().mapToInt(ColumnDecoder.Categorical::width).max().orElseThrow();
        long[] logitIndex = new long[count * width];
        float[] padding = new float[count * width];
        long[] kept = new long[columns.stream().mapToInt(ColumnDecoder.Categorical::categories).sum()];
        int next = 0;
        for (int i = 0; i < count; i++) {
            ColumnDecoder.Categorical c = columns.get(i);
            for (int j = 0; j < width; j++) {
                logitIndex[i * width + j] = c.start() + Math.min(j, c.width() - 1);
                padding[i * width + j] = j < c.width() ? 0f : Float.NEGATIVE_INFINITY;
            }
            for (int j = 0; j < c.categories(); j++) {
                kept[next++] = (long) i * width + j; // a missing slot, after the categories, is dropped
            }
        }
        ONNXRef<?> chosen = hardmax(raw, logitIndex, padding, count, width, "categorical");
        ONNXRef<?> flat = op(AugmentOnnxOperators.RESHAPE, List.of(chosen,
                context.array("categorical_flat_shape", new long[] {-1, (long) count * width})), Map.of());
        return op(ONNXOperators.GATHER, List.of(flat, context.array("categorical_kept", kept)), Map.of("axis", 1));
    }

    /** @return {@code Hardmax} over the last axis of the gathered, padded logits as {@code [N, count, width]} */
    private ONNXRef<?> hardmax(ONNXRef<?> raw, long[] index, float[] padding, int count, int width, String name) {
        ONNXRef<?> logits = op(ONNXOperators.ADD, List.of(op(ONNXOperators.GATHER, List.of(raw,
                context.array(name + "_logit_index", index)), Map.of("axis", 1)),
                context.array(name + "_padding", padding)), Map.of());
        ONNXRef<?> shaped = op(AugmentOnnxOperators.RESHAPE, List.of(logits,
                context.array(name + "_slots_shape", new long[] {-1, count, width})), Map.of());
        return op(ONNXOperators.HARDMAX, List.of(shaped), Map.of("axis", 2));
    }

    /** @return per row and column, the table's entry at the chosen slot, {@code [N, count]} */
    private ONNXRef<?> pick(ONNXRef<?> chosen, float[] table, int count, int slots, String name) {
        ONNXRef<?> weighted = op(ONNXOperators.MUL, List.of(chosen,
                context.floatTensor(name, List.of(count, slots), b -> b.put(table))), Map.of());
        return op(ONNXOperators.REDUCE_SUM, List.of(weighted, context.array(name + "_axes", new long[] {2})),
                Map.of("keepdims", 0));
    }

    private ONNXRef<?> greaterThanHalf(ONNXRef<?> x) {
        return op(ONNXOperators.GREATER, List.of(x, context.constant("half", 0.5f)), Map.of());
    }

    private static int slotsOf(ColumnDecoder.Numeric n) {
        return n.means().length + (n.missingSlot() ? 1 : 0);
    }

    private static boolean identity(long[] order) {
        for (int i = 0; i < order.length; i++) {
            if (order[i] != i) {
                return false;
            }
        }
        return true;
    }

    private ONNXRef<?> op(ONNXOperator operator, List<ONNXRef<?>> inputs, Map<String, Object> attributes) {
        return operations.op(operator, inputs, attributes);
    }
}

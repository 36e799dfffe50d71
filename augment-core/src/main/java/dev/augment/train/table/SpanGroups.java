package dev.augment.train.table;

import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Gumbel-softmax spans of a generator output row grouped by width, with the flat indexes that gather each
 * group into one {@code [rows, spans, width]} array and put the results back in row order; the plan behind
 * {@link GumbelSoftmax#activate}. Plain Java: no arrays of the engine.
 *
 * @param byWidth one group per distinct span width, in the order the widths first occur
 * @param softmaxWidth the summed width of all softmax spans, values per row
 * @param rowWidth the output row's width
 */
record SpanGroups(List<Group> byWidth, int softmaxWidth, int rowWidth) {

    /**
     * Softmax spans of one width.
     *
     * @param width values per span
     * @param starts each span's first column in the row, in row order
     * @param drawnBefore for each span, the summed width of the softmax spans before it in the row: where its noise
     *     starts in the per-span draw order, in units of rows
     */
    record Group(int width, int[] starts, int[] drawnBefore) {

        /** @return {@code [rows, spans, width]} */
        Shape shape(int rows) {
            return new Shape(rows, starts.length, width);
        }

        /** @return for every entry of {@link #shape}, its index in the flattened {@code [rows, rowWidth]} output */
        long[] rawIndex(int rows, int rowWidth) {
            long[] index = new long[rows * starts.length * width];
            int i = 0;
            for (int r = 0; r < rows; r++) {
                for (int start : starts) {
                    for (int k = 0; k < width; k++) {
                        index[i++] = (long) r * rowWidth + start + k;
                    }
                }
            }
            return index;
        }

        /**
         * @return for every entry of {@link #shape}, its index in the noise drawn span after span, each span's
         *     {@code [rows, width]} block row by row
         */
        long[] noiseIndex(int rows) {
            long[] index = new long[rows * starts.length * width];
            int i = 0;
            for (int r = 0; r < rows; r++) {
                for (int before : drawnBefore) {
                    for (int k = 0; k < width; k++) {
                        index[i++] = (long) rows * before + (long) r * width + k;
                    }
                }
            }
            return index;
        }
    }

    /**
     * @param spans activation spans covering a row in order
     * @param rowWidth the row's width
     * @return the softmax spans grouped by width
     * @throws IllegalArgumentException when the spans do not cover {@code [0, rowWidth)} in order
     */
    static SpanGroups of(List<TableEncoder.Span> spans, int rowWidth) {
        Map<Integer, List<int[]>> byWidth = new LinkedHashMap<>();
        int next = 0;
        int drawn = 0;
        for (TableEncoder.Span span : spans) {
            if (span.start() != next) {
                throw new IllegalArgumentException("spans leave a gap or overlap at column " + next);
            }
            next += span.width();
            if (span.softmax()) {
                byWidth.computeIfAbsent(span.width(), w -> new ArrayList<>()).add(new int[] {span.start(), drawn});
                drawn += span.width();
            }
        }
        if (next != rowWidth) {
            throw new IllegalArgumentException("spans cover " + next + " columns of a row of " + rowWidth);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Integer, List<int[]>> entry : byWidth.entrySet()) {
            List<int[]> members = entry.getValue();
            int[] starts = new int[members.size()];
            int[] before = new int[members.size()];
            for (int j = 0; j < starts.length; j++) {
                starts[j] = members.get(j)[0];
                before[j] = members.get(j)[1];
            }
            groups.add(new Group(entry.getKey(), starts, before));
        }
        return new SpanGroups(List.copyOf(groups), drawn, rowWidth);
    }

    /**
     * @param rows rows in the batch
     * @return for every output value {@code [rows, rowWidth]}, its index in the concatenation of the flattened tanh
     *     of the whole output (first, {@code rows × rowWidth} values, used at the tanh columns) and each group's
     *     flattened softmax result, in {@link #byWidth} order
     */
    long[] assemblyIndex(int rows) {
        long[] index = new long[rows * rowWidth];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        long offset = (long) rows * rowWidth;
        for (Group group : byWidth) {
            int spansInGroup = group.starts().length;
            for (int r = 0; r < rows; r++) {
                for (int j = 0; j < spansInGroup; j++) {
                    for (int k = 0; k < group.width(); k++) {
                        index[r * rowWidth + group.starts()[j] + k] =
                                offset + ((long) r * spansInGroup + j) * group.width() + k;
                    }
                }
            }
            offset += (long) rows * spansInGroup * group.width();
        }
        return index;
    }
}

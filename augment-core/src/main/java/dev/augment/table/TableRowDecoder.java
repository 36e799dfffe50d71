package dev.augment.table;

/**
 * Turns a sample vector (Tribuo's feature scale, {@link TableSchema#featureNames()} order) back into the cells of
 * the table's CSV: each feature column in schema order, then the label.
 *
 * <p>A numeric value is clamped to the column's [min, max] and rounded half up to the column's decimals; it is
 * written without exponent, and an integral column prints no ".0". A categorical column gives the category whose
 * feature is largest (the first on ties), or the missing marker when every one of its features is 0 or below (as a
 * missing cell reads). A NaN numeric value gives the missing marker.
 */
public final class TableRowDecoder {

    private final TableSchema schema;
    private final int[] offsets;

    /** @param schema the table's layout */
    public TableRowDecoder(TableSchema schema) {
        this.schema = schema;
        this.offsets = schema.featureOffsets();
    }

    /** @return the header: the feature columns' names in schema order, then the label column */
    public String[] header() {
        String[] header = new String[schema.columns().size() + 1];
        for (int c = 0; c < schema.columns().size(); c++) {
            header[c] = schema.columns().get(c).name();
        }
        header[header.length - 1] = schema.labelColumn();
        return header;
    }

    /**
     * @param sample a sample vector of at least {@link TableSchema#featureCount()} values
     * @param classIndex the sample's class index
     * @return the cells, in {@link #header()} order
     * @throws IllegalArgumentException when the sample is too short or the class index out of range
     */
    public String[] decode(float[] sample, int classIndex) {
        return decode(sample, 0, classIndex);
    }

    /**
     * @param samples samples packed one after another
     * @param start the index of the sample's first value
     * @param classIndex the sample's class index
     * @return the cells, in {@link #header()} order
     * @throws IllegalArgumentException when the sample runs past the array or the class index is out of range
     */
    public String[] decode(float[] samples, int start, int classIndex) {
        if (start < 0 || samples.length - start < schema.featureCount()) {
            throw new IllegalArgumentException("a sample needs " + schema.featureCount() + " values from " + start
                    + ", the array has " + samples.length);
        }
        if (classIndex < 0 || classIndex >= schema.classCount()) {
            throw new IllegalArgumentException("class index " + classIndex + " is not in [0, " + schema.classCount()
                    + ")");
        }
        String[] cells = new String[schema.columns().size() + 1];
        for (int c = 0; c < schema.columns().size(); c++) {
            TableColumn column = schema.columns().get(c);
            int from = start + offsets[c];
            cells[c] = column.isNumeric() ? number(column, samples[from]) : category(column, samples, from);
        }
        cells[cells.length - 1] = schema.labels().get(classIndex);
        return cells;
    }

    private String number(TableColumn column, float value) {
        if (Float.isNaN(value)) {
            return schema.missingText();
        }
        java.math.BigDecimal exact = TableNumbers.exact(column, value);
        if (!column.roundsToDecimals()) {
            // the float's shortest form wrote 223744.0 below 10^7 and 12681728 above it in one column (7 Dec)
            exact = exact.stripTrailingZeros();
        }
        // from 10^15 on, in E notation as oversample writes its GAN rows: a float of 6.4e30 came out as its 31-digit
        // binary value, of which about 7 digits mean anything (a fresh user, 6 Dec)
        return Math.abs(exact.doubleValue()) < 1e15 ? exact.toPlainString()
                : dev.augment.generate.output.CsvSampleWriter.formatValue(exact.doubleValue());
    }

    private String category(TableColumn column, float[] samples, int from) {
        int best = -1;
        float bestValue = 0;
        for (int k = 0; k < column.width(); k++) {
            if (samples[from + k] > bestValue) {
                best = k;
                bestValue = samples[from + k];
            }
        }
        return best < 0 ? schema.missingText() : column.categories().get(best);
    }
}

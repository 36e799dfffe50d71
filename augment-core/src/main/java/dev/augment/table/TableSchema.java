package dev.augment.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.schema.SampleSchema;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.columnar.ColumnarFeature;
import org.tribuo.data.columnar.FieldProcessor;
import org.tribuo.data.columnar.RowProcessor;
import org.tribuo.data.columnar.processors.field.DoubleFieldProcessor;
import org.tribuo.data.columnar.processors.response.FieldResponseProcessor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The layout of a table: its feature columns (in CSV order, the label column left out), the label column's name,
 * the class labels and the missing-value marker.
 *
 * <p>The class index of a label is its position in {@code labels} ({@link TableReader} sorts them). A cell equal to
 * {@code missingMarker}, or empty, is missing. A missing cell of a generated row is written as {@code missingText}:
 * the marker, or an empty cell when the training data wrote every missing cell empty, so that generated rows spell a
 * gap as the file they join does (a pipeline of its own that reads an empty cell as absent would read {@code ?} as a
 * category or fail on it).
 *
 * <p>A sample is a vector of {@link #featureCount()} values in {@link #featureNames()} order, in Tribuo's feature
 * scale: a numeric column's value, and for a categorical column one-hot values (1 for the row's category, 0 for the
 * others, all 0 when the cell is missing). These are exactly the features Tribuo's {@code CSVDataSource} gives with
 * {@link #rowProcessor()}.
 *
 * @param columns the feature columns, in CSV order; at least one
 * @param labelColumn the label column's header
 * @param labels the class labels, by class index; distinct, at least one
 * @param missingMarker the text of a missing cell, e.g. "?"
 * @param missingText how a generated missing cell is written: {@code missingMarker} or empty
 */
public record TableSchema(List<TableColumn> columns, String labelColumn, List<String> labels, String missingMarker,
                          String missingText) {

    /** The missing-value marker of the shared tables (and of ARFF files). */
    public static final String DEFAULT_MISSING_MARKER = "?";

    /**
     * Validates the schema.
     *
     * @throws IllegalArgumentException when there are no columns or labels, a name repeats, the label column is
     *     also a feature column, two columns make the same feature name, the missing marker is null, or the
     *     missing text is neither the marker nor empty
     */
    public TableSchema {
        columns = List.copyOf(columns);
        labels = List.copyOf(labels);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one feature column besides the label");
        }
        if (labelColumn == null || labelColumn.isBlank()) {
            throw new IllegalArgumentException("a table needs a label column");
        }
        if (missingMarker == null) {
            throw new IllegalArgumentException("the missing-value marker must not be null");
        }
        if (missingText == null || !(missingText.isEmpty() || missingText.equals(missingMarker))) {
            throw new IllegalArgumentException("a missing cell is written as the marker '" + missingMarker
                    + "' or empty, not as " + (missingText == null ? "null" : "'" + missingText + "'"));
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one label");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new IllegalArgumentException("labels repeat: " + labels);
        }
        Set<String> names = new HashSet<>();
        for (TableColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' appears twice");
            }
            if (column.categories().contains(missingMarker)) {
                throw new IllegalArgumentException("column '" + column.name() + "' has the missing marker '"
                        + missingMarker + "' as a category");
            }
        }
        if (names.contains(labelColumn)) {
            throw new IllegalArgumentException("the label column '" + labelColumn + "' is also a feature column");
        }
        Set<String> features = new HashSet<>();
        for (String feature : featureNames(columns)) {
            if (!features.add(feature)) {
                throw new IllegalArgumentException("two columns make the same Tribuo feature '" + feature
                        + "'; rename one");
            }
        }
    }

    /**
     * A schema whose generated missing cells are written as the marker.
     *
     * @param columns the feature columns, in CSV order; at least one
     * @param labelColumn the label column's header
     * @param labels the class labels, by class index
     * @param missingMarker the text of a missing cell, e.g. "?"
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TableSchema(List<TableColumn> columns, String labelColumn, List<String> labels, String missingMarker) {
        this(columns, labelColumn, labels, missingMarker, missingMarker);
    }

    /**
     * The Tribuo feature names, in sample order: a numeric column {@code c} gives {@code "c"}; a categorical column
     * {@code c} gives {@code "c@v"} for each category {@code v}, in the column's order. These are the names
     * {@link #rowProcessor()} produces.
     *
     * @return the feature names, {@link #featureCount()} of them
     */
    public List<String> featureNames() {
        return featureNames(columns);
    }

    private static List<String> featureNames(List<TableColumn> columns) {
        List<String> names = new ArrayList<>();
        for (TableColumn column : columns) {
            if (column.isNumeric()) {
                names.add(column.name());
            } else {
                for (String category : column.categories()) {
                    names.add(ColumnarFeature.generateFeatureName(column.name(), category));
                }
            }
        }
        return names;
    }

    /** @return the length of a sample vector: the sum of the columns' widths */
    public int featureCount() {
        int count = 0;
        for (TableColumn column : columns) {
            count += column.width();
        }
        return count;
    }

    /** @return the number of classes */
    public int classCount() {
        return labels.size();
    }

    /**
     * @param column a column index, from 0
     * @return the index of the column's first feature in a sample vector
     * @throws IndexOutOfBoundsException when there is no such column
     */
    public int featureOffset(int column) {
        if (column < 0 || column >= columns.size()) {
            throw new IndexOutOfBoundsException("column " + column + " of " + columns.size());
        }
        int offset = 0;
        for (int c = 0; c < column; c++) {
            offset += columns.get(c).width();
        }
        return offset;
    }

    /**
     * @param column a column index, from 0
     * @return the number of features the column takes: 1 (numeric) or its number of categories
     * @throws IndexOutOfBoundsException when there is no such column
     */
    public int featureWidth(int column) {
        return columns.get(column).width();
    }

    /**
     * Which features are numeric columns: Tribuo's {@code CSVDataSource} with {@link #rowProcessor()} gives such a
     * feature whenever its cell is not missing, a 0 included, where a categorical column gives only its category's
     * feature.
     *
     * @return per feature, in {@link #featureNames()} order, whether it is a numeric column
     */
    public boolean[] numericFeatures() {
        boolean[] numeric = new boolean[featureCount()];
        int[] offsets = featureOffsets();
        for (int c = 0; c < columns.size(); c++) {
            numeric[offsets[c]] = columns.get(c).isNumeric();
        }
        return numeric;
    }

    /** @return every column's feature offset, by column index, in one pass */
    public int[] featureOffsets() {
        int[] offsets = new int[columns.size()];
        int offset = 0;
        for (int c = 0; c < offsets.length; c++) {
            offsets[c] = offset;
            offset += columns.get(c).width();
        }
        return offsets;
    }

    /**
     * @param name a column's header
     * @return its index, or -1 when no feature column has that name
     */
    public int columnIndex(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /**
     * @param cell a cell's text, trimmed
     * @return true when the cell is missing: the missing marker or empty
     */
    public boolean isMissing(String cell) {
        return cell.isEmpty() || cell.equals(missingMarker);
    }

    /**
     * A Tribuo row processor that reads the same CSV into {@link #featureNames()}: a numeric column through
     * {@code DoubleFieldProcessor(c, true, false)} (a missing or unparseable cell gives no feature), a categorical
     * column through {@link CategoryFieldProcessor} (a missing cell gives no feature), and the label column through
     * a {@code FieldResponseProcessor} that keeps the label's case. Use it with {@code CSVDataSource}.
     *
     * @return a new row processor
     */
    public RowProcessor<Label> rowProcessor() {
        Map<String, FieldProcessor> processors = new LinkedHashMap<>();
        for (TableColumn column : columns) {
            processors.put(column.name(), column.isNumeric()
                    ? new DoubleFieldProcessor(column.name(), true, false)
                    : new CategoryFieldProcessor(column.name(), missingMarker));
        }
        FieldResponseProcessor<Label> response = new FieldResponseProcessor<>(List.of(labelColumn), List.of(""),
                new LabelFactory(), false, false);
        return new RowProcessor<>(response, processors);
    }

    /**
     * The {@link SampleSchema} the rest of augment uses for this table: {@link #featureNames()}, shape
     * {@code [featureCount]}, value range from {@code min(0, smallest numeric min)} to
     * {@code max(1, largest numeric max)}, the labels as both labels and class names.
     *
     * @param examplesPerClass training rows of each class, by class index, or null when unknown (a data source's
     *     own schema)
     * @return the sample schema
     * @throws IllegalArgumentException when the counts are not one per class or one is negative
     */
    public SampleSchema sampleSchema(long[] examplesPerClass) {
        double min = 0;
        double max = 1;
        for (TableColumn column : columns) {
            min = Math.min(min, column.min());
            max = Math.max(max, column.max());
        }
        SampleSchema schema = new SampleSchema(featureNames(), List.of(featureCount()), min, max, labels, labels);
        return examplesPerClass == null ? schema : schema.withExamplesPerClass(examplesPerClass);
    }

    /**
     * The JSON stored in a generator's ONNX metadata under {@code augment.table}:
     * {@code {"labelColumn", "labels", "missingMarker", "missingText", "columns": [{"name", "kind", "categories",
     * "min", "max", "decimals", "missing"}]}}.
     *
     * @return a new JSON object
     */
    public ObjectNode toJson() {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode root = json.objectNode();
        root.put("labelColumn", labelColumn);
        ArrayNode labelArray = root.putArray("labels");
        labels.forEach(labelArray::add);
        root.put("missingMarker", missingMarker);
        root.put("missingText", missingText);
        ArrayNode columnArray = root.putArray("columns");
        for (TableColumn column : columns) {
            ObjectNode node = columnArray.addObject();
            node.put("name", column.name());
            node.put("kind", column.kind().name());
            ArrayNode categories = node.putArray("categories");
            column.categories().forEach(categories::add);
            node.put("min", column.min());
            node.put("max", column.max());
            node.put("decimals", column.decimals());
            node.put("missing", column.missing());
        }
        return root;
    }

    /**
     * Reads what {@link #toJson()} wrote; without {@code missingText} (a generator exported before 2 Dec 2026, when
     * the field came) a generated gap is written as the marker.
     *
     * @param json the JSON object
     * @return the schema
     * @throws IllegalArgumentException naming the field when a field is missing, has the wrong type or breaks a
     *     rule of the schema
     */
    public static TableSchema fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("table schema must be a JSON object");
        }
        List<TableColumn> columns = new ArrayList<>();
        for (JsonNode node : array(json, "columns")) {
            if (!node.isObject()) {
                throw new IllegalArgumentException("table schema 'columns' must hold objects");
            }
            String kindText = text(node, "kind");
            ColumnKind kind;
            try {
                kind = ColumnKind.valueOf(kindText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("table column kind '" + kindText + "' is not NUMERIC or CATEGORICAL",
                        e);
            }
            columns.add(new TableColumn(text(node, "name"), kind, strings(node, "categories"),
                    number(node, "min"), number(node, "max"), decimals(node),
                    integer(node, "missing")));
        }
        String marker = text(json, "missingMarker");
        // a generator exported before missingText existed wrote every generated gap as the marker
        return new TableSchema(columns, text(json, "labelColumn"), strings(json, "labels"), marker,
                json.hasNonNull("missingText") ? text(json, "missingText") : marker);
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("table schema field '" + name + "' is missing");
        }
        return value;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isTextual()) {
            throw new IllegalArgumentException("table schema field '" + name + "' must be a string");
        }
        return value.asText();
    }

    private static double number(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isNumber()) {
            throw new IllegalArgumentException("table schema field '" + name + "' must be a number");
        }
        return value.asDouble();
    }

    private static long integer(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException("table schema field '" + name + "' must be an integer");
        }
        return value.asLong();
    }

    private static int decimals(JsonNode node) {
        long decimals = integer(node, "decimals");
        if (decimals < 0 || decimals > TableColumn.MAX_DECIMALS) {
            throw new IllegalArgumentException("table schema field 'decimals' must be 0 to " + TableColumn.MAX_DECIMALS
                    + ", was " + decimals);
        }
        return (int) decimals;
    }

    private static JsonNode array(JsonNode node, String name) {
        JsonNode value = field(node, name);
        if (!value.isArray()) {
            throw new IllegalArgumentException("table schema field '" + name + "' must be an array");
        }
        return value;
    }

    private static List<String> strings(JsonNode node, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : array(node, name)) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("table schema field '" + name + "' must hold strings");
            }
            values.add(item.asText());
        }
        return values;
    }
}

package dev.augment.table;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.ConfigurableName;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.TribuoExamples;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.tribuo.ConfigurableDataSource;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A Tribuo {@code DataSource<Label>} over a CSV table, read by {@link TableReader}. Its examples have the features
 * Tribuo's own {@code CSVDataSource} gives with {@link TableSchema#rowProcessor()} (the same names and values; an
 * all-missing row keeps explicit zeros, see {@link TribuoExamples}), in file order, each with its row index as the
 * metadata {@value #ROW_KEY}.
 *
 * <p><b>OLCUT.</b> The file, the label column, the forced column kinds and the missing-value marker are
 * {@code @Config} fields ({@code dataPath}, {@code labelColumn}, {@code numericColumns}, {@code categoricalColumns},
 * {@code missingMarker}), so a configuration file can describe the source (and an {@code AugmentingDataSource} over
 * it); a file that cannot be read as a labelled table is a {@link PropertyException} naming {@code dataPath}, a
 * column forced both ways one naming {@code categoricalColumns}. A source read from a file this way, or by
 * {@link #CsvTableSource(Path, String, Map, String)}, has a {@link CsvTableSourceProvenance}: the configuration, the
 * SHA-256 of the file's bytes and the row count, from which OLCUT's {@code ProvenanceUtil.extractConfiguration}
 * rebuilds it. A source read with a known layout or over a table in memory cannot be described by those fields;
 * its provenance is a description (the file or origin, the label column, the row count and the file's SHA-256).
 */
public final class CsvTableSource implements SchemaDataSource, ConfigurableDataSource<Label> {

    /**
     * Example metadata: the row index (from 0, as a decimal string) of the table row the example is, kept by ROS
     * copies of it in the Tribuo plugin, so that a writer can write the row as the CSV spells it.
     */
    public static final String ROW_KEY = "augment.row";

    @Config(mandatory = true, description = "The CSV file: a header row, one example per row.")
    private Path dataPath;
    @Config(mandatory = true, description = "The header of the label (class) column.")
    private String labelColumn;
    @Config(description = "Columns read as numbers whatever their cells hold (augment train --numeric).")
    private List<String> numericColumns = new ArrayList<>();
    @Config(description = "Columns read as categories even when every cell is a number (augment train --categorical).")
    private List<String> categoricalColumns = new ArrayList<>();
    @Config(description = "The text of a missing cell; an empty cell is missing too. Default: ?")
    private String missingMarker = TableSchema.DEFAULT_MISSING_MARKER;
    @Config(description = "The SHA-256 (64 hex digits) the file's bytes must have; optional. Filled in when the "
            + "file is "
            + "read, so a configuration extracted from a model's provenance rebuilds its data only from the same file.")
    private String dataSha256;
    @ConfigurableName
    private String configName;

    private final LabelFactory factory = new LabelFactory();
    private Path location;
    private Table table;
    private SampleSchema schema;
    private String[] featureNames;
    private DataSourceProvenance provenance;
    /** The read the table came from; null for a table made in memory. */
    private TableFile file;
    /** The column notes of a table read from its configuration ({@link #notes()}). */
    private List<String> notes = List.of();

    private static final java.util.logging.Logger LOGGER = java.util.logging.Logger.getLogger(
            CsvTableSource.class.getName());

    /** For OLCUT, which sets the {@code @Config} fields and then calls {@link #postConfig()}. */
    private CsvTableSource() {
    }

    /**
     * Reads a CSV table.
     *
     * @param csv the CSV file
     * @param labelColumn the header of the label column
     * @param overrides kinds forced on some columns, by header (see {@link TableReader#read(Path, String, Map)})
     * @throws InvalidDataException when the file cannot be read as a labelled table
     */
    public CsvTableSource(Path csv, String labelColumn, Map<String, ColumnKind> overrides) {
        this(csv, labelColumn, overrides, TableSchema.DEFAULT_MISSING_MARKER);
    }

    /**
     * Reads a CSV table whose missing cells are marked by {@code missingMarker} (or empty).
     *
     * @param csv the CSV file
     * @param labelColumn the header of the label column
     * @param overrides kinds forced on some columns, by header
     * @param missingMarker the text of a missing cell (see {@link TableReader#checkMissingMarker(String)})
     * @throws InvalidDataException when the file cannot be read as a labelled table
     * @throws dev.augment.errors.InvalidSettingException (setting {@code missingMarker}) for a marker a cell cannot be
     */
    public CsvTableSource(Path csv, String labelColumn, Map<String, ColumnKind> overrides, String missingMarker) {
        if (csv == null) {
            throw new dev.augment.errors.InvalidSettingException("csv", "is null; give the table's path");
        }
        this.dataPath = csv;
        this.labelColumn = labelColumn;
        this.missingMarker = missingMarker;
        // null overrides are none; a null kind names its column (both were a bare NullPointerException, 6 Dec)
        (overrides == null ? Map.<String, ColumnKind>of() : overrides).forEach((column, kind) -> {
            if (column == null) {
                throw new dev.augment.errors.InvalidSettingException("overrides", "holds a column named null; name "
                        + "each column by its header");
            }
            if (kind == null) {
                throw new dev.augment.errors.InvalidSettingException("overrides", "column '" + column + "' is given "
                        + "no kind; give ColumnKind.NUMERIC or ColumnKind.CATEGORICAL, or leave the column out");
            }
            (kind == ColumnKind.NUMERIC ? numericColumns : categoricalColumns).add(column);
        });
        numericColumns.sort(null);
        categoricalColumns.sort(null);
        readConfigured();
    }

    /**
     * Used by OLCUT: reads the configured file.
     *
     * @throws PropertyException naming {@code dataPath} when the file cannot be read as a labelled table (missing,
     *     empty, ragged, …), {@code labelColumn}, {@code numericColumns} or {@code categoricalColumns} for a column
     *     the header lacks (or, for the kinds, the label column; for {@code numericColumns}, a column holding text),
     *     {@code categoricalColumns} for a column also in
     *     {@code numericColumns}, {@code missingMarker} for a marker a cell cannot be, {@code dataSha256} for a file
     *     whose bytes have another digest
     */
    @Override
    public void postConfig() {
        Set<String> both = new java.util.TreeSet<>(numericColumns);
        both.retainAll(categoricalColumns);
        if (!both.isEmpty()) {
            throw new PropertyException(componentName(), "categoricalColumns", "column(s) " + both
                    + " are in both numericColumns and categoricalColumns; name each in one of them");
        }
        // no cause: OLCUT would print the one-line reason twice ("… (caused by …)"), and the reason is all there is
        try {
            readConfigured();
        } catch (InvalidSettingException e) {
            // the reader words it with the command line's names ("missing must be …"): this field's name instead
            String field = field(e.setting());
            String message = e.getMessage().startsWith(e.setting() + " ")
                    ? field + e.getMessage().substring(e.setting().length()) : e.getMessage();
            throw new PropertyException(componentName(), field, message);
        } catch (InvalidDataException e) {
            String field = e.settingAtFault().map(CsvTableSource::field).orElse("dataPath");
            throw new PropertyException(componentName(), field, e.getMessage());
        }
    }

    /** @return the configuration field of a setting as the table reader names it (as the command line's options) */
    private static String field(String setting) {
        return switch (setting) {
            // the reader's own names since 7 Dec; labelColumn fell to the default and was called missingMarker
            case "label", "labelColumn" -> "labelColumn";
            case "numeric" -> "numericColumns";
            case "categorical" -> "categoricalColumns";
            case "missing", "missingMarker" -> "missingMarker";
            default -> setting;
        };
    }

    private void readConfigured() {
        Map<String, ColumnKind> overrides = new LinkedHashMap<>();
        numericColumns.forEach(c -> overrides.put(c, ColumnKind.NUMERIC));
        categoricalColumns.forEach(c -> overrides.put(c, ColumnKind.CATEGORICAL));
        file = TableReader.readFile(dataPath, labelColumn, overrides, missingMarker);
        // the data behind a model's provenance, rebuilt from whatever the file held by then, gave 126 rows where
        // the model saw 196, without a word (a fresh user, 6 Dec): the digest is checked, as generatorSha256 is
        if (dataSha256 != null && !dataSha256.strip().equalsIgnoreCase(file.sha256())) {
            throw new PropertyException(componentName(), "dataSha256", "dataSha256 is not that of the file at "
                    + dataPath + " (" + file.sha256() + ") but " + dataSha256.strip() + ": the file has changed since "
                    + "this configuration was recorded, so the examples would differ; put that file back, or leave "
                    + "dataSha256 out to read the file as it is now");
        }
        dataSha256 = file.sha256();
        use(file.table(), dataPath);
        provenance = new CsvTableSourceProvenance(this, file.sha256(), table.rows());
        // the notes the command line prints ("note: column 'a' is read as categories …"), in this class's field
        // names; a fresh user's configured source read such a column silently (3 Dec)
        List<String> found = new ArrayList<>(ColumnAdvice.lines(table, ColumnRemedies.CONFIGURATION));
        found.addAll(ColumnAdvice.leadingZeros(table, file.cellsInLayoutOrder(), ColumnRemedies.CONFIGURATION));
        found.addAll(ColumnAdvice.thousandsDots(table, file.cellsInLayoutOrder()));
        found.addAll(ColumnAdvice.fewCellsDecimals(table, file.cellsInLayoutOrder()));
        TrailingZeroColumn.find(table, file.cellsInLayoutOrder()).forEach(c -> found.add(c.advice(
                ColumnRemedies.CONFIGURATION)));
        notes = List.copyOf(found);
        notes.forEach(note -> LOGGER.info(dataPath + ": note: " + note));
    }

    /**
     * @return for a table read from its configuration or by {@link #CsvTableSource(Path, String, Map, String)}, the
     *     notes the command line prints about its columns ({@link ColumnAdvice}: read as categories although nearly
     *     all numbers, a different value in every row, leading zeros, thousands dots), each fix worded with this
     *     class's fields; also logged at {@code INFO} when read; for a table read with a known layout
     *     ({@link #CsvTableSource(Path, TableSchema)}), the header columns it leaves out, logged as a warning; empty
     *     for other sources
     */
    public List<String> notes() {
        return notes;
    }

    private static Table requireRows(Table table) {
        if (table == null) {
            throw new dev.augment.errors.InvalidSettingException("table", "is null; give the rows to read");
        }
        return table;
    }

    private static Path requirePath(Path csv) {
        if (csv == null) {
            throw new dev.augment.errors.InvalidSettingException("csv", "is null; give the table's path");
        }
        return csv;
    }

    private static TableSchema requireLayout(TableSchema schema) {
        if (schema == null) {
            throw new dev.augment.errors.InvalidSettingException("schema", "is null; give the layout to read the table "
                    + "with (a table generator's, OnnxGenerator.metadata().table()), or read the table with its own");
        }
        return schema;
    }

    private String componentName() {
        return configName == null ? "" : configName;
    }

    /**
     * Reads a CSV table with a known layout, e.g. a generator's table: its examples have exactly that layout's
     * feature names, whatever categories this file happens to hold (see {@link TableReader#read(Path, TableSchema)}).
     * Header columns the layout does not read are ignored, and named by {@link #unreadColumns()}. Its provenance is a
     * description (the file, its SHA-256 and the layout's label column), not a configuration: a model trained on it
     * cannot be rebuilt with Tribuo's {@code ProvenanceUtil.extractConfiguration} (OLCUT says "source is mandatory");
     * Tribuo's {@code new CSVDataSource<>(csv, schema.rowProcessor(), true)} reads the file the same way and can be.
     *
     * @param csv the CSV file
     * @param schema the layout to read it with
     * @throws InvalidDataException when the file cannot be read with that layout
     */
    public CsvTableSource(Path csv, TableSchema schema) {
        this(TableReader.readFile(requirePath(csv), requireLayout(schema)), csv, "csv table " + csv + " read with a "
                + "known layout, label column '" + schema.labelColumn() + "'");
        // the plugin's own advice led here, and a column the layout lacks left every real example without a word
        // (a fresh user, 6 Dec): said in notes() and logged as a warning
        List<String> unread = file.unreadColumns();
        if (!unread.isEmpty()) {
            notes = List.of((unread.size() == 1 ? "column '" : "columns '") + String.join("', '", unread)
                    + (unread.size() == 1 ? "' is" : "' are") + " not in the layout, so every example is read without "
                    + (unread.size() == 1 ? "it" : "them") + "; to keep " + (unread.size() == 1 ? "it" : "them")
                    + ", read the table with its own layout and train a generator on it");
            notes.forEach(note -> LOGGER.warning(csv + ": " + note));
        }
    }

    private CsvTableSource(TableFile file, Path csv, String description) {
        this(file.table(), csv, description + ", content sha256 " + file.sha256(), file);
    }

    /**
     * A source over a table already in memory, e.g. one split of a table.
     *
     * @param table the rows
     * @param location where they come from, for messages
     * @param description where they come from, for the provenance
     */
    public CsvTableSource(Table table, Path location, String description) {
        this(requireRows(table), location, description, null);
    }

    private CsvTableSource(Table table, Path location, String description, TableFile file) {
        this.file = file;
        use(table, location);
        this.provenance = new SimpleDataSourceProvenance(description + ", " + table.rows() + " rows",
                OffsetDateTime.now(), factory);
    }

    private void use(Table rows, Path where) {
        this.table = rows;
        this.location = where;
        this.schema = rows.schema().sampleSchema(null);
        this.featureNames = schema.featureNames().toArray(String[]::new);
    }

    /**
     * @return the text of each row's cells in the layout's order, from the same read as the rows (see
     *     {@link TableFile#cellsInLayoutOrder()})
     * @throws IllegalStateException for a source over a table already in memory, which has no cells
     */
    public List<String[]> cellsInLayoutOrder() {
        return read("cells").cellsInLayoutOrder();
    }

    /**
     * @return the file's header columns that the layout does not read (empty when the layout was inferred from the
     *     file)
     * @throws IllegalStateException for a source over a table already in memory
     */
    public List<String> unreadColumns() {
        return read("header").unreadColumns();
    }

    private TableFile read(String what) {
        if (file == null) {
            throw new IllegalStateException("this source holds a table made in memory, so it has no file " + what);
        }
        return file;
    }

    /** @return the rows this source yields */
    public Table table() {
        return table;
    }

    /** @return the table's layout */
    public TableSchema tableSchema() {
        return table.schema();
    }

    @Override
    public SampleSchema schema() {
        return schema;
    }

    @Override
    public Path location() {
        return location;
    }

    @Override
    public OutputFactory<Label> getOutputFactory() {
        return factory;
    }

    @Override
    public DataSourceProvenance getProvenance() {
        return provenance;
    }

    @Override
    public Iterator<Example<Label>> iterator() {
        List<Label> labels = table.schema().labels().stream().map(Label::new).toList();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < table.rows();
            }

            @Override
            public Example<Label> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int row = next++;
                Example<Label> example = TribuoExamples.present(labels.get(table.classes()[row]), featureNames,
                        table.values(row), presentIn(row));
                example.setMetadataValue(ROW_KEY, Integer.toString(row));
                return example;
            }
        };
    }

    /**
     * @return per feature, whether Tribuo's CSV reader gives it for this row: a numeric column's whenever its cell is
     *     not missing (a 0 included), a categorical column's for its category only
     */
    private boolean[] presentIn(int row) {
        boolean[] present = new boolean[featureNames.length];
        int[] offsets = table.schema().featureOffsets();
        for (int c = 0; c < offsets.length; c++) {
            if (table.schema().columns().get(c).isNumeric()) {
                present[offsets[c]] = !Double.isNaN(table.numeric()[row][c]);
            } else if (table.category()[row][c] >= 0) {
                present[offsets[c] + table.category()[row][c]] = true;
            }
        }
        return present;
    }

    @Override
    public String toString() {
        return "CsvTableSource(" + location + ")";
    }
}

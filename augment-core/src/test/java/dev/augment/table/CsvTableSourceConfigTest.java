package dev.augment.table;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import dev.augment.tribuo.AugmentedDataSourceProvenance;
import dev.augment.tribuo.AugmentingDataSource;
import dev.augment.tribuo.SyntheticExamples;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link CsvTableSource} from an OLCUT configuration, and its provenance turned back into that configuration. */
class CsvTableSourceConfigTest {

    private static final URL CONFIG = CsvTableSourceConfigTest.class.getResource("csv-table-config.xml");
    private static final Path CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv");

    @Test
    void configuredSourceReadsAsTheConstructorDoesWithTheForcedKinds() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        CsvTableSource configured = (CsvTableSource) cm.lookup("credit");
        CsvTableSource coded = new CsvTableSource(CREDIT, "class", Map.of("existing_credits", ColumnKind.CATEGORICAL));
        assertEquals(ColumnKind.CATEGORICAL, configured.tableSchema().columns()
                .get(configured.tableSchema().columnIndex("existing_credits")).kind(), "the forced kind is read");
        assertEquals(coded.tableSchema(), configured.tableSchema());
        assertEquals(rows(coded), rows(configured));
        CsvTableSourceProvenance provenance = assertInstanceOf(CsvTableSourceProvenance.class,
                configured.getProvenance());
        assertEquals(150, provenance.rows());
        assertEquals(64, provenance.sha256().length());
        assertEquals(provenance.sha256(), ((CsvTableSourceProvenance) coded.getProvenance()).sha256());
        assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance)));
    }

    @Test
    void smoteNcOverAConfiguredTableRebuildsFromItsProvenance() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        try (AugmentingDataSource smoted = (AugmentingDataSource) cm.lookup("smoted")) {
            List<String> added = synthetic(smoted);
            assertTrue(added.size() > 20, "the sample's smaller class is topped up: " + added.size());
            AugmentedDataSourceProvenance provenance = (AugmentedDataSourceProvenance) smoted.getProvenance();
            assertInstanceOf(CsvTableSourceProvenance.class, provenance.getConfiguredParameters()
                    .get(AugmentedDataSourceProvenance.SOURCE));
            assertEquals(provenance, ProvenanceUtil.unmarshalProvenance(ProvenanceUtil.marshalProvenance(provenance)));

            List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(provenance);
            ConfigurationManager rebuilt = new ConfigurationManager();
            rebuilt.addConfiguration(config);
            try (AugmentingDataSource again = (AugmentingDataSource) rebuilt.lookup(config.get(0).getName())) {
                assertEquals(added, synthetic(again), "the configuration rebuilt from provenance gives the same rows");
            }
        }
    }

    @Test
    void aSourceMadeInCodeRebuildsFromItsProvenanceToo() {
        CsvTableSource coded = new CsvTableSource(CREDIT, "class", Map.of("duration", ColumnKind.CATEGORICAL,
                "age", ColumnKind.NUMERIC), "NA");
        List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(coded.getProvenance());
        ConfigurationManager rebuilt = new ConfigurationManager();
        rebuilt.addConfiguration(config);
        CsvTableSource again = (CsvTableSource) rebuilt.lookup(config.get(0).getName());
        assertEquals(coded.tableSchema(), again.tableSchema());
        assertEquals("NA", again.tableSchema().missingMarker());
        assertEquals(rows(coded), rows(again));
    }

    /** A file changed since the provenance was recorded was read as it was now, without a word (6 Dec). */
    @Test
    void aConfigurationFromProvenanceRefusesAFileThatHasChanged(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path copy = dir.resolve("credit.csv");
        java.nio.file.Files.copy(CREDIT, copy);
        CsvTableSource coded = new CsvTableSource(copy, "class", Map.of());
        List<ConfigurationData> config = ProvenanceUtil.extractConfiguration(coded.getProvenance());
        ConfigurationManager same = new ConfigurationManager();
        same.addConfiguration(config);
        assertEquals(rows(coded), rows((CsvTableSource) same.lookup(config.get(0).getName())), "the same file");
        List<String> lines = java.nio.file.Files.readAllLines(copy);
        java.nio.file.Files.write(copy, lines.subList(0, 100));
        ConfigurationManager changed = new ConfigurationManager();
        changed.addConfiguration(config);
        PropertyException e = assertThrows(PropertyException.class, () -> changed.lookup(config.get(0).getName()));
        assertEquals("dataSha256", e.getProperty());
        assertTrue(e.getMessage().contains("the file has changed since this configuration was recorded"),
                e.getMessage());
    }

    @Test
    void badConfigurationsAreRefusedNamingTheField() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        PropertyException missing = assertThrows(PropertyException.class, () -> cm.lookup("missing-file"));
        assertEquals("dataPath", missing.getProperty());
        assertTrue(missing.getMessage().contains("no-such.csv"), missing.getMessage());
        assertTrue(!missing.getMessage().contains("caused by"), "the reason once: " + missing.getMessage());
        PropertyException both = assertThrows(PropertyException.class, () -> cm.lookup("both-kinds"));
        assertEquals("categoricalColumns", both.getProperty());
        assertTrue(both.getMessage().contains("[age]"), both.getMessage());
    }

    @Test
    void aColumnTheHeaderLacksOrTheLabelAsAFeatureBlamesTheFieldThatNamedIt() {
        // before 3 Dec every such case named dataPath, and the label forced as a category named missingMarker
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        PropertyException label = assertThrows(PropertyException.class, () -> cm.lookup("no-such-label"));
        assertEquals("labelColumn", label.getProperty());
        assertTrue(label.getMessage().contains("klass"), label.getMessage());
        PropertyException numeric = assertThrows(PropertyException.class, () -> cm.lookup("unknown-numeric"));
        assertEquals("numericColumns", numeric.getProperty());
        assertTrue(numeric.getMessage().contains("'no_such_column', given as numeric, is not in the header"),
                numeric.getMessage());
        PropertyException text = assertThrows(PropertyException.class, () -> cm.lookup("text-as-number"));
        assertEquals("numericColumns", text.getProperty());
        assertTrue(text.getMessage().contains("column 'purpose' is numeric but"), text.getMessage());
        PropertyException labelAsCategory = assertThrows(PropertyException.class,
                () -> cm.lookup("label-as-category"));
        assertEquals("categoricalColumns", labelAsCategory.getProperty());
        assertTrue(labelAsCategory.getMessage().contains("categoricalColumns 'class' is the label column"),
                labelAsCategory.getMessage());
        PropertyException marker = assertThrows(PropertyException.class, () -> cm.lookup("blank-marker"));
        assertEquals("missingMarker", marker.getProperty());
        assertTrue(marker.getMessage().contains("missingMarker must be"), marker.getMessage());
        // named missingMarker once the reader said labelColumn (a re-check, 7 Dec)
        PropertyException empty = assertThrows(PropertyException.class, () -> cm.lookup("empty-label"));
        assertEquals("labelColumn", empty.getProperty());
        assertTrue(empty.getMessage().contains("labelColumn must name the table's label column, was empty"),
                empty.getMessage());
    }

    @Test
    void aColumnWorthANoteIsNotedInTheFieldsNames(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // a fresh user's configured source read a column of numbers and one '1e400' as categories without a word
        StringBuilder csv = new StringBuilder("a,label\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i == 5 ? "1e400" : Integer.toString(i)).append(',').append(i % 2 == 0 ? "x" : "y").append('\n');
        }
        Path file = java.nio.file.Files.writeString(dir.resolve("t.csv"), csv);
        List<String> notes = new CsvTableSource(file, "label", Map.of(), "?").notes();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("column 'a' is read as categories"), notes.get(0));
        assertTrue(notes.get(0).contains("('a' in numericColumns)"), "the fix in the fields' names: " + notes.get(0));
        assertEquals(List.of(), new CsvTableSource(CREDIT, "class", Map.of()).notes(), "credit-g needs none");
    }

    private static List<String> rows(CsvTableSource source) {
        List<String> out = new ArrayList<>();
        for (Example<Label> example : source) {
            out.add(example.toString());
        }
        return out;
    }

    private static List<String> synthetic(AugmentingDataSource source) {
        List<String> out = new ArrayList<>();
        for (Example<Label> example : source) {
            if (SyntheticExamples.isSynthetic(example)) {
                assertEquals("smote-nc", example.getMetadataValue(SyntheticExamples.METHOD_KEY).orElseThrow());
                out.add(example.toString());
            }
        }
        return out;
    }

    /** Null column kinds and a null layout were bare NullPointerExceptions (a fresh user, 6 Dec). */
    @Test
    void nullArgumentsAreNamedSettings() {
        assertEquals(new CsvTableSource(CREDIT, "class", java.util.Map.of()).table().rows(),
                new CsvTableSource(CREDIT, "class", null).table().rows(), "null overrides are none");
        java.util.Map<String, ColumnKind> noKind = new java.util.HashMap<>();
        noKind.put("age", null);
        dev.augment.errors.InvalidSettingException kind = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidSettingException.class, () -> new CsvTableSource(CREDIT, "class", noKind));
        assertEquals("overrides", kind.setting());
        dev.augment.errors.InvalidSettingException layout = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidSettingException.class, () -> new CsvTableSource(CREDIT,
                        (dev.augment.table.TableSchema) null));
        assertEquals("schema", layout.setting());
        // and a null path, a null column name, null rows (a re-check, 6 Dec)
        assertEquals("csv", org.junit.jupiter.api.Assertions.assertThrows(dev.augment.errors.InvalidSettingException
                .class, () -> new CsvTableSource(null, "class", java.util.Map.of())).setting());
        java.util.Map<String, ColumnKind> nullName = new java.util.HashMap<>();
        nullName.put(null, ColumnKind.NUMERIC);
        assertEquals("overrides", org.junit.jupiter.api.Assertions.assertThrows(dev.augment.errors
                .InvalidSettingException.class, () -> new CsvTableSource(CREDIT, "class", nullName)).setting());
        assertEquals("table", org.junit.jupiter.api.Assertions.assertThrows(dev.augment.errors.InvalidSettingException
                .class, () -> new CsvTableSource((Table) null, CREDIT, "rows")).setting());
    }
}

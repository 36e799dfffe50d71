package dev.augment.table;

import dev.augment.data.DataSources;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.data.csv.CSVDataSource;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table's feature names and values are what Tribuo's own CSVDataSource reads with the schema's row processor. */
class TribuoCsvParityTest {

    @ParameterizedTest
    @CsvSource({"credit-g.csv,class", "glass.csv,Type", "soybean.csv,class", "diabetes.csv,class",
            "unbalanced.csv,Outcome"})
    void tribuoReadsTheSampleIntoExactlyTheSchemasFeatureNames(String file, String label) {
        Path csv = TableFiles.SAMPLES.resolve(file);
        TableSchema schema = TableReader.read(csv, label).schema();
        MutableDataset<Label> tribuo = new MutableDataset<>(new CSVDataSource<>(csv, schema.rowProcessor(), true));
        Set<String> names = StreamSupport.stream(tribuo.getFeatureMap().spliterator(), false)
                .map(VariableInfo::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(schema.featureNames()), names);
        assertEquals(schema.featureCount(), names.size());
        Set<String> labels = tribuo.getOutputInfo().getDomain().stream().map(Label::getLabel)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(schema.labels()), labels);
    }

    @ParameterizedTest
    @CsvSource({"credit-g.csv,class", "glass.csv,Type", "soybean.csv,class", "diabetes.csv,class"})
    void csvTableSourceGivesTribuosExamplesRowForRow(String file, String label) {
        Path csv = TableFiles.SAMPLES.resolve(file);
        SchemaDataSource ours = DataSources.open(csv, Split.TRAIN, null, label);
        assertInstanceOf(CsvTableSource.class, ours);
        Iterator<Example<Label>> theirs = new CSVDataSource<>(csv,
                ((CsvTableSource) ours).tableSchema().rowProcessor(), true).iterator();
        int rows = 0;
        for (Example<Label> example : ours) {
            assertTrue(theirs.hasNext());
            Example<Label> expected = theirs.next();
            assertEquals(expected.getOutput().getLabel(), example.getOutput().getLabel(), "row " + rows);
            assertEquals(values(expected), values(example), "row " + rows);
            rows++;
        }
        assertFalse(theirs.hasNext());
        assertEquals(150, rows);
        assertEquals(((CsvTableSource) ours).tableSchema().featureNames(), ours.schema().featureNames());
    }

    @Test
    void aCsvWithoutLabelColumnIsASettingErrorAndTheImageOnlyOpenRefusesIt() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> DataSources.open(TableFiles.CREDIT, Split.TRAIN, null, null));
        assertEquals("label", e.setting());
        InvalidDataException image = assertThrows(InvalidDataException.class,
                () -> DataSources.open(TableFiles.CREDIT, Split.TRAIN, null));
        assertTrue(image.getMessage().contains("label column"), image.getMessage());
    }

    /**
     * Feature name → value, zeros included: a numeric 0 Tribuo's reader gives is a present feature (XGBoost does not
     * read it as missing), and augment's examples must have it too (a fresh user found them leaving it out).
     */
    private static Map<String, Double> values(Example<Label> example) {
        Map<String, Double> values = new TreeMap<>();
        for (Feature f : example) {
            values.put(f.getName(), f.getValue());
        }
        return values;
    }
}

package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import dev.augment.cancel.CancellationToken;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.table.CsvTableSource;
import dev.augment.table.Table;
import dev.augment.table.TableReader;
import dev.augment.table.TableSchema;
import dev.augment.train.TrainingListener;
import dev.augment.train.table.TableGanSettings;
import dev.augment.train.table.TableGanTrainer;
import dev.augment.train.table.TableGeneratorExport;
import dev.augment.train.table.TrainedTableGan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.data.csv.CSVDataSource;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the plugin checks of a table source against a table generator, and how it weighs what it adds: a column on
 * another scale than the generator's (refused, or a warning), a generator file replaced under a configuration that
 * recorded its hash, a source lacking a feature the generator has (named), example weights carried over, and a
 * synthetic-share cap that is met exactly or refused when it allows nothing. Found by a fresh user of the API.
 */
class TableSourceChecksTest {

    private static final Path GLASS = Path.of("..", "datasets", "tabular-sample", "glass.csv");

    @TempDir
    static Path models;
    private static Path first;
    private static Path second;
    private static TableSchema schema;

    @BeforeAll
    static void trainTwoGenerators() throws Exception {
        Table table = TableReader.read(GLASS, "Type");
        schema = table.schema();
        first = train(table, 5, models.resolve("first.onnx"));
        second = train(table, 6, models.resolve("second.onnx"));
    }

    private static Path train(Table table, long seed, Path model) throws Exception {
        TableGanSettings settings = TableGanSettings.defaults(seed).withSteps(20).withWidths(List.of(32, 32));
        try (TrainedTableGan gan = new TableGanTrainer(settings, TrainingListener.NONE, new CancellationToken())
                .train(table)) {
            TableGeneratorExport.write(gan, TableGeneratorExport.metadata(gan, table, "test", "test"), model, "test");
        }
        return model;
    }

    /** @return glass's examples, each changed by {@code change} (which may return it as it is) */
    private static ListDataSource<Label> glass(UnaryOperator<Example<Label>> change) {
        List<Example<Label>> examples = new ArrayList<>();
        for (Example<Label> example : new CsvTableSource(GLASS, schema)) {
            examples.add(change.apply(example));
        }
        return new ListDataSource<>(examples, new LabelFactory(), new SimpleDataSourceProvenance("glass",
                new LabelFactory()));
    }

    private static Example<Label> scaled(Example<Label> example, String column, double divisor) {
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Feature f : example) {
            names.add(f.getName());
            values.add(f.getName().equals(column) ? f.getValue() / divisor : f.getValue());
        }
        Example<Label> copy = new ArrayExample<>(example.getOutput(), names.toArray(String[]::new),
                values.stream().mapToDouble(Double::doubleValue).toArray());
        copy.setWeight(example.getWeight());
        return copy;
    }

    @Test
    void aColumnOnAnotherScaleIsRefusedForTheGanAndAllowedForRos() {
        ListDataSource<Label> milli = glass(e -> scaled(e, "Si", 1000));
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(milli,
                    generator, AugmentationPolicy.balance(), 1L, 1f));
            assertTrue(e.getMessage().contains("column 'Si'") && e.getMessage().contains("other units"),
                    e.getMessage());
            // ROS copies the source's own rows, so the generator's ranges do not matter (only its layout is read)
            try (AugmentingDataSource ros = new AugmentingDataSource(milli, generator, AugmentationPolicy.balance(),
                    MethodSettings.of(OversamplingMethod.ROS), 1L, 1f)) {
                assertTrue(ros.warnings().stream().noneMatch(w -> w.contains("'Si'")), ros.warnings().toString());
            }
        }
    }

    /** Tribuo's FieldResponseProcessor upper-cases labels by default; the refusal said nothing of case (5 Dec). */
    @Test
    void labelsThatDifferOnlyInCaseAreNamedSo() {
        ListDataSource<Label> upper = glass(e -> {
            List<String> names = new ArrayList<>();
            e.forEach(f -> names.add(f.getName()));
            return new ArrayExample<>(new Label(e.getOutput().getLabel().toUpperCase(java.util.Locale.ROOT)),
                    names.toArray(String[]::new), valuesOf(e));
        });
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(upper,
                    generator, AugmentationPolicy.balance(), 1L, 1f));
            assertTrue(e.getMessage().contains("which the generator does not know") && e.getMessage().contains(
                    "differs only in case: Tribuo's FieldResponseProcessor upper-cases labels unless its uppercase "
                    + "option is false"), e.getMessage());
        }
    }

    /** DoubleFieldProcessor names a numeric column 'Al@value'; the refusal named no way out (a fresh user, 6 Dec). */
    @Test
    void aCsvReadWithTribuosDefaultNamesIsToldTheGeneratorsLayout() throws Exception {
        Map<String, org.tribuo.data.columnar.FieldProcessor> fields = new HashMap<>();
        for (String column : List.of("RI", "Na", "Mg", "Al", "Si", "K", "Ca", "Ba", "Fe")) {
            fields.put(column, new org.tribuo.data.columnar.processors.field.DoubleFieldProcessor(column));
        }
        CSVDataSource<Label> loaded = new CSVDataSource<>(GLASS, new org.tribuo.data.columnar.RowProcessor<>(
                new org.tribuo.data.columnar.processors.response.FieldResponseProcessor<>(List.of("Type"), List.of(""),
                        new LabelFactory(), false, false), fields), true);
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(loaded,
                    generator, AugmentationPolicy.balance(), 1L, 1f));
            assertTrue(e.getMessage().contains("; Tribuo's DoubleFieldProcessor names a numeric column '")
                    && e.getMessage().contains("read the CSV with the generator's layout, new CSVDataSource<>(csv, "
                    + "generator.metadata().table().rowProcessor(), true) (which a model's provenance can rebuild)"),
                    e.getMessage());
            // and the way named works
            try (AugmentingDataSource read = new AugmentingDataSource(new CSVDataSource<>(GLASS,
                    generator.metadata().table().rowProcessor(), true), generator, AugmentationPolicy.balance(), 1L,
                    1f)) {
                assertTrue(read.syntheticCounts().values().stream().mapToInt(Integer::intValue).sum() > 0);
            }
        }
    }

    /**
     * A numeric column read as categories (IdentityProcessor: 'Al@1.54') was refused without a fix (a Tribuo user,
     * 7 Dec): the column and the processor that reads it as the generator does are named.
     */
    @Test
    void aNumericColumnReadAsCategoriesIsToldToReadItAsANumber() throws Exception {
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU)) {
            Map<String, org.tribuo.data.columnar.FieldProcessor> fields = new HashMap<>(generator.metadata().table()
                    .rowProcessor().getFieldProcessors());
            fields.put("Al", new org.tribuo.data.columnar.processors.field.IdentityProcessor("Al"));
            CSVDataSource<Label> loaded = new CSVDataSource<>(GLASS, new org.tribuo.data.columnar.RowProcessor<>(
                    generator.metadata().table().rowProcessor().getResponseProcessor(), fields), true);
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(loaded,
                    generator, AugmentationPolicy.balance(), 1L, 1f));
            assertTrue(e.getMessage().contains("the source reads column 'Al' as categories (Tribuo's IdentityProcessor "
                    + "names them 'Al@") && e.getMessage().contains("new DoubleFieldProcessor(\"Al\", true)"),
                    e.getMessage());
        }
    }

    /** An image generator on a table source was refused on a label, without a word of images (a Tribuo user). */
    @Test
    void anImageGeneratorOnATableSourceSaysItMakesImages() {
        try (OnnxGenerator images = OnnxGenerator.load(java.nio.file.Path.of("..", "models", "fashion-mnist.onnx"),
                ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(glass(x -> x),
                    images, AugmentationPolicy.balance(), 1L, 1f));
            assertTrue(e.getMessage().contains("the source's first example has no feature of the generator's")
                    && e.getMessage().contains("the generator makes images of shape [1, 28, 28]"), e.getMessage());
        }
    }

    private static double[] valuesOf(Example<Label> example) {
        double[] values = new double[example.size()];
        int i = 0;
        for (Feature f : example) {
            values[i++] = f.getValue();
        }
        return values;
    }

    @Test
    void aFewValuesOutsideTheGeneratorsRangeGiveAWarning() {
        int[] row = {0};
        // every fifth row's Si in other units: 20% outside, a warning and no refusal
        ListDataSource<Label> some = glass(e -> row[0]++ % 5 == 0 ? scaled(e, "Si", 1000) : e);
        ListDataSource<Label> same = glass(e -> e);
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU);
             AugmentingDataSource warned = new AugmentingDataSource(some, generator, AugmentationPolicy.balance(),
                     1L, 1f);
             AugmentingDataSource clean = new AugmentingDataSource(same, generator, AugmentationPolicy.balance(),
                     1L, 1f)) {
            assertTrue(warned.warnings().stream().anyMatch(w -> w.contains("column 'Si'") && w.contains("30 of 150")),
                    warned.warnings().toString());
            assertTrue(clean.warnings().stream().noneMatch(w -> w.contains("trained on [")),
                    clean.warnings().toString());
        }
    }

    @Test
    void aConfigurationFromProvenanceRefusesAnotherGeneratorSavedUnderItsPath(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("glass.onnx");
        Files.copy(first, model);
        List<ConfigurationData> config;
        Map<String, Integer> counts;
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU);
             AugmentingDataSource augmented = new AugmentingDataSource(new CSVDataSource<>(GLASS,
                     schema.rowProcessor(), true), generator, AugmentationPolicy.balance(), 3L, 1f)) {
            config = ProvenanceUtil.extractConfiguration(augmented.getProvenance());
            counts = augmented.syntheticCounts();
        }
        ConfigurationManager same = new ConfigurationManager();
        same.addConfiguration(config);
        try (AugmentingDataSource again = (AugmentingDataSource) same.lookup(config.get(0).getName())) {
            assertEquals(counts, again.syntheticCounts()); // the same file still rebuilds the source
        }
        Files.copy(second, model, StandardCopyOption.REPLACE_EXISTING);
        ConfigurationManager replaced = new ConfigurationManager();
        replaced.addConfiguration(config);
        PropertyException e = assertThrows(PropertyException.class, () -> replaced.lookup(config.get(0).getName()));
        assertEquals("generatorSha256", e.getProperty());
        assertTrue(e.getMessage().contains("another model"), e.getMessage());
        // a hash cut to the 16 digits of the examples' augment.generator is no hash of a file (this changes config)
        ConfigurationManager prefix = new ConfigurationManager();
        prefix.addConfiguration(config);
        prefix.overrideConfigurableProperty(config.get(0).getName(), "generatorSha256",
                new com.oracle.labs.mlrg.olcut.config.property.SimpleProperty("a0392f0aedb52210"));
        PropertyException malformed = assertThrows(PropertyException.class,
                () -> prefix.lookup(config.get(0).getName()));
        assertTrue(malformed.getMessage().contains("must be the 64 hex digits"), malformed.getMessage());
    }

    @Test
    void aSourceLackingAGeneratorColumnIsToldWhichOne(@TempDir Path dir) throws Exception {
        Path withoutFe = dir.resolve("glass-without-fe.csv");
        List<String> lines = Files.readAllLines(GLASS);
        int fe = List.of(lines.get(0).split(",")).indexOf("Fe");
        List<String> cut = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(fe);
            cut.add(String.join(",", cells));
        }
        Files.write(withoutFe, cut);
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(
                    new CsvTableSource(withoutFe, "Type", Map.of()), generator, AugmentationPolicy.balance(), 1L, 1f));
            assertTrue(e.getMessage().contains("the source lacks the generator's feature 'Fe'"), e.getMessage());
        }
    }

    /**
     * A configured CsvTableSource reading a column as categories that the generator read as numbers was told a fix in
     * Java code (a Tribuo user, 6 Dec): the column and the configuration field are named.
     */
    @Test
    void aColumnReadAsAnotherKindNamesTheConfigurationField() throws Exception {
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(
                    new CsvTableSource(GLASS, "Type", Map.of("Ba", dev.augment.table.ColumnKind.CATEGORICAL)),
                    generator, AugmentationPolicy.balance(), 1L, 1f));
            assertTrue(e.getMessage().contains("column 'Ba' is read as categories by the source but as numbers by the "
                    + "generator; read it as the generator does: in a configuration, list it in the CsvTableSource's "
                    + "numericColumns (and not in categoricalColumns)"), e.getMessage());
        }
    }

    /** The advice to read in the generator's layout dropped a column the generator lacks without a word (6 Dec). */
    @Test
    void aSourceWithAColumnTheGeneratorLacksIsToldThatTheLayoutLeavesItOut(@TempDir Path dir) throws Exception {
        Path withExtra = dir.resolve("glass-with-extra.csv");
        List<String> lines = Files.readAllLines(GLASS);
        List<String> extended = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            extended.add((i == 0 ? "batch" : i % 2 == 0 ? "x" : "y") + "," + lines.get(i));
        }
        Files.write(withExtra, extended);
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(
                    new CsvTableSource(withExtra, "Type", Map.of()), generator, AugmentationPolicy.balance(), 1L, 1f));
            assertTrue(e.getMessage().contains("the generator lacks 2 of the source's features")
                    && e.getMessage().contains("leaves out of the real examples too any column it was not trained on; "
                    + "to keep such a column, train a generator on this table"), e.getMessage());
            CsvTableSource inLayout = new CsvTableSource(withExtra, generator.metadata().table());
            assertEquals(1, inLayout.notes().size(), "the left-out column is noted: " + inLayout.notes());
            assertTrue(inLayout.notes().get(0).startsWith("column 'batch' is not in the "
                    + "layout"), inLayout.notes().get(0));
        }
    }

    @Test
    void addedExamplesWeighWhatTheRealOnesTheyStandForWeigh() {
        // every real example of the first class weighs 0.2, the rest 1
        String heavyless = schema.labels().get(0);
        ListDataSource<Label> weighted = glass(e -> {
            Example<Label> copy = scaled(e, "none", 1);
            copy.setWeight(e.getOutput().getLabel().equals(heavyless) ? 0.2f : 1f);
            return copy;
        });
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU)) {
            for (OversamplingMethod method : List.of(OversamplingMethod.ROS, OversamplingMethod.SMOTE,
                    OversamplingMethod.GAN)) {
                Map<String, Integer> added = new HashMap<>();
                try (AugmentingDataSource augmented = new AugmentingDataSource(weighted, generator,
                        AugmentationPolicy.multiply(2), MethodSettings.of(method), 1L, 0.5f)) {
                    for (Example<Label> example : augmented) {
                        if (SyntheticExamples.isSynthetic(example)) {
                            float real = example.getOutput().getLabel().equals(heavyless) ? 0.2f : 1f;
                            assertEquals(0.5f * real, example.getWeight(), 1e-6, method + " " + example);
                            added.merge(example.getOutput().getLabel(), 1, Integer::sum);
                        }
                    }
                }
                assertTrue(added.get(heavyless) > 0, method + " added to the light class: " + added);
            }
        }
    }

    @Test
    void aSyntheticShareCapIsMetExactlyAndOneThatAllowsNothingIsRefused() {
        ListDataSource<Label> source = glass(e -> e);
        // 150 real rows and a share of 0.3 allow floor(0.3 × 150 / 0.7) = 64 added; rounding each class down gave fewer
        try (AugmentingDataSource capped = new AugmentingDataSource(source, AugmentationPolicy.multiply(3)
                .withMaxSyntheticShare(0.3), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f)) {
            assertEquals(64, capped.syntheticCounts().values().stream().mapToInt(Integer::intValue).sum());
        }
        PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(source,
                AugmentationPolicy.multiply(3).withMaxSyntheticShare(0.001), MethodSettings.of(OversamplingMethod.ROS),
                1L, 1f));
        assertEquals("maxSyntheticShare", e.getProperty());
        // 1/151 = 0.00662 rounds to 0.0066, which still allows none; 0.0067 allows one
        assertTrue(e.getMessage().contains("allows no added example beside 150 real ones")
                && e.getMessage().contains("at least 0.0067,"), e.getMessage());
    }

    @Test
    void aColumnShrunkIntoTheGeneratorsRangeGivesAWarning() {
        // K in other units: divided by 18 it stays inside [0, 6.21] but spans a tenth of it at most
        ListDataSource<Label> shrunk = glass(e -> scaled(e, "K", 18));
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU);
             AugmentingDataSource warned = new AugmentingDataSource(shrunk, generator, AugmentationPolicy.balance(),
                     1L, 1f)) {
            assertTrue(warned.warnings().stream().anyMatch(w -> w.contains("column 'K'")
                    && w.contains("span a tenth of that or less")), warned.warnings().toString());
        }
    }

    @Test
    void aMixThatGeneratesNothingIsNotRangeCheckedAndABadHashOrWeightIsRefused() {
        ListDataSource<Label> milli = glass(e -> scaled(e, "Si", 1000));
        try (OnnxGenerator generator = OnnxGenerator.load(first, ExecutionDevice.CPU)) {
            try (AugmentingDataSource mix = new AugmentingDataSource(milli, generator, AugmentationPolicy.balance(),
                    MethodSettings.of(OversamplingMethod.MIX).withGeneratedShare(0), 1L, 1f)) {
                assertTrue(mix.addedSources().size() > 0);
            }
            ListDataSource<Label> nanWeight = glass(e -> {
                Example<Label> copy = scaled(e, "none", 1);
                copy.setWeight(Float.NaN);
                return copy;
            });
            PropertyException weight = assertThrows(PropertyException.class, () -> new AugmentingDataSource(nanWeight,
                    generator, AugmentationPolicy.balance(), 1L, 1f));
            assertTrue(weight.getMessage().contains("has the Tribuo weight NaN"), weight.getMessage());
        }
    }
}

package dev.augment.table;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.onnx.GeneratorLayer;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.SampleSchema;
import dev.augment.tribuo.AugmentationPolicy;
import dev.augment.tribuo.AugmentingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A CSV table goes through the Tribuo plugin like any source: AugmentingDataSource balances it with a table generator. */
class TablePluginTest {

    @TempDir
    Path dir;

    @Test
    void augmentingACsvTableSourceWithATableGeneratorBalancesItInTheTablesFeatureNames() throws IOException {
        Table credit = TableReader.read(TableFiles.CREDIT, "class");
        Path model = writeGenerator(dir.resolve("credit.onnx"), credit);
        CsvTableSource source = new CsvTableSource(TableFiles.CREDIT, credit.schema());
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            AugmentingDataSource augmented = new AugmentingDataSource(source, generator, AugmentationPolicy.balance());
            MutableDataset<Label> data = new MutableDataset<>(augmented);
            Map<String, Integer> counts = new HashMap<>();
            Set<String> names = new HashSet<>();
            for (Example<Label> example : data) {
                counts.merge(example.getOutput().getLabel(), 1, Integer::sum);
                for (Feature f : example) {
                    names.add(f.getName());
                }
            }
            assertEquals(Map.of("good", 105, "bad", 105), counts);
            assertTrue(credit.schema().featureNames().containsAll(names), names.toString());
        }
    }

    @Test
    void aSourceWithoutOneOfTheGeneratorsColumnsIsRefused() throws IOException {
        Table credit = TableReader.read(TableFiles.CREDIT, "class");
        Path model = writeGenerator(dir.resolve("credit.onnx"), credit);
        org.tribuo.DataSource<Label> source = without("duration", TableFiles.CREDIT, credit.schema());
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            com.oracle.labs.mlrg.olcut.config.PropertyException e = org.junit.jupiter.api.Assertions.assertThrows(
                    com.oracle.labs.mlrg.olcut.config.PropertyException.class,
                    () -> new AugmentingDataSource(source, generator, AugmentationPolicy.balance()));
            assertEquals("source", e.getProperty());
            assertTrue(e.getMessage().contains("no example of the source has column 'duration', which the generator "
                    + "writes in every row"), e.getMessage());
        }
    }

    @Test
    void aSourceWithoutAColumnThatMayBeAllZeroGetsAWarning() throws IOException {
        Table glass = TableReader.read(TableFiles.GLASS, "Type");
        assertEquals(0, glass.schema().columns().stream().filter(c -> c.name().equals("Fe")).findFirst().orElseThrow()
                .min(), "the sample's Fe holds 0");
        Path model = writeGenerator(dir.resolve("glass.onnx"), glass, 0.5f, 0.5f); // in [0, 1]: inside glass's range
        org.tribuo.DataSource<Label> source = without("Fe", TableFiles.GLASS, glass.schema());
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU);
             AugmentingDataSource augmented = new AugmentingDataSource(source, generator,
                     AugmentationPolicy.balance())) {
            assertTrue(augmented.warnings().stream().anyMatch(w -> w.startsWith("no example of the source has column "
                    + "'Fe', which the generator writes in every row; fine if its values are all 0")),
                    augmented.warnings().toString());
        }
    }

    /** @return the table's rows as a plain Tribuo source whose examples lack the feature {@code name} */
    private static org.tribuo.DataSource<Label> without(String name, Path csv, TableSchema schema) {
        List<Example<Label>> rows = new java.util.ArrayList<>();
        for (Example<Label> example : new CsvTableSource(csv, schema)) {
            org.tribuo.impl.ArrayExample<Label> copy = new org.tribuo.impl.ArrayExample<>(example.getOutput());
            for (Feature f : example) {
                if (!f.getName().equals(name)) {
                    copy.add(f.getName(), f.getValue());
                }
            }
            rows.add(copy);
        }
        org.tribuo.classification.LabelFactory factory = new org.tribuo.classification.LabelFactory();
        return new org.tribuo.datasource.ListDataSource<>(rows, factory,
                new org.tribuo.provenance.SimpleDataSourceProvenance(csv + " without " + name, factory));
    }

    private static Path writeGenerator(Path file, Table table) throws IOException {
        return writeGenerator(file, table, 1f, 0f);
    }

    private static Path writeGenerator(Path file, Table table, float scale, float shift) throws IOException {
        SampleSchema schema = table.schema().sampleSchema(table.examplesPerClass());
        SplittableRandom random = new SplittableRandom(5);
        int latent = 4;
        int embedding = 2;
        int in = latent + embedding;
        int f = schema.featureCount();
        GeneratorGraph graph = new GeneratorGraph(latent, gaussian(random, schema.classCount() * embedding),
                schema.classCount(), embedding,
                List.of(new GeneratorLayer.Dense(gaussian(random, f * in), gaussian(random, f), f, in),
                        new GeneratorLayer.Tanh()), scale, shift);
        GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(graph, new ModelMetadata(schema, latent,
                JsonNodeFactory.instance.objectNode(), null, table.schema()), "test"), file);
        return file;
    }

    private static float[] gaussian(SplittableRandom random, int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * 0.5);
        }
        return values;
    }
}

package dev.augment.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.Label;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Inputs the plugin cannot use at all are refused when the source is built, not by a later exception. */
class UnusableInputsTest {

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aSourceOfAnotherOutputTypeIsRefusedNamingItsFactory() {
        ClusteringFactory factory = new ClusteringFactory();
        List<Example<ClusterID>> examples = List.of(
                new ArrayExample<>(new ClusterID(0), new String[] {"a"}, new double[] {1}),
                new ArrayExample<>(new ClusterID(1), new String[] {"a"}, new double[] {2}));
        DataSource<Label> clusters = (DataSource) new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("clusters", factory));

        PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(clusters,
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
        assertEquals("source", e.getProperty());
        assertTrue(e.getMessage().contains("ClusteringFactory"), e.getMessage());
    }

    /** A ClusterID behind a LabelFactory (raw types) was a bare ClassCastException (a fresh user, 5 Dec). */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void anExampleWhoseOutputIsNoLabelIsNamed() {
        List examples = new java.util.ArrayList<>(List.of(
                new ArrayExample<>(new Label("a"), new String[] {"x"}, new double[] {1}),
                new ArrayExample<>(new Label("b"), new String[] {"x"}, new double[] {2})));
        examples.add(new ArrayExample<>(new ClusterID(0), new String[] {"x"}, new double[] {3}));
        DataSource<Label> mixed = new ListDataSource<>((List<Example<Label>>) examples, new LabelFactory(),
                new SimpleDataSourceProvenance("mixed", new LabelFactory()));
        PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(mixed,
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
        assertEquals("source", e.getProperty());
        assertTrue(e.getMessage().contains("source example 2's output is a ClusterID, not a Tribuo Label"),
                e.getMessage());
    }

    /** A custom source whose iterator() returns null gave a bare NullPointerException (a Tribuo user, 6 Dec). */
    @Test
    void aSourceWhoseIteratorIsNullIsNamed() {
        LabelFactory factory = new LabelFactory();
        DataSource<Label> broken = source("broken", factory, () -> null);
        // null from the first call, and null only from the second (a re-check found SMOTE's second read unchecked)
        List<Example<Label>> rows = List.of(new ArrayExample<>(new Label("a"), new String[] {"x"}, new double[] {1}),
                new ArrayExample<>(new Label("a"), new String[] {"x"}, new double[] {2}),
                new ArrayExample<>(new Label("a"), new String[] {"x"}, new double[] {3}),
                new ArrayExample<>(new Label("b"), new String[] {"x"}, new double[] {9}),
                new ArrayExample<>(new Label("b"), new String[] {"x"}, new double[] {8}));
        boolean[] read = {false};
        DataSource<Label> onceOnly = source("once only", factory, () -> {
            boolean first = !read[0];
            read[0] = true;
            return first ? rows.iterator() : null;
        });
        List<Map.Entry<DataSource<Label>, OversamplingMethod>> cases = List.of(Map.entry(broken,
                OversamplingMethod.ROS), Map.entry(broken, OversamplingMethod.SMOTE),
                Map.entry(onceOnly, OversamplingMethod.SMOTE)); // SMOTE reads the source twice as it is built
        for (Map.Entry<DataSource<Label>, OversamplingMethod> one : cases) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(one.getKey(),
                    AugmentationPolicy.counts(Map.of("b", 1)), MethodSettings.of(one.getValue()), 1L, 1f));
            assertEquals("source", e.getProperty());
            assertTrue(e.getMessage().contains("returned null from iterator(); a Tribuo DataSource must return an "
                    + "iterator"), e.getMessage());
        }
    }

    /** @return a Tribuo source whose {@code iterator()} is the supplier's */
    private static DataSource<Label> source(String name, LabelFactory factory,
                                            java.util.function.Supplier<java.util.Iterator<Example<Label>>> iterators) {
        return new DataSource<>() {
            @Override
            public java.util.Iterator<Example<Label>> iterator() {
                return iterators.get();
            }

            @Override
            public org.tribuo.OutputFactory<Label> getOutputFactory() {
                return factory;
            }

            @Override
            public org.tribuo.provenance.DataSourceProvenance getProvenance() {
                return new SimpleDataSourceProvenance(name, factory);
            }
        };
    }

    /** A source labelled with the generator's class names was told only the labels 0..9 (a fresh user, 5 Dec). */
    @Test
    void aSourceLabelledByClassNamesIsToldWhichLabelEachNameIs() {
        List<Example<Label>> named = new java.util.ArrayList<>();
        for (Example<Label> example : OversamplingMethodsTest.imbalanced()) {
            List<String> names = new java.util.ArrayList<>();
            List<Double> values = new java.util.ArrayList<>();
            example.forEach(f -> {
                names.add(f.getName());
                values.add(f.getValue());
            });
            named.add(new ArrayExample<>(new Label(example.getOutput().getLabel().equals("0") ? "T-shirt/top"
                    : example.getOutput().getLabel()), names.toArray(new String[0]),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        DataSource<Label> source = new ListDataSource<>(named, new LabelFactory(),
                new SimpleDataSourceProvenance("named", new LabelFactory()));
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(source,
                    generator, AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f));
            assertTrue(e.getMessage().contains("('T-shirt/top' is the generator's class name of label '0'"),
                    e.getMessage());
        }
    }

    /** Tribuo's IDX reader labels by class index, a generator of class folders by name (a fresh user, 7 Dec). */
    @Test
    void aSourceLabelledByClassIndexIsToldWhichClassEachIndexIs() {
        try (OnnxGenerator generator = OnnxGenerator.load(Path.of("..", "models", "cifar10.onnx"),
                ExecutionDevice.CPU)) {
            List<String> names = generator.metadata().schema().featureNames();
            java.util.Random random = new java.util.Random(1);
            List<Example<Label>> indexed = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                double[] values = new double[names.size()];
                for (int f = 0; f < values.length; f++) {
                    values[f] = 1 + random.nextInt(255);
                }
                indexed.add(new ArrayExample<>(new Label(Integer.toString(i % 2)), names.toArray(new String[0]),
                        values));
            }
            DataSource<Label> source = new ListDataSource<>(indexed, new LabelFactory(),
                    new SimpleDataSourceProvenance("idx", new LabelFactory()));
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(source,
                    generator, AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f));
            assertTrue(e.getMessage().contains("('0' is the index of the generator's class 'airplane': the source "
                    + "labels by class index, as Tribuo's IDXDataSource does"), e.getMessage());
        }
    }

    @Test
    void tribuoIdxImagesOfAnotherSizeAreRefusedThoughTheirFeatureNamesAreTheGenerators(@TempDir Path dir)
            throws IOException {
        // Tribuo names 14×14 pixels 000..195, every one also a 28×28 generator's name: they were mixed in silently
        int count = 20;
        ByteBuffer images = ByteBuffer.allocate(16 + count * 14 * 14).putInt(0x00000803).putInt(count).putInt(14)
                .putInt(14);
        ByteBuffer labels = ByteBuffer.allocate(8 + count).putInt(0x00000801).putInt(count);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 14 * 14; p++) {
                images.put((byte) random.nextInt(256));
            }
            labels.put((byte) (i % 2 == 0 ? 2 : 7));
        }
        Path imageFile = Files.write(dir.resolve("small-images-idx3-ubyte"), images.array());
        Path labelFile = Files.write(dir.resolve("small-labels-idx1-ubyte"), labels.array());
        Path data = Path.of("..", "datasets", "fashion-mnist-sample");
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            IDXDataSource<Label> small = new IDXDataSource<>(imageFile, labelFile, new LabelFactory());
            PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(
                    small, generator, AugmentationPolicy.counts(Map.of("2", 5)), MethodSettings.of(
                    OversamplingMethod.GAN), 1L, 1f));
            assertEquals("source", e.getProperty());
            assertTrue(e.getMessage().contains("the source's IDX images are 14×14 but the generator's are 28×28"),
                    e.getMessage());

            // the same images copied into a ListDataSource (or a MutableDataset's) have no IDX header to read
            ListDataSource<Label> listed = new ListDataSource<>(toList(small), new LabelFactory(),
                    new SimpleDataSourceProvenance("14×14 images", new LabelFactory()));
            PropertyException copied = assertThrows(PropertyException.class, () -> new AugmentingDataSource(
                    listed, generator, AugmentationPolicy.counts(Map.of("2", 5)), MethodSettings.of(
                    OversamplingMethod.GAN), 1L, 1f));
            assertTrue(copied.getMessage().contains("no example of the source has a pixel beyond feature '195' (196 of "
                    + "the generator's 784 28×28 pixels)"), copied.getMessage());

            IDXDataSource<Label> right = new IDXDataSource<>(data.resolve("train-images-idx3-ubyte.gz"),
                    data.resolve("train-labels-idx1-ubyte.gz"), new LabelFactory());
            assertEquals(5, new AugmentingDataSource(right, generator, AugmentationPolicy.counts(Map.of("2", 5)),
                    MethodSettings.of(OversamplingMethod.GAN), 1L, 1f).syntheticCounts().get("2"));
            ListDataSource<Label> rightListed = new ListDataSource<>(toList(right), new LabelFactory(),
                    new SimpleDataSourceProvenance("28×28 images", new LabelFactory()));
            assertEquals(5, new AugmentingDataSource(rightListed, generator, AugmentationPolicy.counts(Map.of("2", 5)),
                    MethodSettings.of(OversamplingMethod.GAN), 1L, 1f).syntheticCounts().get("2"));
        }
    }

    private static List<Example<Label>> toList(DataSource<Label> source) {
        List<Example<Label>> examples = new java.util.ArrayList<>();
        source.forEach(examples::add);
        return examples;
    }

    @Test
    void aClosedGeneratorIsRefusedBeforeAnyWork() {
        OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU);
        generator.close();
        DataSource<Label> real = OversamplingMethodsTest.imbalanced();

        PropertyException e = assertThrows(PropertyException.class,
                () -> new AugmentingDataSource(real, generator, AugmentationPolicy.balance()));
        assertEquals("generator", e.getProperty());
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }

    /** Closed while a source built on it was read, a negative stream index, a class index outside the model's. */
    @Test
    void aGeneratorClosedMidReadOrGivenAnIndexOutsideItsRangeSaysWhatToDo() {
        DataSource<Label> real = OversamplingMethodsTest.imbalanced();
        OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU);
        dev.augment.errors.InvalidSettingException first = assertThrows(
                dev.augment.errors.InvalidSettingException.class, () -> generator.generate(0, 1L, -1, 2));
        assertEquals("first", first.setting());
        int classes = generator.metadata().schema().classCount();
        dev.augment.errors.InvalidSettingException index = assertThrows(
                dev.augment.errors.InvalidSettingException.class, () -> generator.generate(classes, 1L, 0, 2));
        assertTrue(index.getMessage().contains("classIndex must be from 0 to " + (classes - 1)), index.getMessage());
        AugmentingDataSource source = new AugmentingDataSource(real, generator,
                AugmentationPolicy.counts(Map.of("2", 3)), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f);
        generator.close();
        IllegalStateException closed = assertThrows(IllegalStateException.class, () -> source.forEach(x -> { }));
        assertTrue(closed.getMessage().contains("is closed; keep it open while anything built on it (an "
                + "AugmentingDataSource) is read"), closed.getMessage());
        // a relative generatorPath resolves against the working folder, which the message now shows
        Path relative = Path.of("no-such-folder", "g.onnx");
        dev.augment.errors.ModelContractException missing = assertThrows(
                dev.augment.errors.ModelContractException.class,
                () -> OnnxGenerator.load(relative, ExecutionDevice.CPU));
        assertTrue(missing.getMessage().contains("model file not found (looked for " + relative.toAbsolutePath()
                .normalize() + ")"), missing.getMessage());
    }
}

package dev.augment.tribuo;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.onnx.GeneratorLayer;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Tribuo-API half of the bad-input corpus (issue 13): an {@link AugmentingDataSource} described in an
 * OLCUT configuration file with one bad setting. Each case asserts that looking it up fails with an OLCUT
 * {@link PropertyException} naming the field, whose one-line message names the value (and the file, for a
 * bad generator), and that nothing is written next to the configuration.
 */
class TribuoBadInputCorpusTest {

    private static final Path DATA = Path.of("..", "datasets", "fashion-mnist-sample").toAbsolutePath().normalize();
    private static final Path MODEL = Path.of("..", "models", "fashion-mnist.onnx").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** Writes a case's files under the folder and returns the properties of the augmented component. */
    @FunctionalInterface
    interface Setup {
        String properties(Path dir) throws IOException;
    }

    /**
     * @param setup the bad files and the component's properties
     * @param field the field the error must name
     * @param mentions what its message must contain
     */
    record Case(Setup setup, String field, List<String> mentions) {
    }

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "generator file missing", d -> generator(d.resolve("nope.onnx")), "generatorPath", "nope.onnx");
        add(cases, "generator file empty", d -> generator(Files.write(d.resolve("empty.onnx"), new byte[0])),
                "generatorPath", "empty.onnx");
        add(cases, "generator file corrupt", d -> generator(Files.write(d.resolve("corrupt.onnx"), new byte[] {1, 2, 3})),
                "generatorPath", "corrupt.onnx");
        add(cases, "generator file truncated", d -> {
            byte[] whole = Files.readAllBytes(MODEL);
            return generator(Files.write(d.resolve("half.onnx"), java.util.Arrays.copyOf(whole, whole.length / 2)));
        }, "generatorPath", "half.onnx");
        add(cases, "generator path is a folder", d -> generator(Files.createDirectory(d.resolve("folder.onnx"))),
                "generatorPath", "folder.onnx");
        add(cases, "valid ONNX file that is not a generator", d -> generator(nonGenerator(d.resolve("identity.onnx"))),
                "generatorPath", "identity.onnx", "augment.contract_version");
        add(cases, "generator for other features than the source's", d -> generator(smallGenerator(
                d.resolve("tiny.onnx"))), "source", "does not match the generator", "28×28", "2×2");
        add(cases, "multiply by a negative factor", d -> generator(MODEL) + prop("mode", "MULTIPLY") + prop("factor", "-2"),
                "factor", "-2");
        add(cases, "multiply by zero", d -> generator(MODEL) + prop("mode", "MULTIPLY") + prop("factor", "0"),
                "factor", "0");
        add(cases, "balance a class the generator does not know", d -> generator(MODEL)
                + "<propertylist name=\"classes\"><item>unicorn</item></propertylist>", "classes", "unicorn");
        add(cases, "count of a class the generator does not know", d -> generator(MODEL) + prop("mode", "COUNTS")
                + "<propertymap name=\"counts\"><entry key=\"unicorn\" value=\"3\"/></propertymap>", "counts", "unicorn");
        add(cases, "negative count", d -> generator(MODEL) + prop("mode", "COUNTS")
                + "<propertymap name=\"counts\"><entry key=\"sneaker\" value=\"-5\"/></propertymap>", "counts", "-5");
        add(cases, "synthetic weight 0", d -> generator(MODEL) + prop("syntheticWeight", "0"), "syntheticWeight", "0");
        add(cases, "synthetic weight above 1", d -> generator(MODEL) + prop("syntheticWeight", "1.5"),
                "syntheticWeight", "1.5");
        add(cases, "synthetic share 0", d -> generator(MODEL) + prop("maxSyntheticShare", "0"), "maxSyntheticShare", "0");
        add(cases, "synthetic share above 1", d -> generator(MODEL) + prop("maxSyntheticShare", "2"),
                "maxSyntheticShare", "2");
        add(cases, "batch size 0", d -> generator(MODEL) + prop("batchSize", "0"), "batchSize", "0");
        add(cases, "unknown mode", d -> generator(MODEL) + prop("mode", "DOUBLE"), "mode", "DOUBLE");
        add(cases, "unknown device", d -> generator(MODEL) + prop("device", "TPU"), "device", "TPU");
        add(cases, "non-numeric seed", d -> generator(MODEL) + prop("seed", "seven"), "seed", "seven");
        add(cases, "GAN method without a generator", d -> prop("method", "GAN"), "generatorPath");
        add(cases, "SMOTE with 0 neighbours", d -> prop("method", "SMOTE") + prop("k", "0"), "k", "0");
        add(cases, "unknown method", d -> prop("method", "ADASYN"), "method", "ADASYN");
        // settings the method or mode does not read: refused, as the command line refuses an unused option
        add(cases, "counts without mode COUNTS", d -> prop("method", "ROS")
                + "<propertymap name=\"counts\"><entry key=\"7\" value=\"3\"/></propertymap>", "counts", "BALANCE");
        add(cases, "factor without mode MULTIPLY", d -> prop("method", "ROS") + prop("factor", "3"), "factor", "3.0",
                "BALANCE");
        add(cases, "classes with mode COUNTS", d -> prop("method", "ROS") + prop("mode", "COUNTS")
                + "<propertymap name=\"counts\"><entry key=\"7\" value=\"3\"/></propertymap>"
                + "<propertylist name=\"classes\"><item>7</item></propertylist>", "classes", "COUNTS");
        add(cases, "k with ROS", d -> prop("method", "ROS") + prop("k", "3"), "k", "ros", "3");
        add(cases, "k with a hybrid on ROS", d -> generator(MODEL) + prop("method", "HYBRID") + prop("baseline", "ROS")
                + prop("k", "3"), "k", "hybrid on ros");
        add(cases, "baseline with SMOTE", d -> prop("method", "SMOTE") + prop("baseline", "ROS"), "baseline", "ROS");
        add(cases, "generatedRatio with GAN", d -> generator(MODEL) + prop("method", "GAN")
                + prop("generatedRatio", "2"), "generatedRatio", "2.0");
        add(cases, "generatedShare with HYBRID", d -> generator(MODEL) + prop("method", "HYBRID")
                + prop("generatedShare", "0.3"), "generatedShare", "0.3");
        add(cases, "ganFilter with SMOTE", d -> prop("method", "SMOTE") + prop("ganFilter", "2"), "ganFilter", "2.0");
        add(cases, "batchSize with SMOTE", d -> prop("method", "SMOTE") + prop("batchSize", "64"), "batchSize", "64");
        add(cases, "device without a generator", d -> prop("method", "ROS") + prop("device", "CPU"), "device", "CPU");
        add(cases, "ROS with a missing generator file", d -> prop("method", "ROS") + generator(d.resolve("nope.onnx")),
                "generatorPath", "nope.onnx");
        add(cases, "more examples than a Java list holds", d -> prop("method", "ROS") + prop("mode", "COUNTS")
                + "<propertymap name=\"counts\"><entry key=\"7\" value=\"2147483647\"/></propertymap>", "counts",
                "2147483647", "Java list");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void badSettingIsAPropertyExceptionNamingFieldAndValue(Case c) throws IOException {
        Path cases = Files.createDirectory(dir.resolve("case"));
        Path config = Files.writeString(dir.resolve("augment-config.xml"), config(c.setup().properties(cases)));
        List<String> before = listing();

        ConfigurationManager cm = new ConfigurationManager(config.toString());
        PropertyException e = assertThrows(PropertyException.class, () -> {
            try (AugmentingDataSource augmented = (AugmentingDataSource) cm.lookup("augmented")) {
                augmented.realCounts();
            }
        });

        assertEquals(c.field(), e.getProperty(), e.getMessage());
        String message = e.getMessage();
        assertFalse(message.contains("\n"), "one line: " + message);
        for (String mention : c.mentions()) {
            assertTrue(message.contains(mention), "'" + mention + "' missing from: " + message);
        }
        assertEquals(before, listing(), "nothing written next to the configuration");
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    private static String config(String augmentedProperties) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<config>\n"
                + "<component name=\"labels\" type=\"org.tribuo.classification.LabelFactory\"/>\n"
                + "<component name=\"train\" type=\"org.tribuo.datasource.IDXDataSource\">"
                + prop("featuresPath", DATA.resolve("train-images-idx3-ubyte.gz").toString())
                + prop("outputPath", DATA.resolve("train-labels-idx1-ubyte.gz").toString())
                + prop("outputFactory", "labels") + "</component>\n"
                + "<component name=\"augmented\" type=\"dev.augment.tribuo.AugmentingDataSource\">"
                + prop("source", "train") + augmentedProperties + "</component>\n</config>\n";
    }

    /** @return a generator of 2x2 images of two classes, random weights (the source has 28x28 images of ten) */
    private static Path smallGenerator(Path file) throws IOException {
        List<String> features = List.of("0", "1", "2", "3");
        SampleSchema schema = new SampleSchema(features, List.of(1, 2, 2), 0, 255, List.of("0", "1"), List.of("a", "b"));
        GeneratorGraph graph = new GeneratorGraph(2, new float[] {0.1f, 0.2f, 0.3f, 0.4f}, 2, 2,
                List.of(new GeneratorLayer.Dense(new float[16], new float[4], 4, 4), new GeneratorLayer.Tanh()),
                127.5f, 127.5f);
        ModelMetadata metadata = new ModelMetadata(schema, 2, JsonNodeFactory.instance.objectNode(), null);
        GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(graph, metadata, "test"), file);
        return file;
    }

    /** @return a valid ONNX model that is not a generator: y = Identity(x), no metadata */
    private static Path nonGenerator(Path file) throws IOException {
        OnnxMl.TypeProto vector = OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())).build();
        OnnxMl.GraphProto graph = OnnxMl.GraphProto.newBuilder().setName("identity")
                .addInput(OnnxMl.ValueInfoProto.newBuilder().setName("x").setType(vector))
                .addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("y").setType(vector))
                .addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").addInput("x").addOutput("y")).build();
        return Files.write(file, OnnxMl.ModelProto.newBuilder().setIrVersion(8).setGraph(graph)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setVersion(13)).build().toByteArray());
    }

    private static String generator(Path file) {
        return prop("generatorPath", file.toString());
    }

    private static String prop(String name, String value) {
        return "<property name=\"" + name + "\" value=\"" + value + "\"/>";
    }

    private static void add(List<Arguments> cases, String name, Setup setup, String field, String... mentions) {
        cases.add(Arguments.of(Named.of(name, new Case(setup, field, List.of(mentions)))));
    }
}

package dev.augment.train;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of the ONNX checker ({@code onnx.checker.check_model}) that an exported generator must
 * follow: IR version and opset import set, every input and output typed with a shape, nodes in
 * topological order (every input defined before use), unique output names.
 */
class OnnxCheckerRulesTest {

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void exportedModelFollowsTheCheckerRules(Architecture arch, @TempDir Path dir) throws Exception {
        TinyData data = new TinyData(4, 8, 8, 1);
        GanSettings settings = GanSettings.defaults(arch, 1, 16, 2);
        Path file = dir.resolve("g.onnx");
        try (TrainedGan gan = new GanTrainer(data.schema, settings, TrainingListener.NONE)
                .train(data.features, data.labels, dir.resolve("ckpt"), false)) {
            ModelMetadata metadata = new ModelMetadata(data.schema, settings.latentDim(),
                    JsonNodeFactory.instance.objectNode(), null);
            GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(gan.exportGraph(), metadata, "test"), file);
        }
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(file));
        assertEquals(8, model.getIrVersion());
        assertEquals(1, model.getOpsetImportCount());
        assertEquals("", model.getOpsetImport(0).getDomain());
        assertEquals(13, model.getOpsetImport(0).getVersion());
        OnnxMl.GraphProto graph = model.getGraph();
        assertEquals(2, graph.getInputCount());
        assertEquals(1, graph.getOutputCount());
        for (OnnxMl.ValueInfoProto value : concat(graph)) {
            assertTrue(value.getType().hasTensorType(), value.getName() + " has no tensor type");
            assertTrue(value.getType().getTensorType().getElemType() != 0, value.getName() + " has no element type");
            assertTrue(value.getType().getTensorType().hasShape(), value.getName() + " has no shape");
        }
        assertEquals(OnnxMl.TensorProto.DataType.INT64.getNumber(),
                graph.getInput(1).getType().getTensorType().getElemType());
        Set<String> defined = new HashSet<>();
        graph.getInputList().forEach(v -> defined.add(v.getName()));
        graph.getInitializerList().forEach(t -> assertTrue(defined.add(t.getName()), "duplicate " + t.getName()));
        for (OnnxMl.NodeProto node : graph.getNodeList()) {
            for (String input : node.getInputList()) {
                assertTrue(input.isEmpty() || defined.contains(input), node.getName() + " uses undefined " + input);
            }
            for (String output : node.getOutputList()) {
                assertTrue(defined.add(output), "output defined twice: " + output);
            }
        }
        graph.getOutputList().forEach(v -> assertTrue(defined.contains(v.getName()), "undefined output " + v.getName()));
    }

    private static java.util.List<OnnxMl.ValueInfoProto> concat(OnnxMl.GraphProto graph) {
        java.util.List<OnnxMl.ValueInfoProto> all = new java.util.ArrayList<>(graph.getInputList());
        all.addAll(graph.getOutputList());
        return all;
    }
}

package dev.augment.onnx;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import dev.augment.errors.ModelContractException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphChecksumTest {

    @ParameterizedTest
    @ValueSource(strings = {"fashion-mnist.onnx", "cifar10.onnx"})
    void shippedModelsCarryTheirGraphsChecksumAndADamagedWeightIsRefused(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("..", "models", name));
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(bytes);
        String recorded = model.getMetadataPropsList().stream()
                .filter(e -> e.getKey().equals(GeneratorContract.KEY_GRAPH_SHA256))
                .map(OnnxMl.StringStringEntryProto::getValue).findFirst().orElseThrow();
        assertEquals(GraphChecksum.of(model.getGraph()), recorded);
        assertDoesNotThrow(() -> GraphChecksum.verify(bytes, name));

        byte[] damaged = flipOneWeightBit(model).toByteArray();
        ModelContractException e = assertThrows(ModelContractException.class,
                () -> GraphChecksum.verify(damaged, name));
        assertTrue(e.getMessage().startsWith(name + ": the file is damaged"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fashion-mnist.onnx"})
    void aFileWithoutAChecksumLoadsAsBefore(String name) throws IOException {
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(Path.of("..", "models", name)));
        OnnxMl.ModelProto.Builder older = model.toBuilder().clearMetadataProps();
        model.getMetadataPropsList().stream().filter(e -> !e.getKey().equals(GeneratorContract.KEY_GRAPH_SHA256))
                .forEach(older::addMetadataProps);
        byte[] damagedWithoutChecksum = flipOneWeightBit(older.build()).toByteArray();
        assertDoesNotThrow(() -> GraphChecksum.verify(damagedWithoutChecksum, name), "nothing to check against");
        assertEquals(1, GraphChecksum.stamp(older.build()).getMetadataPropsList().stream()
                .filter(e -> e.getKey().equals(GeneratorContract.KEY_GRAPH_SHA256)).count());
    }

    private static OnnxMl.ModelProto flipOneWeightBit(OnnxMl.ModelProto model) {
        OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
        int largest = 0;
        for (int i = 0; i < graph.getInitializerCount(); i++) {
            if (graph.getInitializer(i).getRawData().size() > graph.getInitializer(largest).getRawData().size()) {
                largest = i;
            }
        }
        OnnxMl.TensorProto.Builder weight = graph.getInitializerBuilder(largest);
        byte[] raw = weight.getRawData().toByteArray();
        raw[raw.length / 2] ^= 0x40;
        weight.setRawData(ByteString.copyFrom(raw));
        return model.toBuilder().setGraph(graph).build();
    }
}

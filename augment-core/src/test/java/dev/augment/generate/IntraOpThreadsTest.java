package dev.augment.generate;

import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The intra-op thread count of {@link OnnxGenerator#load(Path, ExecutionDevice, int)} (one per Spark task). */
class IntraOpThreadsTest {

    private static final Path MODEL = Path.of("..", "models", "fashion-mnist.onnx");

    @Test
    void oneIntraOpThreadGivesTheSameSamplesAsOnnxRuntimesDefault() {
        try (OnnxGenerator byDefault = OnnxGenerator.load(MODEL, ExecutionDevice.CPU);
             OnnxGenerator oneThread = OnnxGenerator.load(MODEL, ExecutionDevice.CPU, 1)) {
            assertArrayEquals(byDefault.generate(4, 77L, 10, 300), oneThread.generate(4, 77L, 10, 300));
        }
    }

    @Test
    void aNegativeThreadCountNamesItsSetting() {
        assertEquals("intraOpThreads", assertThrows(InvalidSettingException.class,
                () -> OnnxGenerator.load(MODEL, ExecutionDevice.CPU, -1)).setting());
    }
}

package dev.augment.spark;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratorOptionsTest {

    private static final ModelFile MODEL = new ModelFile("/models/m.onnx", "ab".repeat(32));

    @Test
    void optionsSurviveTheDataSourcesStringMapWhateverTheKeyCase() {
        GeneratorOptions options = new GeneratorOptions(MODEL, -5L,
                List.of(new GenerationSlice(7, 0, 17), new GenerationSlice(7, 17, 16), new GenerationSlice(0, 0, 3)));
        assertEquals(options, GeneratorOptions.from(options.toMap()));
        Map<String, String> upper = new HashMap<>();
        options.toMap().forEach((k, v) -> upper.put(k.toUpperCase(), v));
        assertEquals(options, GeneratorOptions.from(upper));
    }

    @Test
    void aMissingOptionPointsToAugmentSpark() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GeneratorOptions.from(Map.of("model", "/m.onnx")));
        assertTrue(e.getMessage().contains("AugmentSpark.generate"), e.getMessage());
    }
}

package dev.augment.tribuo;

import dev.augment.data.DataSources;
import dev.augment.data.GenerationRecord;
import dev.augment.data.Split;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Tribuo user who wraps generate's output takes generated examples for real ones; the plugin says so (5 Dec). */
class GeneratedDataWarningTest {

    private static Path classFolders(Path folder) throws IOException {
        for (String name : List.of("cat", "dog")) {
            Files.createDirectories(folder.resolve(name));
            for (int i = 0; i < 4; i++) {
                BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
                image.getRaster().setSample(i % 4, 0, 0, 50 + i * 20 + (name.equals("cat") ? 0 : 100));
                javax.imageio.ImageIO.write(image, "png", folder.resolve(name).resolve("00000" + (i + 1) + ".png")
                        .toFile());
            }
        }
        return folder;
    }

    @Test
    void wrappingGeneratedOutputIsAWarning(@TempDir Path dir) throws IOException {
        Path data = classFolders(dir.resolve("data"));
        AugmentingDataSource real = new AugmentingDataSource(DataSources.open(data, Split.TRAIN, null),
                AugmentationPolicy.counts(java.util.Map.of("cat", 2)), MethodSettings.of(OversamplingMethod.ROS),
                1L, 1f);
        assertFalse(real.warnings().stream().anyMatch(w -> w.contains("generate's output")),
                real.warnings().toString());
        new GenerationRecord("/m/g.onnx", 1, "png", 4, List.of("cat", "dog")).write(data);
        AugmentingDataSource generated = new AugmentingDataSource(DataSources.open(data, Split.TRAIN, null),
                AugmentationPolicy.counts(java.util.Map.of("cat", 2)), MethodSettings.of(OversamplingMethod.ROS),
                1L, 1f);
        assertTrue(generated.warnings().contains(data + " is augment generate's output (its generated.json: 4 samples "
                + "of each of 2 classes from /m/g.onnx, seed 1): every example in it is generated, so the examples "
                + "this source calls real are generated too"), generated.warnings().toString());
    }
}

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

    /** Of a folder holding generate's images and others, "the examples it calls real are generated too" read as all. */
    @Test
    void aFolderOfGeneratedAndOtherImagesSaysSomeAreGenerated(@TempDir Path dir) throws IOException {
        Path data = classFolders(dir.resolve("data"));
        new GenerationRecord("/m/g.onnx", 1, "png", 3, List.of("cat", "dog")).write(data);
        Files.writeString(data.resolve("classes.csv"), "index,label,name,folder\n0,cat,cat,cat\n1,dog,dog,dog\n");
        AugmentingDataSource mixed = new AugmentingDataSource(DataSources.open(data, Split.TRAIN, null),
                AugmentationPolicy.counts(java.util.Map.of("cat", 2)), MethodSettings.of(OversamplingMethod.ROS),
                1L, 1f);
        assertTrue(mixed.warnings().stream().anyMatch(w -> w.contains("6 of its 8 examples are generated, so some of "
                + "the examples this source calls real are generated")), mixed.warnings().toString());
    }

    /** The README's own IDXDataSource example over generate's IDX output gave no warning (a fresh user, 5 Dec). */
    @Test
    void tribuosIdxSourceOverGeneratedOutputIsAWarningToo(@TempDir Path dir) throws IOException {
        java.io.ByteArrayOutputStream images = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(images);
        out.writeInt(0x00000803);
        out.writeInt(8);
        out.writeInt(2);
        out.writeInt(2);
        for (int i = 0; i < 8; i++) {
            out.write(new byte[] {(byte) (10 * i + 1), (byte) (i % 2 == 0 ? 200 : 30), 5, (byte) i});
        }
        java.io.ByteArrayOutputStream labels = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream lout = new java.io.DataOutputStream(labels);
        lout.writeInt(0x00000801);
        lout.writeInt(8);
        for (int i = 0; i < 8; i++) {
            lout.write(i % 2);
        }
        Path imageFile = Files.write(dir.resolve("images-idx3-ubyte"), images.toByteArray());
        Path labelFile = Files.write(dir.resolve("labels-idx1-ubyte"), labels.toByteArray());
        org.tribuo.datasource.IDXDataSource<org.tribuo.classification.Label> tribuo =
                new org.tribuo.datasource.IDXDataSource<>(imageFile, labelFile,
                        new org.tribuo.classification.LabelFactory());
        AugmentingDataSource real = new AugmentingDataSource(tribuo, AugmentationPolicy.counts(
                java.util.Map.of("0", 2)), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        assertFalse(real.warnings().stream().anyMatch(w -> w.contains("generate's output")), real.warnings().toString());
        new GenerationRecord("/m/g.onnx", 1, "idx", 4, List.of("a", "b")).write(dir);
        AugmentingDataSource generated = new AugmentingDataSource(tribuo, AugmentationPolicy.counts(
                java.util.Map.of("0", 2)), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
        assertTrue(generated.warnings().stream().anyMatch(w -> w.startsWith(dir + " is augment generate's output")
                && w.endsWith("so the examples this source calls real are generated too")),
                generated.warnings().toString());
    }
}

package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same image under two labels is an example no classifier can learn: class folders got a note, but IDX files of
 * 30 identical images under labels 0, 1 and 2 trained without a word (a fresh user, 6 Dec).
 */
class CrossClassCopiesNoteTest {

    @Test
    void idxImagesOfTwoLabelsAreNamedByTrain(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("idx"));
        int count = 30;
        int side = 8;
        java.util.Random random = new java.util.Random(3);
        try (DataOutputStream images = new DataOutputStream(Files.newOutputStream(data.resolve("images-idx3-ubyte")));
             DataOutputStream labels = new DataOutputStream(Files.newOutputStream(data.resolve("labels-idx1-ubyte")))) {
            images.writeInt(0x803);
            images.writeInt(count);
            images.writeInt(side);
            images.writeInt(side);
            labels.writeInt(0x801);
            labels.writeInt(count);
            for (int i = 0; i < count; i++) {
                int label = i % 3;
                for (int p = 0; p < side * side; p++) {
                    images.writeByte(label == 2 ? random.nextInt(256) : 0); // labels 0 and 1: the same blank image
                }
                labels.writeByte(label);
            }
        }
        CliRun train = CliRun.of("train", "--data", data.toString(), "--steps", "2", "--check-samples", "0",
                "--batch-size", "8", "--out", dir.resolve("m.onnx").toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains(": classes '0' and '1' share 1 image pixel for pixel (20 examples of the two) "
                + "(the same pixels in both)"), train.out());
        assertFalse(train.out().contains("'0' and '2'"), train.out());
    }
}

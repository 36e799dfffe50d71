package dev.augment.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input 16-nan-pixel (test resources {@code bad-inputs/16-nan-pixel}): a float32 IDX file with a NaN pixel
 * (image 3, pixel 18 of 8x8) exits 3 at load, before any training, with one line naming the file, the image, the
 * feature and the value, and writes nothing; the same for +Infinity and -Infinity.
 */
class NonFiniteValuesCommandTest {

    /** Where the README's file holds its NaN: byte offset of image 3, pixel 18 after the 16-byte header. */
    private static final int NAN_OFFSET = 16 + 4 * (3 * 64 + 18);

    @ParameterizedTest
    @CsvSource({"NaN, train", "Infinity, train", "-Infinity, train", "NaN, evaluate", "-Infinity, score"})
    void nonFinitePixelExitsThreeAtLoadNamingFileImageFeatureAndValue(String value, String command,
                                                                      @TempDir Path dir)
            throws IOException, URISyntaxException {
        Path original = BadInputs.of("16-nan-pixel", ".");
        Path images = dir.resolve("images");
        byte[] bytes = Files.readAllBytes(original.resolve("images"));
        assertTrue(Float.isNaN(ByteBuffer.wrap(bytes).getFloat(NAN_OFFSET)), "the README's NaN is where it says");
        ByteBuffer.wrap(bytes).putFloat(NAN_OFFSET, Float.parseFloat(value));
        Files.write(images, bytes);
        Path labels = Files.copy(original.resolve("labels"), dir.resolve("labels"));
        String data = images + "," + labels;
        Path out = dir.resolve("out");

        // The README's command: train --data images,labels --out scratch/m16.onnx --epochs 1 --check-samples 0
        // --batch-size 8; evaluate and score read the data the same way.
        CliRun run = switch (command) {
            case "train" -> CliRun.of("train", "--data", data, "--out", out.toString(), "--epochs", "1",
                    "--check-samples", "0", "--batch-size", "8");
            case "evaluate" -> CliRun.of("evaluate", "--train", data, "--test", data, "--gan-epochs", "1",
                    "--seeds", "1", "--out", out.toString());
            default -> CliRun.of("score", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(),
                    "--data", data);
        };

        assertEquals(3, run.exitCode(), run.err());
        assertEquals("augment: " + images + ": image 3, feature '18' (the pixel at row 2, column 2) is " + value
                + "; NaN and infinite values cannot be trained on: fix or remove that image", run.err().strip());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(2, left.count(), "nothing written beside the two input files");
        }
    }
}

package dev.augment.cli;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Too few real examples of a class for the quality check: {@code train} and {@code score} name the class, its
 * counts and the command's way out in one line (exit 3, nothing written). They used to name a library setting
 * ({@code validationShare}, {@code checkSamples}), a class by its index, or fail inside the CNN judge (exit 1).
 */
class QualityCheckDataTest {

    @TempDir
    Path dir;

    /** Four 8×8 gray PNGs of classes a and b in each of train/ and test/. */
    private Path fourPerClass() throws IOException {
        Path data = dir.resolve("data");
        for (String split : List.of("train", "test")) {
            for (String label : List.of("a", "b")) {
                Path folder = Files.createDirectories(data.resolve(split).resolve(label));
                for (int i = 0; i < 4; i++) {
                    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
                    image.getRaster().setSample(i, label.equals("a") ? 1 : 6, 0, 200);
                    ImageIO.write(image, "png", folder.resolve(i + ".png").toFile());
                }
            }
        }
        return data;
    }

    @Test
    void trainNamesTheClassAndBothWaysOut() throws IOException {
        Path data = fourPerClass();
        Path out = Files.createDirectories(dir.resolve("out")).resolve("m.onnx");
        CliRun validation = CliRun.of("train", "--data", data.toString(), "--epochs", "1", "--batch-size", "4",
                "--out", out.toString());
        assertEquals(3, validation.exitCode(), validation.err());
        assertEquals(1, validation.err().strip().lines().count(), validation.err());
        assertTrue(validation.err().contains("class 'a' (index 0) has 4; pass --validation-share 0")
                && validation.err().contains("--check-samples 0"), validation.err());

        CliRun test = CliRun.of("train", "--data", data.toString(), "--epochs", "1", "--batch-size", "4",
                "--validation-share", "0", "--out", out.toString());
        assertEquals(3, test.exitCode(), test.err());
        assertTrue(test.err().contains("in the training and the test split, and class 'a' has 4 and 4; pass "
                + "--check-samples 0"), test.err());
        assertTrue(list(dir.resolve("out")).isEmpty(), "nothing written");
    }

    @Test
    void scoreNamesTheClassForEitherJudge() throws IOException {
        Path data = fourPerClass();
        List<String> pixels = IntStream.range(0, 64).mapToObj(i -> String.format("%02d", i)).toList();
        Path model = TestModels.write(dir.resolve("g.onnx"), new SampleSchema(pixels, List.of(1, 8, 8), 0, 255,
                List.of("a", "b"), List.of("a", "b"))); // features and labels named as the image folders name them
        for (String judge : List.of("pixels", "cnn")) {
            List<String> args = new java.util.ArrayList<>(List.of("score", "--data", data.toString(), "--model",
                    model.toString(), "--classifier", judge, "--samples", "10"));
            if (judge.equals("cnn")) {
                args.addAll(List.of("--cnn-steps", "5")); // refused with the pixel judge, which never reads it
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(3, run.exitCode(), judge + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("class 'a' has 4 and 4"), run.err());
            assertEquals("", run.out());
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }
}

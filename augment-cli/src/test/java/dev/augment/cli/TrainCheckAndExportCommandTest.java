package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code train --check-classifier}, {@code --check-cnn-steps} and {@code --export}. */
class TrainCheckAndExportCommandTest {

    private static final String COLOUR = Path.of("..", "datasets", "cifar10-sample").toString();
    private static final String GREY = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    @Test
    void cnnJudgeOnColourImagesScoresTheLastGeneratorAndAResumeExportsItWithoutTraining(@TempDir Path dir)
            throws IOException {
        Path model = dir.resolve("colour.onnx");
        String[] args = {"train", "--data", COLOUR, "--out", model.toString(), "--steps", "2", "--batch-size", "20",
            "--check-samples", "10", "--check-every", "1", "--check-classifier", "cnn", "--check-cnn-steps", "3"};
        CliRun train = CliRun.of(append(args, "--export", "last"));
        assertEquals(0, train.exitCode(), train.err());
        // 20 training images per class: 10 go to the validation split (its minimum), the GAN and the CNN learn on 10.
        assertTrue(train.out().contains("quality check (CNN judge): 10 samples per class against a validation split "
                + "of 100 training samples"), train.out());
        assertTrue(train.out().contains("training the CNN judge on 100 training images (3 steps of 128)"),
                train.out());
        assertTrue(train.out().matches("(?s).*CNN judge trained in \\d+ s: accuracy [0-9.]+ on the 100 real "
                + "validation images.*"), train.out());
        assertTrue(train.out().contains("step 1 quality score") && train.out().contains("step 2 quality score"),
                train.out());
        assertTrue(train.out().contains("exporting the generator of step 2 (--export last)"), train.out());
        JsonNode inspected = inspect(model);
        JsonNode scores = inspected.path("scores");
        assertTrue(scores.path("featureSpace").asText().contains("penultimate"), scores.toString());
        assertTrue(scores.path("classifierTestAccuracy").isNumber(), scores.toString());
        assertEquals(2, scores.path("steps").asInt(), scores.toString());
        assertEquals(10, scores.path("perClass").size(), scores.toString());
        assertEquals("last: the averaged generator of step 2",
                inspected.path("provenance").path("exported").asText());

        CliRun resumed = CliRun.of(append(args, "--export", "last", "--resume", "--force"));
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("the checkpoint already holds all 2 steps; exporting its generator without "
                + "training"), resumed.out());
        assertFalse(resumed.out().contains("round "), "nothing is trained: " + resumed.out());
        assertTrue(resumed.out().contains("exporting the generator of step 2 (--export last)"), resumed.out());
        assertEquals(2, inspect(model).path("scores").path("steps").asInt(), "the last check's scores are kept");

        CliRun best = CliRun.of(append(args, "--resume", "--force", "--export", "best"));
        assertEquals(0, best.exitCode(), best.err());
        assertTrue(best.out().matches("(?s).*exporting the generator of step [12] \\(best-scoring\\).*"), best.out());
    }

    @Test
    void autoJudgesGreyImagesWithPixels(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("grey.onnx");
        CliRun train = CliRun.of("train", "--data", GREY, "--out", model.toString(), "--steps", "2", "--batch-size",
                "50", "--check-samples", "10");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("quality check (pixel judge)"), train.out());
        assertFalse(train.out().contains("CNN judge"), train.out());
        assertTrue(train.out().contains("exporting the generator of step 2 (best-scoring)"), train.out());
        JsonNode scores = inspect(model).path("scores");
        assertTrue(scores.path("featureSpace").asText().contains("principal components"), scores.toString());
    }

    /**
     * One class: the CNN judge could not train (exit 1, "a classifier needs at least 2 classes"), and the pixel judge
     * reported a label consistency of 1.0 that a one-class judge gives any sample. The CNN (asked for, or auto's pick
     * for colour) is refused up front; the pixel judge leaves label consistency out.
     */
    @Test
    void oneClassIsJudgedOnCoverageAloneAndTheCnnJudgeIsRefused(@TempDir Path dir) throws IOException {
        Path cats = dir.resolve("cats");
        for (String split : new String[] {"train", "test"}) {
            Path to = Files.createDirectories(cats.resolve(split).resolve("cat"));
            try (var images = Files.list(Path.of(COLOUR, split, "cat"))) {
                for (Path image : images.toList()) {
                    Files.copy(image, to.resolve(image.getFileName()));
                }
            }
        }
        Path model = dir.resolve("one.onnx");
        for (String judge : new String[] {"cnn", "auto"}) {
            CliRun cnn = CliRun.of("train", "--data", cats.toString(), "--out", model.toString(), "--steps", "2",
                    "--batch-size", "10", "--check-samples", "10", "--check-classifier", judge);
            assertEquals(2, cnn.exitCode(), cnn.err());
            assertTrue(cnn.err().contains("trains a classifier of the classes, and --data holds one ('cat'); add "
                    + "--check-samples 0 to train without the check"), cnn.err());
            assertFalse(Files.exists(model));
        }
        Path grey = dir.resolve("grey");
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (String split : new String[] {"train", "test"}) {
            Path to = Files.createDirectories(grey.resolve(split).resolve("dot"));
            for (int i = 0; i < 20; i++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(12, 12,
                        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                for (int p = 0; p < 144; p++) {
                    image.getRaster().setSample(p % 12, p / 12, 0, random.nextInt(256));
                }
                javax.imageio.ImageIO.write(image, "png", to.resolve(i + ".png").toFile());
            }
        }
        CliRun train = CliRun.of("train", "--data", grey.toString(), "--out", model.toString(), "--steps", "2",
                "--batch-size", "10", "--check-samples", "10", "--check-every", "1");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("quality check (pixel judge)"), train.out());
        JsonNode scores = inspect(model).path("scores");
        assertTrue(scores.path("labelConsistencyNotJudged").asText().startsWith("one class"), scores.toString());
        assertTrue(scores.path("perClass").get(0).path("labelConsistency").isNull(), scores.toString());
        assertTrue(scores.path("perClass").get(0).path("coverage").isNumber(), scores.toString());
    }

    /**
     * A class too small to hold out a validation part was offered --validation-share 0, which then failed for the
     * same class, and on a folder with no test split at all (a fresh user, 7 Dec): offered only where it can pass.
     */
    @Test
    void validationShareZeroIsOfferedOnlyWhereATestSplitCouldServe(@TempDir Path dir) throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        for (String layout : new String[] {"flat", "split"}) {
            for (String split : layout.equals("flat") ? new String[] {""} : new String[] {"train", "test"}) {
                for (String cls : new String[] {"a", "b"}) {
                    Path to = Files.createDirectories(dir.resolve(layout).resolve(split).resolve(cls));
                    int count = cls.equals("a") ? 20 : layout.equals("flat") ? 1 : split.equals("test") ? 10 : 12;
                    for (int i = 0; i < count; i++) {
                        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
                        for (int p = 0; p < 64; p++) {
                            image.getRaster().setSample(p % 8, p / 8, 0, random.nextInt(256));
                        }
                        javax.imageio.ImageIO.write(image, "png", to.resolve(i + ".png").toFile());
                    }
                }
            }
            CliRun train = CliRun.of("train", "--data", dir.resolve(layout).toString(), "--out",
                    dir.resolve(layout + ".onnx").toString(), "--steps", "1", "--batch-size", "4");
            assertEquals(3, train.exitCode(), train.err());
            assertTrue(train.err().contains("class 'b' (index 1) has " + (layout.equals("flat") ? 1 : 12) + "; "),
                    train.err());
            assertEquals(layout.equals("split"), train.err().contains("pass --validation-share 0 to check against "
                    + "the test split, or pass --check-samples 0"), train.err());
        }
        // a test split with too few of the class: not offered, as following it failed for the same class
        for (int i = 0; i < 5; i++) {
            Files.delete(dir.resolve("split").resolve("test").resolve("b").resolve(i + ".png"));
        }
        CliRun fewInTest = CliRun.of("train", "--data", dir.resolve("split").toString(), "--out",
                dir.resolve("few.onnx").toString(), "--steps", "1", "--batch-size", "4");
        assertEquals(3, fewInTest.exitCode(), fewInTest.err());
        assertTrue(fewInTest.err().contains("has 12; pass --check-samples 0"), fewInTest.err());
    }

    @Test
    void badCheckClassifierCnnStepsOrExportExitTwoNamingTheOption(@TempDir Path dir) {
        String out = dir.resolve("m.onnx").toString();
        CliRun judge = CliRun.of("train", "--data", GREY, "--out", out, "--check-classifier", "forest");
        assertEquals(2, judge.exitCode(), judge.err());
        assertTrue(judge.err().contains("--check-classifier must be auto, pixels or cnn, was 'forest'"), judge.err());
        CliRun steps = CliRun.of("train", "--data", GREY, "--out", out, "--check-cnn-steps", "0");
        assertEquals(2, steps.exitCode(), steps.err());
        assertTrue(steps.err().contains("--check-cnn-steps must be at least 1, was 0"), steps.err());
        CliRun export = CliRun.of("train", "--data", GREY, "--out", out, "--export", "first");
        assertEquals(2, export.exitCode(), export.err());
        assertTrue(export.err().contains("--export must be best or last, was 'first'"), export.err());
        assertFalse(Files.exists(Path.of(out)));
    }

    private static JsonNode inspect(Path model) throws IOException {
        CliRun run = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static String[] append(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    /**
     * A resume under another judge compared its scores with the checkpoint's best, another judge's (a fresh user,
     * 5 Dec): it is refused before the new judge trains; the same check resumes.
     */
    @Test
    void aResumeUnderAnotherQualityCheckIsRefusedBeforeItsJudgeTrains(@TempDir Path dir) {
        Path model = dir.resolve("g.onnx");
        CliRun first = CliRun.of("train", "--data", GREY, "--out", model.toString(), "--steps", "2", "--batch-size",
                "50", "--check-samples", "10", "--check-every", "1", "--check-classifier", "pixels");
        assertEquals(0, first.exitCode(), first.err());
        CliRun other = CliRun.of("train", "--data", GREY, "--out", dir.resolve("h.onnx").toString(), "--steps", "4",
                "--batch-size", "50", "--check-samples", "20", "--check-every", "1", "--check-classifier", "pixels",
                "--checkpoint-dir", dir.resolve("g.onnx.training").toString(), "--resume");
        assertEquals(2, other.exitCode(), other.err());
        assertTrue(other.err().contains("needs the checkpoint's quality check (pixels judge, 10 samples per class), "
                + "but this run's is pixels judge, 20 samples per class"), other.err());
        assertFalse(other.out().contains("quality check ("), "refused before the check is set up: " + other.out());
        CliRun same = CliRun.of("train", "--data", GREY, "--out", dir.resolve("i.onnx").toString(), "--steps", "4",
                "--batch-size", "50", "--check-samples", "10", "--check-every", "1", "--check-classifier", "pixels",
                "--checkpoint-dir", dir.resolve("g.onnx.training").toString(), "--resume");
        assertEquals(0, same.exitCode(), "the same check resumes: " + same.err());
    }
}

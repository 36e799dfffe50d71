package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code augment score} on a tiny folder of colour images (8×8 PNGs, classes blue, green and red, each
 * bright only in its own channel) with a random-weight colour generator: the judge each
 * {@code --classifier} picks, and what the CNN judge reports.
 */
class ScoreCommandTest {

    private static final List<String> CLASSES = List.of("blue", "green", "red");
    private static final int SIDE = 8;

    /** Writes {@code perClass} images of each class under {@code root/<class>/}. */
    private static void writeImages(Path root, int perClass, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        for (int c = 0; c < CLASSES.size(); c++) {
            Path folder = Files.createDirectories(root.resolve(CLASSES.get(c)));
            int brightShift = 8 * c; // blue: bits 0-7 of an RGB int, green: 8-15, red: 16-23
            for (int i = 0; i < perClass; i++) {
                BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        int rgb = 0;
                        for (int shift = 0; shift <= 16; shift += 8) {
                            rgb |= (shift == brightShift ? rng.nextInt(150, 256) : rng.nextInt(1, 101)) << shift;
                        }
                        image.setRGB(x, y, rgb);
                    }
                }
                ImageIO.write(image, "png", folder.resolve(String.format("%03d.png", i)).toFile());
            }
        }
    }

    private static Path colourData(Path dir) throws IOException {
        Path data = dir.resolve("data");
        writeImages(data.resolve("train"), 60, 1);
        writeImages(data.resolve("test"), 30, 2);
        return data;
    }

    /** @return {@code score} of the model on the data, with the pixel judge and 10 samples a class */
    private static CliRun pixelScore(Path data, Path model) {
        return CliRun.of("score", "--data", data.toString(), "--model", model.toString(), "--classifier", "pixels",
                "--samples", "10");
    }

    private static Path colourModel(Path dir) throws IOException {
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 3 * SIDE * SIDE; i++) {
            features.add(String.format("%03d", i));
        }
        SampleSchema schema = new SampleSchema(features, List.of(3, SIDE, SIDE), 0, 255, CLASSES, CLASSES);
        return TestModels.write(dir.resolve("colour.onnx"), schema);
    }

    @Test
    void cnnJudgeReportsItsAccuracyRecallCoverageAndFrechetDistance(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("score", "--data", colourData(dir).toString(), "--model", colourModel(dir).toString(),
                "--classifier", "cnn", "--cnn-steps", "40", "--samples", "20");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("training the CNN judge on 180 training images (40 steps of 128)"),
                run.err());
        JsonNode report = new ObjectMapper().readTree(run.out());
        // The classes differ only by channel, so a CNN that reads the channels apart is near perfect.
        assertTrue(report.path("classifierTestAccuracy").asDouble() > 0.9, run.out());
        assertTrue(report.path("featureSpace").asText().contains("penultimate"), run.out());
        JsonNode rows = report.path("perClass");
        assertEquals(3, rows.size());
        for (JsonNode row : rows) {
            assertTrue(row.path("classifierRecallOnRealTest").asDouble() > 0.8, row.toString());
            for (String field : List.of("labelConsistency", "consistencyRatio", "coverage", "precision",
                    "realTrainCoverage", "realHeldOutHalvesCoverage", "frechetDistance", "realTrainFrechetDistance")) {
                assertTrue(row.path(field).isNumber(), field + " in " + row);
            }
            // Random weights make noise, far from every class of real images.
            assertTrue(row.path("frechetDistance").asDouble() > row.path("realTrainFrechetDistance").asDouble(),
                    row.toString());
        }
        assertTrue(report.path("summary").path("frechetDistance").isNumber(), run.out());
    }

    @Test
    void autoPicksTheCnnForColourImagesAndPixelsStillWorks(@TempDir Path dir) throws IOException {
        Path data = colourData(dir);
        Path model = colourModel(dir);
        CliRun auto = CliRun.of("score", "--data", data.toString(), "--model", model.toString(), "--cnn-steps", "5",
                "--samples", "20");
        assertEquals(0, auto.exitCode(), auto.err());
        assertTrue(new ObjectMapper().readTree(auto.out()).has("classifierTestAccuracy"), auto.out());

        CliRun pixels = CliRun.of("score", "--data", data.toString(), "--model", model.toString(), "--classifier",
                "pixels", "--samples", "20");
        assertEquals(0, pixels.exitCode(), pixels.err());
        JsonNode report = new ObjectMapper().readTree(pixels.out());
        assertTrue(report.path("featureSpace").asText().contains("principal components"), pixels.out());
        assertTrue(report.path("perClass").get(0).has("pixelCoverage"), pixels.out());
        // CIFAR-sized images were minutes of silence in its principal components (a fresh user, 5 Dec)
        assertTrue(pixels.err().contains("fitting the pixel judge on ") && pixels.err().contains(" training images "
                + "(logistic regression, then 50 principal components of 192 features)...")
                && pixels.err().contains("pixel judge fitted in "), pixels.err());
    }

    @Test
    void refusesAnUnknownClassifierAndNoCnnSteps(@TempDir Path dir) throws IOException {
        Path data = colourData(dir);
        Path model = colourModel(dir);
        CliRun unknown = CliRun.of("score", "--data", data.toString(), "--model", model.toString(), "--classifier",
                "forest");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("--classifier must be auto, pixels or cnn, was 'forest'"), unknown.err());

        CliRun steps = CliRun.of("score", "--data", data.toString(), "--model", model.toString(), "--classifier",
                "cnn", "--cnn-steps", "0", "--samples", "20");
        assertEquals(2, steps.exitCode());
        assertTrue(steps.err().contains("--cnn-steps must be at least 1, was 0"), steps.err());
    }

    /** A model of other classes, or of another image size, used to be scored anyway or to fail as a bug (exit 1). */
    @Test
    void aModelOfOtherClassesOrAnotherShapeIsRefusedInOneLine(@TempDir Path dir) throws IOException {
        Path data = colourData(dir);
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 3 * SIDE * SIDE; i++) {
            features.add(String.format("%03d", i));
        }
        List<String> others = List.of("cyan", "magenta", "yellow");
        Path otherClasses = TestModels.write(dir.resolve("other-classes.onnx"),
                new SampleSchema(features, List.of(3, SIDE, SIDE), 0, 255, others, others));
        Path otherShape = TestModels.write(dir.resolve("other-shape.onnx"), TestModels.imageSchema(CLASSES, 6));
        Path otherNames = TestModels.write(dir.resolve("other-names.onnx"), new SampleSchema(features.stream()
                .map(f -> "pixel " + f).toList(), List.of(3, SIDE, SIDE), 0, 255, CLASSES, CLASSES));
        CliRun names = CliRun.of("score", "--data", data.toString(), "--model", otherNames.toString(), "--classifier",
                "pixels", "--samples", "20");
        assertEquals(3, names.exitCode(), names.err());
        assertTrue(names.err().contains("feature 0 is named 'pixel 000' by the model but '000' in --data"),
                names.err());
        for (Path model : List.of(otherClasses, otherShape)) {
            CliRun run = CliRun.of("score", "--data", data.toString(), "--model", model.toString(), "--classifier",
                    "pixels", "--samples", "20");
            assertEquals(3, run.exitCode(), run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("the model generates") && run.err().contains("but --data " + data),
                    run.err());
            assertEquals("", run.out());
        }
        // a grey model on colour data with --cnn-steps: auto picks the pixel judge for the grey model, and the
        // unread --cnn-steps was refused before the mismatch itself (a fresh user, 5 Dec)
        CliRun steps = CliRun.of("score", "--data", data.toString(), "--model", otherShape.toString(), "--cnn-steps",
                "10", "--samples", "20");
        assertEquals(3, steps.exitCode(), steps.err());
        assertTrue(steps.err().contains("the model generates"), steps.err());
    }

    /** The CNN judge's default fits the data: 4 000 steps on 30 images ran over 10 minutes (a fresh user, 5 Dec). */
    @Test
    void theCnnJudgesDefaultStepsFitASmallTrainingSplit(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.of("score", "--data", colourData(dir).toString(), "--model", colourModel(dir).toString(),
                "--classifier", "cnn", "--samples", "10");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("the CNN judge trains 500 steps of 128 (50 passes over its 180 training images, "
                + "at least 500); --cnn-steps sets it"), run.err());
        assertTrue(run.err().contains("(500 steps of 128)"), run.err());
    }

    /** A folder of class folders alone is read as both splits; the score then measures closeness to training. */
    @Test
    void dataWithoutATestSplitIsNoted(@TempDir Path dir) throws IOException {
        Path flat = dir.resolve("flat");
        writeImages(flat, 20, 1);
        Path model = colourModel(dir);
        CliRun run = pixelScore(flat, model);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("has no separate test split"), run.err());
        CliRun split = CliRun.of("score", "--data", colourData(dir).toString(), "--model", model.toString(),
                "--classifier", "pixels", "--samples", "10");
        assertEquals(0, split.exitCode(), split.err());
        assertFalse(split.err().contains("no separate test split"), split.err());
    }

    /** generate's own output given as the data was judged as real data, a perfect score without a word (5 Dec). */
    @Test
    void generatedOutputGivenAsTheDataIsNoted(@TempDir Path dir) throws IOException {
        Path model = colourModel(dir);
        Path generated = dir.resolve("generated");
        CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "10", "--out",
                generated.toString());
        assertEquals(0, generate.exitCode(), generate.err());
        CliRun run = pixelScore(generated, model);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("augment: note: " + generated + " is augment generate's output (its "
                + "generated.json: 10 samples of each of 3 classes from " + model.toAbsolutePath() + ", seed 42): "
                + "every example in it is generated, so the figures compare generated samples with generated samples"),
                run.err());
        assertTrue(run.out().contains("is augment generate's output"), "in the JSON report's notes too");
        // the model at the recorded path replaced (a retrain, a copy) was named as the one that wrote them (6 Dec)
        Path copy = Files.copy(model, dir.resolve("copy.onnx"));
        Path byCopy = dir.resolve("by-copy");
        assertEquals(0, CliRun.of("generate", "--model", copy.toString(), "--class", "all", "--n", "10", "--out",
                byCopy.toString()).exitCode());
        Files.write(copy, new byte[] {1});
        CliRun replaced = pixelScore(byCopy, model);
        assertTrue(replaced.err().contains("from " + copy.toAbsolutePath() + ", seed 42; that file has changed since "
                + "(SHA-256 "), replaced.err());
        // output written before generate left its record is still recognised by its layout
        Files.delete(generated.resolve("generated.json"));
        CliRun older = pixelScore(generated, model);
        assertTrue(older.err().contains("augment: note: " + generated + " looks like augment generate's output "
                + "(classes.csv beside class folders of numbered PNG files, without oversample's synthetic flags and "
                + "without the generated.json generate now leaves): if it is, every example in it is generated"),
                older.err());
        Path flat = dir.resolve("flat");
        writeImages(flat, 20, 1); // 000.png, …: not generate's names
        CliRun real = pixelScore(flat, model);
        assertFalse(real.err().contains("generate's output"), real.err());
    }

    /** Generated PNGs copied among real training images were scored as real, without a note (a fresh user, 5 Dec). */
    @Test
    void generatedPngFilesCopiedAmongRealOnesAreNoted(@TempDir Path dir) throws IOException {
        Path model = colourModel(dir);
        Path data = colourData(dir);
        Path generated = dir.resolve("generated");
        assertEquals(0, CliRun.of("generate", "--model", model.toString(), "--class", CLASSES.get(0), "--n", "7",
                "--out", generated.toString()).exitCode());
        try (java.util.stream.Stream<Path> files = Files.list(generated.resolve(CLASSES.get(0)))) {
            for (Path file : files.toList()) {
                Files.copy(file, data.resolve("train").resolve(CLASSES.get(0)).resolve("gen-" + file.getFileName()));
            }
        }
        CliRun run = pixelScore(data, model);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("augment: note: " + data.resolve("train") + " holds 7 images augment generate "
                + "wrote (each such PNG file carries its mark) among its 187, by class '" + CLASSES.get(0) + "' 7 of "
                + "67: those examples are generated, so the figures compare generated samples with generated samples"),
                run.err());
    }

    /** An image model with generate's --format csv output was told of a "table generator" it was not given (5 Dec). */
    @Test
    void aCsvTableAsTheDataIsNamedAsTheDataNotTheModel(@TempDir Path dir) throws IOException {
        Path model = colourModel(dir);
        Path csv = dir.resolve("csv");
        assertEquals(0, CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "10", "--format",
                "csv", "--out", csv.toString()).exitCode());
        CliRun run = CliRun.of("score", "--data", csv.resolve("samples.csv").toString(), "--model", model.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("score compares an image generator's samples with image data (IDX files, "
                + "CIFAR-10 batches or class folders of images; generate --format idx or png writes those), and "
                + csv.resolve("samples.csv") + " is a CSV table; write the images as IDX or PNG"), run.err());
        // evaluate --data would train a table GAN on pixel columns: no way on for an image model (a fresh user, 6 Dec)
        assertFalse(run.err().contains("evaluate --data"), run.err());
        Path glass = dir.resolve("glass.onnx");
        assertEquals(0, CliRun.of("train", "--data", Path.of("..", "datasets", "tabular-sample", "glass.csv")
                .toString(), "--label", "Type", "--steps", "2", "--out", glass.toString()).exitCode());
        CliRun table = CliRun.of("score", "--data", Path.of("..", "datasets", "tabular-sample", "glass.csv")
                .toString(), "--model", glass.toString());
        assertEquals(2, table.exitCode(), table.err());
        assertTrue(table.err().contains("a table generator cannot be scored yet: augment evaluate --data"),
                table.err());
        // the model's own label column, not a placeholder that, copied, was refused (a fresh user, 7 Dec)
        assertTrue(table.err().contains(" --label Type trains its own table GAN"), table.err());
    }

    /** generate's outputs put in D/train and D/test scored 0.97 without a note: the check read only D (5 Dec). */
    @Test
    void generatedOutputAsEachSplitIsNoted(@TempDir Path dir) throws IOException {
        Path model = colourModel(dir);
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String split : List.of("train", "test")) {
            CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "10",
                    "--out", data.resolve(split).toString(), "--seed", split.equals("train") ? "1" : "2");
            assertEquals(0, generate.exitCode(), generate.err());
        }
        CliRun run = pixelScore(data, model);
        assertEquals(0, run.exitCode(), run.err());
        for (String split : List.of("train", "test")) {
            assertTrue(run.err().contains("augment: note: " + data.resolve(split) + " is augment generate's output"),
                    split + ": " + run.err());
        }
        // named once per split's note, never as a file beside the class folders that was not read
        assertEquals(2, run.err().split("generated\\.json", -1).length - 1, run.err());
    }

    /**
     * A test/ folder holding copies of training images was judged without a word (a fresh user, 5 Dec: 6 of every 10
     * were byte copies); all copies were "no separate test split" though the data has train/ and test/.
     */
    @Test
    void testImagesThatAreCopiesOfTrainingImagesAreNoted(@TempDir Path dir) throws IOException {
        Path data = colourData(dir);
        Path model = colourModel(dir);
        for (String cls : CLASSES) {
            for (int i = 0; i < 10; i++) {
                String name = String.format("%03d.png", i);
                Files.copy(data.resolve("train").resolve(cls).resolve(name), data.resolve("test").resolve(cls)
                        .resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        CliRun some = pixelScore(data, model);
        assertEquals(0, some.exitCode(), some.err());
        assertTrue(some.err().contains("30 of the 90 test examples of " + data.resolve("test") + " (33.3%) are also "
                + "training examples (the same values and class), which the judge trained on"), some.err());
        assertTrue(some.out().contains("30 of the 90 test examples"), "the JSON report carries it: " + some.out());

        Path copy = dir.resolve("copy");
        writeImages(copy.resolve("train"), 20, 1);
        writeImages(copy.resolve("test"), 20, 1);
        CliRun all = pixelScore(copy, model);
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.err().contains("every one of the 60 test examples of " + copy.resolve("test") + " is also a "
                + "training example"), all.err());
        assertFalse(all.err().contains("no separate test split"), all.err());
    }

    /** evaluate refuses a generator trained on its test data; score said nothing of it (a fresh user, 6 Dec). */
    @Test
    void aGeneratorTrainedOnTheTestSplitIsNoted(@TempDir Path dir) throws IOException {
        Path data = colourData(dir);
        Path model = dir.resolve("trained.onnx");
        CliRun train = CliRun.of("train", "--data", data.toString(), "--out", model.toString(), "--steps", "2",
                "--batch-size", "16", "--check-samples", "0");
        assertEquals(0, train.exitCode(), train.err());
        String note = "the model was trained on the test set itself (training-data SHA-256 ";
        CliRun apart = pixelScore(data, model);
        assertEquals(0, apart.exitCode(), apart.err());
        assertFalse(apart.err().contains(note), apart.err());

        Path leaky = dir.resolve("leaky");
        writeImages(leaky.resolve("train"), 30, 3);
        writeImages(leaky.resolve("test"), 60, 1); // the images the model trained on
        CliRun run = pixelScore(leaky, model);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("augment: note: " + note) && run.err().contains("equals the test set's), so "
                + "coverage and precision against the test split say how well it kept its own training images"),
                run.err());
        assertTrue(run.out().contains(note), "the JSON report carries it: " + run.out());

        // trained with the default validation split, so on 90% of the images the test split now holds (6 Dec)
        Path carved = dir.resolve("carved.onnx");
        assertEquals(0, CliRun.of("train", "--data", data.resolve("train").toString(), "--out", carved.toString(),
                "--steps", "2", "--batch-size", "16", "--check-samples", "10", "--check-classifier", "pixels")
                .exitCode());
        CliRun most = pixelScore(leaky, carved);
        assertEquals(0, most.exitCode(), most.err());
        assertTrue(most.err().contains("augment: note: the model was trained on most of the test set"), most.err());
    }

    /** A generator picked on the test split was scored on it without a word (a fresh user, 6 Dec). */
    @Test
    void aGeneratorPickedOnTheTestSplitIsNoted(@TempDir Path dir) throws IOException {
        Path data = colourData(dir);
        Path model = dir.resolve("picked.onnx");
        String[] args = {"train", "--data", data.toString(), "--out", model.toString(), "--steps", "4",
            "--check-every", "2", "--batch-size", "16", "--check-samples", "10", "--check-classifier", "pixels",
            "--validation-share", "0"};
        CliRun train = CliRun.of(args);
        assertEquals(0, train.exitCode(), train.err());
        CliRun run = pixelScore(data, model);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("augment: note: the model's exported generator was chosen by its quality "
                + "check's score on this test set"), run.err());
        // with --export last the test split's scores chose nothing: no note (a re-check, 6 Dec)
        assertEquals(0, CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--export", "last", "--force")).toArray(String[]::new)).exitCode());
        CliRun unchosen = pixelScore(data, model);
        assertFalse(unchosen.err().contains("chosen by its quality check"), unchosen.err());
        Path other = dir.resolve("other");
        writeImages(other.resolve("train"), 60, 1);
        writeImages(other.resolve("test"), 30, 5); // another test split
        CliRun apart = pixelScore(other, model);
        assertEquals(0, apart.exitCode(), apart.err());
        assertFalse(apart.err().contains("chosen by its quality check"), apart.err());
    }

    /** An IDX folder without t10k-* files used to be "no data set found", describing the very files it has. */
    @Test
    void idxDataWithoutATestSplitSaysThatTheTestSplitIsMissing(@TempDir Path dir) throws IOException {
        Path trainOnly = Files.createDirectories(dir.resolve("train-only"));
        for (String name : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz")) {
            Files.copy(Path.of("..", "datasets", "fashion-mnist-sample", name), trainOnly.resolve(name));
        }
        CliRun run = CliRun.of("score", "--data", trainOnly.toString(), "--model",
                Path.of("..", "models", "fashion-mnist.onnx").toString(), "--samples", "10");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("score compares generated samples with the test split of --data (t10k-* IDX "
                + "files, a test/ folder or test_batch.bin), which cannot be used: "), run.err());
        assertTrue(run.err().contains("has the training split's IDX files (train-*) but no test split's: add "
                + "t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz] beside them"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        String problem = run.err().substring(run.err().indexOf("cannot be used: ") + "cannot be used: ".length())
                .strip();
        assertFalse(run.err().contains("(" + problem), "the problem is said once: " + run.err());
    }

    /**
     * Coverage compares equally many real and generated samples; the checked-in sample has 50 test images per class,
     * so --samples 60 compares 60 generated ones with 50 real ones, and score says so; --samples 50 does not.
     */
    @Test
    void saysWhenAClassHasFewerTestExamplesThanSamples() throws IOException {
        String sample = Path.of("..", "datasets", "fashion-mnist-sample").toString();
        String model = Path.of("..", "models", "fashion-mnist.onnx").toString();
        CliRun more = CliRun.of("score", "--data", sample, "--model", model, "--samples", "60");
        assertEquals(0, more.exitCode(), more.err());
        assertTrue(more.err().contains("10 classes have fewer test examples than --samples 60: T-shirt/top (50), "),
                more.err());
        assertTrue(more.err().contains("--samples 50 compares equal numbers"), more.err());
        JsonNode notes = new ObjectMapper().readTree(more.out()).path("notes");
        assertEquals(1, notes.size(), more.out());
        assertTrue(notes.get(0).asText().startsWith("10 classes have fewer test examples than --samples 60"),
                "the JSON carries the note too: " + notes);
        CliRun equal = CliRun.of("score", "--data", sample, "--model", model, "--samples", "50");
        assertEquals(0, equal.exitCode(), equal.err());
        assertFalse(equal.err().contains("fewer test examples"), equal.err());
        assertEquals(0, new ObjectMapper().readTree(equal.out()).path("notes").size(), equal.out());
        assertTrue(new ObjectMapper().readTree(equal.out()).path("notes").isArray(), equal.out());
    }

    /** 3 000 000 samples per class grew past 23 GB of native memory; 1e9 overflowed after training (5 Dec). */
    @Test
    void moreSamplesThanTheHeapHoldsAreRefusedBeforeAnyWork() {
        String sample = Path.of("..", "datasets", "fashion-mnist-sample").toString();
        String model = Path.of("..", "models", "fashion-mnist.onnx").toString();
        CliRun score = CliRun.of("score", "--data", sample, "--model", model, "--samples", "2000000000");
        assertEquals(2, score.exitCode(), score.err());
        assertTrue(score.err().contains("--samples 2000000000 draws 2000000000 samples of each class at once")
                && score.err().contains("use at most "), score.err());
        assertEquals(1, score.err().strip().lines().count(), score.err());
        CliRun train = CliRun.of("train", "--data", sample, "--out", Path.of("..", "target", "never.onnx").toString(),
                "--steps", "2", "--check-samples", "2000000000");
        assertEquals(2, train.exitCode(), train.err());
        assertTrue(train.err().contains("--check-samples 2000000000 draws"), train.err());
        assertFalse(train.out().contains("training"), "refused before the GAN: " + train.out());
    }

    /** A class the model never learned was scored 0.9 coverage without a word (a fresh user, 5 Dec). */
    @Test
    void aClassTheModelNeverLearnedIsNoted() {
        dev.augment.schema.SampleSchema learned = new dev.augment.schema.SampleSchema(List.of("0", "1"),
                List.of(1, 1, 2), 0, 255, List.of("a", "b"), List.of("a", "b"));
        assertTrue(ScoreCommand.unlearnedClasses(learned, Path.of("m.onnx")).isEmpty());
        dev.augment.schema.SampleSchema gap = new dev.augment.schema.SampleSchema(List.of("0", "1"), List.of(1, 1, 2),
                0, 255, List.of("a", "b"), List.of("a", "b"), List.of(10L, 0L));
        String note = ScoreCommand.unlearnedClasses(gap, Path.of("m.onnx")).orElseThrow();
        assertTrue(note.startsWith("m.onnx had no training examples of class 'b' (trained with "
                + "--allow-empty-classes)"), note);
    }

    /** A 0.95 score from a judge recalling 37% of real images, on 20 test images a class, had no note (5 Dec). */
    @Test
    void aWeakJudgeAndFewTestImagesAreNoted() throws IOException {
        dev.augment.schema.SampleSchema schema = new dev.augment.schema.SampleSchema(List.of("0", "1"),
                List.of(1, 1, 2), 0, 255, List.of("a", "b"), List.of("a", "b"));
        int[] classes = new int[120];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = i % 2;
        }
        dev.augment.data.DenseSamples many = new dev.augment.data.DenseSamples(new float[120][2], classes, schema);
        dev.augment.data.DenseSamples few = new dev.augment.data.DenseSamples(new float[40][2],
                java.util.Arrays.copyOf(classes, 40), schema);
        JsonNode weak = new ObjectMapper().readTree("{\"perClass\": [{\"classifierRecallOnRealTest\": 0.3}, "
                + "{\"classifierRecallOnRealTest\": 0.44}]}");
        JsonNode strong = new ObjectMapper().readTree("{\"perClass\": [{\"classifierRecallOnRealTest\": 0.9}, "
                + "{\"classifierRecallOnRealTest\": 0.8}]}");
        List<String> notes = ScoreCommand.judgeNotes(weak, many, 1000);
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).startsWith("the judge recalls 0.37 of the real test images of a class on average "
                + "(chance 0.50)"), notes.get(0));
        assertEquals(List.of(), ScoreCommand.judgeNotes(strong, many, 1000));
        List<String> small = ScoreCommand.judgeNotes(strong, few, 1000);
        assertEquals(1, small.size(), small.toString());
        assertTrue(small.get(0).startsWith("a class is compared through 20 test images: coverage (k = 5 nearest "
                + "neighbours) on so few is rough"), "the pixel judge has no Fréchet distance (6 Dec): "
                + small.get(0));
        JsonNode cnn = new ObjectMapper().readTree("{\"perClass\": [{\"classifierRecallOnRealTest\": 0.9, "
                + "\"frechetDistance\": 3.1}, {\"classifierRecallOnRealTest\": 0.8}]}");
        assertTrue(ScoreCommand.judgeNotes(cnn, few, 1000).get(0).contains("coverage (k = 5 nearest neighbours) and "
                + "Fréchet distances on so few are rough"));
        assertEquals(1, ScoreCommand.judgeNotes(strong, many, 20).size(), "--samples 20 compares 20 a class");
        assertTrue(notes.get(0).contains("compared with 0.9 times that recall"), notes.get(0));
        JsonNode weakCnn = new ObjectMapper().readTree("{\"perClass\": [{\"classifierRecallOnRealTest\": 0.3, "
                + "\"consistencyRatio\": 1.2}, {\"classifierRecallOnRealTest\": 0.44, \"consistencyRatio\": 0.8}]}");
        String cnnNote = ScoreCommand.judgeNotes(weakCnn, many, 1000).get(0);
        assertTrue(cnnNote.contains("compared with 0.7 times that recall"), "the cnn judge's target: " + cnnNote);
    }

    /** score's stdout is its JSON report alone: what the folders' readers skipped is said on stderr, for both splits. */
    @Test
    void skippedFilesOfBothSplitsAreNotedOnStderrAndTheReportStaysJson(@TempDir Path dir) throws IOException {
        Path data = colourData(dir);
        Files.writeString(data.resolve("train/blue/notes.txt"), "not an image");
        Files.writeString(data.resolve("test/red/notes.txt"), "not an image");
        Files.writeString(data.resolve("README.txt"), "beside both splits: named once (it was twice, 4 Dec)");
        CliRun run = CliRun.of("score", "--data", data.toString(), "--model", colourModel(dir).toString(),
                "--classifier", "pixels", "--samples", "20");
        assertEquals(0, run.exitCode(), run.err());
        new ObjectMapper().readTree(run.out()); // throws if a note went to stdout
        assertTrue(run.err().contains("train: skipped 2 entries") && run.err().contains("blue/notes.txt"), run.err());
        assertTrue(run.err().contains("test: skipped 1 entry") && run.err().contains("red/notes.txt"), run.err());
        assertEquals(1, run.err().split("\\.\\./README\\.txt", -1).length - 1, run.err());
        // and the JSON carries them, for a reader of the report alone (a fresh user, 6 Dec)
        com.fasterxml.jackson.databind.JsonNode notes = new ObjectMapper().readTree(run.out()).path("notes");
        assertTrue(notes.toString().contains("blue/notes.txt") && notes.toString().contains("red/notes.txt"),
                notes.toString());
    }

    @Test
    void withoutModelOnDataTheDefaultDoesNotMakeTheShippedModelThatDoesIsNamed() {
        // a fresh user (4 Dec): score --data datasets/cifar10-sample said only "pass a model trained on this kind of
        // data", with models/cifar10.onnx beside the default
        CliRun run = CliRun.inCheckout("score", "--data", Path.of("..", "datasets", "cifar10-sample").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("cifar10.onnx makes these classes: pass --model "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        // and when the wrong model was given by name
        CliRun given = CliRun.inCheckout("score", "--data", Path.of("..", "datasets", "cifar10-sample").toString(),
                "--model", Path.of("..", "models", "fashion-mnist.onnx").toString());
        assertEquals(ExitCodes.BAD_INPUT, given.exitCode(), given.err());
        assertTrue(given.err().contains("cifar10.onnx makes these classes: pass --model "), given.err());
    }
}

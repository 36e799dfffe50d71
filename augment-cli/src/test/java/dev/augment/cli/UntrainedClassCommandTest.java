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

/** Bad input 11: IDX labels 0, 1 and 3 only, so class 2 has no examples. */
class UntrainedClassCommandTest {

    private static final String DATA = BadInputs.of("11-zero-example-class", "gap-images") + ","
            + BadInputs.of("11-zero-example-class", "gap-labels");

    @Test
    void readmeCommandIsRefusedAtTrainingNamingTheEmptyClass(@TempDir Path dir) {
        Path model = dir.resolve("m11.onnx");
        CliRun train = CliRun.of("train", "--data", DATA, "--out", model.toString(), "--epochs", "1",
                "--check-samples", "0", "--batch-size", "8");
        assertEquals(3, train.exitCode(), "bad input data: " + train.err());
        assertEquals("augment: " + DATA + ": class '2' (index 2) has no training examples, so no generator can learn "
                + "it; remove it from the data or pass --allow-empty-classes to keep it untrained", train.err().strip());
        assertFalse(Files.exists(model));
        assertFalse(train.out().contains("epoch 1"), "refused before any training");
    }

    /**
     * Labels counted from 1 (EMNIST letters, MATLAB exports) leave only label 0 empty, and the refusal said to remove
     * from the data a class it had none of (a fresh user, 6 Dec); the class map it now names reads them.
     */
    @Test
    void labelsCountedFromOneAreToldHowToReadThemWithoutAClassZero(@TempDir Path dir) throws IOException {
        Path sample = Path.of("..", "datasets", "fashion-mnist-sample");
        Path images = Files.copy(sample.resolve("train-images-idx3-ubyte.gz"), dir.resolve("images-idx3-ubyte.gz"));
        byte[] labels;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(sample.resolve(
                "train-labels-idx1-ubyte.gz")))) {
            labels = in.readAllBytes();
        }
        for (int i = 8; i < labels.length; i++) {
            labels[i]++;
        }
        Path shifted = Files.write(dir.resolve("labels-idx1-ubyte"), labels);
        Path model = dir.resolve("m.onnx");
        CliRun train = CliRun.of("train", "--data", images + "," + shifted, "--out", model.toString(), "--epochs",
                "1", "--check-samples", "0");
        assertEquals(3, train.exitCode(), train.err());
        assertTrue(train.err().contains("class '0' (index 0) has no training examples, so no generator can learn it; "
                + "the labels start at 1, as EMNIST letters and MATLAB exports count: list the classes 1 to 10 in a "
                + "classes.csv beside the labels file"), train.err());
        CliRun balance = CliRun.of("oversample", "--data", images + "," + shifted, "--policy", "ros", "--out",
                dir.resolve("os0").toString());
        assertEquals(2, balance.exitCode(), balance.err());
        assertTrue(balance.err().contains("(the labels start at 1, as EMNIST letters count: a classes.csv beside the "
                + "labels file, listing classes 1 to 10, reads them without a class 0)"), balance.err());
        StringBuilder map = new StringBuilder("index,label,name,folder\n");
        for (int c = 1; c <= 10; c++) {
            map.append(c).append(',').append(c).append(",c").append(c).append(",\n");
        }
        Files.writeString(dir.resolve("classes.csv"), map);
        CliRun oversample = CliRun.of("oversample", "--data", images + "," + shifted, "--policy", "ros", "--out",
                dir.resolve("os").toString());
        assertEquals(0, oversample.exitCode(), "the class map reads them without a class 0: " + oversample.err());
    }

    @Test
    void oneDamagedLabelFarBeyondTheOthersIsNamedNotOfferedAsEmptyClassesToKeep(@TempDir Path dir) throws IOException {
        // label byte of example 5 set to 200: classes 10–199 empty; the message listed 190 of them and suggested
        // --allow-empty-classes, which trained a 201-class model
        Path sample = Path.of("..", "datasets", "fashion-mnist-sample");
        Path images = dir.resolve("images-idx3-ubyte.gz");
        Files.copy(sample.resolve("train-images-idx3-ubyte.gz"), images);
        byte[] labels;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(sample.resolve(
                "train-labels-idx1-ubyte.gz")))) {
            labels = in.readAllBytes();
        }
        labels[8 + 5] = (byte) 200;
        Path damaged = Files.write(dir.resolve("labels-idx1-ubyte"), labels);
        String data = images + "," + damaged;
        for (String extra : new String[] {"--allow-empty-classes", "--names=fashion-mnist", "--seed=1"}) {
            Path model = dir.resolve("m.onnx");
            CliRun train = CliRun.of("train", "--data", data, "--out", model.toString(), "--epochs", "1",
                    "--check-samples", "0", extra);
            assertEquals(3, train.exitCode(), train.err());
            assertTrue(train.err().contains(damaged + ": example 5 has label 200, beyond the other examples' labels "
                    + "(0 to 9) with 190 label values between them unused: a damaged label byte? fix that example's "
                    + "label or remove it"), train.err());
            assertFalse(train.err().contains("allow-empty-classes"), train.err());
            assertFalse(Files.exists(model));
        }
    }

    @Test
    void keptOnlyWhenAskedThenGenerateRefusesItAndInspectShowsTheCounts(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m11.onnx");
        CliRun train = CliRun.of("train", "--data", DATA, "--out", model.toString(), "--epochs", "1",
                "--check-samples", "0", "--batch-size", "8", "--allow-empty-classes");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().contains("keeping class '2' (index 2) without training examples"), train.out());

        Path out = dir.resolve("o11");
        CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "2", "--n", "3",
                "--out", out.toString());
        assertEquals(2, generate.exitCode());
        assertEquals("augment: --class asks for class '2' (index 2), which had no training examples in " + model
                + ", so the generator never learned it; choose another class or retrain with examples of it",
                generate.err().strip());
        assertFalse(Files.exists(out));

        CliRun all = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "2",
                "--format", "csv", "--out", out.toString());
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().startsWith("wrote 6 samples"), "all = the three learned classes: " + all.out());
        assertEquals("augment: note: --class all leaves out class '2' (index 2): it had no training examples in "
                + model + ", so the generator never learned it", all.err().strip(), "not left out silently");

        Path added = dir.resolve("a11");
        CliRun oversample = CliRun.of("oversample", "--data", DATA, "--policy", "gan", "--model", model.toString(),
                "--format", "idx", "--out", added.toString());
        assertEquals(2, oversample.exitCode(), oversample.err());
        assertEquals("augment: --balance balances every class when no classes are listed, and the source has no "
                + "examples of class '2' (label '2'); list the classes to balance (--classes) or add real examples of "
                + "it", oversample.err().strip(), "names the default it applied, not an option the user never gave");
        assertFalse(Files.exists(added));

        CliRun text = CliRun.of("inspect", "--model", model.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("    2  2  0 examples (never learned; generate refuses it)"), text.out());
        assertTrue(text.out().contains("    3  3  10 examples"), text.out());
        JsonNode json = new ObjectMapper().readTree(CliRun.of("inspect", "--model", model.toString(), "--json").out());
        assertEquals(0, json.path("classes").get(2).path("trainingExamples").asInt(-1));
        assertFalse(json.path("classes").get(2).path("learned").asBoolean(true));
        assertEquals(10, json.path("classes").get(3).path("trainingExamples").asInt());
    }

    @Test
    void theShippedVersionOneModelSaysItsCountsAreUnknown() throws IOException {
        String model = Path.of("..", "models", "fashion-mnist.onnx").toString();
        CliRun text = CliRun.of("inspect", "--model", model);
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("classes:     10 (training examples unknown"), text.out());
        assertTrue(text.out().contains("    7  Sneaker      examples unknown"), text.out());
        JsonNode json = new ObjectMapper().readTree(CliRun.of("inspect", "--model", model, "--json").out());
        assertTrue(json.path("classes").get(7).path("trainingExamples").isNull());
        assertTrue(json.path("classes").get(7).path("learned").asBoolean());
    }
}

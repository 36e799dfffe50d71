package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input 12: classes 'A B', 'a-b' and 'x'; an exact name wins, a loose match must be unique. */
class ClassNameAmbiguityTest {

    private static final String DATA = BadInputs.of("12-class-name-ambiguity", "data").toString();

    @Test
    void readmeCommandWritesTheExactClassAndRefusesAmbiguousOrUnknownNames(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m12.onnx");
        CliRun train = CliRun.of("train", "--data", DATA, "--out", model.toString(), "--epochs", "1",
                "--check-samples", "0", "--batch-size", "4");
        assertEquals(0, train.exitCode(), train.err());

        Path out = dir.resolve("o12");
        CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "a-b", "--n", "1",
                "--format", "csv", "--out", out.toString());
        assertEquals(0, generate.exitCode(), generate.err());
        List<String> rows = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals(2, rows.size());
        assertTrue(rows.get(1).startsWith("a-b,"), "the exact name 'a-b', not 'A B': " + rows.get(1));
        assertEquals(List.of("index,label,name,folder", "1,\"a-b\",\"a-b\",\"\""),
                Files.readAllLines(out.resolve("classes.csv")));

        CliRun spaced = CliRun.of("generate", "--model", model.toString(), "--class", "A B", "--n", "1",
                "--format", "csv", "--out", dir.resolve("spaced").toString());
        assertEquals(0, spaced.exitCode(), spaced.err());
        assertTrue(Files.readAllLines(dir.resolve("spaced/samples.csv")).get(1).startsWith("A B,"));

        Path none = dir.resolve("none");
        CliRun ambiguous = CliRun.of("generate", "--model", model.toString(), "--class", "ab", "--n", "1",
                "--out", none.toString());
        assertEquals(2, ambiguous.exitCode());
        assertEquals("augment: --class 'ab' matches several classes of " + model + ": 'A B' (index 0), 'a-b' "
                + "(index 1); give the exact name or the index", ambiguous.err().strip());
        assertFalse(Files.exists(none));

        CliRun unknown = CliRun.of("generate", "--model", model.toString(), "--class", "a-c", "--n", "1",
                "--out", none.toString());
        assertEquals(2, unknown.exitCode());
        assertEquals("augment: --class 'a-c' is not a class of " + model + "; did you mean 'A B' or 'a-b'? its classes "
                + "are 'A B', 'a-b', 'x' (or an index 0-2)", unknown.err().strip());
        assertFalse(Files.exists(none));
    }

    @Test
    void evaluateMinorityTakesClassNamesWithTheSameRules(@TempDir Path dir) {
        String sample = Path.of("..", "datasets", "fashion-mnist-sample").toString();
        CliRun run = CliRun.of("evaluate", "--train", sample, "--test", sample, "--scenario", "imbalanced",
                "--minority", "sneakers,bag", "--out", dir.resolve("report").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("augment: --minority 'sneakers' is not a class of the training data; did you "
                + "mean 'Sneaker'?"), run.err());
        assertEquals(1, run.err().lines().filter(l -> l.startsWith("augment:")).count(), run.err());
        assertFalse(Files.exists(dir.resolve("report")));
    }

    @Test
    void unknownFashionClassSuggestsTheNearMissAndNamesTheShippedModel(@TempDir Path dir) {
        Path model = Path.of("..", "models", "fashion-mnist.onnx");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "sneakers", "--n", "1",
                "--out", dir.resolve("none").toString());
        assertEquals(2, run.exitCode());
        String err = run.err().strip();
        assertTrue(err.startsWith("augment: --class 'sneakers' is not a class of " + model + "; did you mean 'Sneaker'?"),
                err);
        assertFalse(err.contains("(label"), "no repeated labels: " + err);
        assertEquals(1, run.err().lines().count(), run.err());
    }
}

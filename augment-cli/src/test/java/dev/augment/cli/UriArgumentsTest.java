package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A URI where augment takes a local path: {@code --out s3a://b/x} was told to {@code mkdir -p …/s3a:/b}, {@code train
 * --out s3a://b/m.onnx} would have written into a local folder named {@code s3a:}, and {@code --data file:///…} was
 * "data not found" (a re-check, 7 Dec). Each is one line naming the path to give, and nothing is written.
 */
class UriArgumentsTest {

    private static final Path SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample");
    private static final String MODEL = Path.of("..", "models", "fashion-mnist.onnx").toString();

    @Test
    void aUriGivenForAnOutputOrTheDataIsToldToGiveALocalPath(@TempDir Path dir) {
        CliRun cloud = CliRun.of("generate", "--model", MODEL, "--class", "bag", "--n", "1", "--out",
                "s3a://bucket/x");
        assertEquals(2, cloud.exitCode(), cloud.err());
        assertEquals(1, cloud.err().lines().count(), cloud.err());
        assertTrue(cloud.err().contains("s3a://bucket/x: an output folder is given as a local path, not a URI (s3a:)"),
                cloud.err());
        Path spaced = dir.resolve("out put");
        CliRun file = CliRun.of("generate", "--model", MODEL, "--class", "bag", "--n", "1", "--out",
                spaced.toUri().toString());
        assertEquals(2, file.exitCode(), file.err());
        assertTrue(file.err().contains("an output folder is given as a path, not a URI; give '" + spaced + "'"),
                file.err());
        CliRun train = CliRun.of("train", "--data", SAMPLE.toString(), "--steps", "1", "--out", "s3a://bucket/m.onnx");
        assertEquals(2, train.exitCode(), train.err());
        assertTrue(train.err().contains("--out s3a://bucket/m.onnx: the model is given as a local path, not a URI"),
                train.err());
        CliRun data = CliRun.of("oversample", "--data", SAMPLE.toAbsolutePath().toUri().toString(), "--policy", "ros",
                "--out", dir.resolve("o").toString());
        assertEquals(3, data.exitCode(), data.err());
        assertTrue(data.err().contains("the data is given as a path, not a URI; give " + SAMPLE.toAbsolutePath()),
                data.err());
        // a table as a URI, for train and evaluate (a re-check, 7 Dec)
        Path glass = Path.of("..", "datasets", "tabular-sample", "glass.csv").toAbsolutePath().normalize();
        for (String command : List.of("train", "evaluate")) {
            CliRun table = command.equals("train") ? CliRun.of("train", "--data", glass.toUri().toString(), "--label",
                    "Type", "--steps", "1", "--out", dir.resolve("t.onnx").toString())
                    : CliRun.of("evaluate", "--data", glass.toUri().toString(), "--label", "Type", "--out",
                    dir.resolve("e").toString());
            assertEquals(3, table.exitCode(), command + ": " + table.err());
            assertTrue(table.err().contains("the data is given as a path, not a URI; give " + glass), table.err());
        }
        assertFalse(Files.exists(Path.of("s3a:")), "no local folder named after the scheme");
        assertFalse(Files.exists(spaced) || Files.exists(dir.resolve("o")));
    }
}

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

/** {@code augment evaluate --trainer cnn}: a miniature run on the checked-in sample, and its refusal. */
class EvaluateCnnCommandTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    @Test
    void cnnTrainerLearnsEveryArmInAMiniatureEvaluation(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "cnn",
                "--cnn-steps", "10", "--model", "../models/fashion-mnist.onnx", "--scenario", "low-data",
                "--per-class", "10", "--seeds", "1", "--embedding-epochs", "1", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("cnn", json.path("provenance").path("trainer").path("name").asText());
        assertTrue(json.path("provenance").path("trainer").path("description").asText().contains("steps=10"),
                json.path("provenance").path("trainer").toString());
        assertEquals("REAL", json.path("arms").get(0).path("arm").asText());
        for (JsonNode arm : json.path("arms")) {
            assertEquals(1, arm.path("runs").size(), arm.toString());
            assertTrue(arm.path("macroF1").path("mean").isNumber(), arm.toString());
        }
    }

    @Test
    void cnnStepsBelowOneIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "cnn",
                "--cnn-steps", "0", "--out", dir.resolve("report").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--cnn-steps must be at least 1, was 0"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(dir.resolve("report")));
    }

    /** --cnn-steps without the cnn family was recorded and ignored. */
    @Test
    void cnnStepsWithoutTheCnnFamilyIsAUsageError(@TempDir Path dir) {
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "logistic,forest",
                "--cnn-steps", "100", "--out", dir.resolve("report").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--cnn-steps is read only by --trainer cnn"), run.err());
        assertFalse(Files.exists(dir.resolve("report")));
    }
}

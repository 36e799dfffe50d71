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

/**
 * The documented low-data scenario with 5 examples per class (bad input 15-evaluate-low-data): the GANs
 * trained inside {@code evaluate} get a batch that fits 50 examples, and a chosen batch that does not fit
 * is refused naming {@code --gan-batch-size}.
 */
class LowDataEvaluationTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    @Test
    void fiveExamplesPerClassEvaluateWithAFittedGanBatch(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o15");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--scenario", "low-data",
                "--per-class", "5", "--gan-epochs", "1", "--seeds", "2", "--embedding-epochs", "1",
                "--diagnostic-samples", "20", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(32, json.path("settings").path("ganBatchSize").asInt(), "largest power of two ≤ 50");
        assertEquals(2, json.path("provenance").path("generators").size(), "a GAN per seed");
        for (JsonNode arm : json.path("arms")) {
            assertEquals(2, arm.path("runs").size(), arm.toString());
            assertTrue(arm.path("macroF1").path("upper").isNumber(), "an interval from 2 seeds: " + arm);
        }
        for (JsonNode c : json.path("diagnostics")) {
            assertTrue(c.path("note").asText().startsWith("too few examples: 5 training (under 20) and "),
                    "too few to diagnose, said: " + c);
        }
        assertTrue(json.path("headline").path("text").asText().contains("2 seeds"), json.path("headline").toString());
        assertTrue(Files.exists(out.resolve("report.html")));
    }

    @Test
    void aChosenGanBatchLargerThanTheSplitNamesTheEvaluateOption(@TempDir Path dir) {
        Path out = dir.resolve("o15");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--scenario", "low-data",
                "--per-class", "5", "--gan-epochs", "1", "--seeds", "2", "--gan-batch-size", "64",
                "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("augment: --gan-batch-size is 64 but each seed's training split has only 50 "
                + "examples; choose at most 50"), run.err());
        assertFalse(Files.exists(out), "no report");
    }
}

package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code evaluate --gan-diff-augment/--gan-lecam-weight}: the GANs trained per seed use the recipe (their own
 * provenance says so), the report records it, bad values name the option, and tables refuse both.
 */
class EvaluateGanRecipeTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();
    private static final String CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv").toString();

    @Test
    void theTrainedGansUseTheRecipeAndTheReportRecordsIt(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--scenario", "low-data",
                "--per-class", "5", "--gan-epochs", "1", "--seeds", "1", "--embedding-epochs", "1",
                "--diagnostic-samples", "20", "--gan-diff-augment", "cutout, translation", "--gan-lecam-weight", "0.3",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        // "logistic (1 seed, no interval)" stood 2 columns right of the numbers under it (a fresh user, 7 Dec)
        java.util.List<String> lines = run.out().lines().toList();
        int head = java.util.stream.IntStream.range(0, lines.size()).filter(i -> lines.get(i).contains(
                "(1 seed, no interval)")).findFirst().orElseThrow();
        int column = lines.get(head).indexOf("macro-F1");
        String first = lines.get(head + 1);
        assertTrue(first.charAt(column - 1) == ' ' && first.charAt(column) != ' ', lines.get(head) + "\n" + first);
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("translation,cutout", json.path("settings").path("ganDiffAugment").asText(), json.path("settings")
                .toString());
        assertEquals(0.3, json.path("settings").path("ganLecamWeight").asDouble(), 1e-6);
        JsonNode trained = json.path("provenance").path("generators").path(0).path("provenance").path("settings");
        assertEquals("translation,cutout", trained.path("diffAugment").asText(), trained.toString());
        assertEquals(0.3, trained.path("lecamWeight").asDouble(), 1e-6, trained.toString());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("DiffAugment translation,cutout, LeCam 0.3"), "the report names the recipe");
    }

    /** The recipe chosen by measurement (README "Recipes tried for the evaluation's GAN") is what evaluate trains unasked. */
    @Test
    void withoutRecipeOptionsTheGansTrainTwentyEpochsWithModeSeeking(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("r");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--scenario", "low-data",
                "--per-class", "5", "--seeds", "1", "--embedding-epochs", "1", "--diagnostic-samples", "20",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(20, json.path("settings").path("ganEpochs").asInt(), json.path("settings").toString());
        assertEquals(1.0, json.path("settings").path("ganModeSeekingWeight").asDouble(), 1e-6);
        JsonNode trained = json.path("provenance").path("generators").path(0).path("provenance").path("settings");
        assertEquals(1.0, trained.path("modeSeekingWeight").asDouble(), 1e-6, trained.toString());
        assertEquals(20, trained.path("epochs").asInt(), trained.toString());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"--gan-diff-augment, rotation", "--gan-diff-augment, 'translation,,cutout'",
            "--gan-lecam-weight, -1"})
    void aBadRecipeNamesTheEvaluateOptionBeforeAnyWork(String option, String value, @TempDir Path dir) {
        Path out = dir.resolve("r");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, option, value, "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("augment: " + option + " "), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aTableRefusesTheImageGanRecipe(@TempDir Path dir) {
        Path out = dir.resolve("r");
        CliRun run = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", "--gan-lecam-weight", "0.3",
                "--out", out.toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--gan-lecam-weight"), run.err());
        assertFalse(Files.exists(out));
    }
}

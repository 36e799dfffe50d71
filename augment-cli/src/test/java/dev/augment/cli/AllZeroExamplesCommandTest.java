package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input 18-all-black-image (test resources {@code bad-inputs/18-all-black-image}): {@code train/a/zz-black.png}
 * is all zero. {@code evaluate} used to fail inside Tribuo ("Example had duplicate features, invalid features or
 * no features"); an all-zero image is valid data, so it now evaluates, like {@code train} already trained.
 */
class AllZeroExamplesCommandTest {

    @Test
    void evaluateAcceptsAnAllBlackImage(@TempDir Path dir) throws IOException, URISyntaxException {
        Path data = BadInputs.of("18-all-black-image", "data");
        assertTrue(Files.exists(data.resolve("train/a/zz-black.png")));
        Path out = dir.resolve("o18");

        // The README's command, with the output in a temporary folder.
        CliRun run = CliRun.of("evaluate", "--train", data.toString(), "--test", data.toString(), "--gan-epochs", "1",
                "--seeds", "2", "--embedding-epochs", "1", "--diagnostic-samples", "20", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("read 81 training and 48 test examples of 2 classes"), run.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(dev.augment.eval.protocol.Arm.defaults().size(), report.path("arms").size());
        for (JsonNode arm : report.path("arms")) {
            assertEquals(2, arm.path("runs").size(), arm.toString());
            assertTrue(arm.path("macroF1").path("mean").isNumber(), arm.toString());
        }
    }
}

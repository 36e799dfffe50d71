package dev.augment.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input 06-onebit-gray (test resources {@code bad-inputs/06-onebit-gray}, a copy of the folder with its
 * README): a folder of 1-bit greyscale PNGs trains a one-channel model, as every all-grey folder must.
 */
class GreyImageChannelsCommandTest {

    @Test
    void oneBitGreyPngsTrainAOneChannelModel(@TempDir Path dir) throws IOException, URISyntaxException {
        Path data = BadInputs.of("06-onebit-gray", "data");
        Path model = dir.resolve("m6.onnx");

        // The README's command: train --data .../data --out scratch/m6.onnx --epochs 1 --check-samples 0
        // --batch-size 4 && inspect --model scratch/m6.onnx
        CliRun train = CliRun.of("train", "--data", data.toString(), "--out", model.toString(), "--epochs", "1",
                "--check-samples", "0", "--batch-size", "4");
        assertEquals(0, train.exitCode(), train.err());
        CliRun inspect = CliRun.of("inspect", "--model", model.toString());
        assertEquals(0, inspect.exitCode(), inspect.err());
        assertTrue(inspect.out().contains("shape:       [1, 8, 8] (64 features"), inspect.out());

        CliRun json = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertEquals("[1,8,8]", new ObjectMapper().readTree(json.out()).path("shape").toString());
    }
}

package dev.augment.cli;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    private static final String MODEL = "../models/fashion-mnist.onnx";

    @Test
    void printsEveryMeasurementWithItsShareOfTheCeilingAndTheLoad() {
        CliRun run = CliRun.of("bench", "--model", MODEL, "--n", "3000", "--png-n", "60", "--steps", "0");
        assertEquals(0, run.exitCode(), run.err());
        String out = run.out();
        assertTrue(out.contains("load average"), out);
        for (String row : new String[] {"ceiling: mean of before and after", "generate --format idx",
                "generate --format csv", "generate --format png", "png encoding alone", "file system alone",
                "AugmentingDataSource, GAN examples"}) {
            assertTrue(Pattern.compile("(?m)^\\s*" + Pattern.quote(row) + ".*\\s\\d+\\s+\\d+\\.\\d%$").matcher(out).find(),
                    row + " with samples/s and a share:\n" + out);
        }
        assertTrue(Pattern.compile("(?m)^ceiling: mean of before and after\\s+\\d+\\s+100\\.0%$").matcher(out).find(), out);
    }

    @Test
    void timesTrainingStepsOfBothArchitectures() {
        CliRun run = CliRun.of("bench", "--model", MODEL, "--n", "600", "--png-n", "10", "--steps", "3");
        assertEquals(0, run.exitCode(), run.err());
        for (String arch : new String[] {"mlp", "conv"}) {
            assertTrue(Pattern.compile("(?m)^train " + arch + ", batch 64: \\d+\\.\\d\\d steps/s\\s+\\d+\\s+\\d+\\.\\d%$")
                    .matcher(run.out()).find(), run.out());
        }
    }

    @Test
    void refusesTooFewStepsAndNoThreadsAsUsageErrors() {
        CliRun steps = CliRun.of("bench", "--model", MODEL, "--steps", "2");
        assertEquals(2, steps.exitCode());
        assertTrue(steps.err().contains("--steps"), steps.err());
        CliRun threads = CliRun.of("bench", "--model", MODEL, "--threads", "0");
        assertEquals(2, threads.exitCode());
        assertTrue(threads.err().contains("--threads"), threads.err());
    }
}

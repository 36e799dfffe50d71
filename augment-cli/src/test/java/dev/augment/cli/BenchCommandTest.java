package dev.augment.cli;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        // the rows wait for the closing ceiling run: each measurement says so as it starts (30 s silent, 5 Dec)
        for (String what : new String[] {"generate --format idx (3000 samples)", "generate --format png (60 samples)",
                "AugmentingDataSource (3000 samples)"}) {
            assertTrue(run.err().contains("augment bench: measuring " + what + "..."), run.err());
        }
    }

    /** The header named the batch asked for, which generate caps (a fresh user, 5 Dec). */
    @Test
    void aBatchBeyondTheMemoryBudgetIsCappedAndTheHeaderSaysTheOneUsed() {
        CliRun run = CliRun.of("bench", "--model", MODEL, "--n", "300", "--png-n", "10", "--steps", "0",
                "--batch-size", "100000000", "--threads", "500");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("--threads 500 is capped to "), run.err());
        assertFalse(run.out().contains("500 generate threads"), run.out());
        assertTrue(run.err().contains("--batch-size 100000000 is capped to "), run.err());
        assertFalse(run.out().contains("batch 100000000"), run.out());
    }

    /** --n 1e12 would have filled the temporary folder's disk before a word (a fresh user, 5 Dec). */
    @Test
    void moreThanTheTemporaryFolderHoldsIsRefusedBeforeAnyWork() {
        CliRun run = CliRun.of("bench", "--model", MODEL, "--n", "1000000000000", "--png-n", "10", "--steps", "0");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("bench writes --n 1000000000000 samples as IDX and as CSV and --png-n 10 as PNG "
                + "into the temporary folder ") && run.err().contains("point TMPDIR at a larger disk"), run.err());
        assertEquals("", run.out(), "refused before the header and any measurement");
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

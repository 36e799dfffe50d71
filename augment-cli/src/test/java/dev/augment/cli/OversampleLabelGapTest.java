package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IDX labels with a small gap (0, 1, 2 and 5) make classes 3 and 4 without examples. The output's classes.csv leaves
 * them out, and the wrote line listed them as "3=0, 4=0" (helper k5, 6 Dec): both now list the same labels.
 */
class OversampleLabelGapTest {

    @Test
    void theWroteLineListsTheLabelsTheOutputHolds(@TempDir Path dir) throws IOException {
        int count = 40;
        byte[] labels = new byte[count];
        int[] used = {0, 1, 2, 5};
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) used[i % used.length];
        }
        Path data = BadFiles.idxFolder(dir.resolve("gap"), BadFiles.idxImages(0x00000803, count),
                BadFiles.idx(0x00000801, new int[] {count}, labels), false);
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros", "--counts", "0=3",
                "--format", "csv", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().strip().endsWith("added per label: {0=3, 1=0, 2=0, 5=0}"), run.out());
        List<String> listed = Files.readAllLines(out.resolve("classes.csv")).stream().skip(1)
                .map(line -> line.split(",")[1].replace("\"", "")).toList();
        assertEquals(List.of("0", "1", "2", "5"), listed);
    }
}

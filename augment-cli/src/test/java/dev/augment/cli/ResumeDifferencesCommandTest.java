package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resume with other settings names each difference as the option the user types, with a value the user could type:
 * DiffAugment off was an empty value ("translation,cutout in the checkpoint,  now") and the architecture was named by
 * its settings key, in capitals ("architecture MLP in the checkpoint, CONV now"; a fresh user, 6 Dec).
 */
class ResumeDifferencesCommandTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();

    @Test
    void eachDifferenceIsNamedAsItsOptionWithATypableValue(@TempDir Path dir) {
        Path model = dir.resolve("f.onnx");
        CliRun first = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "2",
                "--check-samples", "0", "--diff-augment", "translation,cutout");
        assertEquals(0, first.exitCode(), first.err());
        CliRun resumed = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--steps", "4",
                "--check-samples", "0", "--arch", "conv", "--resume", "--force");
        assertEquals(2, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("--arch mlp in the checkpoint, conv now"), resumed.err());
        assertTrue(resumed.err().contains("--diff-augment translation,cutout in the checkpoint, none now"),
                resumed.err());
        assertEquals(1, resumed.err().lines().count(), resumed.err());
    }
}

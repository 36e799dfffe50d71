package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an unusable cache ONNX Runtime's libraries go into a folder in the temporary folder, deleted at exit; a run
 * killed with SIGKILL left its 16 MB there for good. The folder is named after its host and process now, and the next
 * such run deletes a dead one's.
 */
class TemporaryLibrariesTest {

    @TempDir
    Path dir;

    @Test
    void aKilledRunsTemporaryLibrariesAreDeletedByTheNextRun() throws Exception {
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        String dead = KilledRunNames.deadPrefix("augment-onnxruntime");
        Path left = Files.createDirectories(temporary.resolve(dead + "98765"));
        Files.writeString(left.resolve("libonnxruntime.so"), "a killed run's copy");
        Path notAFolder = Files.writeString(dir.resolve("cache-is-a-file"), "x");

        ChildCli run = ChildCli.start(dir.resolve("logs"), List.of("-Daugment.cache.dir=" + notAFolder,
                "-Djava.io.tmpdir=" + temporary), "generate", "--model",
                Path.of("..", "models", "fashion-mnist.onnx").toString(), "--class", "bag", "--n", "2", "--format",
                "csv", "--out", dir.resolve("out").toString());
        assertEquals(0, run.waitFor(Duration.ofSeconds(120)), run.err());
        try (Stream<Path> remaining = Files.list(temporary)) {
            assertEquals(List.of(), remaining.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains("augment-onnxruntime")).toList(), "the dead run's and this run's are gone");
        }
    }
}

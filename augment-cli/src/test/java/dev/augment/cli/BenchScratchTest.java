package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bench's scratch in the temporary folder (helpers o6 and o7, 6 Dec): a killed bench's was never removed, tens to
 * hundreds of MB; and a temporary folder that filled up mid-run was told to "write to another disk", naming none.
 */
class BenchScratchTest {

    private static final String MODEL = Path.of("..", "models", "fashion-mnist.onnx").toString();

    @TempDir
    Path dir;

    @Test
    void aKilledBenchsScratchIsDeletedByTheNextBench() throws Exception {
        Path temporary = Files.createDirectories(dir.resolve("tmp"));
        String dead = KilledRunNames.deadPrefix(BenchCommand.SCRATCH);
        Path left = Files.createDirectories(temporary.resolve(dead + "12345"));
        Files.writeString(left.resolve("samples.csv"), "a killed bench's scratch");

        ChildCli bench = ChildCli.start(dir.resolve("logs"), List.of("-Djava.io.tmpdir=" + temporary), "bench",
                "--model", MODEL, "--n", "300", "--png-n", "10", "--steps", "0");
        assertEquals(0, bench.waitFor(Duration.ofSeconds(120)), bench.err());
        try (Stream<Path> remaining = Files.list(temporary)) {
            List<String> names = remaining.map(p -> p.getFileName().toString())
                    .filter(n -> n.contains(BenchCommand.SCRATCH)).toList();
            assertEquals(List.of(), names, "the killed bench's scratch and this bench's own are gone");
        }
    }

    @Test
    void aTemporaryFolderThatFillsUpMidRunIsNamedWithTheWayOut() throws Exception {
        try (TmpfsMount disk = TmpfsMount.at(dir.resolve("small"), "size=80m")) {
            assumeTrue(disk.mounted(), "cannot mount a tmpfs here (needs root on Linux)");
            ChildCli bench = ChildCli.start(dir.resolve("logs"), List.of("-Djava.io.tmpdir=" + disk.folder()),
                    "bench", "--model", MODEL, "--n", "30000", "--png-n", "3000", "--steps", "0");
            assertEquals(1, bench.waitFor(Duration.ofSeconds(300)), bench.err());
            String last = bench.err().lines().filter(l -> l.startsWith("augment: ")).reduce((a, b) -> b).orElse("");
            assertEquals("augment: the temporary folder " + disk.folder() + " filled up while bench wrote its samples "
                    + "there; its temporary files are deleted; ask for fewer (--n, --png-n), or point TMPDIR at a "
                    + "larger disk (No space left on device)", last, bench.err());
            try (Stream<Path> remaining = Files.list(disk.folder())) {
                assertTrue(remaining.noneMatch(p -> p.getFileName().toString().contains(BenchCommand.SCRATCH)),
                        "the scratch is deleted");
            }
        }
    }
}

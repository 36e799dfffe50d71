package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The image folders' notes reach evaluate's report, not only the console (a fresh user, 6 Dec). */
class EvaluateDataNotesTest {

    @Test
    void anImageFoldersNoteIsAmongTheReportsCaveats(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        copy(BadInputs.of("18-all-black-image", "data"), data);
        Files.writeString(data.resolve("train/a/notes.txt"), "not an image");
        Path out = dir.resolve("eval");
        CliRun run = CliRun.of("evaluate", "--train", data.toString(), "--test", data.toString(), "--seeds", "2",
                "--arms", "real,oversampling", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(report.path("caveats").toString().contains("a/notes.txt"), report.path("caveats").toString());
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}

package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-run {@code java -cp}: a current folder Java read lossily (U+FFFD) is refused, as outputs would go to another
 * folder (a fresh user, 7 Dec); a folder whose name really holds U+FFFD is taken (a re-check: it was refused too).
 */
class CurrentFolderNameTest {

    @Test
    void aFolderNamedWithTheReplacementCharacterIsTakenAndALossyReadingIsNot(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("fffd-\uFFFD"));
        Files.createDirectories(dir.resolve("models"));
        Run taken = models(real, List.of("-Daugment.home=" + dir, "-Dsun.jnu.encoding=UTF-8"));
        assertEquals(0, taken.code, taken.out);
        // user.dir that names no folder: what Java sets when it decodes a Latin-1 name as UTF-8
        Run lossy = models(dir, List.of("-Daugment.home=" + dir, "-Duser.dir=" + dir.resolve("caf\uFFFD")));
        assertEquals(1, lossy.code, lossy.out);
        assertTrue(lossy.out.contains("the current folder's path, read as UTF-8, names another folder"), lossy.out);
    }

    private record Run(int code, String out) {
    }

    private static Run models(Path workingFolder, List<String> properties) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                "java").toString(), "-cp", System.getProperty("java.class.path")));
        command.addAll(properties);
        command.addAll(List.of("dev.augment.cli.AugmentMain", "models"));
        Process process = new ProcessBuilder(command).directory(workingFolder.toFile()).redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), out);
        return new Run(process.exitValue(), out);
    }
}

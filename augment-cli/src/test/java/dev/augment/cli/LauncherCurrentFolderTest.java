package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both launchers started in a current folder that was deleted say so in one line before Java starts: the JVM could not
 * start there and printed its stack trace, which augment-spark/augment still did after ./augment was fixed (a fresh
 * user, 6 Dec).
 */
class LauncherCurrentFolderTest {

    @Test
    void aDeletedCurrentFolderIsOneLineFromEitherLauncher(@TempDir Path dir) throws Exception {
        for (Path launcher : List.of(Path.of("..", "augment"), Path.of("..", "augment-spark", "augment"))) {
            Process run = new ProcessBuilder("bash", "-c", "mkdir gone && cd gone && rmdir ../gone && bash \"$0\" "
                    + "--help", launcher.toAbsolutePath().normalize().toString()).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(run.waitFor(1, TimeUnit.MINUTES), said);
            assertEquals(1, run.exitValue(), launcher + ": " + said);
            assertTrue(said.contains("augment: the current folder no longer exists (deleted or moved); cd to an "
                    + "existing folder and run again"), launcher + ": " + said);
            assertFalse(said.contains("Exception") || said.contains("java.lang.Error"), said);
        }
    }
}

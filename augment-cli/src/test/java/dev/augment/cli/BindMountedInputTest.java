package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same data folder reached through a bind mount (a container's second mount of one host folder) passed the "--out
 * inside the input folder" check, which compared paths, and oversample wrote its output into its data (helper h9).
 * Runs where the tests may mount (root on Linux, as in CI).
 */
class BindMountedInputTest {

    @TempDir
    Path dir;

    @Test
    void anOutputInsideTheInputReachedThroughABindMountIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String c : List.of("bus", "car")) {
            for (int i = 0; i < 3; i++) {
                BadFiles.png(data.resolve(c).resolve(i + ".png"), 8, 8, 40 * i + c.length());
            }
        }
        Path mounted = Files.createDirectories(dir.resolve("mounted"));
        Process bind = new ProcessBuilder("mount", "--bind", data.toString(), mounted.toString())
                .redirectErrorStream(true).start();
        bind.getInputStream().readAllBytes();
        assumeTrue(bind.waitFor() == 0, "cannot bind-mount here (needs root on Linux)");
        try {
            CliRun run = CliRun.of("oversample", "--data", mounted.toString(), "--policy", "ros", "--counts", "bus=1",
                    "--format", "png", "--out", data.resolve("over").toString());
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("is inside the input folder " + mounted), run.err());
            assertTrue(Files.notExists(data.resolve("over")), "nothing is written into the data");
        } finally {
            new ProcessBuilder("umount", "-l", mounted.toString()).redirectErrorStream(true).start().waitFor();
        }
    }

    /** A mount of one class folder: --out through it landed in that class of the input (a re-check, 6 Dec). */
    @Test
    void anOutputThroughAMountOfOneOfTheInputsClassFoldersIsRefused() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String c : List.of("bus", "car", "van")) {
            for (int i = 0; i < 3; i++) {
                BadFiles.png(data.resolve(c).resolve(i + ".png"), 8, 8, 40 * i + c.length());
            }
        }
        Path mounted = Files.createDirectories(dir.resolve("vans"));
        Process bind = new ProcessBuilder("mount", "--bind", data.resolve("van").toString(), mounted.toString())
                .redirectErrorStream(true).start();
        bind.getInputStream().readAllBytes();
        assumeTrue(bind.waitFor() == 0, "cannot bind-mount here (needs root on Linux)");
        try {
            CliRun run = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros", "--counts", "bus=1",
                    "--format", "png", "--out", mounted.resolve("over").toString());
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("is inside the input folder " + data), run.err());
            assertTrue(Files.notExists(data.resolve("van").resolve("over")), "nothing is written into the data");

            // the other way round: the input reached through a mount of a folder inside the output
            Path out = dir.resolve("out");
            Files.createDirectories(out.resolve("inner"));
            Process second = new ProcessBuilder("mount", "--bind", out.resolve("inner").toString(),
                    mounted.toString()).redirectErrorStream(true).start();
            second.getInputStream().readAllBytes();
            assertEquals(0, second.waitFor());
            BadFiles.png(mounted.resolve("bus").resolve("0.png"), 8, 8, 1);
            BadFiles.png(mounted.resolve("car").resolve("0.png"), 8, 8, 2);
            CliRun held = CliRun.of("oversample", "--data", mounted.toString(), "--policy", "ros", "--counts",
                    "bus=1", "--format", "png", "--out", out.toString(), "--force");
            assertEquals(2, held.exitCode(), held.err());
            assertTrue(held.err().contains("holds the input " + mounted), held.err());
            assertTrue(Files.isRegularFile(out.resolve("inner").resolve("bus").resolve("0.png")), "the data is kept");
            new ProcessBuilder("umount", "-l", mounted.toString()).redirectErrorStream(true).start().waitFor();
        } finally {
            new ProcessBuilder("umount", "-l", mounted.toString()).redirectErrorStream(true).start().waitFor();
        }
    }
}

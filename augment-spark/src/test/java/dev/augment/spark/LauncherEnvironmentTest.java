package dev.augment.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code augment-spark/augment} starts Java under the environment {@code ./augment} gives it (the shared
 * {@code launcher-environment.sh}): a UTF-8 locale when the user's is not, so that class names such as "犬" can name
 * files, and glibc's malloc thresholds and arena cap. Run on a copy of the launcher whose Java is a stand-in that
 * prints what it was started with.
 */
class LauncherEnvironmentTest {

    private static final String ENVIRONMENT = "launcher-environment.sh";

    @Test
    void underLcAllCJavaRunsUnderCUtf8(@TempDir Path home) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the launcher switches locale on Linux only");
        String seen = javaEnvironment(home, Map.of("LC_ALL", "C"));
        assertTrue(seen.contains("LC_ALL=C.UTF-8 "), seen);
    }

    @Test
    void aUtf8LocaleIsLeftAsItIs(@TempDir Path home) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the launcher switches locale on Linux only");
        String seen = javaEnvironment(home, Map.of("LANG", "C.UTF-8"));
        assertTrue(seen.contains("LC_ALL=- LC_CTYPE=- "), seen);
    }

    @Test
    void javaGetsTheMallocSettingsAndAUsersOwnKeysAreKept(@TempDir Path home) throws Exception {
        String seen = javaEnvironment(home, Map.of("LANG", "C.UTF-8", "GLIBC_TUNABLES", "glibc.malloc.arena_max=4"));
        assertTrue(seen.contains("tunables=[glibc.malloc.arena_max=4:glibc.malloc.mmap_threshold=33554432:"
                + "glibc.malloc.trim_threshold=4294967296]"), seen);
    }

    /**
     * Copies the launcher and the script it sources into {@code home}, with a jar and class path it takes as built,
     * and runs it with only the given locale and malloc variables.
     *
     * @return what the Java stand-in printed: {@code LC_ALL=… LC_CTYPE=… tunables=[…]}
     */
    private static String javaEnvironment(Path home, Map<String, String> variables)
            throws IOException, InterruptedException {
        Path module = Files.createDirectories(home.resolve("augment-spark"));
        Path launcher = Files.copy(Path.of("augment"), module.resolve("augment"));
        Files.copy(Path.of("..", ENVIRONMENT), home.resolve(ENVIRONMENT));
        Files.copy(Path.of("..", "launcher-java.sh"), home.resolve("launcher-java.sh")); // sourced before the build
        Files.writeString(home.resolve("pom.xml"), "");
        Files.writeString(module.resolve("pom.xml"), "");
        Files.createDirectories(module.resolve("src/main"));
        Path target = Files.createDirectories(module.resolve("target"));
        byte[] emptyZip = new byte[22]; // a whole (empty) zip: its end record, which the launcher looks for
        emptyZip[0] = 'P';
        emptyZip[1] = 'K';
        emptyZip[2] = 5;
        emptyZip[3] = 6;
        Path jar = Files.write(target.resolve("augment-spark.jar"), emptyZip);
        Files.writeString(target.resolve("classpath.txt"), "");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600))); // newer than the sources
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\n"
                + "echo \"LC_ALL=${LC_ALL:--} LC_CTYPE=${LC_CTYPE:--} tunables=[$GLIBC_TUNABLES]\"\n");
        assertTrue(java.toFile().setExecutable(true));

        ProcessBuilder builder = new ProcessBuilder(List.of("bash", launcher.toString(), "--version"));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG") || k.equals("GLIBC_TUNABLES"));
        env.putAll(variables);
        env.put("PATH", bin + ":" + env.get("PATH"));
        Process process = builder.redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}

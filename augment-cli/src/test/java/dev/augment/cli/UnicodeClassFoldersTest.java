package dev.augment.cli;

import dev.augment.data.ClassMap;
import dev.augment.data.DataSources;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bad input 08: class folders 'T-shirt top', 'a,b "q"', 'ab', 'Ünïcödé', '犬' and '猫'. Output folders keep
 * the names, classes.csv carries them whatever the folders became, and any locale works.
 */
class UnicodeClassFoldersTest {

    private static final List<String> NAMES = List.of("T-shirt top", "a,b \"q\"", "ab", "Ünïcödé", "犬", "猫");

    @Test
    void readmeCommandKeepsTheNamesAndReadsBackWithTheSameLabels(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("m8.onnx");
        CliRun train = CliRun.of("train", "--data", BadInputs.of("08-unicode-class-names", "data").toString(),
                "--out", model.toString(), "--epochs", "1", "--check-samples", "0", "--batch-size", "8");
        assertEquals(0, train.exitCode(), train.err());
        Path out = dir.resolve("o8");
        CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "1",
                "--out", out.toString());
        assertEquals(0, generate.exitCode(), generate.err());

        // surefire runs this JVM under C.UTF-8, as ./augment runs the CLI: every name is a valid folder name
        assertEquals(NAMES.stream().sorted().toList(), folders(out));
        ClassMap map = ClassMap.read(out.resolve(ClassMap.FILE));
        assertEquals(NAMES.stream().sorted().toList(), map.names(), "folder order is the training order");
        SchemaDataSource back = DataSources.open(out, Split.TRAIN, null);
        assertEquals(map.labels(), back.schema().labels());
        assertEquals(map.names(), back.schema().classNames());
    }

    @Test
    void underLcAllCTheFoldersAreEscapedAsciiAndTheClassMapKeepsTheTrueNames(@TempDir Path dir) throws Exception {
        SampleSchema schema = TestModels.imageSchema(NAMES, 4);
        Path model = TestModels.write(dir.resolve("unicode.onnx"), schema);
        Path out = dir.resolve("out");
        Process child = childCli(Map.of("LC_ALL", "C"), "generate", "--model", model.toString(), "--class", "all",
                "--n", "2", "--out", out.toString());
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);

        assertEquals(List.of("%C3%9Cn%C3%AFc%C3%B6d%C3%A9", "%E7%8A%AC", "%E7%8C%AB", "T-shirt top", "a,b \"q\"", "ab"),
                folders(out), "what Java can name under LC_ALL=C");
        ClassMap map = ClassMap.read(out.resolve(ClassMap.FILE));
        assertEquals(NAMES, map.names());
        SchemaDataSource back = DataSources.open(out, Split.TRAIN, null);
        assertEquals(schema.labels(), back.schema().labels());
        assertEquals(NAMES, back.schema().classNames());
    }

    /**
     * Under a file.encoding of ISO-8859-1 (JAVA_TOOL_OPTIONS on some machines) class names printed as "??": the
     * console is UTF-8 with the launcher's stream settings, as every file is (a fresh user, 6 Dec).
     */
    @Test
    void theConsoleIsUtf8WhateverTheFileEncoding(@TempDir Path dir) throws Exception {
        Path model = TestModels.write(dir.resolve("unicode.onnx"), TestModels.imageSchema(NAMES, 4));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), "dev.augment.cli.AugmentMain", "inspect", "--model",
                model.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Dfile.encoding=ISO-8859-1");
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("犬") && output.contains("Ünïcödé"), output);
        String launcherJava = Files.readString(Path.of("..", "launcher-java.sh"));
        assertTrue(launcherJava.contains("-Dsun.stdout.encoding=UTF-8 -Dsun.stderr.encoding=UTF-8"),
                "the launcher gives Java these settings");
    }

    @ParameterizedTest(name = "LC_ALL={0} LC_CTYPE={1} LANG={2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "C|-|-|C.UTF-8|-",
        "POSIX|-|C.UTF-8|C.UTF-8|-",
        "-|-|C|-|C.UTF-8",
        "-|-|-|-|C.UTF-8",
        "-|C|C.UTF-8|-|C.UTF-8",
        "-|-|C.UTF-8|-|-",
        "C.utf8|-|-|C.utf8|-",
        // named UTF-8 but not installed (a fresh user's LANG=de_DE.UTF-8): C falls back to C for every category
        "-|-|xx_XX.UTF-8|C.UTF-8|-"})
    void launcherRunsJavaUnderAUtf8Locale(String lcAll, String lcCtype, String lang, String javaLcAll,
                                          String javaLcCtype, @TempDir Path home) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the launcher switches locale on Linux only");
        LauncherSandbox.launcher(home);
        Path jar = home.resolve("augment-cli/target/augment-cli.jar");
        byte[] emptyZip = new byte[22]; // a whole (empty) zip: its end record, which the launcher looks for
        emptyZip[0] = 'P';
        emptyZip[1] = 'K';
        emptyZip[2] = 5;
        emptyZip[3] = 6;
        Files.write(jar, emptyZip);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"LC_ALL=${LC_ALL:--} LC_CTYPE=${LC_CTYPE:--}\"\n");
        assertTrue(java.toFile().setExecutable(true));

        ProcessBuilder builder = new ProcessBuilder("bash", home.resolve("augment").toString(), "--version");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        putIfGiven(env, "LC_ALL", lcAll);
        putIfGiven(env, "LC_CTYPE", lcCtype);
        putIfGiven(env, "LANG", lang);
        env.put("PATH", bin + ":" + env.get("PATH"));
        Process launcher = builder.redirectErrorStream(true).start();
        String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS));
        assertEquals("LC_ALL=" + (javaLcAll == null ? "-" : javaLcAll) + " LC_CTYPE="
                + (javaLcCtype == null ? (lcCtype == null ? "-" : lcCtype) : javaLcCtype), output);
    }

    /** A jar a killed build left empty but newer than the sources is built again, not run (and failed) forever. */
    @org.junit.jupiter.api.Test
    void launcherBuildsAgainWhenItsJarIsIncomplete(@TempDir Path home) throws Exception {
        assumeTrue(System.getProperty("os.name").startsWith("Linux"));
        Path launcher = LauncherSandbox.launcher(home);
        Path jar = home.resolve("augment-cli/target/augment-cli.jar");
        Files.writeString(jar, "PK\u0003\u0004 cut short");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));
        // the build stands in for Maven: it records that it ran and writes the jar
        Path bin = LauncherSandbox.standIns(home, "echo built\n", "echo ran\n");
        Process process = LauncherSandbox.start(launcher, bin, "--version");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(output.contains("building the command line") && output.contains("built") && output.contains("ran"),
                output);
        assertEquals(22, Files.size(jar), "the cut jar was replaced by the build's");
    }

    private static void putIfGiven(Map<String, String> env, String key, String value) {
        if (value != null) {
            env.put(key, value);
        }
    }

    /** Runs the CLI in a fresh JVM with this test's class path and the given locale variables only. */
    private static Process childCli(Map<String, String> locale, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.augment.cli.AugmentMain"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("LC_") || k.equals("LANG"));
        builder.environment().putAll(locale);
        return builder.start();
    }

    private static List<String> folders(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

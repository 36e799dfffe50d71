package dev.augment.cli;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The awkward inputs of the bad-input corpus that must work: class names with {@code ../}, {@code /},
 * {@code ..}, hundreds of characters or non-ASCII letters, from a generator's schema and from a names file.
 * Each generates every class in every format, exits 0, and writes nothing outside {@code --out}.
 */
class AcceptedInputCorpusTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();
    private static final String LONG = "very-long-class-name-".repeat(15);

    @TempDir
    Path dir;

    static Stream<Arguments> hostileNames() {
        return Stream.of(
                Arguments.of(Named.of("parent-folder names", List.of("../evil", "..", "."))),
                Arguments.of(Named.of("slashes", List.of("a/b", "/etc/passwd", "c\\d"))),
                Arguments.of(Named.of("a 315-character name", List.of(LONG, "short"))),
                Arguments.of(Named.of("non-ASCII names", List.of("Kleid", "Gürtel", "帽子", "Ω"))));
    }

    @ParameterizedTest(name = "{0} in png, idx and csv")
    @MethodSource("hostileNames")
    void hostileClassNamesOfAModelGenerateInsideTheOutput(List<String> names) throws IOException {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(names, 4));
        Path outputs = Files.createDirectory(dir.resolve("outputs"));
        for (String format : new String[] {"png", "idx", "csv"}) {
            Path out = outputs.resolve(format);
            CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "2",
                    "--format", format, "--out", out.toString());
            assertEquals(0, run.exitCode(), format + ": " + run.err());
        }
        assertEverythingInside(outputs, List.of("png", "idx", "csv"));
        try (Stream<Path> files = Files.walk(outputs.resolve("png"))) {
            assertEquals(2L * names.size(), files.filter(p -> p.toString().endsWith(".png")).count());
        }
    }

    @Test
    void namesOutsideTheBasicMultilingualPlaneSurviveTheModelFile() throws IOException {
        Path model = TestModels.write(dir.resolve("g.onnx"), TestModels.imageSchema(List.of("👟", "👜"), 4));
        Path out = dir.resolve("emoji");
        CliRun run = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "1",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(out.resolve("👟").resolve("000001.png")), "a folder named by the emoji");
        assertTrue(Files.readString(out.resolve("classes.csv")).contains("👜"), "the class map keeps the name");
    }

    @Test
    void hostileNamesFromANamesFileTrainAndGenerateInsideTheOutput() throws IOException {
        List<String> names = List.of("../evil", "a/b", "..", LONG, "Gürtel", "帽子", "/etc/passwd", "Sandal", "Shirt",
                "Bag");
        Path namesFile = Files.write(dir.resolve("names.txt"), names);
        Path outputs = Files.createDirectory(dir.resolve("outputs"));
        Path model = outputs.resolve("m.onnx");
        CliRun train = CliRun.of("train", "--data", SAMPLE, "--names", namesFile.toString(), "--out", model.toString(),
                "--epochs", "1", "--batch-size", "50", "--check-samples", "0");
        assertEquals(0, train.exitCode(), train.err());
        CliRun inspect = CliRun.of("inspect", "--model", model.toString());
        assertTrue(inspect.out().contains("帽子") && inspect.out().contains("../evil"), inspect.out());
        CliRun generate = CliRun.of("generate", "--model", model.toString(), "--class", "all", "--n", "1",
                "--out", outputs.resolve("png").toString());
        assertEquals(0, generate.exitCode(), generate.err());
        assertEverythingInside(outputs, List.of("m.onnx", "m.onnx.training", "png"));
        try (Stream<Path> files = Files.walk(outputs.resolve("png"))) {
            assertEquals(names.size(), files.filter(p -> p.toString().endsWith(".png")).count());
        }
    }

    /** Nothing was written outside {@code outputs}, whose top level holds exactly {@code expected}. */
    private void assertEverythingInside(Path outputs, List<String> expected) throws IOException {
        try (Stream<Path> top = Files.list(dir)) {
            assertEquals(List.of("g.onnx", "names.txt", "outputs").stream().filter(n -> Files.exists(dir.resolve(n)))
                    .sorted().toList(), top.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> top = Files.list(outputs)) {
            assertEquals(expected.stream().sorted().toList(), top.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> all = Files.walk(outputs)) {
            all.forEach(p -> assertTrue(p.toAbsolutePath().normalize().startsWith(outputs.toAbsolutePath()), p.toString()));
        }
    }
}

package dev.augment.cli;

import ai.onnx.proto.OnnxMl;
import dev.augment.onnx.GeneratorContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The conventions every command follows: version, usage, suggestions, seeds, placeholders, examples, logging. */
class CliConventionsTest {

    static List<String> subcommands() {
        return List.copyOf(AugmentCli.create(sink(), sink()).getSubcommands().keySet());
    }

    /** "augment help" was "did you mean models?", "augment help generate" its missing options (7 Dec). */
    @Test
    void helpAsAWordPrintsTheUsageAskedFor() {
        CliRun all = CliRun.of("help");
        assertEquals(0, all.exitCode(), all.err());
        assertTrue(all.out().contains("Usage: augment [-hV] [COMMAND]"), all.out());
        CliRun generate = CliRun.of("help", "generate");
        assertEquals(0, generate.exitCode(), generate.err());
        assertTrue(generate.out().contains("Usage: augment generate "), generate.out());
        assertEquals("", generate.err());
    }

    /**
     * --names "" was the current folder (": class names file is a folder", exit 3), an unbalanced quote split with two
     * picocli warnings naming a Java field, and a doubled comma found after the data was read (a fresh user, 7 Dec).
     */
    @Test
    void emptyNamesUnbalancedQuotesAndDoubledCommasAreRefusedBeforeAnyWork() {
        CliRun names = CliRun.of("oversample", "--data", "nowhere", "--names", "", "--policy", "ros");
        assertEquals(2, names.exitCode(), names.err());
        assertTrue(names.err().startsWith("augment: --names is empty; give fashion-mnist, mnist, cifar10 or a names "
                + "file"), names.err());
        CliRun quote = CliRun.of("generate", "--class", "\"Sneaker,Bag", "--n", "1", "--out", "nowhere");
        assertEquals(2, quote.exitCode(), quote.err());
        assertEquals("augment: --class '\"Sneaker,Bag' has an unbalanced double quote; a name holding a comma goes in "
                + "a pair of them (e.g. '\"x, y\",b'), a name holding a quote in an entry of its own (give it in "
                + "another --class), or by its index (see 'augment generate --help')",
                quote.err().lines().findFirst()
                .orElseThrow());
        assertFalse(quote.err().contains("WARN"), quote.err());
        // without a comma the quote is part of a name (a class folder 5" disk): looked up, not refused (a re-check)
        CliRun inch = CliRun.of("generate", "--model", "../models/fashion-mnist.onnx", "--class", "5\" disk", "--n",
                "1", "--out", "nowhere");
        assertEquals(2, inch.exitCode(), inch.err());
        assertTrue(inch.err().contains("'5\" disk'") && !inch.err().contains("unbalanced"), inch.err());
        for (String value : new String[] {"0,,2", ",2", ",,2"}) {
            CliRun doubled = CliRun.of("oversample", "--data", "nowhere", "--classes", value, "--policy", "ros");
            assertEquals(2, doubled.exitCode(), doubled.err());
            assertTrue(doubled.err().startsWith("augment: --classes '" + value + "' has an empty entry"),
                    doubled.err());
        }
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everySubcommandPrintsTheVersion(String command) {
        for (String flag : new String[] {"--version", "-V"}) {
            CliRun run = CliRun.of(command, flag);
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().startsWith("augment "), command + " " + flag + ": '" + run.out() + "'");
        }
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void everyHelpEndsWithExamplesOfItsOwnCommand(String command) {
        CliRun run = CliRun.of(command, "--help");
        assertEquals(0, run.exitCode(), run.err());
        String examples = run.out().substring(run.out().indexOf("Examples:"));
        assertTrue(examples.contains("  augment " + command + " "), run.out());
        examples.lines().forEach(line -> assertTrue(line.length() <= 80, "wrapped example: " + line));
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void placeholdersAreUpperCaseWordsAndSeedsDefaultToTheSameValue(String command) {
        CommandSpec spec = AugmentCli.create(sink(), sink()).getSubcommands().get(command).getCommandSpec();
        for (OptionSpec option : spec.options()) {
            if (option.arity().max() > 0) {
                assertTrue(option.paramLabel().matches("[A-Z]+(=[A-Z]+)?"), command + " " + option.longestName()
                        + " has placeholder " + option.paramLabel());
            }
            if (option.longestName().equals("--seed")) {
                assertEquals(CommonOptions.DEFAULT_SEED, option.defaultValue(), command + " --seed");
            }
        }
    }

    @Test
    void bareCallPrintsTheUsageAndSaysWhatToDo() {
        CliRun run = CliRun.of();
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("Commands:") && run.err().contains("generate"), run.err());
        assertTrue(run.err().contains("augment: name a command, e.g. 'augment generate --help'"), run.err());
        assertFalse(run.err().contains("Missing required subcommand"), run.err());
    }

    @Test
    void aFileGivenWithoutItsOptionIsPointedToTheOption() {
        // a fresh user (4 Dec): 'augment inspect base.onnx' said only "Unmatched argument at index 1"
        CliRun run = CliRun.of("inspect", "base.onnx");
        assertEquals(ExitCodes.USAGE, run.exitCode());
        assertTrue(run.err().contains("'base.onnx'; files are given with an option: --model base.onnx"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());

        CliRun word = CliRun.of("inspect", "extra");
        assertFalse(word.err().contains("files are given"), word.err());
        CliRun given = CliRun.of("inspect", "--model=base.onnx", "base.onnx");
        assertFalse(given.err().contains("files are given"), given.err());
        // a stray second data file is not offered to --checkpoint-dir or --out
        CliRun stray = CliRun.of("train", "--data", "a.csv", "--label", "y", "b.csv", "--out", "m.onnx");
        assertFalse(stray.err().contains("files are given"), stray.err());
        CliRun data = CliRun.of("evaluate", "--out", "o", "table.csv");
        assertTrue(data.err().contains("files are given with an option: --train table.csv or --test table.csv or "
                + "--data table.csv"), data.err());
    }

    /**
     * The plugin's seed was 0 where every command's is 42, so an OLCUT configuration without one added other examples
     * than {@code oversample} without one wrote (a fresh user, 6 Dec).
     */
    @Test
    void thePluginsDefaultSeedIsTheCommands() {
        assertEquals(Long.parseLong(CommonOptions.DEFAULT_SEED),
                dev.augment.tribuo.AugmentingDataSource.DEFAULT_SEED);
    }

    @Test
    void nearMissCommandAndOptionGetASuggestionOnOneLine() {
        CliRun command = CliRun.of("generat", "--n", "3");
        assertEquals(ExitCodes.USAGE, command.exitCode());
        assertTrue(command.err().contains("did you mean generate?"), command.err());
        assertEquals(1, command.err().lines().count(), command.err());
        // the Spark section's command, typed with this launcher, was offered generate (a fresh user, 6 Dec)
        CliRun spark = CliRun.of("spark-generate", "--n", "1");
        assertEquals(ExitCodes.USAGE, spark.exitCode());
        assertTrue(spark.err().contains("spark-generate is a command of the Spark launcher: run augment-spark/augment "
                + "spark-generate"), spark.err());
        assertFalse(spark.err().contains("did you mean generate"), spark.err());
        assertEquals(1, spark.err().lines().count(), spark.err());
        CliRun misspelt = CliRun.of("spark-gen", "--n", "1");
        assertTrue(misspelt.err().contains("spark-generate is a command of the Spark launcher"), misspelt.err());

        CliRun option = CliRun.of("generate", "--class", "0", "--n", "3", "--seeed", "4");
        assertEquals(ExitCodes.USAGE, option.exitCode());
        assertTrue(option.err().contains("did you mean --seed?"), option.err());
        assertTrue(option.err().contains("'augment generate --help'"), option.err());
        assertEquals(1, option.err().lines().count(), option.err());
    }

    @Test
    void stacktraceOptionOfTheMixinAddsTheTrace(@TempDir Path dir) {
        String missing = dir.resolve("missing.onnx").toString();
        CliRun plain = CliRun.of("inspect", "--model", missing);
        assertEquals(1, plain.err().lines().count(), plain.err());
        CliRun traced = CliRun.of("inspect", "--model", missing, "--stacktrace");
        assertEquals(plain.exitCode(), traced.exitCode());
        assertTrue(traced.err().lines().count() > 3 && traced.err().contains("\tat "), traced.err());
    }

    @Test
    void librariesLogWarningsOnlyDuringACommandUnlessVerbose() {
        Logger tribuo = Logger.getLogger("org.tribuo");
        Logger djl = Logger.getLogger("ai.djl");
        Level before = tribuo.getLevel();
        try (ConsoleLogging quiet = ConsoleLogging.apply(false)) {
            assertFalse(tribuo.isLoggable(Level.INFO));
            assertTrue(tribuo.isLoggable(Level.WARNING));
            assertFalse(djl.isLoggable(Level.WARNING));
        }
        try (ConsoleLogging verbose = ConsoleLogging.apply(true)) {
            assertTrue(tribuo.isLoggable(Level.INFO));
            assertTrue(djl.isLoggable(Level.INFO));
        }
        assertEquals(before, tribuo.getLevel(), "the level is restored after the command");
    }

    /** The plugin's SMOTE progress line printed as "INFO dev.augment.tribuo.OversampledExamples: …" (6 Dec). */
    @Test
    void augmentsOwnLogRecordsPrintAsCommandLinesAndLibrariesKeepTheirFormat() {
        java.util.logging.Formatter plain = new java.util.logging.Formatter() {
            @Override
            public String format(java.util.logging.LogRecord record) {
                return "LIB " + record.getLoggerName() + " " + record.getMessage();
            }
        };
        ConsoleLogFormat format = new ConsoleLogFormat(plain);
        java.util.logging.LogRecord own = new java.util.logging.LogRecord(Level.INFO, "SMOTE: finding");
        own.setLoggerName("dev.augment.tribuo.OversampledExamples");
        assertEquals("augment: SMOTE: finding" + System.lineSeparator(), format.format(own));
        java.util.logging.LogRecord warning = new java.util.logging.LogRecord(Level.WARNING, "odd");
        warning.setLoggerName("dev.augment.table.CsvTableSource");
        assertEquals("augment: warning: odd" + System.lineSeparator(), format.format(warning));
        java.util.logging.LogRecord library = new java.util.logging.LogRecord(Level.WARNING, "tribuo says");
        library.setLoggerName("org.tribuo.Trainer");
        assertEquals("LIB org.tribuo.Trainer tribuo says", format.format(library));

        java.util.logging.Handler console = new java.util.logging.ConsoleHandler();
        console.setFormatter(plain);
        Logger.getLogger("").addHandler(console);
        try {
            try (ConsoleLogging logging = ConsoleLogging.apply(false)) {
                assertTrue(console.getFormatter() instanceof ConsoleLogFormat, "replaced during the command");
            }
            assertSame(plain, console.getFormatter(), "restored after the command");
        } finally {
            Logger.getLogger("").removeHandler(console);
        }
    }

    @Test
    void inspectPrintsScoresAsATableWithAHeaderAndOneRowPerClass(@TempDir Path dir) throws IOException {
        Path model = scoredModel(dir);
        CliRun run = CliRun.of("inspect", "--model", model.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        int header = lines.indexOf(lines.stream().filter(l -> l.trim().startsWith("class ")).findFirst().orElseThrow());
        assertTrue(lines.get(header).contains("consistency") && lines.get(header).contains("coverage"), run.out());
        assertTrue(lines.get(header + 1).matches("\\s+Trouser\\s+0\\.950\\s+0\\.800\\s+yes"), lines.get(header + 1));
        assertTrue(lines.get(header + 2).matches("\\s+Ankle boot\\s+0\\.500\\s+0\\.700\\s+no"), lines.get(header + 2));
        assertTrue(run.out().contains("scores:      score 0.930 (epoch 3)"), run.out());
        assertFalse(run.out().contains("{\""), "no raw JSON in the text output: " + run.out());

        CliRun json = CliRun.of("inspect", "--model", model.toString(), "--json");
        assertTrue(json.out().contains("\"labelConsistency\" : 0.95"), json.out());
    }

    private static PrintWriter sink() {
        return new PrintWriter(new StringWriter());
    }

    /** A test generator whose {@code augment.scores} metadata holds two classes' scores. */
    private static Path scoredModel(Path dir) throws IOException {
        Path plain = TestModels.write(dir.resolve("plain.onnx"), TestModels.imageSchema(List.of("Trouser", "Ankle boot"), 4));
        String scores = "{\"perClass\":[{\"class\":\"Trouser\",\"labelConsistency\":0.95,\"coverage\":0.8,"
                + "\"targetsMet\":true},{\"class\":\"Ankle boot\",\"labelConsistency\":0.5,\"coverage\":0.7,"
                + "\"targetsMet\":false}],\"summary\":{\"score\":0.93},\"epoch\":3}";
        OnnxMl.ModelProto model = OnnxMl.ModelProto.parseFrom(Files.readAllBytes(plain));
        OnnxMl.ModelProto.Builder edited = model.toBuilder().clearMetadataProps();
        for (OnnxMl.StringStringEntryProto entry : model.getMetadataPropsList()) {
            if (!entry.getKey().equals(GeneratorContract.KEY_SCORES)) {
                edited.addMetadataProps(entry);
            }
        }
        edited.addMetadataProps(OnnxMl.StringStringEntryProto.newBuilder().setKey(GeneratorContract.KEY_SCORES)
                .setValue(scores));
        return Files.write(dir.resolve("scored.onnx"), edited.build().toByteArray());
    }
}

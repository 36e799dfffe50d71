package dev.augment.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code augment oversample} on the checked-in Fashion-MNIST sample (1000 training images, 100 per class). */
class OversampleCommandTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();
    private static final String MODEL = Path.of("..", "models", "fashion-mnist.onnx").toString();

    @TempDir
    Path dir;

    @Test
    void addedCountsQuoteALabelThatHoldsTheNotation() {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        counts.put("cat", 3);
        counts.put("x=1, y", 2);
        counts.put(" padded", 1);
        counts.put("o'k", 0);
        assertEquals("{cat=3, 'x=1, y'=2, ' padded'=1, 'o''k'=0}", OversampleCommand.perLabel(counts));
        // a grade typed on a Greek layout printed exactly as A (a re-check, 6 Dec); a Cyrillic word alone as it is
        Map<String, Integer> grades = new java.util.LinkedHashMap<>();
        grades.put("A", 0);
        grades.put("\u0391", 116);
        grades.put("\u0434\u043e\u043c", 3);
        assertEquals("{A=0, '\\u0391'=116, \u0434\u043e\u043c=3}", OversampleCommand.perLabel(grades));
        Map<String, Integer> many = new java.util.LinkedHashMap<>();
        for (int c = 0; c < 300; c++) {
            many.put("cls" + c, c == 1 ? 3 : 0);
        }
        assertEquals("{cls1=3} and 299 other labels 0", OversampleCommand.perLabel(many), "one line of 3 KB before");
        many.replaceAll((label, count) -> 0);
        assertEquals("0 for each of the 300 labels", OversampleCommand.perLabel(many));
        many.replaceAll((label, count) -> label.equals("cls7") ? 0 : 1);
        assertTrue(OversampleCommand.perLabel(many).contains("cls7=0"), "one zero is listed, not counted");
    }

    /** generate's output oversampled was written with every generated example flagged real (a fresh user, 5 Dec). */
    @Test
    void generatedOutputAsTheDataIsNoted() throws IOException {
        Path generated = dir.resolve("generated");
        assertEquals(0, CliRun.of("generate", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(),
                "--class", "all", "--n", "5", "--format", "idx", "--out", generated.toString()).exitCode());
        CliRun run = CliRun.of("oversample", "--data", generated.toString(), "--policy", "ros", "--counts", "sneaker=2",
                "--format", "csv", "--out", dir.resolve("o").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("augment: warning: " + generated + " is augment generate's "
                + "output (its generated.json: 5 samples of each of 10 classes from "), run.err());
        assertTrue(run.err().contains("so the examples this source calls real are generated too"), run.err());
        // the output carries generate's record forward: one hop later its "real" examples were real to every reader,
        // without a note (a fresh user, 5 Dec)
        Path none = dir.resolve("none-added");
        assertEquals(0, CliRun.of("oversample", "--data", generated.toString(), "--policy", "ros", "--multiply", "1",
                "--format", "idx", "--out", none.toString()).exitCode());
        assertTrue(Files.exists(none.resolve("generated.json")));
        CliRun next = CliRun.of("oversample", "--data", none.toString(), "--policy", "ros", "--multiply", "1",
                "--format", "idx", "--out", dir.resolve("next").toString());
        assertEquals(0, next.exitCode(), next.err());
        // with the output's own counts and format: generate's told "100 of its 102 are generated" (a fresh user, 5 Dec)
        assertTrue(next.err().contains(none + " is augment oversample's output holding generated examples (its "
                + "generated.json): 50 of its 50 examples are generated (from "), next.err());
        assertTrue(Files.readString(dir.resolve("next/generated.json")).contains("\"format\" : \"idx\""));
        CliRun real = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--counts", "sneaker=2",
                "--format", "csv", "--out", dir.resolve("r").toString());
        assertEquals(0, real.exitCode(), real.err());
        assertFalse(real.out().contains("generate's output"), real.out());
    }

    /**
     * Generated PNG files copied among real ones came out of oversample unmarked, flagged real, with no record, and the
     * next reader said nothing (a fresh user, 5 Dec): the copies keep the mark and the output records how many.
     */
    @Test
    void markedFilesAmongRealOnesStayMarkedInTheOutput() throws IOException {
        Path real = dir.resolve("real");
        assertEquals(0, CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--multiply", "1",
                "--format", "png", "--out", real.toString()).exitCode());
        Files.delete(real.resolve("synthetic.csv")); // a user's folder of real PNG files
        Path generated = dir.resolve("generated");
        assertEquals(0, CliRun.of("generate", "--model", MODEL, "--class", "bag", "--n", "3", "--out",
                generated.toString()).exitCode());
        try (Stream<Path> files = Files.list(generated.resolve("Bag"))) {
            for (Path file : files.toList()) {
                Files.copy(file, real.resolve("Bag").resolve("g" + file.getFileName()));
            }
        }
        Path png = dir.resolve("png");
        CliRun run = CliRun.of("oversample", "--data", real.toString(), "--policy", "ros", "--multiply", "1",
                "--format", "png", "--out", png.toString());
        assertEquals(0, run.exitCode(), run.err());
        long marked;
        try (Stream<Path> files = Files.walk(png)) {
            marked = files.filter(f -> f.toString().endsWith(".png")).filter(OversampleCommandTest::isMarked).count();
        }
        assertEquals(3, marked, "the 3 marked files stay marked");
        String record = Files.readString(png.resolve("generated.json"));
        assertTrue(record.contains("\"generated\" : " + marked) && record.contains("\"examples\" : 1003"), record);
        Path idx = dir.resolve("idx");
        CliRun next = CliRun.of("oversample", "--data", png.toString(), "--policy", "ros", "--multiply", "1",
                "--format", "idx", "--out", idx.toString());
        assertEquals(0, next.exitCode(), next.err());
        assertTrue(next.err().contains(png + " is augment oversample's output holding generated examples (its "
                + "generated.json): " + marked + " of its 1003 examples are generated (PNG files augment generate "
                + "wrote, each carrying its mark, of class 'Bag')"), next.err());

        assertTrue(Files.readString(idx.resolve("generated.json")).contains("\"generated\" : " + marked),
                "an IDX file holds no mark: the record counts them");
        Path plain = dir.resolve("plain");
        assertEquals(0, CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--multiply", "1",
                "--format", "png", "--out", plain.toString()).exitCode());
        assertFalse(Files.exists(plain.resolve("generated.json")), "real data gets no record");
        // the GAN's own examples carry the mark: copied among real images they went unnoticed (a fresh user, 5 Dec)
        Path gan = dir.resolve("gan");
        assertEquals(0, CliRun.of("oversample", "--data", SAMPLE, "--policy", "gan", "--model", MODEL, "--counts",
                "bag=2", "--format", "png", "--out", gan.toString()).exitCode());
        try (Stream<Path> files = Files.walk(gan)) {
            assertEquals(2, files.filter(f -> f.toString().endsWith(".png")).filter(OversampleCommandTest::isMarked)
                    .count());
        }
        // the record counts them too: a reader without the flags takes every example for real
        assertTrue(Files.readString(gan.resolve("generated.json")).contains("\"generated\" : 2,"));
        // and names this run's model, seed and format: it said model "", seed 0, format png, and the next reader
        // "PNG files augment generate wrote" of a CSV's GAN rows (a fresh user, 6 Dec)
        Path ganIdx = dir.resolve("gan-idx");
        assertEquals(0, CliRun.of("oversample", "--data", SAMPLE, "--policy", "gan", "--model", MODEL, "--counts",
                "bag=2", "--format", "idx", "--seed", "7", "--out", ganIdx.toString()).exitCode());
        String own = Files.readString(ganIdx.resolve("generated.json"));
        // resolved as generate records it: it was recorded with '..' kept (a re-check, 7 Dec)
        String model = Path.of(MODEL).toRealPath().toString();
        assertFalse(model.contains(".."), model);
        assertTrue(own.contains("\"writer\" : \"augment oversample\"") && own.contains("\"seed\" : 7,")
                && own.contains("\"format\" : \"idx\"") && own.contains("\"model\" : \"" + model.replace("\\", "\\\\")
                + "\""), own);
        Files.delete(ganIdx.resolve("synthetic-idx1-ubyte"));
        CliRun again = CliRun.of("oversample", "--data", ganIdx.toString(), "--policy", "ros", "--multiply", "1",
                "--format", "csv", "--out", dir.resolve("again").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains(ganIdx + " is augment oversample's output holding generated examples (its "
                + "generated.json): 2 of its 1002 examples are generated (from " + model + ", seed 7)"), again.err());
    }

    /**
     * A second oversampling of an IDX output kept the first's count: "3 of its 2200" where 23 rows were copies of
     * generated ones, since IDX rows hold no mark (a fresh user, 5 Dec). The count is now a range.
     */
    @Test
    void anIdxOutputOversampledAgainCountsItsGeneratedRowsAsARange() throws IOException {
        Path generated = dir.resolve("generated");
        assertEquals(0, CliRun.of("generate", "--model", MODEL, "--class", "bag", "--n", "3", "--out",
                generated.toString()).exitCode());
        Path real = dir.resolve("real");
        assertEquals(0, CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--multiply", "1",
                "--format", "png", "--out", real.toString()).exitCode());
        Files.delete(real.resolve("synthetic.csv"));
        try (Stream<Path> files = Files.list(generated.resolve("Bag"))) {
            for (Path file : files.toList()) {
                Files.copy(file, real.resolve("Bag").resolve("g" + file.getFileName()));
            }
        }
        Path idx = dir.resolve("idx");
        assertEquals(0, CliRun.of("oversample", "--data", real.toString(), "--policy", "ros", "--multiply", "1",
                "--format", "idx", "--out", idx.toString()).exitCode());
        Files.delete(idx.resolve("synthetic-idx1-ubyte")); // every row real to the next reader, 3 of them generated
        Path again = dir.resolve("again");
        CliRun run = CliRun.of("oversample", "--data", idx.toString(), "--policy", "ros", "--multiply", "3",
                "--format", "idx", "--out", again.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(idx + " is augment oversample's output holding generated examples (its "
                + "generated.json): 3 of its 1003 examples are generated"), run.err());
        String record = Files.readString(again.resolve("generated.json"));
        // 1003 rows times 3: 2006 ROS copies, any of which may copy one of the 3 generated rows
        assertTrue(record.contains("\"generated\" : 3,") && record.contains("\"generatedAtMost\" : 2009,")
                && record.contains("\"examples\" : 3009"), record);
        Files.delete(again.resolve("synthetic-idx1-ubyte"));
        CliRun third = CliRun.of("oversample", "--data", again.toString(), "--policy", "ros", "--multiply", "1",
                "--format", "csv", "--out", dir.resolve("third").toString());
        assertEquals(0, third.exitCode(), third.err());
        assertTrue(third.err().contains("at least 3 (at most 2009) of its 3009 examples are generated"), third.err());
        // its flags deleted: "though it flags them as real (synthetic 0)" named flags that were gone (a fresh user)
        assertTrue(third.err().contains("; its synthetic flags are gone, so which examples are generated cannot be "
                + "told"), third.err());
    }

    /**
     * A png output of the GAN policy whose synthetic.csv was deleted was said to hold generated examples that "cannot
     * be told", though its GAN PNGs carry generate's mark (a fresh user, 6 Dec).
     */
    @Test
    void aPngOutputWithoutItsFlagsIsToldItsGeneratedFilesCarryTheMark() throws IOException {
        Path gan = dir.resolve("gan");
        CliRun made = CliRun.of("oversample", "--data", SAMPLE, "--policy", "gan", "--model", MODEL, "--counts",
                "bag=2", "--format", "png", "--out", gan.toString());
        assertEquals(0, made.exitCode(), made.err());
        Files.delete(gan.resolve("synthetic.csv"));
        CliRun again = CliRun.of("oversample", "--data", gan.toString(), "--policy", "ros", "--multiply", "1",
                "--format", "csv", "--out", dir.resolve("again").toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.err().contains("its synthetic flags are gone, but its PNG files of generated examples carry "
                + "augment's mark"), again.err());
        assertFalse(again.err().contains("cannot be told"), again.err());
        // the flags call the data's examples real, the 2 marked ones too: the run says so after its "wrote" line,
        // which had called them real without a word (a re-check, 6 Dec)
        assertTrue(again.err().contains("augment: note: 2 of the 1002 examples flagged real (synthetic 0) are "
                + "generated data of --data, as generated.json in " + dir.resolve("again") + " counts them"),
                again.err());
        assertTrue(again.out().startsWith("wrote 1002 real and "), again.out());
        CliRun real = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--multiply", "1",
                "--format", "csv", "--out", dir.resolve("real").toString());
        assertEquals(0, real.exitCode(), real.err());
        assertFalse(real.err().contains("flagged real (synthetic 0) are generated"), real.err());
    }

    private static boolean isMarked(Path file) {
        try {
            return dev.augment.data.GeneratedPng.isMarked(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** 'x, y=3' was split at its comma and told only that 'x' is not CLASS=N (a re-check, 5 Dec). */
    /** Balanced data under the default --balance: a copy with nothing added, without a word (a fresh user, 7 Dec). */
    @Test
    void balancingBalancedDataSaysItAddedNothing(@TempDir Path dir) {
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--format", "idx", "--out",
                dir.resolve("o").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(" and 0 added examples"), run.out());
        assertTrue(run.err().contains("note: every class is already as large as the largest, so balancing added "
                + "nothing; --multiply FACTOR or --counts CLASS=N add examples"), run.err());
        CliRun some = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--multiply", "1.1", "--format",
                "idx", "--out", dir.resolve("m").toString());
        assertEquals(0, some.exitCode(), some.err());
        assertFalse(some.err().contains("balancing added nothing"), some.err());
    }

    @Test
    void aCountsEntrySplitAtAClassNamesCommaIsToldToBeQuoted() {
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--counts", "x, y=3",
                "--format", "csv", "--out", dir.resolve("o").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--counts entry 'x' is not CLASS=N, e.g. sneaker=30 (--counts is split at "
                + "commas: a class name holding one goes in double quotes, '\"x, y\"=N')"), run.err());
    }

    /** A user's image numbered like oversample's own, put in its PNG output, was deleted by --force (5 Dec). */
    @Test
    void aForcedRunKeepsAFileItsFlagsDoNotList() throws IOException {
        Path out = dir.resolve("png");
        assertEquals(0, CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--counts", "sneaker=1",
                "--format", "png", "--out", out.toString()).exitCode());
        Path sneakers = out.resolve("Sneaker");
        Path mine;
        try (Stream<Path> files = Files.list(sneakers)) {
            Path first = files.sorted().findFirst().orElseThrow();
            mine = Files.copy(first, sneakers.resolve("999999.png"));
        }
        CliRun forced = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--counts", "sneaker=1",
                "--format", "png", "--out", out.toString(), "--force");
        assertEquals(2, forced.exitCode(), forced.err());
        assertTrue(forced.err().contains("holds 'Sneaker/999999.png', which augment does not write"), forced.err());
        assertTrue(Files.exists(mine));
        Files.delete(mine);
        assertEquals(0, CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--counts", "sneaker=1",
                "--format", "png", "--out", out.toString(), "--force").exitCode(), "its own output is replaced");
    }

    @Test
    void csvHasTheRealThenTheAskedSmoteRowsWithASyntheticColumnTheSameForTheSameSeed() throws IOException {
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "smote", "--counts", "sneaker=7,2=3",
                "--k", "3", "--seed", "3", "--format", "csv", "--out", dir.resolve("a").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote 1000 real and 10 added examples (smote)"), run.out());
        List<String> lines = Files.readAllLines(dir.resolve("a/samples.csv"));
        assertEquals(1 + 1000 + 10, lines.size());
        assertTrue(lines.get(0).startsWith("label,000,001,") && lines.get(0).endsWith(",synthetic"), lines.get(0));
        assertTrue(lines.subList(1, 1001).stream().allMatch(l -> l.endsWith(",0")), "real rows come first, flagged 0");
        Map<String, Integer> added = new TreeMap<>();
        for (String line : lines.subList(1001, 1011)) {
            assertTrue(line.endsWith(",1"), line);
            added.merge(line.substring(0, line.indexOf(',')), 1, Integer::sum);
        }
        assertEquals(Map.of("2", 3, "7", 7), added);
        List<String> classes = Files.readAllLines(dir.resolve("a/classes.csv"));
        assertTrue(classes.stream().anyMatch(l -> l.contains("Sneaker")), "the class map, as the other formats write: "
                + classes);

        assertEquals(0, CliRun.of("oversample", "--data", SAMPLE, "--policy", "smote", "--counts", "sneaker=7,2=3",
                "--k", "3", "--seed", "3", "--format", "csv", "--out", dir.resolve("b").toString()).exitCode());
        assertEquals(0, CliRun.of("oversample", "--data", SAMPLE, "--policy", "smote", "--counts", "sneaker=7,2=3",
                "--k", "3", "--seed", "4", "--format", "csv", "--out", dir.resolve("c").toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/samples.csv")), Files.readAllBytes(dir.resolve("b/samples.csv")));
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a/samples.csv")),
                Files.readAllBytes(dir.resolve("c/samples.csv"))), "another seed gives other rows");
    }

    @Test
    void idxReadsBackWithASidecarFlaggingTheAddedExamples() throws IOException {
        Path out = dir.resolve("ros");
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--multiply", "1.5",
                "--classes", "t-shirt/top,bag", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> labels = labels(out);
        byte[] flags = flags(out, labels.size());
        assertEquals(1100, labels.size());
        Map<String, Integer> flagged = new TreeMap<>();
        for (int i = 0; i < flags.length; i++) {
            assertEquals(i < 1000 ? 0 : 1, flags[i], "flag of example " + i);
            if (flags[i] == 1) {
                flagged.merge(labels.get(i), 1, Integer::sum);
            }
        }
        assertEquals(Map.of("0", 50, "8", 50), flagged);
        // generate's word for every class is told how oversample says it (6 Dec)
        CliRun all = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--classes", "all", "--out",
                dir.resolve("all").toString());
        assertEquals(2, all.exitCode(), all.err());
        assertTrue(all.err().contains("--classes 'all' is not a class of the data; ")
                && all.err().contains("; for every class, leave the setting out (--classes)"), all.err());
    }

    /** A model whose samples break the contract was a usage error naming the plugin's "generatorPath" (6 Dec). */
    @Test
    void aModelWhoseSamplesLeaveItsDeclaredRangeIsBadInputNamingTheModel() throws IOException {
        Path narrow = ContractBreakingModels.withMaxValue(Path.of(MODEL), dir.resolve("narrow.onnx"), 1.0);
        for (String policy : List.of("gan", "hybrid")) {
            Path out = dir.resolve("narrow-" + policy);
            CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", policy, "--model", narrow.toString(),
                    "--counts", "0=5", "--out", out.toString());
            assertEquals(3, run.exitCode(), run.err());
            assertTrue(run.err().startsWith("augment: " + narrow + " breaks the generator contract: it generated ")
                    && run.err().contains("outside the value range [0.0, 1.0] its metadata declares"), run.err());
            assertFalse(run.err().contains("generatorPath"), run.err());
            assertFalse(Files.exists(out), "nothing written");
        }
    }

    @Test
    void hybridWritesTheRebalancingExamplesAndTheGeneratedOnesOnTop() throws IOException {
        Path out = dir.resolve("hybrid");
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "hybrid", "--model", MODEL,
                "--counts", "3=4", "--ratio", "0.5", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> labels = labels(out);
        byte[] flags = flags(out, labels.size());
        assertEquals(1006, labels.size(), "4 from SMOTE and 2 from the GAN");
        assertEquals(6, countOnes(flags));
        assertTrue(labels.subList(1000, 1006).stream().allMatch("3"::equals));
        assertTrue(run.out().contains("added examples (hybrid: smote + gan)"), run.out());
    }

    @Test
    void aBlendWhoseShareLeavesOneSourceEmptyNamesOnlyTheOtherInTheWroteLine() {
        // a fresh user (4 Dec): mix --share 1 said "(mix: smote + gan)" though every added example was the GAN's
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "mix", "--model", MODEL,
                "--counts", "3=3", "--share", "1", "--out", dir.resolve("mix").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote 1000 real and 3 added examples (mix: gan only)"), run.out());
    }

    @Test
    void pngHasASidecarNamingEachFileAndItsFlag() throws IOException {
        Path out = dir.resolve("png");
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--counts", "bag=2",
                "--format", "png", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(out.resolve("synthetic.csv"));
        assertEquals("file,label,synthetic,source", rows.get(0));
        assertEquals(1003, rows.size());
        // IDX images come from one file: no source file to name
        assertEquals(List.of("Bag/000101.png,8,1,", "Bag/000102.png,8,1,"), rows.subList(1001, 1003));
        assertTrue(Files.exists(out.resolve("Bag/000102.png")));
        assertFalse(Files.exists(out.resolve("Bag/000103.png")));
    }

    /**
     * The PNG output renamed every real image (000001.png) and named no file a ROS copy copies, where users key their
     * own records on the file names (a fresh user, 6 Dec): the sidecar's source column names them.
     */
    @Test
    void pngSidecarNamesTheFileEachRealImageAndCopyComesFrom() throws IOException {
        Path out = dir.resolve("png-sources");
        Path data = Path.of("..", "datasets", "cifar10-sample", "train");
        CliRun run = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros", "--counts", "cat=3",
                "--format", "png", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows = Files.readAllLines(out.resolve("synthetic.csv"));
        List<String> catFiles;
        try (java.util.stream.Stream<Path> files = Files.list(data.resolve("cat"))) {
            catFiles = files.map(f -> "cat/" + f.getFileName()).sorted().toList();
        }
        List<String> realCat = rows.stream().filter(r -> r.startsWith("cat/") && r.endsWith(",0," + r.substring(
                r.lastIndexOf(',') + 1))).map(r -> r.substring(r.lastIndexOf(',') + 1)).toList();
        assertEquals(catFiles, realCat.stream().sorted().toList(), "each real image names its own file once");
        List<String> copies = rows.stream().filter(r -> r.startsWith("cat/") && r.contains(",1,")).toList();
        assertEquals(3, copies.size(), rows.toString());
        assertTrue(copies.stream().allMatch(r -> catFiles.contains(r.substring(r.lastIndexOf(',') + 1))),
                "each copy names the real file it copies: " + copies);
    }

    /** A generator of other images used to be refused as a setting (exit 2) in words unlike score's. */
    @Test
    void aGeneratorOfOtherImagesIsRefusedAsScoreRefusesIt() throws IOException {
        Path model = TestModels.write(dir.resolve("small.onnx"), TestModels.imageSchema(List.of("a", "b"), 8));
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "gan", "--model", model.toString(),
                "--out", dir.resolve("o").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("the model generates 64 features [1, 8, 8] of classes [0, 1] (a, b) but --data "),
                run.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    /**
     * Image data of some of the model's classes was refused, "for image data" as a rule, where the Java API took the
     * same folder (re-checks, 7 Dec): the GAN adds examples of the data's classes only, written under their labels.
     */
    @Test
    void imageDataOfSomeOfTheModelsClassesIsOversampled() throws IOException {
        Path some = dir.resolve("some");
        CliRun generated = CliRun.of("generate", "--model", MODEL, "--class", "sandal,bag", "--n", "3", "--format",
                "png", "--out", some.toString());
        assertEquals(0, generated.exitCode(), generated.err());
        Files.delete(some.resolve("Bag").resolve("000003.png"));
        CliRun run = CliRun.of("oversample", "--data", some.toString(), "--policy", "gan", "--model", MODEL,
                "--format", "csv", "--out", dir.resolve("o").toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> rows;
        try (java.util.stream.Stream<Path> files = Files.list(dir.resolve("o"))) {
            Path csv = files.filter(f -> f.toString().endsWith(".csv") && !f.endsWith("classes.csv")).findFirst()
                    .orElseThrow();
            rows = Files.readAllLines(csv);
        }
        // 3 Sandal, 2 Bag real; balance adds 1 Bag, none of the model's other eight classes
        assertEquals(1 + 6, rows.size(), String.join("\n", rows.subList(0, 1)));
        java.util.Map<String, Long> labels = rows.stream().skip(1).map(r -> r.substring(0, r.indexOf(',')))
                .collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting()));
        assertEquals(java.util.Map.of("5", 3L, "8", 3L), labels);
        assertTrue(run.out().contains("added per label: {5 (Sandal)=0, 8 (Bag)=1}"), run.out());
        // a class of the model the data lacks: the writer, holding the data's classes, failed with exit 1 (7 Dec)
        CliRun lacking = CliRun.of("oversample", "--data", some.toString(), "--policy", "gan", "--model", MODEL,
                "--counts", "sneaker=2", "--format", "csv", "--out", dir.resolve("o2").toString());
        assertEquals(2, lacking.exitCode(), lacking.err());
        assertTrue(lacking.err().contains("--counts asks for examples of class 'Sneaker' (label '7'), which the model "
                + "knows but the data does not hold (its classes are '5', '8')"), lacking.err());
        assertFalse(Files.exists(dir.resolve("o2")));
        // hybrid advised "use method gan", which is refused for the same class (a re-check, 7 Dec)
        CliRun hybrid = CliRun.of("oversample", "--data", some.toString(), "--policy", "hybrid", "--model", MODEL,
                "--counts", "sneaker=2", "--format", "csv", "--out", dir.resolve("o3").toString());
        assertEquals(2, hybrid.exitCode(), hybrid.err());
        assertTrue(hybrid.err().contains("--counts asks for examples of class 'Sneaker' (label '7'), which the model "
                + "knows but the data does not hold"), hybrid.err());
        CliRun renamed = CliRun.of("score", "--data", some.toString(), "--model", MODEL);
        assertEquals(3, renamed.exitCode(), renamed.err());
        assertTrue(renamed.err().contains("the data's classes are some of the model's, and this command compares "
                + "every class of the model"), renamed.err());
    }

    /**
     * An IDX pair of labels 0, 2 and 7 has classes 0 to 7, five of them without examples: the GAN fills such a class
     * (the output holds it), and 9, which the data does not name, is refused with the classes that have examples
     * first; the refusal called 0 to 7 alike "its classes" (a re-check, 7 Dec), and refusing 5 too took away what a
     * classes.csv naming a class still to be collected allowed (the next re-check).
     */
    @Test
    void aGapLabelOfAnIdxPairIsFilledAndALabelBeyondIsRefusedNamingTheClassesWithExamples() throws IOException {
        int[] labels = {0, 2, 7, 0, 2, 7};
        byte[] pixels = new byte[labels.length * 28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 31 % 256);
        }
        byte[] labelBytes = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labelBytes[i] = (byte) labels[i];
        }
        Path idx = BadFiles.idxFolder(dir.resolve("gaps"), BadFiles.idx(0x00000803, new int[] {labels.length, 28, 28},
                pixels), BadFiles.idx(0x00000801, new int[] {labels.length}, labelBytes), false);
        CliRun beyond = CliRun.of("oversample", "--data", idx.toString(), "--policy", "gan", "--model", MODEL,
                "--counts", "9=3", "--format", "idx", "--out", dir.resolve("o").toString());
        assertEquals(2, beyond.exitCode(), beyond.err());
        assertTrue(beyond.err().contains("which the model knows but the data does not hold (its classes are '0', '2', "
                + "'7', and without examples '1', '3', '4', '5', '6')"), beyond.err());
        assertFalse(Files.exists(dir.resolve("o")));
        CliRun gap = CliRun.of("oversample", "--data", idx.toString(), "--policy", "gan", "--model", MODEL,
                "--counts", "5=3", "--format", "idx", "--out", dir.resolve("o").toString());
        assertEquals(0, gap.exitCode(), gap.err());
        // the names from the model, where the IDX data has none (a re-check, 7 Dec)
        assertTrue(gap.out().contains("added per label: {0 (T-shirt/top)=0, 2 (Pullover)=0, 5 (Sandal)=3, "
                + "7 (Sneaker)=0}"),
                gap.out());
    }

    /** --k, --ratio, --share and --baseline used to be ignored silently by the policies that do not read them. */
    @Test
    void kIsRefusedWhereNoSmoteRuns() throws IOException {
        CliRun ros = CliRun.of("oversample", "--data", SAMPLE, "--policy", "ros", "--k", "3", "--out",
                dir.resolve("r").toString());
        assertEquals(2, ros.exitCode(), ros.err());
        assertTrue(ros.err().contains("--k is read only by SMOTE (--policy smote, or hybrid and mix with --baseline "
                + "smote), and this run is --policy ros;"), ros.err());
        CliRun hybrid = CliRun.of("oversample", "--data", SAMPLE, "--policy", "hybrid", "--baseline", "ros", "--k",
                "3", "--model", "../models/fashion-mnist.onnx", "--out", dir.resolve("h").toString());
        assertEquals(2, hybrid.exitCode(), hybrid.err());
        assertTrue(hybrid.err().contains("this run is --policy hybrid --baseline ros"), hybrid.err());
        // the name a table run prints for its SMOTE (a fresh user, 7 Dec)
        CliRun smoteNc = CliRun.of("oversample", "--data", SAMPLE, "--policy", "hybrid", "--baseline", "smote-nc",
                "--model", "../models/fashion-mnist.onnx", "--out", dir.resolve("n").toString());
        assertEquals(2, smoteNc.exitCode(), smoteNc.err());
        assertTrue(smoteNc.err().contains("must be ros or smote, was 'smote-nc'; smote-nc is smote on a table with a "
                + "categorical column, which smote chooses by itself: give smote"), smoteNc.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing is written");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2|--policy|magic|--policy must be one of ros|smote|gan|hybrid|mix",
            "2|--policy|smote-nc|smote-nc is smote on a table with a categorical column, which smote chooses by "
                    + "itself: give smote",
            "2|--k|0|--k (SMOTE's neighbour count) must be at least 1, was 0",
            "2|--counts|unicorn=3|--counts",
            "2|--model|" + "../models/fashion-mnist.onnx|--model is read only by --policy gan, hybrid and mix, and "
                    + "this run is --policy smote",
            "2|--gan-filter|2|--gan-filter is read only by --policy gan, hybrid and mix, and this run is "
                    + "--policy smote",
            "2|--gan-filter|1|--gan-filter is read only by --policy gan, hybrid and mix, and this run is "
                    + "--policy smote",
            "2|--device|cuda|--device is read only by --policy gan, hybrid and mix, and this run is --policy smote",
            "2|--ratio|0.2|--ratio is read only by --policy hybrid, and this run is --policy smote",
            "2|--share|0.2|--share is read only by --policy mix, and this run is --policy smote",
            "2|--baseline|ros|--baseline is read only by --policy hybrid and mix, and this run is --policy smote",
            "2|--counts|2=3,2=4|--counts names class '2' twice",
            "2|--counts|2|--counts entry '2' is not CLASS=N",
            "2|--counts|2=3,,5=2|--counts '2=3,,5=2' has an empty entry; separate the entries with single commas",
            "2|--counts|'\"Sandal,Bag=2'|has an unbalanced double quote",
            "2|--counts|2=many|--counts 2=many: the count must be a whole number",
            "2|--classes|,|--classes names no class",
            "2|--multiply|2|choose one of --balance, --counts and --multiply",
            "2|--format|gif|--format",
            "3|--data|missing-folder|data not found"})
    void badInputIsRefusedInOneLineAndLeavesNothingBehind(int code, String option, String value, String expected)
            throws IOException {
        Path out = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("oversample", "--data", SAMPLE, "--policy", "smote",
                "--counts", "2=3", "--out", out.toString()));
        int at = args.indexOf(option);
        if (option.equals("--multiply") || option.equals("--model")) {
            args.addAll(List.of(option, value));
        } else if (at >= 0) {
            args.set(at + 1, option.equals("--data") ? dir.resolve(value).toString() : value);
        } else {
            args.addAll(List.of(option, value));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(code, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing is left behind");
        }
    }

    @Test
    void ganFilterAddsTheAskedCountsAndPrintsWhatItDroppedForEachClass() throws IOException {
        CliRun filtered = CliRun.of("oversample", "--data", SAMPLE, "--policy", "gan", "--model", MODEL,
                "--counts", "3=4,sneaker=6", "--gan-filter", "2", "--seed", "5", "--format", "csv",
                "--out", dir.resolve("filtered").toString());
        assertEquals(0, filtered.exitCode(), filtered.err());
        assertEquals(Map.of("3", 4, "7", 6), added(dir.resolve("filtered")), "the asked counts, filtered or not");
        List<String> lines = filtered.out().lines().filter(l -> l.startsWith("FILTER ")).toList();
        assertEquals(2, lines.size(), filtered.out());
        // ceil(2 x 4) = 8 and ceil(2 x 6) = 12 candidates drawn, half dropped
        assertTrue(lines.get(0).matches("FILTER Dress \\(label 3\\): kept 4 of 8 generated candidates, dropped 4 "
                + "\\(mean p of the class kept/dropped: \\d\\.\\d\\d/\\d\\.\\d\\d\\)"), lines.get(0));
        assertTrue(lines.get(1).startsWith("FILTER Sneaker (label 7): kept 6 of 12 generated candidates, dropped 6 "),
                lines.get(1));

        CliRun plain = CliRun.of("oversample", "--data", SAMPLE, "--policy", "gan", "--model", MODEL,
                "--counts", "3=4,sneaker=6", "--seed", "5", "--format", "csv",
                "--out", dir.resolve("plain").toString());
        assertEquals(0, plain.exitCode(), plain.err());
        assertFalse(plain.out().contains("FILTER"), plain.out());
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("filtered/samples.csv")),
                Files.readAllBytes(dir.resolve("plain/samples.csv"))), "the filter kept other GAN rows");
    }

    @ParameterizedTest
    @CsvSource({"0.5", "0", "NaN", "Infinity"})
    void aBadGanFilterIsRefusedInOneLineWordedAsEvaluateWordsIt(String bad) throws IOException {
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "hybrid", "--model", MODEL,
                "--counts", "2=3", "--gan-filter", bad, "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("--gan-filter must be a finite number of at least 1 (candidates drawn per "
                + "generated sample kept; 1 = no filtering), was "), run.err());
        CliRun evaluate = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--gan-filter", bad,
                "--out", dir.resolve("never").toString());
        assertEquals(evaluate.err(), run.err(), "the same line as evaluate --gan-filter");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing is left behind");
        }
    }

    @Test
    void aModelFileThatIsNotAGeneratorIsBadInput() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.onnx"), "not an onnx file");
        CliRun run = CliRun.of("oversample", "--data", SAMPLE, "--policy", "gan", "--model", broken.toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    /** @return the rows of samples.csv flagged synthetic, counted by label */
    private static Map<String, Integer> added(Path out) throws IOException {
        Map<String, Integer> added = new TreeMap<>();
        for (String line : Files.readAllLines(out.resolve("samples.csv"))) {
            if (line.endsWith(",1")) {
                added.merge(line.substring(0, line.indexOf(',')), 1, Integer::sum);
            }
        }
        return added;
    }

    /** @return the label bytes, read by Tribuo's IDX reader (augment's refuses output with added examples) */
    private static List<String> labels(Path out) throws IOException {
        List<String> labels = new ArrayList<>();
        for (Example<Label> example : new IDXDataSource<>(out.resolve("images-idx3-ubyte"),
                out.resolve("labels-idx1-ubyte"), new LabelFactory())) {
            labels.add(example.getOutput().getLabel());
        }
        return labels;
    }

    private static byte[] flags(Path out, int expected) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(out.resolve("synthetic-idx1-ubyte")))) {
            assertEquals(0x00000801, in.readInt(), "IDX1 ubyte magic");
            assertEquals(expected, in.readInt(), "one flag per example");
            byte[] flags = in.readAllBytes();
            assertEquals(expected, flags.length);
            return flags;
        }
    }

    private static int countOnes(byte[] flags) {
        int n = 0;
        for (byte b : flags) {
            n += b;
        }
        return n;
    }

    /** Image folders skip what is not an image directly in a class folder; a hidden folder would have been a class. */
    @Test
    void anImageFolderWithEntriesItSkipsSaysSoInOneNote() throws IOException {
        Path data = dir.resolve("photos");
        for (String file : List.of("a/1.png", "a/2.png", "b/1.png", ".c/1.png")) {
            BadFiles.png(data.resolve(file), 4, 4);
        }
        Files.writeString(data.resolve("a/3.bmp"), "not read");
        CliRun run = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros", "--counts", "b=1",
                "--format", "csv", "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("skipped 2 entries that are not read as data (.c/, a/3.bmp)"), run.out());
    }

    /** One text cell in a numeric column turned --policy smote into SMOTE-NC with only the column's note (5 Dec). */
    @Test
    void smoteOnATableWithANumberLikeColumnSaysItRunsAsSmoteNc() throws IOException {
        StringBuilder csv = new StringBuilder("size,weight,kind\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i).append(',').append(i == 3 ? "heavy" : Double.toString(1.5 * i)).append(',')
                    .append(i < 20 ? "big" : "small").append('\n');
        }
        Path table = Files.writeString(dir.resolve("t.csv"), csv);
        CliRun smote = CliRun.of("oversample", "--data", table.toString(), "--label", "kind", "--policy", "smote",
                "--out", dir.resolve("o1").toString());
        assertEquals(0, smote.exitCode(), smote.err());
        assertTrue(smote.out().contains("note: SMOTE runs as SMOTE-NC here, since column 'weight' of mostly numbers "
                + "is read as categories"), smote.out());
        // each of the data's notes once: the plugin's copy among its warnings was printed too (a re-check, 6 Dec)
        assertFalse((smote.out() + smote.err()).contains("the data: "), smote.out() + smote.err());
        CliRun ros = CliRun.of("oversample", "--data", table.toString(), "--label", "kind", "--policy", "ros",
                "--out", dir.resolve("o2").toString());
        assertEquals(0, ros.exitCode(), ros.err());
        assertFalse(ros.out().contains("SMOTE-NC"), "ROS copies rows whatever the columns: " + ros.out());
    }

    /**
     * Three CIFAR-10 class folders without --model were told only to "pass a model trained on this kind of data",
     * though oversample takes models/cifar10.onnx for them (a fresh user, 7 Dec).
     */
    @Test
    void dataOfSomeOfAShippedModelsClassesNamesThatModel() throws IOException {
        Path sample = Path.of("..", "datasets", "cifar10-sample", "train");
        Path data = dir.resolve("three");
        for (String c : List.of("cat", "dog", "frog")) {
            Files.createDirectories(data.resolve(c));
            try (java.util.stream.Stream<Path> files = Files.list(sample.resolve(c))) {
                for (Path f : files.limit(3).toList()) {
                    Files.copy(f, data.resolve(c).resolve(f.getFileName()));
                }
            }
        }
        CliRun run = CliRun.inCheckout("oversample", "--data", data.toString(), "--policy", "gan", "--counts", "cat=2",
                "--format", "csv", "--out", dir.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, run.exitCode(), run.err());
        assertTrue(run.err().contains("cifar10.onnx makes these classes: pass --model "), run.err());
        assertFalse(Files.exists(dir.resolve("o")));
    }

    /** --counts took only digits, where every whole-number option takes 1e2 and 100.0 (a fresh user, 5 Dec). */
    @Test
    void countsTakeAWholeNumberInAnyDecimalSpelling() throws IOException {
        Path data = dir.resolve("few");
        for (String file : List.of("a/1.png", "a/2.png", "b/1.png")) {
            BadFiles.png(data.resolve(file), 4, 4);
        }
        CliRun run = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros", "--counts", "b=3e0",
                "--format", "csv", "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("added per label: {a=0, b=3}"), run.out());
        CliRun half = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros", "--counts", "b=1.5",
                "--format", "csv", "--out", dir.resolve("out2").toString());
        assertEquals(2, half.exitCode(), half.err());
        assertTrue(half.err().contains("--counts b=1.5: the count must be a whole number"), half.err());
    }

    /**
     * PNG holds whole levels 0..255: float IDX images scaled to [0, 1] came back multiplied by 255 and rounded,
     * without a word, where idx and csv keep them (a fresh user, 6 Dec).
     */
    @Test
    void pngIsRefusedForRealValuesThatAreNotWholeLevelsOf0To255() throws IOException {
        java.nio.ByteBuffer pixels = java.nio.ByteBuffer.allocate(6 * 16 * 4);
        for (int i = 0; i < 6 * 16; i++) {
            pixels.putFloat((i % 16) / 255f);
        }
        Path data = BadFiles.idxFolder(dir.resolve("scaled"), BadFiles.idx(0x00000D03, new int[] {6, 4, 4},
                pixels.array()), BadFiles.idxLabels(6), false);
        CliRun png = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros", "--counts", "0=1",
                "--format", "png", "--out", dir.resolve("png").toString());
        assertEquals(2, png.exitCode(), png.err());
        assertTrue(png.err().contains("--format png maps the data's value range onto 0..255, and " + data + "'s is "
                + "[0.0, " + (double) (15 / 255f) + "]"), png.err());
        assertTrue(png.err().contains("use --format idx or csv, which keep every value"), png.err());
        assertFalse(Files.exists(dir.resolve("png")), "nothing written");
        CliRun idx = CliRun.of("oversample", "--data", data.toString(), "--policy", "ros", "--counts", "0=1",
                "--format", "idx", "--out", dir.resolve("idx").toString());
        assertEquals(0, idx.exitCode(), idx.err());
        // 8-bit IDX data is written as png as before
        Path bytes = BadFiles.idxFolder(dir.resolve("bytes"), BadFiles.idxImages(0x00000803, 6),
                BadFiles.idxLabels(6), false);
        CliRun eight = CliRun.of("oversample", "--data", bytes.toString(), "--policy", "ros", "--counts", "0=1",
                "--format", "png", "--out", dir.resolve("png8").toString());
        assertEquals(0, eight.exitCode(), eight.err());
    }

    /** --k with --share 1, or --gan-filter with --ratio 0, was accepted and ignored (a fresh user, 6 Dec). */
    @Test
    void settingsOfAPartASharesEndSwitchesOffAreRefused() {
        CliRun k = CliRun.of("oversample", "--data", SAMPLE, "--policy", "mix", "--model", MODEL, "--share", "1",
                "--k", "3", "--counts", "0=2", "--out", dir.resolve("a").toString());
        assertEquals(2, k.exitCode(), k.err());
        assertTrue(k.err().contains("--k belongs to mix's non-generative part, but --share 1 makes every added example "
                + "generated, was 3"), k.err());
        CliRun filter = CliRun.of("oversample", "--data", SAMPLE, "--policy", "hybrid", "--model", MODEL, "--ratio",
                "0", "--gan-filter", "2", "--counts", "0=2", "--out", dir.resolve("c").toString());
        assertEquals(2, filter.exitCode(), filter.err());
        assertTrue(filter.err().contains("--gan-filter filters GAN samples, but --ratio 0 adds none, was 2.0"),
                filter.err());
        assertFalse(filter.err().contains("trains its classifier"), "refused before the filter's work: "
                + filter.err());
        CliRun share = CliRun.of("oversample", "--data", SAMPLE, "--policy", "mix", "--model", MODEL, "--share", "0",
                "--gan-filter", "2", "--counts", "0=2", "--out", dir.resolve("d").toString());
        assertEquals(2, share.exitCode(), share.err());
        assertTrue(share.err().contains("but --share 0 adds none"), share.err());
        CliRun model = CliRun.of("oversample", "--data", SAMPLE, "--policy", "hybrid", "--model", MODEL, "--ratio",
                "0", "--counts", "0=2", "--out", dir.resolve("e").toString());
        assertEquals(2, model.exitCode(), model.err());
        assertTrue(model.err().contains("--model is read only where the GAN adds examples, and --ratio 0 adds none"),
                model.err());
        // given at their default values they were taken silently (a re-check, 6 Dec)
        CliRun defaultK = CliRun.of("oversample", "--data", SAMPLE, "--policy", "mix", "--model", MODEL, "--share",
                "1", "--k", "5", "--counts", "0=2", "--out", dir.resolve("f").toString());
        assertEquals(2, defaultK.exitCode(), defaultK.err());
        assertTrue(defaultK.err().contains("--k belongs to mix's non-generative part, but --share 1 makes every added "
                + "example generated"), defaultK.err());
        CliRun defaultFilter = CliRun.of("oversample", "--data", SAMPLE, "--policy", "hybrid", "--model", MODEL,
                "--ratio", "0", "--gan-filter", "1", "--counts", "0=2", "--out", dir.resolve("g").toString());
        assertEquals(2, defaultFilter.exitCode(), defaultFilter.err());
        assertTrue(defaultFilter.err().contains("--gan-filter is read only where the GAN adds examples, and --ratio 0 "
                + "adds none"), defaultFilter.err());
        assertFalse(Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("c")) || Files.exists(dir.resolve("d"))
                || Files.exists(dir.resolve("e")) || Files.exists(dir.resolve("f")) || Files.exists(dir.resolve("g")));
    }
}

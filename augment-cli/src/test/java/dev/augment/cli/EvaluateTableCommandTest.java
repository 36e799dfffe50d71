package dev.augment.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augment evaluate --data table.csv --label COLUMN}. */
class EvaluateTableCommandTest {

    private static final String CREDIT = Path.of("..", "datasets", "tabular-sample", "credit-g.csv").toString();
    private static final String GLASS = Path.of("..", "datasets", "tabular-sample", "glass.csv").toString();

    @TempDir
    Path dir;

    @Test
    void evaluatesATableWithOneTinyGanPerSeedAndWritesTheReport() throws Exception {
        Path out = dir.resolve("eval");
        CliRun run = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", "--trainer", "logistic,cart",
                "--seeds", "2", "--gan-steps", "5", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("training the table GAN"), run.err());
        assertTrue(run.out().contains("TARGET logistic: real + GAN"), run.out());
        assertTrue(run.out().contains("DIAGNOSTICS smote-nc"), run.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(2, json.path("families").size());
        assertEquals(8, json.path("families").get(1).path("arms").size());
        assertEquals(2, json.path("provenance").path("generators").size());
        assertTrue(json.path("diagnostics").path("gan").path("overall").path("columns").size() > 10);
        assertTrue(Files.exists(out.resolve("report.txt")));
        assertTrue(Files.exists(out.resolve("generators").resolve("seed-42.onnx")));
        assertTrue(run.out().contains("wrote " + out + " (generators/, report.json, report.txt) in "), run.out());
        // named relative to the report: the temporary folder it was written in is gone
        for (JsonNode g : json.path("provenance").path("generators")) {
            assertTrue(Files.exists(out.resolve(g.path("file").asText())), g.path("file").asText());
        }
    }

    /**
     * A Kaggle download (train.csv beside an unlabelled test.csv) as --data was told "--train kag --test kag", one
     * folder for both, and then to give test.csv, which has no label column (a fresh user, 7 Dec).
     */
    @Test
    void aFolderOfTablesIsToldToGiveItsTrainingTable() throws Exception {
        Path kaggle = Files.createDirectories(dir.resolve("kag"));
        Files.writeString(kaggle.resolve("train.csv"), "x,class\n1,a\n2,b\n");
        Files.writeString(kaggle.resolve("test.csv"), "x\n3\n");
        String advice = "it is a folder holding the CSV tables test.csv, train.csv: give one file as --data (e.g. "
                + "--data " + kaggle.resolve("train.csv") + ")";
        CliRun evaluate = CliRun.of("evaluate", "--data", kaggle.toString(), "--label", "class", "--seeds", "1",
                "--out", dir.resolve("e").toString());
        assertEquals(2, evaluate.exitCode(), evaluate.err());
        assertTrue(evaluate.err().contains(advice) && !evaluate.err().contains("--test " + kaggle), evaluate.err());
        CliRun train = CliRun.of("train", "--data", kaggle.toString(), "--label", "class", "--out",
                dir.resolve("m.onnx").toString());
        assertTrue(train.err().contains("is not a CSV table but a folder holding the CSV tables test.csv, train.csv: "
                + "give one file as --data (e.g. --data " + kaggle.resolve("train.csv") + ")"), train.err());
        CliRun labelled = CliRun.of("evaluate", "--train", kaggle.toString(), "--test", kaggle.toString(), "--label",
                "class", "--out", dir.resolve("e3").toString());
        assertTrue(labelled.err().contains("--label applies to a table (--data FILE.csv) only; " + kaggle + " is a "
                + "folder holding the CSV tables test.csv, train.csv: give one file as --data"), labelled.err());
        CliRun images = CliRun.of("evaluate", "--train", kaggle.toString(), "--test", kaggle.toString(), "--out",
                dir.resolve("e2").toString());
        assertTrue(images.err().contains("(--data " + kaggle.resolve("train.csv") + " --label COLUMN)"),
                images.err());

        // the table whose header holds --label is offered, not the first by name (a fresh user, 7 Dec)
        Path two = Files.createDirectories(dir.resolve("two"));
        Files.writeString(two.resolve("diabetes.csv"), "preg,class\n1,a\n2,b\n");
        Files.writeString(two.resolve("glass.csv"), "\"RI\",\"Type\"\n1,x\n2,y\n");
        CliRun glass = CliRun.of("oversample", "--data", two.toString(), "--label", "Type", "--policy", "ros",
                "--out", dir.resolve("o").toString());
        assertEquals(2, glass.exitCode(), glass.err());
        assertTrue(glass.err().contains("give one file as --data (e.g. --data " + two.resolve("glass.csv") + ")"),
                glass.err());
        // a semicolon table after Excel's sep= line holds it too (a re-check, 7 Dec)
        Files.writeString(two.resolve("glass.csv"), "sep=;\nRI;Type\n1;x\n2;y\n");
        CliRun semicolons = CliRun.of("oversample", "--data", two.toString(), "--label", "type", "--policy", "ros",
                "--out", dir.resolve("o").toString());
        assertTrue(semicolons.err().contains("(e.g. --data " + two.resolve("glass.csv") + ")"), semicolons.err());
        // CR-only line ends, a quoted name holding a comma, a Latin-1 accent, a header past 64 KB (re-checks, 7 Dec)
        Files.write(two.resolve("glass.csv"), ("\"Income ($, k)\";A\u00f1o\r1;x\r2;y\r")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        for (String label : List.of("Income ($, k)", "A\u00f1o")) {
            CliRun held = CliRun.of("oversample", "--data", two.toString(), "--label", label, "--policy", "ros",
                    "--out", dir.resolve("o").toString());
            assertTrue(held.err().contains("(e.g. --data " + two.resolve("glass.csv") + ")"), held.err());
        }
        Files.writeString(two.resolve("glass.csv"), "g".repeat(70_000) + ",Type\n1,x\n");
        CliRun wide = CliRun.of("oversample", "--data", two.toString(), "--label", "Type", "--policy", "ros",
                "--out", dir.resolve("o").toString());
        assertTrue(wide.err().contains("(e.g. --data " + two.resolve("glass.csv") + ")"), wide.err());
        CliRun none = CliRun.of("train", "--data", two.toString(), "--label", "Outcome", "--out",
                dir.resolve("n.onnx").toString());
        assertTrue(none.err().contains("give one file as --data (none of them has a column 'Outcome' in its first "
                + "line)"), none.err());
    }

    @Test
    void ganBatchSizeSetsEachSeedsTableGanBatchAndANegativeOneIsRefused() throws Exception {
        Path out = dir.resolve("batch");
        CliRun run = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--trainer", "logistic", "--seeds", "1",
                "--gan-steps", "3", "--gan-batch-size", "8", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("table GAN trained in") && run.err().contains("(batch 8; auxiliary"), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertTrue(json.toString().contains("batch 8 (at most half the split's rows)"), "the GAN's description");
        CliRun fitted = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--trainer", "logistic", "--seeds",
                "1", "--gan-steps", "3", "--out", dir.resolve("fitted").toString());
        assertEquals(0, fitted.exitCode(), fitted.err());
        assertTrue(fitted.err().contains("(batch 52, not 80: at most half the 104 rows; "),
                "half of the sample's 104 training rows: " + fitted.err());
        Path refused = dir.resolve("refused");
        CliRun negative = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--gan-batch-size", "-1",
                "--out", refused.toString());
        assertEquals(2, negative.exitCode(), negative.err());
        assertTrue(negative.err().contains("--gan-batch-size must be at least 2 for a table (or 0 for the default), "
                + "was -1"), negative.err());
        assertFalse(Files.exists(refused));
        // one row a step trains a collapsed generator (batch normalisation on one row): refused, not run
        CliRun one = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--gan-batch-size", "1", "--gan-pac",
                "1", "--out", refused.toString());
        assertEquals(2, one.exitCode(), one.err());
        assertTrue(one.err().contains("--gan-batch-size must be at least 2 for a table (or 0 for the default), was 1"),
                one.err());
        assertFalse(Files.exists(refused));
    }

    /** Two classes of two rows: "use a smaller --test-share" was repeated at any share (a fresh user, 6 Dec). */
    @Test
    void aTableTooSmallForTheGanArmsAtAnyShareSaysSoAndNamesTheArms() throws Exception {
        Path four = Files.writeString(dir.resolve("four.csv"), "a,b,y\n1,x,p\n2,y,p\n3,x,q\n4,y,q\n");
        CliRun run = CliRun.of("evaluate", "--data", four.toString(), "--label", "y", "--seeds", "1", "--gan-steps",
                "2", "--trainer", "logistic", "--test-share", "0.01", "--out", dir.resolve("four").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("no share leaves more than 2 (each class keeps one test row): leave the GAN "
                + "arms out (--arms"), run.err());
        assertFalse(run.err().contains("use a smaller --test-share"), run.err());
        // following it to the letter, with the --gan-steps given, was refused next (a fresh user, 7 Dec)
        assertTrue(run.err().contains("oversampling,smote, and no --gan-* option, which only they read)"), run.err());
        CliRun followed = CliRun.of("evaluate", "--data", four.toString(), "--label", "y", "--seeds", "1",
                "--trainer", "logistic", "--test-share", "0.01", "--arms", "real,class-weights,oversampling,smote",
                "--out", dir.resolve("four").toString());
        assertEquals(0, followed.exitCode(), followed.err());
    }

    @Test
    void ganStepsZeroRunsTheCheapArmsOnly() throws Exception {
        Path out = dir.resolve("cheap");
        CliRun run = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--seeds", "2", "--gan-steps", "0",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(4, json.path("families").get(0).path("arms").size());
        assertTrue(json.path("diagnostics").has("smote"), "glass has no categorical column: plain SMOTE");
        assertFalse(run.out().contains("TARGET"));
        // a GAN setting with no GAN to shape is refused, not recorded unused
        Path unused = dir.resolve("unused");
        CliRun batch = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--seeds", "2", "--gan-steps", "0",
                "--gan-batch-size", "5", "--out", unused.toString());
        assertEquals(2, batch.exitCode(), batch.err());
        assertTrue(batch.err().contains("--gan-batch-size shapes the GAN or its samples; --gan-steps 0 runs only the "
                + "arms without one, so leave --gan-batch-size out"), batch.err());
        assertFalse(Files.exists(unused));
    }

    @Test
    void armsRunsOnlyTheNamedArmsOfATableAfterRealOnly() throws Exception {
        Path out = dir.resolve("chosen");
        CliRun run = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--trainer", "logistic", "--seeds", "2",
                "--gan-steps", "5", "--arms", "gan,SMOTE", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of("REAL", "SMOTE", "GAN"), EvaluateCommandTest.armNames(json.path("families").get(0)
                .path("arms")));
        // the GAN's target without synthetic only: the whole TARGET line was dropped without a word (7 Dec)
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("TARGET logistic: real + GAN ") && l.endsWith(
                "; synthetic only / real only: not run (--arms left synthetic only out)")), run.out());
        assertTrue(json.path("targets").get(0).path("syntheticOnlyRatio").isNull(), json.path("targets").toString());
        CliRun ratioOnly = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--trainer", "logistic", "--seeds",
                "2", "--gan-steps", "5", "--arms", "smote,synthetic-only", "--out", dir.resolve("ratio").toString());
        assertEquals(0, ratioOnly.exitCode(), ratioOnly.err());
        assertTrue(ratioOnly.out().lines().anyMatch(l -> l.startsWith("TARGET logistic: real + GAN not run (--arms "
                + "left gan out); synthetic only / real only = ")), ratioOnly.out());
    }

    @Test
    void armsWithoutAGeneratorArmTrainNoTableGanAndRefuseItsOptions() throws Exception {
        Path out = dir.resolve("cheap");
        CliRun run = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--trainer", "logistic", "--seeds", "2",
                "--arms", "smote", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("table GAN"), "no GAN is trained: " + run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of("REAL", "SMOTE"), EvaluateCommandTest.armNames(json.path("families").get(0)
                .path("arms")));
        assertTrue(json.path("settings").path("generators").asText().startsWith("none"), json.path("settings")
                .toString());
        assertFalse(Files.exists(out.resolve("generators")), "no generator file");

        Path refused = dir.resolve("refused");
        CliRun steps = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--arms", "smote,class-weights",
                "--gan-steps", "5", "--out", refused.toString());
        assertEquals(2, steps.exitCode(), steps.err());
        assertTrue(steps.err().contains("--gan-steps shapes the GAN or its samples, and --arms smote,class-weights "
                + "names no arm that uses a generator"), steps.err());
        assertEquals(1, steps.err().strip().lines().count(), steps.err());
        assertFalse(Files.exists(refused));
    }

    @Test
    void ganFilterWritesWhatItDroppedPerSeedAndClassAndLearnsTheTrainingRowsOnly() throws Exception {
        Path out = dir.resolve("filtered");
        CliRun run = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--trainer", "logistic", "--seeds", "2",
                "--gan-steps", "5", "--gan-filter", "2", "--baseline", "smote,ros", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("logistic: real + half ROS, half GAN"), "--baseline smote,ros: " + run.err());
        assertEquals(10, new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("families").get(0)
                .path("arms").size(), "both kinds of hybrid and mix arm");
        assertTrue(run.out().contains("FILTER seed 42: kept "), run.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(2.0, json.path("settings").path("ganFilter").path("factor").asDouble());
        assertTrue(json.path("settings").path("ganFilter").path("classifier").asText().startsWith("logistic"));
        JsonNode filter = json.path("filter");
        assertEquals(2, filter.size());
        JsonNode realOnly = json.path("families").get(0).path("arms").get(0);
        assertEquals("REAL", realOnly.path("arm").asText());
        for (int s = 0; s < 2; s++) {
            JsonNode seed = filter.get(s);
            assertEquals(42 + s, seed.path("seed").asLong());
            assertEquals(realOnly.path("runs").get(s).path("trainingSize").asInt(), seed.path("trainingRows").asInt(),
                    "the filter classifier learns the seed's training split, not its test rows");
            assertEquals(2 * seed.path("kept").asLong(), seed.path("drawn").asLong());
            assertEquals(6, seed.path("classes").size(), "glass has six classes, all asked of the GAN");
            for (JsonNode c : seed.path("classes")) {
                assertEquals(c.path("drawn").asLong(), c.path("kept").asLong() + c.path("dropped").asLong());
                assertEquals(c.path("kept").asLong(), c.path("dropped").asLong(), "factor 2: half are dropped");
                assertTrue(c.path("meanKeptProbability").asDouble() >= c.path("meanDroppedProbability").asDouble(),
                        c.toString());
            }
        }
    }

    @Test
    void ganFilterBelowOneOrNotANumberIsAOneLineUsageError() throws Exception {
        Path out = dir.resolve("never");
        for (String bad : new String[] {"0.5", "nan", "NaN", "Infinity"}) {
            CliRun run = CliRun.of("evaluate", "--data", GLASS, "--label", "Type", "--gan-filter", bad, "--out",
                    out.toString());
            assertEquals(2, run.exitCode(), bad + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), run.err());
            assertTrue(run.err().contains("--gan-filter"), run.err());
            assertFalse(run.err().contains("ganFilter"), "the library's name is translated: " + run.err());
        }
        assertFalse(Files.exists(out), "nothing is written on an error");
    }

    @Test
    void mistakesAreOneLineUsageErrorsAndBadTablesExitThree() throws Exception {
        Path out = dir.resolve("never");
        CliRun noLabel = CliRun.of("evaluate", "--data", CREDIT, "--out", out.toString());
        assertEquals(2, noLabel.exitCode());
        assertTrue(noLabel.err().contains("--label is required"), noLabel.err());
        CliRun imageOption = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", "--scenario", "imbalanced",
                "--out", out.toString());
        assertEquals(2, imageOption.exitCode());
        assertTrue(imageOption.err().contains("--scenario applies to image data only"), imageOption.err());
        assertTrue(imageOption.err().strip().endsWith("; leave it out"), imageOption.err());
        CliRun tableOption = CliRun.of("evaluate", "--train", CREDIT, "--test", CREDIT, "--label", "class",
                "--out", out.toString());
        assertEquals(2, tableOption.exitCode());
        assertTrue(tableOption.err().contains("--label applies to a table"), tableOption.err());
        CliRun auxWithoutTable = CliRun.of("evaluate", "--train", CREDIT, "--test", CREDIT, "--gan-aux-weight", "0",
                "--out", out.toString());
        assertEquals(2, auxWithoutTable.exitCode());
        assertTrue(auxWithoutTable.err().contains("--gan-aux-weight applies to a table"), auxWithoutTable.err());
        CliRun negativeAux = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", "--gan-aux-weight", "-2",
                "--out", out.toString());
        assertEquals(2, negativeAux.exitCode(), negativeAux.err());
        assertTrue(negativeAux.err().contains("--gan-aux-weight must be a finite number, not negative, was -2.0"),
                negativeAux.err());
        assertEquals(1, negativeAux.err().strip().lines().count(), negativeAux.err());
        CliRun negativeInfo = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", "--gan-info-weight", "-2",
                "--out", out.toString());
        assertEquals(2, negativeInfo.exitCode(), negativeInfo.err());
        assertTrue(negativeInfo.err().contains("--gan-info-weight must be a finite number, not negative, was -2.0"),
                negativeInfo.err());
        CliRun nothing = CliRun.of("evaluate", "--out", out.toString());
        assertEquals(2, nothing.exitCode());
        CliRun cnn = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", "--trainer", "cnn",
                "--gan-steps", "0", "--out", out.toString());
        assertEquals(2, cnn.exitCode(), cnn.err());
        assertTrue(cnn.err().contains("--trainer"), cnn.err());
        CliRun share = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", "--test-share", "1.5",
                "--gan-steps", "0", "--out", out.toString());
        assertEquals(2, share.exitCode(), share.err());
        assertTrue(share.err().contains("--test-share"), share.err());
        CliRun baselineWithoutGan = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", "--baseline", "ros",
                "--gan-steps", "0", "--out", out.toString());
        assertEquals(2, baselineWithoutGan.exitCode(), baselineWithoutGan.err());
        assertTrue(baselineWithoutGan.err().contains("--gan-steps 0 runs only the arms without one"),
                baselineWithoutGan.err());
        CliRun ganArmWithoutGan = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", "--arms",
                "smote,gan", "--gan-steps", "0", "--out", out.toString());
        assertEquals(2, ganArmWithoutGan.exitCode(), ganArmWithoutGan.err());
        assertTrue(ganArmWithoutGan.err().contains("--arms names gan, which needs the GAN"), ganArmWithoutGan.err());
        for (String[] ganOption : new String[][] {{"--gan-filter", "2"}, {"--gan-aux-weight", "1"},
                {"--gan-info-weight", "1"}}) {
            CliRun unused = CliRun.of("evaluate", "--data", CREDIT, "--label", "class", ganOption[0], ganOption[1],
                    "--gan-steps", "0", "--out", out.toString());
            assertEquals(2, unused.exitCode(), unused.err());
            assertTrue(unused.err().contains(ganOption[0] + " shapes the GAN"), unused.err());
        }
        CliRun wrongLabel = CliRun.of("evaluate", "--data", CREDIT, "--label", "nope", "--gan-steps", "0",
                "--out", out.toString());
        assertEquals(3, wrongLabel.exitCode(), wrongLabel.err());
        assertEquals(1, wrongLabel.err().strip().lines().count(), wrongLabel.err());
        assertFalse(Files.exists(out), "nothing is written on an error");
    }

    @Test
    void aTableWithOneClassIsRefusedInOneLineNamingTheColumnAndWritesNothing() throws Exception {
        StringBuilder csv = new StringBuilder("x,kind\n");
        for (int i = 0; i < 30; i++) {
            csv.append(i * 0.5).append(",yes\n");
        }
        Path table = Files.writeString(dir.resolve("one.csv"), csv);
        Path out = dir.resolve("one-eval");

        CliRun run = CliRun.of("evaluate", "--data", table.toString(), "--label", "kind", "--gan-steps", "0",
                "--out", out.toString());

        assertEquals(3, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("column 'kind' holds one class, 'yes'"), run.err());
        assertFalse(Files.exists(out), "nothing is written on an error");
    }
}

package dev.augment.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code augment evaluate} end to end on the checked-in Fashion-MNIST sample, and its refusals. */
class EvaluateCommandTest {

    private static final String SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample").toString();
    private static final String[] ARMS = {"REAL", "CLASS_WEIGHTS", "OVERSAMPLING", "SMOTE", "GAN", "HYBRID", "MIX",
        "SYNTHETIC_ONLY"};

    @Test
    void miniatureEvaluationWritesEveryArmAndEveryClassWithNumbers(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "logistic",
                "--scenario", "imbalanced", "--minority", "0,2", "--share", "0.5", "--seeds", "2",
                "--gan-epochs", "1", "--embedding-epochs", "5", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("real + GAN samples"), run.out());
        assertTrue(run.err().contains("GAN epoch 1"), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("", json.path("leakageWarning").asText());
        assertEquals(ARMS.length, json.path("arms").size());
        for (int a = 0; a < ARMS.length; a++) {
            JsonNode arm = json.path("arms").get(a);
            assertEquals(ARMS[a], arm.path("arm").asText());
            assertEquals(2, arm.path("runs").size());
            assertTrue(arm.path("macroF1").path("mean").isNumber(), arm.toString());
            assertTrue(arm.path("accuracy").path("lower").isNumber(), arm.toString());
            assertEquals(10, arm.path("recall").size());
            assertEquals(a == 0, arm.path("macroF1Gain").isNull(), arm.toString());
        }
        assertEquals(10, json.path("diagnostics").size());
        for (JsonNode c : json.path("diagnostics")) {
            assertTrue(c.path("diagnostics").path("coverage").isNumber(), c.toString());
            assertTrue(c.path("diagnostics").path("noiseRatio").isNumber(), c.toString());
            assertTrue(c.path("verdict").isTextual(), c.toString());
        }
        assertEquals(64, json.path("provenance").path("trainData").path("sha256").asText().length());
        assertEquals(2, json.path("provenance").path("generators").size());
        for (JsonNode g : json.path("provenance").path("generators")) {
            assertTrue(g.path("file").asText().startsWith("generators/"), g.path("file").asText());
            assertTrue(Files.exists(out.resolve(g.path("file").asText())), "relative to the report, which exists");
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,"), "charts are embedded");
        assertTrue(html.contains("noise ratio"), "the pixel noise ratio is a diagnostics column");
        assertFalse(html.contains("src=\"http"), "no external resources");
        for (String name : new String[] {"T-shirt/top", "Ankle boot", "real + SMOTE", "synthetic only"}) {
            assertTrue(html.contains(name), name);
        }
        assertTrue(Files.size(out.resolve("gains.png")) > 1000);
        assertTrue(Files.size(out.resolve("grids/class-09-synthetic.png")) > 100);
        assertTrue(Files.exists(out.resolve("grids/class-09-real.png")));
        assertTrue(run.out().contains("wrote " + out + " (gains.png, generators/, grids/, report.html, report.json) "
                + "in "), "the wrote line names what the folder holds: " + run.out());
    }

    @Test
    void twoClassifierFamiliesShareOneGanPerSeedAndEachGetsItsVerdict(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "logistic,cart",
                "--scenario", "low-data", "--per-class", "10", "--seeds", "2", "--seed", "1",
                "--gan-epochs", "1", "--embedding-epochs", "1", "--diagnostic-samples", "20", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        List<String> ganTrainings = run.err().lines().filter(l -> l.contains(": training MLP GAN for")).toList();
        assertEquals(2, ganTrainings.size(), "one GAN per seed, shared by both families: " + run.err());
        assertTrue(run.err().contains("seed 2 (2/2) cart: real + SMOTE + GAN on top"), run.err());
        assertTrue(run.err().contains("seed 2 (2/2) logistic: real + SMOTE + GAN on top"), run.err());

        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(2, json.path("provenance").path("generators").size());
        assertEquals("[\"logistic\",\"cart\"]", json.path("settings").path("trainers").toString());
        assertEquals(2, json.path("provenance").path("trainers").size());
        JsonNode families = json.path("families");
        assertEquals(2, families.size());
        for (int f = 0; f < 2; f++) {
            JsonNode family = families.get(f);
            assertEquals(f == 0 ? "logistic" : "cart", family.path("trainer").asText());
            assertEquals(ARMS.length, family.path("arms").size());
            JsonNode verdict = family.path("verdict");
            assertTrue(List.of("CLASS_WEIGHTS", "OVERSAMPLING", "SMOTE").contains(
                    verdict.path("bestCheapBaseline").asText()), verdict.toString());
            assertTrue(verdict.path("ganOnTopOfSmote").path("difference").path("lower").isNumber(), "2 seeds: "
                    + verdict);
            assertTrue(verdict.path("text").asText().startsWith(family.path("trainer").asText() + ": best policy "),
                    verdict.toString());
            for (int a = 0; a < ARMS.length; a++) {
                JsonNode runs = family.path("arms").get(a).path("runs");
                JsonNode logisticRuns = families.get(0).path("arms").get(a).path("runs");
                for (int s = 0; s < 2; s++) {
                    assertEquals(logisticRuns.get(s).path("trainingSize"), runs.get(s).path("trainingSize"),
                            "both families learn the same training set of " + ARMS[a]);
                }
            }
        }
        assertEquals(json.path("arms"), families.get(0).path("arms"), "top-level arms stay the first family's");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("id=\"family-logistic\"") && html.contains("id=\"family-cart\""), "a section each");
        assertTrue(Files.exists(out.resolve("gains-2.png")), "the second family's chart");
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("FAMILY ")).count(), run.out());
    }

    @Test
    void ganFilterOnImagesWritesTheFilterSectionAndAFilterLine(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("filtered");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "logistic",
                "--scenario", "imbalanced", "--minority", "0,2", "--share", "0.5", "--seeds", "1",
                "--gan-epochs", "1", "--embedding-epochs", "1", "--diagnostic-samples", "20", "--gan-filter", "2",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("FILTER seed 42: kept "), run.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(2.0, json.path("settings").path("ganFilter").path("factor").asDouble());
        JsonNode seed = json.path("filter").get(0);
        assertEquals(json.path("arms").get(0).path("runs").get(0).path("trainingSize").asInt(),
                seed.path("trainingRows").asInt(), "the filter classifier learns the seed's training split");
        assertEquals(10, seed.path("classes").size());
        for (JsonNode c : seed.path("classes")) {
            assertEquals(c.path("kept").asLong(), c.path("dropped").asLong(), c.toString());
        }
    }

    @Test
    void baselineRosRunsTheRosHybridAndMixArmsAndTheVerdictComparesThemWithRos(@TempDir Path dir)
            throws IOException {
        Path out = dir.resolve("ros");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "logistic",
                "--scenario", "low-data", "--per-class", "10", "--seeds", "2", "--seed", "1", "--baseline", "ROS",
                "--gan-epochs", "1", "--embedding-epochs", "1", "--diagnostic-samples", "20", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("logistic: real + ROS + GAN on top"), run.err());
        assertTrue(run.err().contains("logistic: real + half ROS, half GAN"), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> arms = armNames(json.path("arms"));
        assertEquals(List.of("REAL", "CLASS_WEIGHTS", "OVERSAMPLING", "SMOTE", "GAN", "HYBRID_ROS", "MIX_ROS",
                "SYNTHETIC_ONLY"), arms);
        List<String> recorded = new java.util.ArrayList<>();
        json.path("settings").path("arms").forEach(a -> recorded.add(a.asText()));
        assertEquals(arms, recorded, "settings.arms names the arms as arms[].arm does");
        // low-data, 10 of each of 10 classes: ROS adds 100; the ROS hybrid adds those and 50 GAN samples on top.
        assertEquals(200, json.path("arms").get(2).path("runs").get(0).path("trainingSize").asInt());
        assertEquals(250, json.path("arms").get(5).path("runs").get(0).path("trainingSize").asInt());
        assertEquals(200, json.path("arms").get(6).path("runs").get(0).path("trainingSize").asInt());
        JsonNode verdict = json.path("families").get(0).path("verdict");
        assertTrue(verdict.path("ganOnTopOfRos").path("difference").path("lower").isNumber(), verdict.toString());
        assertTrue(verdict.path("ganForHalfOfRos").path("difference").path("mean").isNumber(), verdict.toString());
        assertTrue(verdict.path("ganOnTopOfSmote").isNull(), "no SMOTE hybrid was run: " + verdict);
        assertTrue(verdict.path("text").asText().contains("(hybrid ROS - ROS): "), verdict.toString());
    }

    @Test
    void armsRunsOnlyTheNamedArmsAfterRealOnlyInTheUsualOrder(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("chosen");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "logistic",
                "--scenario", "low-data", "--per-class", "10", "--seeds", "2", "--seed", "1", "--arms", " GAN,smote",
                "--gan-epochs", "1", "--embedding-epochs", "1", "--diagnostic-samples", "20", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("synthetic only"), "synthetic only was not asked for: " + run.err());
        assertFalse(run.err().contains("class weights"), run.err());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        List<String> arms = armNames(json.path("arms"));
        assertEquals(List.of("REAL", "SMOTE", "GAN"), arms);
        List<String> recorded = new java.util.ArrayList<>();
        json.path("settings").path("arms").forEach(a -> recorded.add(a.asText()));
        assertEquals(arms, recorded);
        JsonNode verdict = json.path("families").get(0).path("verdict");
        assertEquals("SMOTE", verdict.path("bestCheapBaseline").asText(), verdict.toString());
    }

    /** generate's outputs put in D/train and D/test were evaluated with an arm called "real" (a fresh user, 5 Dec). */
    @Test
    void generatedOutputAsEitherSplitIsACaveat(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        for (String split : List.of("train", "test")) {
            CliRun generate = CliRun.of("generate", "--model", Path.of("..", "models", "fashion-mnist.onnx").toString(),
                    "--class", "all", "--n", "12", "--out", data.resolve(split).toString(), "--seed",
                    split.equals("train") ? "1" : "2");
            assertEquals(0, generate.exitCode(), generate.err());
        }
        Path out = dir.resolve("report");
        CliRun run = CliRun.of("evaluate", "--train", data.toString(), "--test", data.toString(), "--trainer",
                "logistic", "--scenario", "low-data", "--per-class", "10", "--seeds", "2", "--arms", "oversampling",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("CAVEAT: " + data.resolve("train") + " is augment generate's output (its "
                + "generated.json: 12 samples of each of 10 classes from "), run.err());
        assertTrue(run.err().contains("so the arm named \"real only\" trains on generated samples"), run.err());
        assertTrue(run.err().contains("CAVEAT: " + data.resolve("test") + " is augment generate's output"), run.err());
        JsonNode caveats = new ObjectMapper().readTree(out.resolve("report.json").toFile()).path("caveats");
        assertTrue(caveats.toString().contains("every figure is measured on generated samples"), caveats.toString());
        CliRun real = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "logistic",
                "--scenario", "low-data", "--per-class", "10", "--seeds", "2", "--arms", "oversampling", "--out",
                dir.resolve("real").toString());
        assertEquals(0, real.exitCode(), real.err());
        assertFalse(real.err().contains("generate's output"), real.err());
    }

    @Test
    void armsWithoutAGeneratorArmTrainNoGanAndDiagnoseNone(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("cheap");
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--trainer", "logistic",
                "--scenario", "low-data", "--per-class", "10", "--seeds", "2", "--seed", "1", "--arms",
                "smote,class-weights", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("GAN epoch"), "no GAN is trained: " + run.err());
        assertTrue(run.err().contains("no arm of this run uses a generator (real, class-weights, smote)"), run.err());
        assertTrue(run.out().contains("generator diagnostics: none (no arm uses a generator)"), run.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals(List.of("REAL", "CLASS_WEIGHTS", "SMOTE"), armNames(json.path("arms")));
        assertEquals(0, json.path("diagnostics").size(), json.path("diagnostics").toString());
        assertEquals(0, json.path("provenance").path("generators").size());
        assertFalse(json.path("settings").has("ganEpochs"), "no GAN settings are recorded for a run without one");
        assertFalse(Files.exists(out.resolve("generators")), "no generator file is written");
        assertFalse(Files.exists(out.resolve("grids")), "no sample grids");
        assertTrue(run.out().contains("wrote " + out + " (gains.png, report.html, report.json) "), run.out());
        String answer = run.out().lines().filter(l -> l.startsWith("ANSWER: ")).findFirst().orElseThrow();
        assertTrue(answer.endsWith("."), "the answer ends with its last sentence, no generator sentence: " + answer);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("None: no arm of this run uses a generator"), "report.html says why");
        assertTrue(html.contains("generator: none (no arm uses one)"), "report.html's run line says so");

        CliRun shaped = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--arms", "smote",
                "--gan-epochs", "2", "--embedding-epochs", "1", "--out", dir.resolve("refused").toString());
        assertEquals(2, shaped.exitCode(), shaped.err());
        assertTrue(shaped.err().contains("--gan-epochs, --embedding-epochs shape the GAN or its diagnostics, and "
                + "--arms smote names no arm that uses a generator"), shaped.err());
        assertEquals(1, shaped.err().strip().lines().count(), shaped.err());
        assertFalse(Files.exists(dir.resolve("refused")), "nothing written");
    }

    @Test
    void armsThatAreUnknownRepeatedNotRunByTheBaselineOrWithoutACheapBaselineAreUsageErrors(@TempDir Path dir) {
        for (String[] bad : new String[][] {{"smote,knn", "'knn' is not one of them"},
            {"smote,ros", "'ros' is not one of them; did you mean oversampling?"},
            {"real,smote-nc", "'smote-nc' is not one of them; did you mean smote? (SMOTE-NC is the smote arm on a "
                + "table with a categorical column)"},
            {"real,smotenc", "'smotenc' is not one of them; did you mean smote?"},
            {"smote,Class_Weights", "'Class_Weights' is not one of them; did you mean class-weights?"},
            {"smote,", "'' is an empty entry"}, {"smote,gan,smote", "--arms names smote twice"},
            {"smote,hybrid-ros", "--arms names hybrid-ros, which --baseline smote does not run"},
            {"real,gan,hybrid", "--arms must keep a cheap baseline"}}) {
            CliRun run = evaluate(dir, "--arms", bad[0]);
            assertEquals(2, run.exitCode(), bad[0] + ": " + run.err());
            assertTrue(run.err().contains(bad[1]), run.err());
            assertOneLineAndNoReport(run, dir);
        }
    }

    @Test
    void aBaselineOtherThanRosOrSmoteOrNamedTwiceIsAUsageError(@TempDir Path dir) {
        for (String[] bad : new String[][] {{"adasyn", "'adasyn' is not one of them"},
            {"smote,", "'' is an empty entry"}, {"ros,smote,ros", "--baseline names ros twice"},
            {"SMOTE_NC", "'SMOTE_NC' is not one of them; smote-nc is smote on a table with a categorical column, which "
                + "smote chooses by itself: give smote"}}) {
            CliRun run = evaluate(dir, "--baseline", bad[0]);
            assertEquals(2, run.exitCode(), bad[0] + ": " + run.err());
            assertTrue(run.err().contains(bad[1]), run.err());
            assertOneLineAndNoReport(run, dir);
        }
    }

    @Test
    void ganFilterBelowOneIsAUsageErrorNamingTheOption(@TempDir Path dir) {
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--gan-filter", "0.5",
                "--out", dir.resolve("never").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains("--gan-filter"), run.err());
    }

    @Test
    void aTrainerNamedTwiceIsAUsageError(@TempDir Path dir) {
        CliRun run = evaluate(dir, "--trainer", "logistic,forest,logistic");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--trainer 'logistic,forest,logistic' names logistic twice"), run.err());
        assertOneLineAndNoReport(run, dir);
    }

    @Test
    void unknownTrainerIsAUsageError(@TempDir Path dir) {
        CliRun run = evaluate(dir, "--trainer", "svm");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--trainer 'svm' does not exist"), run.err());
        assertOneLineAndNoReport(run, dir);
    }

    @Test
    void askingForMoreExamplesThanExistIsAUsageError(@TempDir Path dir) {
        CliRun run = evaluate(dir, "--scenario", "low-data", "--per-class", "5000");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--per-class 5000 asks for more examples"), run.err());
        assertOneLineAndNoReport(run, dir);
    }

    @Test
    void unreadableConfigurationFileIsBadInput(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("trainer.xml"), "<config><component name=\"trainer\"");
        CliRun run = evaluate(dir, "--trainer", "config:" + config);
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("trainer.xml"), run.err());
        assertOneLineAndNoReport(run, dir);
    }

    @Test
    void configurationFileTrainerIsUsed(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("trainer.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="trainer" type="org.tribuo.classification.dtree.CARTClassificationTrainer">
                    <property name="maxDepth" value="6"/>
                  </component>
                </config>
                """);
        CliRun run = evaluate(dir, "--trainer", "config:" + config, "--model", "../models/fashion-mnist.onnx",
                "--scenario", "low-data", "--per-class", "30");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(dir.resolve("report/report.html")));
    }

    /** Labels shifted by one were evaluated with the shipped model and reported as label drift (6 Dec). */
    @Test
    void aModelOfOtherClassesThanTheDataIsRefused(@TempDir Path dir) throws IOException {
        Path shifted = Files.createDirectories(dir.resolve("shifted"));
        for (String split : List.of("train", "t10k")) {
            Files.copy(Path.of(SAMPLE, split + "-images-idx3-ubyte.gz"), shifted.resolve(split
                    + "-images-idx3-ubyte.gz"));
            byte[] labels;
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(Path.of(SAMPLE, split
                    + "-labels-idx1-ubyte.gz")))) {
                labels = in.readAllBytes();
            }
            for (int i = 8; i < labels.length; i++) {
                labels[i] = (byte) ((labels[i] + 1) % 10);
            }
            try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(shifted.resolve(split
                    + "-labels-idx1-ubyte.gz")))) {
                out.write(labels);
            }
        }
        CliRun run = CliRun.of("evaluate", "--train", shifted.toString(), "--test", shifted.toString(), "--model",
                "../models/fashion-mnist.onnx", "--arms", "real,oversampling,gan", "--seeds", "1", "--out",
                dir.resolve("report").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("fashion-mnist.onnx is refused: the generator's samples of"), run.err());
        assertOneLineAndNoReport(run, dir);
    }

    @Test
    void ganTrainingOptionsWithAModelAreRefusedBeforeAnyWork(@TempDir Path dir) {
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--seeds", "2", "--model",
                "../models/fashion-mnist.onnx", "--gan-epochs", "3", "--gan-arch", "conv",
                "--out", dir.resolve("report").toString());
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--gan-epochs, --gan-arch shape the GANs evaluate trains per seed, and --model "
                + "evaluates the given file instead; leave them out"), run.err());
        assertOneLineAndNoReport(run, dir);
    }

    @Test
    void testDataWithOtherFeaturesIsBadInput(@TempDir Path dir) throws IOException {
        Path test = Files.createDirectories(dir.resolve("small"));
        writeIdx(test, 14);
        CliRun run = CliRun.of("evaluate", "--train", SAMPLE, "--test", test.toString(), "--seeds", "2",
                "--out", dir.resolve("report").toString());
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.err().contains("196 features"), run.err());
        assertOneLineAndNoReport(run, dir);
    }

    @Test
    void modelTrainedOnTheTestSetIsRefusedUnlessForced(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("leaky.onnx");
        String testPair = SAMPLE + "/t10k-images-idx3-ubyte.gz," + SAMPLE + "/t10k-labels-idx1-ubyte.gz";
        // No quality check, so no validation split: the model's fingerprint is the whole test set's.
        assertEquals(0, CliRun.of("train", "--data", testPair, "--out", model.toString(), "--epochs", "1",
                "--batch-size", "50", "--check-samples", "0").exitCode());
        CliRun refused = evaluate(dir, "--model", model.toString());
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("trained on the test set"), refused.err());
        assertOneLineAndNoReport(refused, dir);

        CliRun forced = evaluate(dir, "--model", model.toString(), "--force-leaky-model", "--scenario", "low-data",
                "--per-class", "30");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(forced.out().startsWith("WARNING: the model was trained on the test set"), forced.out());
        String html = Files.readString(dir.resolve("report/report.html"));
        assertTrue(html.indexOf("Leaky generator forced in") < html.indexOf("<h1>"), "warning at the top");
    }

    /** A generator picked on the test split was evaluated on it without a word (a fresh user, 6 Dec). */
    @Test
    void aModelPickedOnTheTestSetIsACaveat(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("picked.onnx");
        CliRun train = CliRun.of("train", "--data", SAMPLE, "--out", model.toString(), "--epochs", "2",
                "--check-every", "1", "--batch-size", "50", "--check-samples", "10", "--check-classifier", "pixels",
                "--validation-share", "0");
        assertEquals(0, train.exitCode(), train.err());
        CliRun run = evaluate(dir, "--model", model.toString(), "--scenario", "low-data", "--per-class", "30",
                "--arms", "real,oversampling,gan");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("CAVEAT: the model's exported generator was chosen by its quality check's "
                + "score on this test set (train --validation-share 0)"), run.out());
    }

    /**
     * @param arms a report's {@code arms} array (or a family's)
     * @return each arm's {@code arm} name, in order
     */
    static List<String> armNames(JsonNode arms) {
        List<String> names = new java.util.ArrayList<>();
        arms.forEach(a -> names.add(a.path("arm").asText()));
        return names;
    }

    /** --model of other data was refused without the shipped model that makes it, which score names (7 Dec). */
    @Test
    void aModelOfOtherDataIsToldTheShippedModelThatMakesTheData(@TempDir Path dir) {
        CliRun run = CliRun.inCheckout("evaluate", "--train", SAMPLE, "--test", SAMPLE, "--model",
                Path.of("..", "models", "cifar10.onnx").toString(), "--seeds", "1", "--out",
                dir.resolve("e").toString());
        assertEquals(3, run.exitCode(), run.err());
        Path shipped = Path.of("..").toAbsolutePath().normalize().resolve("models").resolve("fashion-mnist.onnx");
        assertTrue(run.err().contains("; " + shipped + " makes these classes: pass --model " + shipped),
                run.err());
        assertFalse(Files.exists(dir.resolve("e")));
    }

    private static CliRun evaluate(Path dir, String... extra) {
        boolean model = Arrays.asList(extra).contains("--model"); // a GAN option with --model is refused
        String[] base = model ? new String[] {"evaluate", "--train", SAMPLE, "--test", SAMPLE, "--seeds", "2",
                "--out", dir.resolve("report").toString()}
                : new String[] {"evaluate", "--train", SAMPLE, "--test", SAMPLE, "--seeds", "2", "--gan-epochs", "1",
                "--out", dir.resolve("report").toString()};
        return CliRun.of(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    private static void assertOneLineAndNoReport(CliRun run, Path dir) {
        assertEquals(1, run.err().strip().lines().filter(l -> !l.startsWith("[")).count(), run.err());
        assertFalse(Files.exists(dir.resolve("report")), "no report");
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".report")), "no temp folder");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void writeIdx(Path dir, int side) throws IOException {
        try (DataOutputStream images = new DataOutputStream(Files.newOutputStream(dir.resolve("t10k-images-idx3-ubyte")));
             DataOutputStream labels = new DataOutputStream(Files.newOutputStream(dir.resolve("t10k-labels-idx1-ubyte")))) {
            images.writeInt(0x00000803);
            images.writeInt(10);
            images.writeInt(side);
            images.writeInt(side);
            labels.writeInt(0x00000801);
            labels.writeInt(10);
            for (int i = 0; i < 10; i++) {
                images.write(new byte[side * side]);
                labels.writeByte(i);
            }
        }
    }
}

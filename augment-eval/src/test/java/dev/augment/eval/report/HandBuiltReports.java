package dev.augment.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.metrics.ClassDiagnostics;
import dev.augment.eval.metrics.VerdictRules;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ArmScores;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.protocol.FamilyArms;
import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Reports built by hand, shaped like a real Fashion-MNIST evaluation (ten classes, six arms, a sample
 * grid per class, 40 epochs of losses in the provenance, long paths) but made in milliseconds.
 */
final class HandBuiltReports {

    static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
            "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** Thirty classes with long names: tables far wider than any window. */
    static final List<String> MANY_CLASSES = IntStream.range(0, 30)
            .mapToObj(i -> "class number " + i + " with a long name").toList();

    private static final ObjectMapper JSON = new ObjectMapper();

    private HandBuiltReports() {
    }

    /**
     * @param macroF1BySeedAndArm macro-F1 per arm (in {@link Arm} order), per seed
     * @return summaries of the six arms whose other metrics follow macro-F1
     */
    static List<ArmSummary> arms(double[][] macroF1BySeedAndArm) {
        return arms(macroF1BySeedAndArm, CLASSES.size());
    }

    /**
     * @param macroF1BySeedAndArm macro-F1 per arm (in {@link Arm} order), per seed
     * @param classes how many classes
     * @return summaries of the six arms whose other metrics follow macro-F1
     */
    static List<ArmSummary> arms(double[][] macroF1BySeedAndArm, int classes) {
        List<List<ArmScores>> runs = new ArrayList<>();
        for (Arm arm : Arm.defaults()) {
            List<ArmScores> perSeed = new ArrayList<>();
            for (int s = 0; s < macroF1BySeedAndArm.length; s++) {
                double f1 = macroF1(macroF1BySeedAndArm[s], arm);
                List<Double> recall = new ArrayList<>();
                for (int c = 0; c < classes; c++) {
                    recall.add(Math.min(1, f1 + 0.01 * c));
                }
                perSeed.add(new ArmScores(s + 1, 750, f1, f1, f1, recall, 0.1));
            }
            runs.add(perSeed);
        }
        List<ArmSummary> out = new ArrayList<>();
        for (int a = 0; a < Arm.defaults().size(); a++) {
            Arm arm = Arm.defaults().get(a);
            out.add(ArmSummary.of(arm, runs.get(a), arm == Arm.REAL ? null : runs.get(0)));
        }
        return out;
    }

    /**
     * Rows give real, class weights, ROS, SMOTE, GAN and synthetic only, in that order; the hybrid and mix
     * arms, which these hand-built runs leave out, score just below the row's worst arm, so they never
     * change which arm is best.
     */
    private static double macroF1(double[] row, Arm arm) {
        return switch (arm) {
            case HYBRID, MIX, HYBRID_ROS, MIX_ROS -> java.util.Arrays.stream(row).min().orElseThrow() - 0.005;
            case SYNTHETIC_ONLY -> row[5];
            default -> row[arm.ordinal()];
        };
    }

    /** @return the arms of a two-seed run in which class weights are best and the GAN gain is not significant */
    static List<ArmSummary> twoSeedArms() {
        return arms(new double[][] {{0.70, 0.78, 0.75, 0.76, 0.70, 0.60}, {0.74, 0.80, 0.78, 0.77, 0.82, 0.63}});
    }

    /** @return diagnostics of every class, Shirt drifting, the last class without enough examples */
    static List<ClassReport> diagnostics() {
        return diagnostics(CLASSES);
    }

    private static List<ClassReport> diagnostics(List<String> classes) {
        List<ClassReport> out = new ArrayList<>();
        VerdictRules rules = VerdictRules.defaults();
        for (int c = 0; c < classes.size(); c++) {
            if (c == classes.size() - 1) {
                out.add(new ClassReport(c, classes.get(c), 5, 0.9, null, null,
                        "only 5 training and 50 test examples; diagnostics need at least 20 of each"));
                continue;
            }
            ClassDiagnostics d = new ClassDiagnostics(0.95, 0.9, 1.05, 0.97, 0.05, 0.97, c == 6 ? 0.36 : 0.9, 0.5,
                    0.3, 0.01);
            out.add(new ClassReport(c, classes.get(c), 50, 0.9, d, rules.verdict(d), ""));
        }
        return out;
    }

    /** @return settings as {@code Evaluation} records them, with a model file on a long path */
    static ObjectNode settings() {
        ObjectNode s = JSON.createObjectNode();
        s.put("train", "/work/a/very/long/path/to/the/data/that/does/not/break/easily/fashion-mnist-sample");
        s.put("test", "/work/a/very/long/path/to/the/data/that/does/not/break/easily/fashion-mnist-sample");
        s.put("trainer", "logistic");
        s.put("scenario", "imbalanced: classes [0, 2, 4, 6, 8] keep 2% of their examples");
        s.set("seeds", JSON.valueToTree(List.of(1, 2)));
        s.put("model", "/work/models/fashion-mnist.onnx");
        s.set("verdictRules", JSON.valueToTree(VerdictRules.defaults()));
        return s;
    }

    /** @return provenance with a generator whose history holds 40 epochs of losses */
    static ObjectNode provenance() {
        ObjectNode p = JSON.createObjectNode();
        ObjectNode train = p.putObject("trainData");
        train.put("source", "/work/a/very/long/path/to/the/data/that/does/not/break/easily/fashion-mnist-sample");
        train.put("sha256", "191faf318ac7d24a276dbfefcba80782f11333194c120731b9a53f6a55bb22fb");
        train.put("count", 1000);
        train.set("countsPerClass", JSON.valueToTree(List.of(100, 100, 100, 100, 100, 100, 100, 100, 100, 100)));
        p.set("testData", train.deepCopy());
        p.putObject("trainer").put("description", "LinearSGDTrainer(objective=LogMulticlass,optimiser=AdaGrad("
                + "initialLearningRate=1.0,epsilon=0.1,initialValue=0.0),epochs=5,minibatchSize=1,seed=1)");
        ArrayNode generators = p.putArray("generators");
        ObjectNode g = generators.addObject();
        g.put("file", "/work/models/fashion-mnist.onnx");
        g.put("sha256", "8f078c4c3f61189370 7bd115f77b0ef39cad5965fa35863e8a5f18001ccc22".replace(" ", ""));
        ObjectNode gp = g.putObject("provenance");
        gp.putObject("trainingData").put("source", "/usr/share/datasets/fashion-mnist (train split)")
                .put("count", 60000).put("sha256", "2d349174d38bf75fedae4a0f247d385d6bb7f1f9ff4a801eb711b0b70978fbd2");
        ArrayNode history = gp.putArray("history");
        for (int e = 1; e <= 40; e++) {
            history.addObject().put("epoch", e).put("steps", 937).put("lossD", 0.8 + e / 1000.0)
                    .put("lossG", 1.7 - e / 1000.0).put("seconds", 12.3)
                    .put("note", "a long unbroken value " + "x".repeat(300));
        }
        p.putObject("embedding").put("description", "penultimate layer (64-d, ReLU) of an MLP 784→256→64→10");
        p.putObject("versions").put("augment", "test").put("tribuo", "4.3.2");
        return p;
    }

    /**
     * @param arms the arms
     * @return the report of a run with a given model: a caveat, the five even classes as minority
     */
    static EvaluationReport report(List<ArmSummary> arms) {
        return report(arms, CLASSES);
    }

    /**
     * @param classes the class names
     * @return the report of a two-seed run with a given model over these classes
     */
    static EvaluationReport reportOf(List<String> classes) {
        return report(arms(new double[][] {{0.70, 0.78, 0.75, 0.76, 0.70, 0.60}, {0.74, 0.80, 0.78, 0.77, 0.82,
                0.63}}, classes.size()), classes);
    }

    /**
     * @return the two-seed report of two classifier families: logistic (class weights best, as
     *     {@link #twoSeedArms()}) and forest (random oversampling best)
     */
    static EvaluationReport twoFamilies() {
        List<ArmSummary> forest = arms(new double[][] {{0.80, 0.82, 0.84, 0.83, 0.79, 0.70},
            {0.81, 0.83, 0.86, 0.84, 0.80, 0.71}});
        return reportOfFamilies(List.of(new FamilyArms("logistic", twoSeedArms()), new FamilyArms("forest", forest)),
                CLASSES);
    }

    private static EvaluationReport report(List<ArmSummary> arms, List<String> classes) {
        return reportOfFamilies(List.of(new FamilyArms("logistic", arms)), classes);
    }

    private static EvaluationReport reportOfFamilies(List<FamilyArms> families, List<String> classes) {
        return new EvaluationReport("", List.of("The generator /work/models/fashion-mnist.onnx was not trained on "
                + "this run's training split: its provenance records 60000 examples of /usr/share/datasets/"
                + "fashion-mnist-with-an-unusually-long-unbroken-folder-name-that-must-wrap-inside-its-box (train "
                + "split)."), settings(), provenance(), classes, List.of(0, 2, 4, 6, 8),
                families, diagnostics(classes), 12.5);
    }

    /** @return the report's pictures: the gains chart and a real | synthetic grid of 8 + 8 noise images per class */
    static ReportImages images(List<ArmSummary> arms) {
        return images(arms, CLASSES);
    }

    /**
     * @param report a report over {@link #CLASSES}
     * @return a gains chart per family and a real | synthetic grid of 8 + 8 noise images per class
     */
    static ReportImages images(EvaluationReport report) {
        return new ReportImages(ReportImages.gainsCharts(report.families()), grids(CLASSES));
    }

    /**
     * @param arms the arms
     * @param classes the class names
     * @return the gains chart and a real | synthetic grid of 8 + 8 noise images per class
     */
    static ReportImages images(List<ArmSummary> arms, List<String> classes) {
        return new ReportImages(ReportImages.gainsChart(arms), grids(classes));
    }

    private static List<SampleGrid> grids(List<String> classes) {
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 28 * 28; i++) {
            features.add(String.valueOf(i));
        }
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            labels.add(String.valueOf(c));
        }
        SampleSchema schema = new SampleSchema(features, List.of(1, 28, 28), 0, 255, labels, classes);
        SplittableRandom rng = new SplittableRandom(7);
        List<SampleGrid> grids = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            grids.add(ReportImages.sampleGrid(schema, noise(rng, 8), noise(rng, 8)));
        }
        return grids;
    }

    private static float[][] noise(SplittableRandom rng, int n) {
        float[][] x = new float[n][28 * 28];
        for (float[] row : x) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) rng.nextDouble(255);
            }
        }
        return x;
    }
}

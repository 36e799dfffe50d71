package dev.augment.train.table;

import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.GeneratorContract;
import dev.augment.random.SeededNoise;
import dev.augment.table.Table;
import dev.augment.table.TableColumn;
import dev.augment.table.TableReader;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The quality check of the table GAN on the full shared tables (not a default test: minutes each). For each
 * table: a stratified 70/30 split, a GAN trained on the training part and exported to ONNX, synthetic rows drawn
 * with ONNX Runtime at the training part's class counts; prints numeric ranges and per-class means (real training
 * part vs synthetic) and the macro-F1 on the real test part of a Tribuo logistic regression trained on real rows
 * and on synthetic rows only (features standardised with the real training part's statistics for both).
 * Run: {@code mvn -o -pl augment-core test -Dtest=TableGanQualityBenchmark -DexcludedTestGroups=none
 * -Dtable.steps=3000 -Dtable.seed=1}.
 */
@Tag("slow")
class TableGanQualityBenchmark {

    @Test
    void syntheticRowsTrainAClassifierThatBeatsChance(@TempDir Path dir) throws Exception {
        int steps = Integer.getInteger("table.steps", TableGanSettings.DEFAULT_STEPS);
        long seed = Long.getLong("table.seed", 1);
        String only = System.getProperty("table.only", "");
        Conditioning how = Conditioning.valueOf(System.getProperty("table.conditioning", "UNIFORM"));
        for (String name : List.of("diabetes", "credit-g", "glass", "unbalanced")) {
            if (!only.isEmpty() && !only.contains(name)) {
                continue;
            }
            String label = name.equals("glass") ? "Type" : name.equals("unbalanced") ? "Outcome" : "class";
            Table all = TableReader.read(Path.of("/work/shared/datasets/tabular/" + name + ".csv"), label);
            int[][] split = stratifiedSplit(all, 0.7, seed);
            Table train = all.select(split[0]);
            Table test = all.select(split[1]);
            long start = System.nanoTime();
            Path model = TableGeneratorExport.trainToFile(train, TableGanSettings.defaults(seed).withSteps(steps)
                    .withConditioning(how), seed, dir.resolve(name + ".onnx"), name + " train split");
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] counts = train.examplesPerClass();
            List<float[]> synthetic = new ArrayList<>();
            List<Integer> syntheticClasses = new ArrayList<>();
            try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
                int latent = generator.metadata().latentDim();
                int f = all.schema().featureCount();
                for (int c = 0; c < counts.length; c++) {
                    int n = (int) counts[c];
                    float[] z = new float[n * latent];
                    long[] labels = new long[n];
                    for (int i = 0; i < n; i++) {
                        GeneratorContract.noise(z, i * latent, latent, seed + 99, c, i);
                        labels[i] = c;
                    }
                    float[] out = generator.run(z, labels);
                    for (int i = 0; i < n; i++) {
                        float[] row = new float[f];
                        System.arraycopy(out, i * f, row, 0, f);
                        synthetic.add(row);
                        syntheticClasses.add(c);
                    }
                }
            }
            System.out.printf("QUALITY %s: %d train rows, %d test rows, %d steps, trained and exported in %.1f s%n",
                    name, train.rows(), test.rows(), steps, seconds);
            describeColumns(all, train, synthetic, syntheticClasses);
            List<float[]> realRows = new ArrayList<>();
            List<Integer> realClasses = new ArrayList<>();
            for (int r = 0; r < train.rows(); r++) {
                realRows.add(train.features(r));
                realClasses.add(train.classes()[r]);
            }
            double[][] scale = standardisation(realRows);
            double real = macroF1(all, realRows, realClasses, test, scale, seed);
            double synth = macroF1(all, synthetic, syntheticClasses, test, scale, seed);
            System.out.printf("QUALITY %s: logistic regression macro-F1 on the real test part: trained on real %.3f, "
                    + "on synthetic only %.3f (ratio %.2f)%n", name, real, synth, synth / real);
        }
    }

    private static void describeColumns(Table all, Table train, List<float[]> synthetic, List<Integer> classes) {
        List<TableColumn> columns = all.schema().columns();
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).isNumeric()) {
                continue;
            }
            int j = all.schema().featureOffset(c);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            StringBuilder means = new StringBuilder();
            for (int k = 0; k < all.schema().classCount(); k++) {
                double realSum = 0;
                int realN = 0;
                for (int r = 0; r < train.rows(); r++) {
                    if (train.classes()[r] == k && !Double.isNaN(train.numeric()[r][c])) {
                        realSum += train.numeric()[r][c];
                        realN++;
                    }
                }
                double synthSum = 0;
                int synthN = 0;
                for (int i = 0; i < synthetic.size(); i++) {
                    float v = synthetic.get(i)[j];
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    if (classes.get(i) == k) {
                        synthSum += v;
                        synthN++;
                    }
                }
                means.append(String.format(" %s %.3g/%.3g", all.schema().labels().get(k), realSum / Math.max(1, realN),
                        synthSum / Math.max(1, synthN)));
            }
            System.out.printf("QUALITY   %-16s range [%.4g, %.4g] synthetic [%.4g, %.4g]; class mean real/synthetic:%s%n",
                    columns.get(c).name(), columns.get(c).min(), columns.get(c).max(), min, max, means);
        }
    }

    static int[][] stratifiedSplit(Table table, double trainShare, long seed) {
        UniformRandomProvider random = SeededNoise.rng(seed, 0x73706c);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int k = 0; k < table.schema().classCount(); k++) {
            List<Integer> rows = new ArrayList<>();
            for (int r = 0; r < table.rows(); r++) {
                if (table.classes()[r] == k) {
                    rows.add(r);
                }
            }
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            int cut = (int) Math.round(rows.size() * trainShare);
            train.addAll(rows.subList(0, cut));
            test.addAll(rows.subList(cut, rows.size()));
        }
        return new int[][] {train.stream().mapToInt(Integer::intValue).toArray(),
                test.stream().mapToInt(Integer::intValue).toArray()};
    }

    private static double[][] standardisation(List<float[]> rows) {
        int f = rows.get(0).length;
        double[] mean = new double[f];
        double[] sd = new double[f];
        for (float[] row : rows) {
            for (int j = 0; j < f; j++) {
                mean[j] += row[j] / rows.size();
            }
        }
        for (float[] row : rows) {
            for (int j = 0; j < f; j++) {
                sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / rows.size();
            }
        }
        for (int j = 0; j < f; j++) {
            sd[j] = Math.sqrt(sd[j]) + 1e-9;
        }
        return new double[][] {mean, sd};
    }

    private static Example<Label> example(Table all, float[] row, int k, double[][] scale) {
        List<String> names = all.schema().featureNames();
        double[] values = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            values[j] = (row[j] - scale[0][j]) / scale[1][j];
        }
        return new ArrayExample<>(new Label(all.schema().labels().get(k)), names.toArray(new String[0]), values);
    }

    private static double macroF1(Table all, List<float[]> rows, List<Integer> classes, Table test, double[][] scale,
                                  long seed) {
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("rows", new LabelFactory()),
                new LabelFactory());
        for (int i = 0; i < rows.size(); i++) {
            data.add(example(all, rows.get(i), classes.get(i), scale));
        }
        LogisticRegressionTrainer trainer = new LogisticRegressionTrainer();
        Model<Label> model = trainer.train(data);
        MutableDataset<Label> testData = new MutableDataset<>(new SimpleDataSourceProvenance("test", new LabelFactory()),
                new LabelFactory());
        for (int r = 0; r < test.rows(); r++) {
            testData.add(example(all, test.features(r), test.classes()[r], scale));
        }
        return new LabelEvaluator().evaluate(model, testData).macroAveragedF1();
    }
}

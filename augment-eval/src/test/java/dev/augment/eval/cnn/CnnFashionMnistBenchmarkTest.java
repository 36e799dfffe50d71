package dev.augment.eval.cnn;

import dev.augment.data.DataSources;
import dev.augment.data.DenseSamples;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.eval.protocol.TribuoData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CNN on all of Fashion-MNIST (slow; needs the Debian package dataset-fashion-mnist): trains
 * {@code -Dcnn.steps} steps (default 1000) of batch 128 on the 60 000 training images, scaled as the
 * evaluation scales them (pixel / 255), and prints the time per step and the test macro-F1 recorded in
 * the README. Run with
 * {@code mvn -B -pl augment-eval -am test -Dtest=CnnFashionMnistBenchmarkTest -DexcludedTestGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dcnn.steps=1000}.
 */
@Tag("slow")
class CnnFashionMnistBenchmarkTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void fullFashionMnistReachesAUsefulMacroF1() {
        Assumptions.assumeTrue(Files.isDirectory(DATA), "needs " + DATA);
        int steps = Integer.getInteger("cnn.steps", 1000);
        SchemaDataSource trainSource = DataSources.open(DATA, Split.TRAIN, null);
        DenseSamples train = DenseSamples.from(trainSource, trainSource.schema());
        SchemaDataSource testSource = DataSources.open(DATA, Split.TEST, null);
        DenseSamples test = DenseSamples.from(testSource, testSource.schema());
        TribuoData data = new TribuoData(trainSource.schema());
        MutableDataset<Label> trainSet = data.dataset("fashion-mnist train", train.features(), train.classIndices());
        MutableDataset<Label> testSet = data.dataset("fashion-mnist test", test.features(), test.classIndices());
        CnnTrainer trainer = new CnnTrainer(trainSource.schema(), 1.0, steps, CnnTrainer.DEFAULT_BATCH_SIZE,
                CnnTrainer.DEFAULT_LEARNING_RATE, 1);
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        Model<Label> model = trainer.train(trainSet);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        double trainCpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        start = System.nanoTime();
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, testSet);
        double testSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("CNN on Fashion-MNIST: %d steps of batch 128 in %.1f s wall, %.1f s process CPU (%.3f s/step "
                        + "wall, including the conversion of 60 000 examples); test (10 000) in %.1f s; accuracy "
                        + "%.4f, macro-F1 %.4f%n", steps, trainSeconds, trainCpuSeconds, trainSeconds / steps,
                testSeconds, evaluation.accuracy(), evaluation.macroAveragedF1());
        assertTrue(evaluation.macroAveragedF1() > 0.8, "macro-F1 " + evaluation.macroAveragedF1());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

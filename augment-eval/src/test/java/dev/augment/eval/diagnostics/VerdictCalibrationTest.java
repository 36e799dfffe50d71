package dev.augment.eval.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.augment.data.DataSources;
import dev.augment.data.DenseSamples;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.eval.embedding.EmbeddingNetwork;
import dev.augment.eval.embedding.EmbeddingSettings;
import dev.augment.eval.embedding.EmbeddingTrainer;
import dev.augment.eval.metrics.ClassDiagnoser;
import dev.augment.eval.metrics.ClassDiagnostics;
import dev.augment.eval.metrics.ClassVerdict;
import dev.augment.eval.metrics.VerdictRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The calibration run of {@link VerdictRules#defaults()} (slow; needs the Debian package
 * dataset-fashion-mnist): real held-out Fashion-MNIST scored as if it were a generator must be
 * healthy in every class. Per class and seed: 1000 training examples as the generator's training
 * data, 1000 test examples as hold-out, and 1000 other training examples as the "generator".
 * Prints the numbers recorded in the README.
 */
@Tag("slow")
class VerdictCalibrationTest {

    private static final Path DATA = Path.of("/usr/share/datasets/fashion-mnist");

    @Test
    void realHeldOutFashionMnistIsHealthyInEveryClass() {
        calibrate(false);
    }

    /**
     * As above with every other training image of the class (5 000) on the training side, which the near-duplicate
     * search covers since 7 Dec (a copier of every training image went unflagged): its false-alarm rate at full scale.
     */
    @Test
    void realHeldOutFashionMnistIsHealthyWhenEveryTrainingImageIsSearched() {
        calibrate(true);
    }

    private void calibrate(boolean everyTrainingImage) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(DATA), "needs " + DATA);
        SchemaDataSource trainSource = DataSources.open(DATA, Split.TRAIN, null);
        DenseSamples train = DenseSamples.from(trainSource, trainSource.schema());
        SchemaDataSource testSource = DataSources.open(DATA, Split.TEST, null);
        DenseSamples test = DenseSamples.from(testSource, testSource.schema());
        int classes = trainSource.schema().classCount();
        EmbeddingNetwork network = EmbeddingTrainer.train(train.features(), train.classIndices(), classes, 255f,
                EmbeddingSettings.defaults(1));
        List<String> names = trainSource.schema().classNames();
        System.out.println("seed class precision recall density coverage ndbOverK diversity labelConsistency "
                + "closerToTraining dcrRatio nearDuplicates noiseRatio verdict");
        for (long seed = 1; seed <= 3; seed++) {
            float[][][] reference = new float[classes][][];
            float[][][] unseen = new float[classes][][];
            float[][][] holdout = new float[classes][][];
            for (int c = 0; c < classes; c++) {
                float[][] members = train.ofClass(c).features();
                float[][] shuffled = GeneratorDiagnostics.subsample(members, members.length,
                        new SplittableRandom(seed * 100 + c));
                unseen[c] = java.util.Arrays.copyOfRange(shuffled, 1000, 2000);
                // the first 1 000 (the 2 000 drawn as before 7 Dec), then, searched for copies, all others
                reference[c] = !everyTrainingImage ? java.util.Arrays.copyOfRange(shuffled, 0, 1000)
                        : java.util.stream.Stream.concat(java.util.Arrays.stream(shuffled, 0, 1000),
                        java.util.Arrays.stream(shuffled, 2000, shuffled.length)).toArray(float[][]::new);
                holdout[c] = test.ofClass(c).features();
            }
            List<ClassReport> reports = new GeneratorDiagnostics(network, ClassDiagnoser.withDefaults(seed),
                    VerdictRules.defaults(), 1000).withPixelNoiseOf(trainSource.schema())
                    .run(names, reference, holdout, new PoolSampler(unseen), seed);
            for (ClassReport r : reports) {
                ClassDiagnostics d = r.diagnostics();
                System.out.printf("%d %s %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %.3f %s%n", seed,
                        r.className().replace(' ', '_'), d.precision(), d.recall(), d.density(), d.coverage(),
                        d.ndbOverK(), d.diversityRatio(), d.labelConsistency(), d.shareCloserToTraining(),
                        d.medianDcrRatio(), d.nearDuplicateShare(), d.noiseRatio(), r.verdict());
            }
            for (ClassReport r : reports) {
                assertEquals(ClassVerdict.HEALTHY, r.verdict(), r.className() + " seed " + seed + ": " + r.diagnostics());
            }
        }
    }
}

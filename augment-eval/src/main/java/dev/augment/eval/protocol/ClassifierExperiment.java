package dev.augment.eval.protocol;

import dev.augment.eval.sampler.ConditionalSampler;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the arms over seeds. For each seed the scenario draws a training split, the generator is
 * obtained for that split, every arm's training set is built and learned by a fresh trainer seeded
 * with the run's seed, and the model is scored on the test set with Tribuo's
 * {@link LabelEvaluator} (accuracy, macro-averaged F1, recall per class; balanced accuracy is the
 * mean recall). Arms are paired by seed: they share the split and the trainer seed.
 *
 * @param data dataset builder for the schema
 * @param classifier the trainer
 * @param scenario the scenario
 * @param arms the arms, real only first
 */
public record ClassifierExperiment(TribuoData data, ClassifierSpec classifier, Scenario scenario, List<Arm> arms) {

    /** Requires real only among the arms, as the reference. */
    public ClassifierExperiment {
        if (arms == null || !arms.contains(Arm.REAL)) {
            throw new IllegalArgumentException("the arms must include " + Arm.REAL + ", the reference");
        }
        arms = List.copyOf(arms);
    }

    /**
     * @param features every training row, in feature scale
     * @param labels their classes
     * @param test the test set
     * @param seeds one run per seed
     * @param generators the generator of each run
     * @param progress hears one line per finished arm
     * @return one summary per arm, in the order of {@link #arms()}
     */
    public List<ArmSummary> run(float[][] features, int[] labels, MutableDataset<Label> test, List<Long> seeds,
                                SamplerProvider generators, Consumer<String> progress) {
        Map<Arm, List<ArmScores>> scores = new EnumMap<>(Arm.class);
        arms.forEach(a -> scores.put(a, new ArrayList<>()));
        int run = 0;
        for (long seed : seeds) {
            run++;
            int[] kept = scenario.select(labels, data.schema(), seed);
            float[][] x = new float[kept.length][];
            int[] y = new int[kept.length];
            for (int i = 0; i < kept.length; i++) {
                x[i] = features[kept[i]];
                y[i] = labels[kept[i]];
            }
            ConditionalSampler sampler = arms.stream().anyMatch(Arm::needsGenerator)
                    ? generators.samplerFor(seed, x, y) : null;
            ArmTrainingSets sets = new ArmTrainingSets(data, x, y, seed);
            for (Arm arm : arms) {
                ArmScores s = score(arm, sets.build(arm, sampler), test, seed);
                scores.get(arm).add(s);
                progress.accept(String.format("seed %d (%d/%d) %-26s macro-F1 %.4f  accuracy %.4f  (%d examples, "
                        + "%.1f s)", seed, run, seeds.size(), arm.title(), s.macroF1(), s.accuracy(),
                        s.trainingSize(), s.seconds()));
            }
        }
        List<ArmSummary> out = new ArrayList<>();
        for (Arm arm : arms) {
            out.add(ArmSummary.of(arm, scores.get(arm), arm == Arm.REAL ? null : scores.get(Arm.REAL)));
        }
        return out;
    }

    private ArmScores score(Arm arm, MutableDataset<Label> training, MutableDataset<Label> test, long seed) {
        long start = System.nanoTime();
        Model<Label> model = classifier.create(seed, data.schema()).train(training);
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
        List<Double> recall = new ArrayList<>();
        double sum = 0;
        for (Label label : data.labels()) {
            double r = evaluation.recall(label);
            r = Double.isNaN(r) ? 0 : r;
            recall.add(r);
            sum += r;
        }
        double macroF1 = evaluation.macroAveragedF1();
        return new ArmScores(seed, training.size(), evaluation.accuracy(), Double.isNaN(macroF1) ? 0 : macroF1,
                sum / recall.size(), recall, (System.nanoTime() - start) / 1e9);
    }
}

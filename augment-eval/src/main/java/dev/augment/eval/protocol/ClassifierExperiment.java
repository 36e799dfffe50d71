package dev.augment.eval.protocol;

import dev.augment.cancel.AbandonableCall;
import dev.augment.cancel.CancellationToken;
import dev.augment.eval.cnn.CnnTrainer;
import dev.augment.eval.sampler.ConditionalSampler;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs the arms over seeds, under one or several classifier families. For each seed the scenario draws
 * a training split, the generator is obtained for that split (once per seed, whatever the number of
 * families: the expensive part), every arm's training set is built once and learned by a fresh trainer
 * of each family seeded with the run's seed, and each model is scored on the test set with Tribuo's
 * {@link LabelEvaluator} (accuracy, macro-averaged F1, recall per class; balanced accuracy is the
 * mean recall). Arms are paired by seed: they share the split and the trainer seed; families share
 * the training sets.
 *
 * <p>With {@code concurrentFamilies}, the families other than the CNN ({@code cnn}, or a configured {@link
 * CnnTrainer}) learn each arm at the same time, each on its own thread ({@link AbandonableCall#callAll}), and the
 * CNN after them, alone: Tribuo's logistic regression fits on one thread, so beside it an XGBoost forest uses the
 * core it leaves idle, while PyTorch's threads slow down many times over when another computation shares the
 * cores. Every trainer is fresh and seeded, and each only reads the shared training and test sets, so the scores
 * are the same either way; only the seconds each arm reports overlap. Fitting together needs more heap (Tribuo's
 * XGBoost trainer copies the data into boxed floats, the logistic regression into sparse vectors: with both
 * families on Fashion-MNIST 2%, the launcher's default 2 560 MB ran out in the first GAN arm, 60 000 dense rows):
 * when the families together run out of heap, the arm is fitted again one family at a time, and so is every later
 * arm of the run, with a progress line saying so.
 *
 * @param data dataset builder for the schema
 * @param classifiers the trainers, one per family, at least one, names distinct
 * @param scenario the scenario
 * @param arms the arms, real only first
 * @param concurrentFamilies whether the families other than {@code cnn} learn each arm at the same time
 */
public record ClassifierExperiment(TribuoData data, List<ClassifierSpec> classifiers, Scenario scenario,
                                   List<Arm> arms, boolean concurrentFamilies) {

    /**
     * The experiment with the families other than {@code cnn} learning each arm at the same time where the
     * machine has at least two cores ({@link #concurrentByDefault()}).
     *
     * @param data dataset builder for the schema
     * @param classifiers the trainers, one per family
     * @param scenario the scenario
     * @param arms the arms, real only first
     */
    public ClassifierExperiment(TribuoData data, List<ClassifierSpec> classifiers, Scenario scenario,
                                List<Arm> arms) {
        this(data, classifiers, scenario, arms, concurrentByDefault());
    }

    /** @return whether the Java virtual machine sees at least two processors */
    public static boolean concurrentByDefault() {
        return Runtime.getRuntime().availableProcessors() >= 2;
    }

    /** Requires real only as the first arm, the reference, and at least one classifier family. */
    public ClassifierExperiment {
        if (arms == null || arms.isEmpty() || arms.get(0) != Arm.REAL) {
            throw new IllegalArgumentException("the arms must start with " + Arm.REAL + ", the reference");
        }
        if (classifiers == null || classifiers.isEmpty()) {
            throw new IllegalArgumentException("at least one classifier family is required");
        }
        arms = List.copyOf(arms);
        classifiers = List.copyOf(classifiers);
    }

    /**
     * @param features every training row, in feature scale
     * @param labels their classes
     * @param test the test set
     * @param seeds one run per seed
     * @param generators the generator of each run, asked once per seed
     * @param progress hears one line per finished arm and family
     * @return one result per family, in the order of {@link #classifiers()}, each with one summary per arm
     *     in the order of {@link #arms()}
     */
    public List<FamilyArms> run(float[][] features, int[] labels, MutableDataset<Label> test, List<Long> seeds,
                                SamplerProvider generators, Consumer<String> progress) {
        return run(features, labels, test, seeds, generators, progress, new CancellationToken());
    }

    /**
     * As {@link #run(float[][], int[], MutableDataset, List, SamplerProvider, Consumer)}, stoppable inside a long
     * training run: each trainer gets the token ({@link ClassifierSpec#create(long, dev.augment.schema.SampleSchema,
     * CancellationToken)}).
     *
     * @param cancellation the caller's token
     * @return one result per family, as the other {@code run}
     * @throws dev.augment.cancel.CancelledException when the token is cancelled while a CNN trains
     */
    public List<FamilyArms> run(float[][] features, int[] labels, MutableDataset<Label> test, List<Long> seeds,
                                SamplerProvider generators, Consumer<String> progress,
                                CancellationToken cancellation) {
        List<Map<Arm, List<ArmScores>>> scores = new ArrayList<>();
        for (int f = 0; f < classifiers.size(); f++) {
            Map<Arm, List<ArmScores>> family = new EnumMap<>(Arm.class);
            arms.forEach(a -> family.put(a, new ArrayList<>()));
            scores.add(family);
        }
        boolean[] together = {concurrentFamilies};
        boolean[] alone = fittingAlone(seeds.get(0));
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
                MutableDataset<Label> training = sets.build(arm, sampler);
                ArmScores[] armScores = scoreFamilies(training, test, seed, alone, together, progress,
                        cancellation);
                for (int f = 0; f < classifiers.size(); f++) {
                    ClassifierSpec classifier = classifiers.get(f);
                    ArmScores s = armScores[f];
                    scores.get(f).get(arm).add(s);
                    progress.accept(String.format("seed %d (%d/%d) %s: %-26s macro-F1 %.4f  accuracy %.4f  (%d "
                            + "examples, %.1f s)", seed, run, seeds.size(), classifier.name(), arm.title(),
                            s.macroF1(), s.accuracy(), s.trainingSize(), s.seconds()));
                }
            }
        }
        List<FamilyArms> out = new ArrayList<>();
        for (int f = 0; f < classifiers.size(); f++) {
            Map<Arm, List<ArmScores>> family = scores.get(f);
            List<ArmSummary> summaries = new ArrayList<>();
            for (Arm arm : arms) {
                summaries.add(ArmSummary.of(arm, family.get(arm), arm == Arm.REAL ? null : family.get(Arm.REAL)));
            }
            out.add(new FamilyArms(classifiers.get(f).name(), summaries));
        }
        return out;
    }

    /**
     * @param seed the seed the trainers are made with (what they are does not depend on it)
     * @return per family, in the order of {@link #classifiers()}, whether it fits alone: a {@link CnnTrainer}
     *     ({@code cnn}, or one from an OLCUT configuration file), whose PyTorch threads stall when anything else
     *     shares the cores
     */
    boolean[] fittingAlone(long seed) {
        boolean[] alone = new boolean[classifiers.size()];
        for (int f = 0; f < classifiers.size(); f++) {
            alone[f] = classifiers.get(f).create(seed, data.schema()) instanceof CnnTrainer;
        }
        return alone;
    }

    /** One arm's scores under every family, in the order of {@link #classifiers()}. */
    private ArmScores[] scoreFamilies(MutableDataset<Label> training, MutableDataset<Label> test, long seed,
                                      boolean[] alone, boolean[] together, Consumer<String> progress,
                                      CancellationToken cancellation) {
        ArmScores[] out = new ArmScores[classifiers.size()];
        List<Integer> tribuoFamilies = new ArrayList<>();
        for (int f = 0; f < classifiers.size(); f++) {
            if (!alone[f]) {
                tribuoFamilies.add(f);
            }
        }
        if (together[0] && tribuoFamilies.size() > 1) {
            List<String> what = new ArrayList<>();
            List<Callable<ArmScores>> work = new ArrayList<>();
            for (int f : tribuoFamilies) {
                ClassifierSpec classifier = classifiers.get(f);
                what.add(training(classifier, seed));
                work.add(() -> fitAndScore(classifier, training, test, seed, cancellation));
            }
            try {
                List<ArmScores> scored = AbandonableCall.callAll(what, cancellation, work);
                for (int k = 0; k < tribuoFamilies.size(); k++) {
                    out[tribuoFamilies.get(k)] = scored.get(k);
                }
            } catch (OutOfMemoryError e) {
                // every piece has ended (callAll waits for them), so their data is garbage now
                together[0] = false;
                progress.accept("the classifier families ran out of Java heap fitting " + training.size()
                        + " examples together; fitting them one at a time from here (the scores are the same; "
                        + "more heap, -Xmx, keeps them together)");
            }
        }
        for (int f = 0; f < classifiers.size(); f++) {
            if (out[f] == null) {
                ClassifierSpec classifier = classifiers.get(f);
                // the CNN trainer checks the token before every step; Tribuo's own trainers never look at it (the
                // XGBoost forest fits for seconds to minutes), so a cancel abandons their fit
                out[f] = alone[f] ? fitAndScore(classifier, training, test, seed, cancellation)
                        : AbandonableCall.call(training(classifier, seed), cancellation,
                                () -> fitAndScore(classifier, training, test, seed, cancellation));
            }
        }
        return out;
    }

    private static String training(ClassifierSpec classifier, long seed) {
        return "training " + classifier.name() + " (seed " + seed + ")";
    }

    private ArmScores fitAndScore(ClassifierSpec classifier, MutableDataset<Label> training,
                                  MutableDataset<Label> test, long seed, CancellationToken cancellation) {
        long start = System.nanoTime();
        Trainer<Label> trainer = classifier.create(seed, data.schema(), cancellation);
        Model<Label> model = trainer.train(training);
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(model, test);
        return ArmScores.of(evaluation, data.labels(), seed, training.size(), start);
    }
}

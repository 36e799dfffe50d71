package dev.augment.eval.diagnostics;

import dev.augment.cancel.CancellationToken;
import dev.augment.eval.embedding.EmbeddingNetwork;
import dev.augment.eval.metrics.ClassDiagnoser;
import dev.augment.eval.metrics.ClassDiagnostics;
import dev.augment.eval.metrics.PixelNoise;
import dev.augment.eval.metrics.VerdictRules;
import dev.augment.eval.sampler.ConditionalSampler;
import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Judges a generator class by class. For each class, {@code n = min(training, hold-out, cap)}
 * real training samples (what the generator learned from), {@code n} real hold-out samples (never
 * seen by it) and {@code n} synthetic samples are drawn (seeded), embedded, and passed to the
 * {@link ClassDiagnoser}, which seeks near duplicates among up to {@link #COPIES_CAP} of the class's training samples
 * (the {@code n} first); label consistency is the share of synthetic samples the embedding
 * network's own classifier head assigns to the requested class. For images, the
 * {@link PixelNoise} ratio of the synthetic to the hold-out samples is measured on the pixels
 * before embedding, which the embedding does not see. A class with fewer than
 * {@link #MIN_SAMPLES} real samples on either side gets a note instead of a verdict.
 *
 * @param network the embedding (and label-consistency classifier)
 * @param diagnoser the metric settings
 * @param rules the verdict thresholds
 * @param cap most samples compared per class and side, ≥ {@link #MIN_SAMPLES}
 * @param pixelNoise the image shape to measure pixel noise in, or null for samples that are not
 *     images (then the diagnostics have no noise ratio)
 */
public record GeneratorDiagnostics(EmbeddingNetwork network, ClassDiagnoser diagnoser, VerdictRules rules,
                                   int cap, PixelNoise pixelNoise) {

    /** Fewest samples per side for which k = 5 neighbourhoods mean something. */
    public static final int MIN_SAMPLES = 20;

    /** Default cap per class and side. */
    public static final int DEFAULT_CAP = 1000;

    /**
     * Most training samples of a class searched for near duplicates of the generated ones: all of Fashion-MNIST's
     * 6 000 and CIFAR-10's 5 000 a class.
     */
    public static final int COPIES_CAP = 10_000;

    /** Validates the settings. */
    public GeneratorDiagnostics {
        if (network == null || diagnoser == null || rules == null) {
            throw new IllegalArgumentException("network, diagnoser and rules are required");
        }
        if (cap < MIN_SAMPLES) {
            throw new IllegalArgumentException("cap must be at least " + MIN_SAMPLES + ", was " + cap);
        }
    }

    /**
     * Diagnostics without the pixel noise ratio (for samples that are not images).
     *
     * @param network the embedding (and label-consistency classifier)
     * @param diagnoser the metric settings
     * @param rules the verdict thresholds
     * @param cap most samples compared per class and side
     */
    public GeneratorDiagnostics(EmbeddingNetwork network, ClassDiagnoser diagnoser, VerdictRules rules, int cap) {
        this(network, diagnoser, rules, cap, null);
    }

    /**
     * @param schema the samples' schema
     * @return a copy that measures pixel noise in the schema's image shape, or without it when the
     *     schema is not images of at least 3×3 pixels
     */
    public GeneratorDiagnostics withPixelNoiseOf(SampleSchema schema) {
        boolean measurable = schema.isImage() && schema.height() >= 3 && schema.width() >= 3;
        return new GeneratorDiagnostics(network, diagnoser, rules, cap,
                measurable ? new PixelNoise(schema.channels(), schema.height(), schema.width()) : null);
    }

    /**
     * @param classNames display name per class
     * @param training real training samples per class, feature scale
     * @param holdout real hold-out samples per class, feature scale
     * @param generator the generator under test
     * @param seed seed of the subsampling and of the generator
     * @return one report per class
     */
    public List<ClassReport> run(List<String> classNames, float[][][] training, float[][][] holdout,
                                 ConditionalSampler generator, long seed) {
        return run(classNames, training, holdout, generator, seed, new CancellationToken());
    }

    /**
     * As {@link #run(List, float[][][], float[][][], ConditionalSampler, long)}, stoppable between classes.
     *
     * @param cancellation looked at before each class
     * @return one report per class
     * @throws dev.augment.cancel.CancelledException when the token is cancelled
     */
    public List<ClassReport> run(List<String> classNames, float[][][] training, float[][][] holdout,
                                 ConditionalSampler generator, long seed, CancellationToken cancellation) {
        List<ClassReport> out = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            cancellation.throwIfCancelled("diagnosing the generator");
            out.add(diagnoseClass(c, classNames.get(c), training[c], holdout[c], generator, seed));
        }
        return out;
    }

    /**
     * @return the note of a class with too few examples, marking the side that falls short ("only 5 training and 50
     *     test" read as if 50 were too few, a fresh user's remark of 3 Dec)
     */
    static String tooFew(int training, int test) {
        return "too few examples: " + training + " training" + (training < MIN_SAMPLES ? " (under " + MIN_SAMPLES + ")"
                : "") + " and " + test + " test" + (test < MIN_SAMPLES ? " (under " + MIN_SAMPLES + ")" : "")
                + "; diagnostics need at least " + MIN_SAMPLES + " of each";
    }

    /** The note of a class whose real training examples are all one image. */
    public static final String ONE_IMAGE = "every real training example of the class is the same image (blank or "
            + "constant), so there is no spread to compare generated samples with: not diagnosed";

    private ClassReport diagnoseClass(int c, String name, float[][] training, float[][] holdout,
                                      ConditionalSampler generator, long seed) {
        int n = Math.min(cap, Math.min(training.length, holdout.length));
        SplittableRandom rng = new SplittableRandom(seed * 31 + c);
        float[][] h = subsample(holdout, n, rng);
        double realConsistency = h.length == 0 ? 0 : network.agreement(h, c);
        if (n < MIN_SAMPLES) {
            return new ClassReport(c, name, n, realConsistency, null, null, tooFew(training.length, holdout.length));
        }
        int[] order = subsampleOrder(training.length, n, rng);
        float[][] t = new float[n][];
        for (int i = 0; i < n; i++) {
            t[i] = training[order[i]];
        }
        if (java.util.Arrays.stream(t).allMatch(row -> java.util.Arrays.equals(row, t[0]))) {
            // a class of one blank or constant image has no spread to compare with: its diversity ratio threw after
            // every arm had trained, and evaluate wrote nothing (a re-check, 6 Dec)
            return new ClassReport(c, name, n, realConsistency, null, null, ONE_IMAGE);
        }
        float[][] s = generator.sample(c, n, seed);
        double consistency = network.agreement(s, c);
        Double noiseRatio = pixelNoise == null ? null : pixelNoise.compute(h, s).ratio();
        // near duplicates are sought among the class's training samples beyond those compared with the hold-out
        // (COPIES_CAP): a generator that copied every training image was flagged in 3 classes of 10 (7 Dec)
        float[][] copies = new float[Math.min(training.length, Math.max(n, COPIES_CAP))][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = training[order[i]];
        }
        float[][] embeddedCopies = network.embed(copies);
        ClassDiagnostics d = diagnoser.diagnose(java.util.Arrays.copyOf(embeddedCopies, n), network.embed(h),
                network.embed(s), consistency, noiseRatio, embeddedCopies);
        String note = !rules.judgesLabels(realConsistency) && consistency < rules.minLabelConsistency()
                ? String.format(java.util.Locale.ROOT, "label consistency not judged: the diagnostics' network labels "
                + "only %.2f of real hold-out %s as %s, below the %.2f a judgement needs", realConsistency, name, name,
                rules.minLabelConsistency()) : "";
        return new ClassReport(c, name, n, realConsistency, d, rules.verdict(d, realConsistency), note);
    }

    /**
     * @param x rows
     * @param n how many to keep
     * @param rng the random source
     * @return {@code n} rows drawn without replacement (all of them, shuffled, when {@code n ≥ x.length})
     */
    static float[][] subsample(float[][] x, int n, SplittableRandom rng) {
        int[] order = subsampleOrder(x.length, n, rng);
        float[][] out = new float[Math.min(n, x.length)][];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[order[i]];
        }
        return out;
    }

    /**
     * @param size the rows to draw from
     * @param n how many to draw
     * @param rng the random source
     * @return every row index, the first {@code min(n, size)} drawn without replacement as {@link #subsample} draws
     *     them, then the others in a fixed order
     */
    static int[] subsampleOrder(int size, int n, SplittableRandom rng) {
        int[] order = new int[size];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int keep = Math.min(n, size);
        for (int i = 0; i < keep; i++) {
            int j = i + rng.nextInt(order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}

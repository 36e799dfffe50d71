package dev.augment.eval.protocol;

import dev.augment.oversample.ClassSeeds;
import dev.augment.oversample.RandomOversampler;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.Smote;
import dev.augment.eval.sampler.ConditionalSampler;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds each arm's training set from one run's real training split. Random oversampling and SMOTE
 * are the implementations the Tribuo plugin uses ({@code dev.augment.oversample}), with class seed
 * {@link ClassSeeds#of}. Augmenting arms top every
 * class up to the size of the largest class; when all classes are already equally large (as-is
 * Fashion-MNIST, low-data) they add as many examples per class as it has. Synthetic only draws
 * that largest size per class from the generator. Class weights are {@code N / (K · n_c)}. The hybrid
 * arm adds SMOTE's top-up plus half as many GAN samples on top; the mix arm splits the top-up half and
 * half between SMOTE and the GAN (the plugin's HYBRID and MIX methods with their default ratios); their ROS
 * kinds do the same with random oversampling's copies (drawn as the ROS arm draws them, with the same class
 * seed) in place of SMOTE's rows.
 */
final class ArmTrainingSets {

    private final TribuoData data;
    private final float[][][] byClass;
    private final int[] topUp;
    private final int target;
    private final long seed;

    /**
     * @param data dataset builder
     * @param features the run's training rows
     * @param labels their classes
     * @param seed the run's seed
     */
    ArmTrainingSets(TribuoData data, float[][] features, int[] labels, long seed) {
        this.data = data;
        this.seed = seed;
        int classes = data.schema().classCount();
        List<List<float[]>> lists = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < features.length; i++) {
            lists.get(labels[i]).add(features[i]);
        }
        byClass = new float[classes][][];
        int max = 0;
        for (int c = 0; c < classes; c++) {
            byClass[c] = lists.get(c).toArray(float[][]::new);
            max = Math.max(max, byClass[c].length);
        }
        target = max;
        int[] counts = new int[classes];
        for (int c = 0; c < classes; c++) {
            counts[c] = byClass[c].length;
        }
        topUp = TopUp.of(counts, true);
    }

    /** @return examples added per class by the augmenting arms */
    int[] topUp() {
        return topUp.clone();
    }

    /**
     * @param arm the arm
     * @param sampler the run's generator, needed by the GAN arms only
     * @return the arm's training set
     */
    MutableDataset<Label> build(Arm arm, ConditionalSampler sampler) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        if (arm != Arm.SYNTHETIC_ONLY) {
            addAll(rows, classes, byClass);
        }
        float[] weights = null;
        for (int c = 0; c < byClass.length; c++) {
            long classSeed = ClassSeeds.of(seed, c);
            float[][] extra = switch (arm) {
                case REAL, CLASS_WEIGHTS -> new float[0][];
                case OVERSAMPLING -> byClass[c].length == 0 || topUp[c] == 0 ? new float[0][]
                        : new RandomOversampler(classSeed).oversample(byClass[c], topUp[c]);
                case SMOTE -> byClass[c].length == 0 || topUp[c] == 0 ? new float[0][]
                        : Smote.withDefaults(classSeed).oversample(byClass[c], topUp[c]);
                case GAN -> topUp[c] == 0 ? new float[0][] : sampler.sample(c, topUp[c], seed);
                case HYBRID -> concat(smote(c, classSeed, topUp[c]),
                        generated(sampler, c, Math.round(MethodSettings.DEFAULT_GENERATED_RATIO * topUp[c])));
                case MIX -> {
                    int fromGan = (int) Math.round(MethodSettings.DEFAULT_GENERATED_SHARE * topUp[c]);
                    yield concat(smote(c, classSeed, topUp[c] - fromGan), generated(sampler, c, fromGan));
                }
                case HYBRID_ROS -> concat(ros(c, classSeed, topUp[c]),
                        generated(sampler, c, Math.round(MethodSettings.DEFAULT_GENERATED_RATIO * topUp[c])));
                case MIX_ROS -> {
                    int fromGan = (int) Math.round(MethodSettings.DEFAULT_GENERATED_SHARE * topUp[c]);
                    yield concat(ros(c, classSeed, topUp[c] - fromGan), generated(sampler, c, fromGan));
                }
                case SYNTHETIC_ONLY -> sampler.sample(c, target, seed);
            };
            for (float[] row : extra) {
                rows.add(row);
                classes.add(c);
            }
        }
        if (arm == Arm.CLASS_WEIGHTS) {
            weights = new float[rows.size()];
            int k = 0;
            for (float[][] members : byClass) {
                k += members.length > 0 ? 1 : 0;
            }
            for (int i = 0; i < weights.length; i++) {
                weights[i] = rows.size() / (float) (k * byClass[classes.get(i)].length);
            }
        }
        return data.dataset(arm.title() + " (seed " + seed + ")", rows, classes, weights);
    }

    private float[][] smote(int c, long classSeed, int n) {
        return byClass[c].length == 0 || n == 0 ? new float[0][] : Smote.withDefaults(classSeed).oversample(byClass[c], n);
    }

    private float[][] ros(int c, long classSeed, int n) {
        return byClass[c].length == 0 || n == 0 ? new float[0][]
                : new RandomOversampler(classSeed).oversample(byClass[c], n);
    }

    private float[][] generated(ConditionalSampler sampler, int c, long n) {
        return n == 0 ? new float[0][] : sampler.sample(c, Math.toIntExact(n), seed);
    }

    private static float[][] concat(float[][] a, float[][] b) {
        float[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void addAll(List<float[]> rows, List<Integer> classes, float[][][] byClass) {
        for (int c = 0; c < byClass.length; c++) {
            for (float[] row : byClass[c]) {
                rows.add(row);
                classes.add(c);
            }
        }
    }
}

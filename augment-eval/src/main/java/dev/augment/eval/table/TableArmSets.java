package dev.augment.eval.table;

import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.TopUp;
import dev.augment.eval.sampler.ConditionalSampler;
import dev.augment.oversample.ClassSeeds;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.RandomOversampler;
import dev.augment.oversample.Smote;
import dev.augment.oversample.SmoteNc;
import dev.augment.oversample.TableFeatureRows;
import dev.augment.table.Table;
import dev.augment.table.TableSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * Every arm's training set for one seed's training split of a table. Augmenting arms bring every class up
 * to the largest class's count (a class already that large gets nothing); when every class with rows is
 * already that large (a balanced table), they add as many rows to each class as it has, as the image
 * evaluation does, so that no augmenting arm silently trains on real only's rows:
 *
 * <ul>
 *   <li>real only; class weights {@code N / (K · n_c)};</li>
 *   <li>random oversampling: copies drawn with replacement ({@link RandomOversampler});</li>
 *   <li>SMOTE, as the Tribuo plugin does it on a table: {@link SmoteNc} (SMOTE-NC, k = 5, clamped for small
 *       classes) on the class's numeric and categorical cells when the table has a categorical column, so
 *       categories stay categories; plain {@link Smote} on the feature vectors otherwise;</li>
 *   <li>GAN: the run's generator's samples; hybrid: SMOTE's top-up plus half as many GAN samples on top;
 *       mix: half of the top-up from SMOTE, half from the GAN (the plugin's HYBRID and MIX defaults); their ROS
 *       kinds ({@link Arm#HYBRID_ROS}, {@link Arm#MIX_ROS}) with random oversampling's copies for SMOTE's rows;</li>
 *   <li>synthetic only: GAN samples alone with the training split's real class counts (the ML-efficacy
 *       protocol of Xu et al. 2019: train on synthetic, test on real).</li>
 * </ul>
 *
 * Class seeds are {@link ClassSeeds#of}(seed, class); the GAN draws with the run's seed.
 */
final class TableArmSets {

    private final Table train;
    private final long seed;
    private final int[] counts;
    private final int[] topUp;
    private final float[][][] realByClass;

    /**
     * @param train the run's training split
     * @param seed the run's seed
     */
    TableArmSets(Table train, long seed) {
        this.train = train;
        this.seed = seed;
        int classes = train.schema().classCount();
        LabelledRows rows = TableRows.labelled(train);
        realByClass = new float[classes][][];
        counts = new int[classes];
        for (int c = 0; c < classes; c++) {
            realByClass[c] = rows.ofClass(c);
            counts[c] = realByClass[c].length;
        }
        topUp = TopUp.of(counts, false);
    }

    /** @return rows added to each class by the augmenting arms */
    int[] topUp() {
        return topUp.clone();
    }

    /** @return the training split's rows per class */
    int[] counts() {
        return counts.clone();
    }

    /**
     * @param arm the arm
     * @param sampler the run's generator; needed by the arms that use one
     * @return the arm's training rows
     */
    ArmRows build(Arm arm, ConditionalSampler sampler) {
        List<float[]> rows = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        for (int c = 0; c < realByClass.length; c++) {
            if (arm != Arm.SYNTHETIC_ONLY) {
                add(rows, classes, realByClass[c], c);
            }
            add(rows, classes, added(arm, c, sampler), c);
        }
        float[] weights = null;
        if (arm == Arm.CLASS_WEIGHTS) {
            int present = (int) java.util.Arrays.stream(counts).filter(n -> n > 0).count();
            weights = new float[rows.size()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = rows.size() / (float) (present * counts[classes.get(i)]);
            }
        }
        return new ArmRows(arm.title() + " (seed " + seed + ")", rows, classes, weights);
    }

    /**
     * SMOTE as the Tribuo plugin does it on a table: SMOTE-NC when the table has a categorical column, plain
     * SMOTE on the feature vectors otherwise.
     *
     * @param c a class index
     * @param n how many rows
     * @return SMOTE(-NC) rows of class c, as feature vectors
     */
    float[][] smote(int c, int n) {
        if (n == 0 || counts[c] == 0) {
            return new float[0][];
        }
        TableSchema schema = train.schema();
        if (!TableFeatureRows.hasCategorical(schema)) {
            return Smote.withDefaults(ClassSeeds.of(seed, c)).oversample(realByClass[c], n);
        }
        SmoteNc.MixedRows made = SmoteNc.withDefaults(ClassSeeds.of(seed, c)).oversample(TableRows.mixed(train, c), n);
        double[][] features = TableFeatureRows.toFeatures(schema, made);
        float[][] out = new float[features.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[features[i].length];
            for (int d = 0; d < out[i].length; d++) {
                out[i][d] = (float) features[i][d];
            }
        }
        return out;
    }

    /** @return the id of the SMOTE arm's method on this table: smote-nc or smote */
    String smoteId() {
        return TableFeatureRows.hasCategorical(train.schema()) ? "smote-nc" : "smote";
    }

    private float[][] added(Arm arm, int c, ConditionalSampler sampler) {
        return switch (arm) {
            case REAL, CLASS_WEIGHTS -> new float[0][];
            case OVERSAMPLING -> ros(c, topUp[c]);
            case SMOTE -> smote(c, topUp[c]);
            case GAN -> generated(sampler, c, topUp[c]);
            case HYBRID -> concat(smote(c, topUp[c]),
                    generated(sampler, c, (int) Math.round(MethodSettings.DEFAULT_GENERATED_RATIO * topUp[c])));
            case MIX -> {
                int fromGan = (int) Math.round(MethodSettings.DEFAULT_GENERATED_SHARE * topUp[c]);
                yield concat(smote(c, topUp[c] - fromGan), generated(sampler, c, fromGan));
            }
            case HYBRID_ROS -> concat(ros(c, topUp[c]),
                    generated(sampler, c, (int) Math.round(MethodSettings.DEFAULT_GENERATED_RATIO * topUp[c])));
            case MIX_ROS -> {
                int fromGan = (int) Math.round(MethodSettings.DEFAULT_GENERATED_SHARE * topUp[c]);
                yield concat(ros(c, topUp[c] - fromGan), generated(sampler, c, fromGan));
            }
            case SYNTHETIC_ONLY -> generated(sampler, c, counts[c]);
        };
    }

    /** Random oversampling: n copies of class c's rows drawn with replacement, with the class's seed. */
    private float[][] ros(int c, int n) {
        if (n == 0 || counts[c] == 0) {
            return new float[0][];
        }
        return new RandomOversampler(ClassSeeds.of(seed, c)).oversample(realByClass[c], n);
    }

    private float[][] generated(ConditionalSampler sampler, int c, int n) {
        if (n == 0) {
            return new float[0][];
        }
        if (sampler == null) {
            throw new IllegalStateException("the GAN arms need a generator");
        }
        return sampler.sample(c, n, seed);
    }

    private static float[][] concat(float[][] a, float[][] b) {
        float[][] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void add(List<float[]> rows, List<Integer> classes, float[][] x, int c) {
        for (float[] row : x) {
            rows.add(row);
            classes.add(c);
        }
    }
}

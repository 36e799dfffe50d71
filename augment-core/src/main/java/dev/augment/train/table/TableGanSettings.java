package dev.augment.train.table;

import dev.augment.errors.InvalidSettingException;

import java.util.Arrays;
import java.util.List;

/**
 * Settings of one table GAN run, defaults from CTGAN (Xu et al. 2019 and its reference code): latent 128, residual
 * generator blocks of 256 and 256, discriminator layers of 256 and 256 with pac 10 (1 for a table with a small class,
 * {@link #SMALL_CLASS_PAC}), WGAN-GP with lambda 10 and one critic step per generator step (5 for a table with a small
 * class, {@link #SMALL_CLASS_CRITIC_STEPS}), Adam(2e-4, 0.5, 0.9) with weight decay 1e-6, Gumbel-softmax temperature
 * 0.2, batch 500 ({@value #SMALL_CLASS_BATCH} for a table with a small class, {@link #SMALL_CLASS_BATCH}); plus,
 * from CTAB-GAN (Zhao et al. 2021), an auxiliary classifier whose cross-entropy on generated rows joins the generator's
 * loss, which makes the generator honour the class condition on tables with classes of a few to a few dozen rows. By
 * default its weight is chosen by the table ({@link #AUTO_AUXILIARY_WEIGHT}): 1 when some class has fewer than
 * {@value #SMALL_CLASS_ROWS} training rows, else 0 (measured in docs/table-gan-recipes.md, "Small classes": on glass
 * it raised synthetic-only efficacy from about half of real only to about nine tenths; on credit-g, whose classes have
 * hundreds of rows, it lowered the logistic synthetic-only ratio from 0.98 to 0.87).
 *
 * <p>Training is counted in {@code steps} ({@code criticSteps} critic updates and one generator update each) when
 * positive, else in {@code epochs} of {@code max(1, rows / batch)} steps. The batch used is the largest multiple of pac
 * not above the batch asked for or half the rows, so that an epoch has at least two steps.
 *
 * @param epochs passes over the data when {@code steps} is 0; positive
 * @param steps optimiser steps, or 0 to count epochs
 * @param batchSize rows per step asked for, at least {@value #MIN_BATCH}, or {@link #AUTO_BATCH} to let
 *     {@link #resolvedFor} choose from the training rows' class sizes; a run uses the largest multiple of pac not
 *     above it or half the rows ({@link #batchFor})
 * @param pac rows packed into one discriminator input (PacGAN), positive, or {@link #AUTO_PAC} to let
 *     {@link #resolvedFor} choose from the training rows' class sizes
 * @param criticSteps critic updates per generator update (WGAN-GP's {@code n_critic}), 1 to
 *     {@value #MAX_CRITIC_STEPS}, or
 *     {@link #AUTO_CRITIC_STEPS} to let {@link #resolvedFor} choose from the training rows' class sizes
 * @param latentDim noise width, positive
 * @param generatorWidths widths of the generator's residual blocks, at least one, all positive
 * @param discriminatorWidths widths of the discriminator's hidden layers, at least one, all positive
 * @param learningRateG generator Adam learning rate, positive
 * @param learningRateD discriminator Adam learning rate, positive
 * @param beta1 Adam beta1 in [0, 1)
 * @param beta2 Adam beta2 in [0, 1)
 * @param weightDecay L2 weight decay of both networks (PyTorch Adam's {@code weight_decay}), not negative
 * @param penaltyWeight WGAN-GP lambda, not negative
 * @param tau Gumbel-softmax temperature, positive
 * @param auxiliaryWeight weight of the auxiliary classifier's cross-entropy in the generator's loss (CTAB-GAN's
 *     classifier loss, see {@link AuxiliaryClassifier}); 0 trains no classifier; finite and not negative, or
 *     {@link #AUTO_AUXILIARY_WEIGHT} to let {@link #resolvedFor} choose from the training rows' class sizes
 * @param informationWeight weight of CTAB-GAN's information loss in the generator's loss (the distance between the
 *     per-column means and standard deviations of real and generated rows, {@link InformationLoss}); 0 for none;
 *     finite and not negative
 * @param conditioning how the class of each training row is drawn
 * @param seed seed of every random choice (initialisation, modes, batches, noise, dropout, Gumbel noise)
 */
public record TableGanSettings(int epochs, int steps, int batchSize, int pac, int criticSteps, int latentDim,
                               List<Integer> generatorWidths, List<Integer> discriminatorWidths,
                               float learningRateG, float learningRateD, float beta1, float beta2,
                               float weightDecay, float penaltyWeight, float tau, float auxiliaryWeight,
                               float informationWeight, Conditioning conditioning, long seed) {

    /** CTGAN's batch size. */
    public static final int DEFAULT_BATCH = 500;
    /** The batch size that stands for "chosen by the table" ({@link #resolvedFor}); the default. */
    public static final int AUTO_BATCH = 0;
    /**
     * The batch size {@link #resolvedFor} gives a table with a small class, whose {@value #SMALL_CLASS_CRITIC_STEPS}
     * critic steps per generator step make each step cost about six updates: at CTGAN's 500 (in practice half the rows)
     * a table of 856 rows trained for about 14 minutes. Measured in docs/table-gan-recipes.md ("A batch of 80 for
     * tables with a small class"): at most 80 rows a step gave the unbalanced and soybean tables' GAN arms what the
     * larger batch gave, in a third of the time; glass, at 74 (half its training split), is below it and unchanged.
     */
    public static final int SMALL_CLASS_BATCH = 80;
    /**
     * The smallest batch: on one row a step the generator's batch normalisation makes every output row alike (a
     * fresh user's {@code --batch-size 1 --pac 1} trained a collapsed generator without a word, 3 Dec).
     */
    public static final int MIN_BATCH = 2;
    /** Default training length in steps: see the README's table section for what it buys. */
    public static final int DEFAULT_STEPS = 4000;
    /**
     * Weight of CTAB-GAN's information loss ({@link InformationLoss}) by default: none. Measured in
     * docs/table-gan-recipes.md ("Information loss"): at weight 1 it widened glass's classes (forest synthetic-only
     * efficacy 0.72 to 0.79 of real only) but lowered real + GAN on diabetes and credit-g's forest.
     */
    public static final float DEFAULT_INFORMATION_WEIGHT = 0f;
    /** The auxiliary classifier weight that stands for "chosen by the table" ({@link #resolvedFor}); the default. */
    public static final float AUTO_AUXILIARY_WEIGHT = -1f;
    /** The weight {@link #resolvedFor} gives a table with a small class. */
    public static final float SMALL_CLASS_AUXILIARY_WEIGHT = 1f;
    /**
     * A class with fewer training rows than this is small, and turns the auxiliary classifier on: a round number
     * between the measured tables that needed it (glass, soybean: smallest classes of 5–6 training rows, largest
     * 53–64) and those it did not help (credit-g, diabetes: 188–210 rows in the smaller class).
     */
    public static final int SMALL_CLASS_ROWS = 50;

    /** CTGAN's pac: rows packed into one discriminator input (PacGAN, Lin et al. 2018). */
    public static final int DEFAULT_PAC = 10;
    /** The pac that stands for "chosen by the table" ({@link #resolvedFor}); the default. */
    public static final int AUTO_PAC = 0;
    /**
     * The pac {@link #resolvedFor} gives a table with a small class: no packing. Measured on glass
     * (docs/table-gan-recipes.md, "pac for small classes"): a small table's batch has only 7 packs of 10, so the critic
     * judges each row's class within a pack it barely moves; pac 1 raised synthetic-only efficacy from 0.84 / 0.76 of
     * real only to 0.95 / 0.87 (logistic / forest, 5 seeds).
     */
    public static final int SMALL_CLASS_PAC = 1;

    /** CTGAN's critic steps per generator step: one. */
    public static final int DEFAULT_CRITIC_STEPS = 1;
    /** The critic steps that stand for "chosen by the table" ({@link #resolvedFor}); the default. */
    public static final int AUTO_CRITIC_STEPS = 0;
    /**
     * The critic steps per generator step {@link #resolvedFor} gives a table with a small class: WGAN-GP's
     * {@code n_critic} (Gulrajani et al. 2017, Algorithm 1), each on its own draw of rows, classes and noise.
     * Measured in docs/table-gan-recipes.md ("Five critic steps per generator step").
     */
    public static final int SMALL_CLASS_CRITIC_STEPS = 5;
    /**
     * The most critic steps per generator step: each takes a critic update's time, and a step's random streams are
     * spaced by update ({@code TableGanStep}); WGAN (Arjovsky et al. 2017) used at most 100.
     */
    public static final int MAX_CRITIC_STEPS = 100;

    /** Validates every field, naming it and its value; a weight of -0 becomes 0. */
    public TableGanSettings {
        generatorWidths = List.copyOf(generatorWidths);
        discriminatorWidths = List.copyOf(discriminatorWidths);
        if (auxiliaryWeight == 0f) {
            auxiliaryWeight = 0f; // -0f == 0f: records, checkpoints and provenance then say 0.0, never -0.0
        }
        if (informationWeight == 0f) {
            informationWeight = 0f;
        }
        require(epochs > 0, "epochs", "must be positive, was " + epochs);
        require(steps >= 0, "steps", "must not be negative, was " + steps);
        require(pac > 0 || pac == AUTO_PAC, "pac", "must be positive, or " + AUTO_PAC + " to let the table choose, "
                + "was " + pac);
        require(criticSteps > 0 && criticSteps <= MAX_CRITIC_STEPS || criticSteps == AUTO_CRITIC_STEPS, "criticSteps",
                "must be from 1 to " + MAX_CRITIC_STEPS + ", or " + AUTO_CRITIC_STEPS + " to let the table choose, was "
                + criticSteps);
        // the batch a run uses is a multiple of pac (batchFor), so the two are set independently
        require(batchSize >= MIN_BATCH || batchSize == AUTO_BATCH, "batchSize", "must be at least " + MIN_BATCH
                + " (the generator's batch normalisation learns nothing from one row a step: its rows all come out "
                + "alike), or " + AUTO_BATCH + " to let the table choose, was " + batchSize);
        require(latentDim > 0, "latentDim", "must be positive, was " + latentDim);
        require(!generatorWidths.isEmpty() && generatorWidths.stream().allMatch(w -> w > 0), "generatorWidths",
                "must be one or more positive widths, was " + generatorWidths);
        require(!discriminatorWidths.isEmpty() && discriminatorWidths.stream().allMatch(w -> w > 0),
                "discriminatorWidths", "must be one or more positive widths, was " + discriminatorWidths);
        require(learningRateG > 0 && Float.isFinite(learningRateG), "learningRateG",
                "must be a positive number, was " + learningRateG);
        require(learningRateD > 0 && Float.isFinite(learningRateD), "learningRateD",
                "must be a positive number, was " + learningRateD);
        require(beta1 >= 0 && beta1 < 1, "beta1", "must be in [0, 1), was " + beta1);
        require(beta2 >= 0 && beta2 < 1, "beta2", "must be in [0, 1), was " + beta2);
        require(weightDecay >= 0 && Float.isFinite(weightDecay), "weightDecay",
                "must be a non-negative number, was " + weightDecay);
        require(penaltyWeight >= 0 && Float.isFinite(penaltyWeight), "penaltyWeight",
                "must be a non-negative number, was " + penaltyWeight);
        require(tau > 0 && Float.isFinite(tau), "tau", "must be a positive number, was " + tau);
        require(auxiliaryWeight == AUTO_AUXILIARY_WEIGHT || auxiliaryWeight >= 0 && Float.isFinite(auxiliaryWeight),
                "auxiliaryWeight", "must be a finite number, not negative, was " + auxiliaryWeight);
        require(informationWeight >= 0 && Float.isFinite(informationWeight), "informationWeight",
                "must be a finite number, not negative, was " + informationWeight);
        require(conditioning != null, "conditioning", "must be given");
    }

    /**
     * @param seed the seed
     * @return CTGAN's settings, {@value #DEFAULT_STEPS} steps, uniform class conditioning, the auxiliary classifier's
     *     weight chosen by the table ({@link #AUTO_AUXILIARY_WEIGHT})
     */
    public static TableGanSettings defaults(long seed) {
        return new TableGanSettings(300, DEFAULT_STEPS, AUTO_BATCH, AUTO_PAC, AUTO_CRITIC_STEPS, 128,
                List.of(256, 256), List.of(256, 256), 2e-4f, 2e-4f, 0.5f, 0.9f, 1e-6f, 10f, GumbelSoftmax.TAU,
                AUTO_AUXILIARY_WEIGHT, DEFAULT_INFORMATION_WEIGHT, Conditioning.UNIFORM, seed);
    }

    /** @return whether the auxiliary classifier's weight is left to {@link #resolvedFor} */
    public boolean automaticAuxiliaryWeight() {
        return auxiliaryWeight == AUTO_AUXILIARY_WEIGHT;
    }

    /** @return whether pac is left to {@link #resolvedFor} */
    public boolean automaticPac() {
        return pac == AUTO_PAC;
    }

    /** @return whether the critic steps per generator step are left to {@link #resolvedFor} */
    public boolean automaticCriticSteps() {
        return criticSteps == AUTO_CRITIC_STEPS;
    }

    /** @return whether the batch size asked for is left to {@link #resolvedFor} */
    public boolean automaticBatch() {
        return batchSize == AUTO_BATCH;
    }

    /**
     * @param rowsPerClass training rows of every class
     * @return these settings with what they leave to the table chosen by its class sizes: when some class has fewer
     *     than {@value #SMALL_CLASS_ROWS} rows, auxiliary weight {@value #SMALL_CLASS_AUXILIARY_WEIGHT}, pac
     *     {@value #SMALL_CLASS_PAC}, {@value #SMALL_CLASS_CRITIC_STEPS} critic steps per generator step and batch
     *     {@value #SMALL_CLASS_BATCH}, else weight 0, pac {@value #DEFAULT_PAC}, {@value #DEFAULT_CRITIC_STEPS}
     *     critic step and batch {@value #DEFAULT_BATCH}; what is given is kept
     */
    public TableGanSettings resolvedFor(long[] rowsPerClass) {
        boolean small = Arrays.stream(rowsPerClass).anyMatch(n -> n < SMALL_CLASS_ROWS);
        TableGanSettings resolved = automaticAuxiliaryWeight()
                ? withAuxiliaryWeight(small ? SMALL_CLASS_AUXILIARY_WEIGHT : 0f) : this;
        resolved = automaticPac() ? resolved.withPac(small ? SMALL_CLASS_PAC : DEFAULT_PAC) : resolved;
        resolved = automaticCriticSteps()
                ? resolved.withCriticSteps(small ? SMALL_CLASS_CRITIC_STEPS : DEFAULT_CRITIC_STEPS) : resolved;
        return automaticBatch() ? resolved.withBatchSize(small ? SMALL_CLASS_BATCH : DEFAULT_BATCH) : resolved;
    }

    /** @return whether {@link #resolvedFor} has nothing left to choose */
    public boolean resolved() {
        return !automaticAuxiliaryWeight() && !automaticPac() && !automaticCriticSteps() && !automaticBatch();
    }

    /**
     * @param n critic updates per generator update, 1 to {@value #MAX_CRITIC_STEPS}, or {@link #AUTO_CRITIC_STEPS}
     * @return a copy with this many
     * @throws InvalidSettingException ({@code criticSteps}) when it is negative or above {@value #MAX_CRITIC_STEPS}
     */
    public TableGanSettings withCriticSteps(int n) {
        return new TableGanSettings(epochs, steps, batchSize, pac, n, latentDim, generatorWidths, discriminatorWidths,
                learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau, auxiliaryWeight,
                informationWeight, conditioning, seed);
    }

    /**
     * @param n rows per discriminator input, positive, or {@link #AUTO_PAC}
     * @return a copy with this pac
     * @throws InvalidSettingException ({@code pac}) when it is negative
     */
    public TableGanSettings withPac(int n) {
        return new TableGanSettings(epochs, steps, batchSize, n, criticSteps, latentDim, generatorWidths,
                discriminatorWidths, learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau,
                auxiliaryWeight, informationWeight, conditioning, seed);
    }

    /** @return whether training is counted in steps */
    public boolean countsSteps() {
        return steps > 0;
    }

    /**
     * @param rows training rows
     * @return the batch used for a table of this size: the largest multiple of pac not above {@code batchSize} or
     *     half the rows (so that an epoch has at least two steps), at least pac and at least {@value #MIN_BATCH}
     * @throws IllegalStateException when pac or the batch size is not resolved ({@link #AUTO_PAC},
     *     {@link #AUTO_BATCH})
     * @throws InvalidSettingException ({@code pac}) when pac is more than half the rows; ({@code batchSize}) when
     *     half the rows is less than {@value #MIN_BATCH}
     */
    public int batchFor(int rows) {
        if (automaticPac() || automaticBatch()) {
            throw new IllegalStateException((automaticPac() ? "pac" : "the batch size") + " is left to the table: "
                    + "resolve the settings first (resolvedFor)");
        }
        if (pac > rows / 2) {
            throw new InvalidSettingException("pac", "pac " + pac + " packs more rows into one critic input than half "
                    + "the " + rows + " training rows; choose at most " + Math.max(1, rows / 2));
        }
        int batch = Math.max(pac, Math.min(batchSize, rows / 2) / pac * pac);
        if (batch < MIN_BATCH) {
            throw new InvalidSettingException("batchSize", "batchSize has no room: " + rows + " training rows allow "
                    + "at most " + rows / 2 + " a step (half of them), and the generator learns nothing from one row a "
                    + "step; give the GAN at least " + 2 * MIN_BATCH + " training rows");
        }
        return batch;
    }

    /**
     * @param rows training rows
     * @return "" when the run uses the batch asked for, else why not, as {@code "not 500: at most half the 104 rows,
     *     a multiple of pac 10"}, for the lines that name the batch used
     * @throws IllegalStateException when pac or the batch size is not resolved ({@link #AUTO_PAC},
     *     {@link #AUTO_BATCH})
     */
    public String batchNote(int rows) {
        int batch = batchFor(rows);
        if (batch == batchSize) {
            return "";
        }
        List<String> why = new java.util.ArrayList<>();
        if (batchSize > rows / 2) {
            why.add("at most half the " + rows + " rows");
        }
        if (batch != Math.min(batchSize, rows / 2)) {
            why.add("a multiple of pac " + pac);
        }
        return "not " + batchSize + ": " + String.join(", ", why);
    }

    /**
     * @param rows training rows
     * @return steps of the whole run
     */
    public long totalSteps(int rows) {
        return countsSteps() ? steps : (long) epochs * Math.max(1, rows / batchFor(rows));
    }

    /** @param n steps @return a copy training for n steps */
    public TableGanSettings withSteps(int n) {
        return new TableGanSettings(epochs, n, batchSize, pac, criticSteps, latentDim, generatorWidths,
                discriminatorWidths, learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau,
                auxiliaryWeight, informationWeight, conditioning, seed);
    }

    /** @param n epochs @return a copy training for n epochs (steps set to 0) */
    public TableGanSettings withEpochs(int n) {
        return new TableGanSettings(n, 0, batchSize, pac, criticSteps, latentDim, generatorWidths, discriminatorWidths,
                learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau, auxiliaryWeight,
                informationWeight, conditioning, seed);
    }

    /**
     * @param n rows per step, at least {@value #MIN_BATCH}
     * @return a copy with this batch size
     * @throws InvalidSettingException ({@code batchSize}) when it is below {@value #MIN_BATCH}
     */
    public TableGanSettings withBatchSize(int n) {
        require(n >= MIN_BATCH, "batchSize", "must be at least " + MIN_BATCH + " (the generator's batch normalisation "
                + "learns nothing from one row a step: its rows all come out alike), was " + n);
        return new TableGanSettings(epochs, steps, n, pac, criticSteps, latentDim, generatorWidths, discriminatorWidths,
                learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau, auxiliaryWeight,
                informationWeight, conditioning, seed);
    }

    /** @param how class draws @return a copy with this conditioning */
    public TableGanSettings withConditioning(Conditioning how) {
        return new TableGanSettings(epochs, steps, batchSize, pac, criticSteps, latentDim, generatorWidths,
                discriminatorWidths, learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau,
                auxiliaryWeight, informationWeight, how, seed);
    }

    /**
     * @param weight auxiliary classifier loss weight, 0 (or -0) for none
     * @return a copy with this weight, -0 turned into 0
     * @throws InvalidSettingException ({@code auxiliaryWeight}) when the weight is negative or not finite
     */
    public TableGanSettings withAuxiliaryWeight(float weight) {
        require(weight >= 0 && Float.isFinite(weight), "auxiliaryWeight",
                "must be a finite number, not negative, was " + weight);
        return new TableGanSettings(epochs, steps, batchSize, pac, criticSteps, latentDim, generatorWidths,
                discriminatorWidths, learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau,
                weight, informationWeight, conditioning, seed);
    }

    /**
     * @param weight information loss weight, 0 for none
     * @return a copy with this weight
     * @throws InvalidSettingException ({@code informationWeight}) when the weight is negative or not finite
     */
    public TableGanSettings withInformationWeight(float weight) {
        return new TableGanSettings(epochs, steps, batchSize, pac, criticSteps, latentDim, generatorWidths,
                discriminatorWidths, learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau,
                auxiliaryWeight, weight, conditioning, seed);
    }

    /** @param s the seed @return a copy with this seed */
    public TableGanSettings withSeed(long s) {
        return new TableGanSettings(epochs, steps, batchSize, pac, criticSteps, latentDim, generatorWidths,
                discriminatorWidths, learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau,
                auxiliaryWeight, informationWeight, conditioning, s);
    }

    /**
     * @param widths hidden widths of both networks
     * @return a copy with these widths (small ones for fast tests)
     */
    public TableGanSettings withWidths(List<Integer> widths) {
        return new TableGanSettings(epochs, steps, batchSize, pac, criticSteps, latentDim, widths, widths,
                learningRateG, learningRateD, beta1, beta2, weightDecay, penaltyWeight, tau, auxiliaryWeight,
                informationWeight, conditioning, seed);
    }

    private static void require(boolean ok, String setting, String problem) {
        if (!ok) {
            throw new InvalidSettingException(setting, problem);
        }
    }
}

package dev.augment.train;

import dev.augment.errors.InvalidSettingException;

/**
 * Settings of one training run. Defaults follow the DCGAN / projection-discriminator papers:
 * Adam(2e-4, 0.5, 0.999), latent 64, non-saturating loss, plus an auxiliary-classifier term and an
 * exponential moving average of the generator's weights, which is what gets exported.
 *
 * @param architecture network family
 * @param epochs passes over the data
 * @param batchSize samples per step
 * @param seed seed of every random choice (initialisation, shuffling, noise, fake labels)
 * @param latentDim noise size
 * @param embeddingDim label embedding size in the generator
 * @param learningRateG generator learning rate
 * @param learningRateD discriminator learning rate
 * @param beta1 Adam beta1
 * @param beta2 Adam beta2
 * @param emaDecay decay of the generator weight average (0 disables averaging)
 * @param auxiliaryWeight weight of the auxiliary-classifier loss (0 disables it)
 * @param minibatchStd give D's real/fake head the batch's feature standard deviation (Karras et al. 2018)
 * @param steps optimiser steps to train for, counted across the data with batches drawn with replacement;
 *     0 counts training in {@code epochs} instead (at least 0)
 * @param balancedBatches draw D's real batch and G's fake labels uniformly over classes in every batch
 *     (BAGAN-GP, Huang &amp; Jafari 2021) instead of following the data's class shares
 * @param diffAugment comma-separated DiffAugment operations applied to real and fake samples before D, in D
 *     and G steps (Zhao et al. 2020): {@code translation}, {@code cutout}, {@code brightness}; empty for none;
 *     images only
 * @param lecamWeight weight of the LeCam regulariser on D (Tseng et al. 2021; the paper uses 0.3); 0 disables it
 * @param recomputeBatchNorm give the averaged generator batch-norm statistics recomputed from its own
 *     weights (forward passes over seeded batches) instead of an average of the live generator's
 *     statistics
 * @param convWidth channels of the convolutional generator's first stage (halved at each upsampling);
 *     the convolutional discriminator uses half and all of it; a multiple of 4 from 8 to {@value #MAX_CONV_WIDTH};
 *     the MLP ignores it
 * @param modeSeekingWeight weight of the mode-seeking term on G (MSGAN, Mao et al. 2019: each G step also draws a
 *     second sample of the same classes from other noise and adds the weight over the ratio of the two samples'
 *     mean absolute difference to their noises'; the paper uses 1); 0 disables it
 */
public record GanSettings(Architecture architecture, int epochs, int batchSize, long seed, int latentDim,
                          int embeddingDim, float learningRateG, float learningRateD, float beta1, float beta2,
                          float emaDecay, float auxiliaryWeight, boolean minibatchStd, int steps,
                          boolean balancedBatches, String diffAugment, float lecamWeight, boolean recomputeBatchNorm,
                          int convWidth, float modeSeekingWeight) {

    /** The widest conv GAN: 16 times the default width, whose memory the step estimate was not checked beyond. */
    public static final int MAX_CONV_WIDTH = 1024;


    /** Validates every field, naming it and its value; a weight of -0 becomes 0. */
    public GanSettings {
        require(epochs > 0, "epochs", "must be positive, was " + epochs);
        require(batchSize > 1, "batchSize", "must be at least 2, was " + batchSize);
        require(latentDim > 0, "latentDim", "must be positive, was " + latentDim);
        require(embeddingDim > 0, "embeddingDim", "must be positive, was " + embeddingDim);
        require(learningRateG > 0 && Float.isFinite(learningRateG), "learningRateG",
                "must be a positive number, was " + learningRateG);
        require(learningRateD > 0 && Float.isFinite(learningRateD), "learningRateD",
                "must be a positive number, was " + learningRateD);
        require(beta1 >= 0 && beta1 < 1, "beta1", "must be in [0, 1), was " + beta1);
        require(beta2 >= 0 && beta2 < 1, "beta2", "must be in [0, 1), was " + beta2);
        require(emaDecay >= 0 && emaDecay < 1, "emaDecay", "must be in [0, 1), was " + emaDecay);
        require(auxiliaryWeight >= 0 && Float.isFinite(auxiliaryWeight), "auxiliaryWeight",
                "must be a non-negative number, was " + auxiliaryWeight);
        if (auxiliaryWeight == 0f) {
            auxiliaryWeight = 0f; // -0f == 0f: provenance and checkpoints then say 0.0, never -0.0
        }
        require(steps >= 0, "steps", "must not be negative, was " + steps);
        require(diffAugment != null, "diffAugment", "must not be null; use an empty list for none");
        diffAugment = DiffAugment.Ops.parse(diffAugment).canonical(); // one spelling per recipe
        require(lecamWeight >= 0 && Float.isFinite(lecamWeight), "lecamWeight",
                "must be a non-negative number, was " + lecamWeight);
        if (lecamWeight == 0f) {
            lecamWeight = 0f;
        }
        // wider networks' memory is beyond the step estimate (StepMemory): a width of 2000 on 28x28 images grew to
        // 22 GB for a batch of 64 and the kernel killed it, and every process beside it risked the same (6 Dec)
        require(convWidth >= 8 && convWidth % 4 == 0 && convWidth <= MAX_CONV_WIDTH, "convWidth",
                "must be a multiple of 4 from 8 to " + MAX_CONV_WIDTH + " (16 times the default), was " + convWidth);
        require(modeSeekingWeight >= 0 && Float.isFinite(modeSeekingWeight), "modeSeekingWeight",
                "must be a non-negative number, was " + modeSeekingWeight);
        if (modeSeekingWeight == 0f) {
            modeSeekingWeight = 0f;
        }
    }

    /** @return whether training is counted in steps rather than epochs */
    public boolean countsSteps() {
        return steps > 0;
    }

    /**
     * @param architecture network family
     * @param epochs passes over the data
     * @param batchSize samples per step
     * @param seed the seed
     * @return settings with the defaults for everything else
     */
    public static GanSettings defaults(Architecture architecture, int epochs, int batchSize, long seed) {
        return new Builder(architecture).epochs(epochs).batchSize(batchSize).seed(seed).build();
    }

    /**
     * @param architecture network family
     * @return a builder holding the defaults: 5 epochs, batch 64, seed 42, latent 64, embedding 32,
     *     Adam(2e-4, 0.5, 0.999) for both networks, EMA decay 0.999, auxiliary weight 1, no minibatch std,
     *     epochs (not steps), class-balanced batches, no DiffAugment, no LeCam, batch-norm statistics of
     *     the averaged generator recomputed (the last four measured on Fashion-MNIST 2%: README, "Training
     *     recipes for small classes"), convolutional width 64
     */
    public static Builder builder(Architecture architecture) {
        return new Builder(architecture);
    }

    /** @return a builder holding these settings, to change some of them */
    public Builder toBuilder() {
        Builder b = new Builder(architecture);
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.seed = seed;
        b.latentDim = latentDim;
        b.embeddingDim = embeddingDim;
        b.learningRateG = learningRateG;
        b.learningRateD = learningRateD;
        b.beta1 = beta1;
        b.beta2 = beta2;
        b.emaDecay = emaDecay;
        b.auxiliaryWeight = auxiliaryWeight;
        b.minibatchStd = minibatchStd;
        b.steps = steps;
        b.balancedBatches = balancedBatches;
        b.diffAugment = diffAugment;
        b.lecamWeight = lecamWeight;
        b.recomputeBatchNorm = recomputeBatchNorm;
        b.convWidth = convWidth;
        b.modeSeekingWeight = modeSeekingWeight;
        return b;
    }

    /**
     * @param decay the new EMA decay
     * @return a copy with that decay
     */
    public GanSettings withEmaDecay(float decay) {
        return toBuilder().emaDecay(decay).build();
    }

    /**
     * @param weight the new auxiliary-classifier weight
     * @return a copy with that weight
     */
    public GanSettings withAuxiliaryWeight(float weight) {
        return toBuilder().auxiliaryWeight(weight).build();
    }

    /**
     * @param generatorRate the generator's learning rate
     * @param discriminatorRate the discriminator's learning rate
     * @return a copy with these learning rates
     */
    public GanSettings withLearningRates(float generatorRate, float discriminatorRate) {
        return toBuilder().learningRates(generatorRate, discriminatorRate).build();
    }

    /**
     * @param enabled whether D sees the batch's feature standard deviation
     * @return a copy with that setting
     */
    public GanSettings withMinibatchStd(boolean enabled) {
        return toBuilder().minibatchStd(enabled).build();
    }

    /**
     * @param count the new number of epochs
     * @return a copy with that many epochs
     */
    public GanSettings withEpochs(int count) {
        return toBuilder().epochs(count).build();
    }

    /** Named setters for {@link GanSettings}, so no caller writes eighteen positional values; {@link #build()} validates. */
    public static final class Builder {
        private final Architecture architecture;
        private int epochs = 5;
        private int batchSize = 64;
        private long seed = 42;
        private int latentDim = 64;
        private int embeddingDim = 32;
        private float learningRateG = 2e-4f;
        private float learningRateD = 2e-4f;
        private float beta1 = 0.5f;
        private float beta2 = 0.999f;
        private float emaDecay = 0.999f;
        private float auxiliaryWeight = 1.0f;
        private boolean minibatchStd;
        private int steps;
        private boolean balancedBatches = true;
        private String diffAugment = "";
        private float lecamWeight;
        private boolean recomputeBatchNorm = true;
        private int convWidth = NetworkLayout.DEFAULT_CONV_WIDTH;
        private float modeSeekingWeight;

        private Builder(Architecture architecture) {
            this.architecture = architecture;
        }

        /** @param value passes over the data @return this builder */
        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        /** @param value samples per step @return this builder */
        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** @param value seed of every random choice @return this builder */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @param value noise size @return this builder */
        public Builder latentDim(int value) {
            latentDim = value;
            return this;
        }

        /** @param value label embedding size @return this builder */
        public Builder embeddingDim(int value) {
            embeddingDim = value;
            return this;
        }

        /**
         * @param generator the generator's learning rate
         * @param discriminator the discriminator's learning rate
         * @return this builder
         */
        public Builder learningRates(float generator, float discriminator) {
            learningRateG = generator;
            learningRateD = discriminator;
            return this;
        }

        /**
         * @param first Adam beta1
         * @param second Adam beta2
         * @return this builder
         */
        public Builder adamBetas(float first, float second) {
            beta1 = first;
            beta2 = second;
            return this;
        }

        /** @param value decay of the generator weight average, in [0, 1) @return this builder */
        public Builder emaDecay(float value) {
            emaDecay = value;
            return this;
        }

        /** @param value auxiliary-classifier loss weight, at least 0 @return this builder */
        public Builder auxiliaryWeight(float value) {
            auxiliaryWeight = value;
            return this;
        }

        /** @param value whether D's real/fake head sees the batch's standard deviation @return this builder */
        public Builder minibatchStd(boolean value) {
            minibatchStd = value;
            return this;
        }

        /** @param value optimiser steps, or 0 to count training in epochs @return this builder */
        public Builder steps(int value) {
            steps = value;
            return this;
        }

        /** @param value draw real batches and fake labels uniformly over classes @return this builder */
        public Builder balancedBatches(boolean value) {
            balancedBatches = value;
            return this;
        }

        /**
         * @param value comma-separated DiffAugment operations ({@code translation}, {@code cutout},
         *     {@code brightness}), empty for none
         * @return this builder
         */
        public Builder diffAugment(String value) {
            diffAugment = value;
            return this;
        }

        /** @param value LeCam regulariser weight, at least 0 (0 disables it) @return this builder */
        public Builder lecamWeight(float value) {
            lecamWeight = value;
            return this;
        }

        /** @param value recompute the averaged generator's batch-norm statistics @return this builder */
        public Builder recomputeBatchNorm(boolean value) {
            recomputeBatchNorm = value;
            return this;
        }

        /**
         * @param value channels of the convolutional generator's first stage (a multiple of 4 from 8 to 1024)
         * @return this builder
         */
        public Builder convWidth(int value) {
            convWidth = value;
            return this;
        }

        /** @param value mode-seeking (MSGAN) weight, at least 0 (0 disables it) @return this builder */
        public Builder modeSeekingWeight(float value) {
            modeSeekingWeight = value;
            return this;
        }

        /**
         * @return the validated settings
         * @throws dev.augment.errors.InvalidSettingException naming the first bad setting
         */
        public GanSettings build() {
            return new GanSettings(architecture, epochs, batchSize, seed, latentDim, embeddingDim, learningRateG,
                    learningRateD, beta1, beta2, emaDecay, auxiliaryWeight, minibatchStd, steps, balancedBatches,
                    diffAugment, lecamWeight, recomputeBatchNorm, convWidth, modeSeekingWeight);
        }
    }

    private static void require(boolean condition, String setting, String problem) {
        if (!condition) {
            throw new InvalidSettingException(setting, problem);
        }
    }
}

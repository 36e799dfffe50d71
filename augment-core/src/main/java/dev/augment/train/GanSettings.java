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
 */
public record GanSettings(Architecture architecture, int epochs, int batchSize, long seed, int latentDim,
                          int embeddingDim, float learningRateG, float learningRateD, float beta1, float beta2,
                          float emaDecay, float auxiliaryWeight, boolean minibatchStd) {

    /** Validates every field, naming it and its value. */
    public GanSettings {
        require(epochs > 0, "epochs", "must be positive, was " + epochs);
        require(batchSize > 1, "batchSize", "must be at least 2, was " + batchSize);
        require(latentDim > 0, "latentDim", "must be positive, was " + latentDim);
        require(embeddingDim > 0, "embeddingDim", "must be positive, was " + embeddingDim);
        require(learningRateG > 0, "learningRateG", "must be positive, was " + learningRateG);
        require(learningRateD > 0, "learningRateD", "must be positive, was " + learningRateD);
        require(beta1 >= 0 && beta1 < 1, "beta1", "must be in [0, 1), was " + beta1);
        require(beta2 >= 0 && beta2 < 1, "beta2", "must be in [0, 1), was " + beta2);
        require(emaDecay >= 0 && emaDecay < 1, "emaDecay", "must be in [0, 1), was " + emaDecay);
        require(auxiliaryWeight >= 0, "auxiliaryWeight", "must not be negative, was " + auxiliaryWeight);
    }

    /**
     * @param architecture network family
     * @param epochs passes over the data
     * @param batchSize samples per step
     * @param seed the seed
     * @return settings with the defaults for everything else
     */
    public static GanSettings defaults(Architecture architecture, int epochs, int batchSize, long seed) {
        return new GanSettings(architecture, epochs, batchSize, seed, 64, 32, 2e-4f, 2e-4f, 0.5f, 0.999f,
                0.999f, 1.0f, false);
    }

    /**
     * @param decay the new EMA decay
     * @return a copy with that decay
     */
    public GanSettings withEmaDecay(float decay) {
        return new GanSettings(architecture, epochs, batchSize, seed, latentDim, embeddingDim, learningRateG,
                learningRateD, beta1, beta2, decay, auxiliaryWeight, minibatchStd);
    }

    /**
     * @param weight the new auxiliary-classifier weight
     * @return a copy with that weight
     */
    public GanSettings withAuxiliaryWeight(float weight) {
        return new GanSettings(architecture, epochs, batchSize, seed, latentDim, embeddingDim, learningRateG,
                learningRateD, beta1, beta2, emaDecay, weight, minibatchStd);
    }

    /**
     * @param generatorRate the generator's learning rate
     * @param discriminatorRate the discriminator's learning rate
     * @return a copy with these learning rates
     */
    public GanSettings withLearningRates(float generatorRate, float discriminatorRate) {
        return new GanSettings(architecture, epochs, batchSize, seed, latentDim, embeddingDim, generatorRate,
                discriminatorRate, beta1, beta2, emaDecay, auxiliaryWeight, minibatchStd);
    }

    /**
     * @param enabled whether D sees the batch's feature standard deviation
     * @return a copy with that setting
     */
    public GanSettings withMinibatchStd(boolean enabled) {
        return new GanSettings(architecture, epochs, batchSize, seed, latentDim, embeddingDim, learningRateG,
                learningRateD, beta1, beta2, emaDecay, auxiliaryWeight, enabled);
    }

    /**
     * @param count the new number of epochs
     * @return a copy with that many epochs
     */
    public GanSettings withEpochs(int count) {
        return new GanSettings(architecture, count, batchSize, seed, latentDim, embeddingDim, learningRateG,
                learningRateD, beta1, beta2, emaDecay, auxiliaryWeight, minibatchStd);
    }

    private static void require(boolean condition, String setting, String problem) {
        if (!condition) {
            throw new InvalidSettingException(setting, problem);
        }
    }
}

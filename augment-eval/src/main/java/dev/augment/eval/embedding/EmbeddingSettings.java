package dev.augment.eval.embedding;

/**
 * How the embedding network is trained.
 *
 * @param hidden width of the first hidden layer, ≥ 1
 * @param embeddingDim width of the penultimate layer (the embedding), ≥ 1
 * @param epochs passes over the data, ≥ 1
 * @param batchSize samples per step, ≥ 1
 * @param learningRate Adam's learning rate, &gt; 0
 * @param seed seed of the initialisation and the shuffling
 */
public record EmbeddingSettings(int hidden, int embeddingDim, int epochs, int batchSize,
                                float learningRate, long seed) {

    /** Validates every field. */
    public EmbeddingSettings {
        if (hidden < 1 || embeddingDim < 1 || epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("hidden, embeddingDim, epochs and batchSize must be positive, were "
                    + hidden + ", " + embeddingDim + ", " + epochs + ", " + batchSize);
        }
        if (!(learningRate > 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
        }
    }

    /**
     * @param seed the seed
     * @return 784-style defaults: 256 hidden, 64-d embedding, 3 epochs, batch 128, Adam 1e-3
     */
    public static EmbeddingSettings defaults(long seed) {
        return new EmbeddingSettings(256, 64, 3, 128, 1e-3f, seed);
    }

    /**
     * @param n epochs
     * @return a copy with {@code n} epochs
     */
    public EmbeddingSettings withEpochs(int n) {
        return new EmbeddingSettings(hidden, embeddingDim, n, batchSize, learningRate, seed);
    }
}

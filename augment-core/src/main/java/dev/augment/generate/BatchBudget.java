package dev.augment.generate;

/**
 * How many samples one generator call may produce, so that memory stays bounded whatever batch size
 * a caller asks for. The rule: the float buffers of one call, the noise {@code z} ({@code latentDim}
 * floats a sample), the labels (one long) and the samples twice (ONNX Runtime's output tensor and the
 * Java array it is copied into, {@code featureCount} floats each), fit in {@link #BYTES} (32 MiB).
 * For a 28x28 image and a latent size of 64 that is 5 133 samples a call; the layers inside the graph
 * scale with the same batch. Capping a batch never changes the output, because the noise of sample
 * {@code i} depends on (seed, class, i) alone.
 */
public final class BatchBudget {

    /** Bytes of buffers one generator call may use: 32 MiB. */
    public static final long BYTES = 32L << 20;

    private BatchBudget() {
    }

    /**
     * @param latentDim floats of noise per sample, at least 1
     * @param featureCount floats per generated sample, at least 1
     * @return the largest batch within {@link #BYTES}, at least 1
     */
    public static int maxBatch(int latentDim, int featureCount) {
        if (latentDim < 1 || featureCount < 1) {
            throw new IllegalArgumentException("latent size and feature count must be positive, were " + latentDim
                    + " and " + featureCount);
        }
        long perSample = bytesPerSample(latentDim, featureCount);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, BYTES / perSample));
    }

    /**
     * @param latentDim floats of noise per sample
     * @param featureCount floats per generated sample
     * @return bytes of buffers one sample takes in a generator call
     */
    public static long bytesPerSample(int latentDim, int featureCount) {
        return Float.BYTES * (long) latentDim + Long.BYTES + 2L * Float.BYTES * featureCount;
    }
}

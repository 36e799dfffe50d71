package dev.augment.eval.metrics;

/**
 * Pixel-level noise of images, measured in pixel space because a classifier's embedding does not
 * see it (speckle inside a garment barely moves its penultimate-layer features). Per image and
 * channel, the noise standard deviation is estimated with Immerkær's operator (J. Immerkær, "Fast
 * Noise Variance Estimation", Computer Vision and Image Understanding 64(2), 1996):
 * {@code σ = sqrt(π/2) / (6 (W−2)(H−2)) · Σ |I ∗ N|} with the 3×3 mask
 * {@code N = [1 −2 1; −2 4 −2; 1 −2 1]}, the difference of two Laplacians, which cancels flat areas,
 * linear ramps and horizontal or vertical edges, so that mostly uncorrelated pixel noise remains.
 * That σ is divided by the channel's own standard deviation, so a faint image and a bright one with
 * the same grain score alike; a flat channel scores 0. An image's <em>noise level</em> is the mean
 * over its channels, and a set's level the mean over its images.
 *
 * <p>The {@link Result#ratio() ratio} compares synthetic with real images of one class: about 1 for
 * two samples of the same distribution (0.94–1.04 on real Fashion-MNIST hold-out, README), above 1
 * for grainy samples (real images plus N(0, 10²) pixel noise: 1.4–2.3).
 *
 * <p>Features are read in (channel, row, column) order, as {@link dev.augment.schema.SampleSchema}
 * lays out images.
 *
 * @param channels image channels, ≥ 1
 * @param height image height in pixels, ≥ 3
 * @param width image width in pixels, ≥ 3
 */
public record PixelNoise(int channels, int height, int width) {

    /** Real levels below this count as this, so that the ratio stays finite. */
    static final double LEVEL_FLOOR = 1e-6;

    /** Validates the shape. */
    public PixelNoise {
        if (channels < 1 || height < 3 || width < 3) {
            throw new IllegalArgumentException("noise is measured on images of at least 1 channel and 3x3 pixels, was "
                    + channels + "x" + height + "x" + width);
        }
    }

    /**
     * @param real real images of a class (the reference), each {@code channels · height · width} values
     * @param synthetic synthetic images of the class, same layout
     * @return both levels and their ratio
     * @throws IllegalArgumentException when a set is empty or an image has the wrong length
     */
    public Result compute(float[][] real, float[][] synthetic) {
        double realLevel = meanLevel(real, "real");
        double syntheticLevel = meanLevel(synthetic, "synthetic");
        return new Result(realLevel, syntheticLevel, syntheticLevel / Math.max(realLevel, LEVEL_FLOOR));
    }

    /**
     * @param image one image, {@code channels · height · width} values in any scale
     * @return its noise level: Immerkær's σ over the standard deviation, averaged over channels, ≥ 0
     */
    public double level(float[] image) {
        int plane = height * width;
        if (image.length != channels * plane) {
            throw new IllegalArgumentException("an image of " + channels + "x" + height + "x" + width + " has "
                    + channels * plane + " values, this one has " + image.length);
        }
        double sum = 0;
        for (int ch = 0; ch < channels; ch++) {
            sum += channelLevel(image, ch * plane);
        }
        return sum / channels;
    }

    private double channelLevel(float[] x, int offset) {
        int plane = height * width;
        double mean = 0;
        for (int i = 0; i < plane; i++) {
            mean += x[offset + i];
        }
        mean /= plane;
        double squares = 0;
        for (int i = 0; i < plane; i++) {
            double d = x[offset + i] - mean;
            squares += d * d;
        }
        double sd = Math.sqrt(squares / plane);
        if (sd == 0) {
            return 0;
        }
        double absolute = 0;
        for (int r = 1; r < height - 1; r++) {
            for (int c = 1; c < width - 1; c++) {
                int up = offset + (r - 1) * width + c;
                int mid = up + width;
                int down = mid + width;
                double response = x[up - 1] - 2 * x[up] + x[up + 1]
                        - 2 * x[mid - 1] + 4 * x[mid] - 2 * x[mid + 1]
                        + x[down - 1] - 2 * x[down] + x[down + 1];
                absolute += Math.abs(response);
            }
        }
        double sigma = Math.sqrt(Math.PI / 2) * absolute / (6.0 * (width - 2) * (height - 2));
        return sigma / sd;
    }

    private double meanLevel(float[][] images, String which) {
        if (images.length == 0) {
            throw new IllegalArgumentException("no " + which + " images to measure noise on");
        }
        double sum = 0;
        for (float[] image : images) {
            sum += level(image);
        }
        return sum / images.length;
    }

    /**
     * @param realLevel mean noise level of the real images, ≥ 0
     * @param syntheticLevel mean noise level of the synthetic images, ≥ 0
     * @param ratio {@code syntheticLevel / max(realLevel, 1e-6)}, ≥ 0
     */
    public record Result(double realLevel, double syntheticLevel, double ratio) {

        /** Validates the ranges. */
        public Result {
            Checks.nonNegative("realLevel", realLevel);
            Checks.nonNegative("syntheticLevel", syntheticLevel);
            Checks.nonNegative("ratio", ratio);
        }
    }
}

package dev.augment.train.table;

/** How the table GAN draws the class of each training row ({@link ClassSampler}). */
public enum Conditioning {
    /** Every class equally often. */
    UNIFORM,
    /** In proportion to log(1 + class size), CTGAN's training-by-sampling. */
    LOG_FREQUENCY,
    /** In proportion to the class size, the data's own shares. */
    FREQUENCY;

    /**
     * @param classSize rows of a class
     * @return the class's unnormalised drawing weight
     */
    double weight(int classSize) {
        return switch (this) {
            case UNIFORM -> 1;
            case LOG_FREQUENCY -> Math.log1p(classSize);
            case FREQUENCY -> classSize;
        };
    }
}

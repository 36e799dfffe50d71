package dev.augment.train;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Scores a generator during or after training, from its samples alone (GAN losses say little about
 * sample quality). When the trainer runs a check every few epochs it keeps, and finally exports,
 * the averaged generator with the best score.
 */
public interface QualityCheck {

    /**
     * @param sampler draws samples of a class from the generator being scored
     * @return the score to maximise and the numbers behind it
     */
    Score evaluate(ClassSampler sampler);

    /** Draws generator samples of one class. */
    @FunctionalInterface
    interface ClassSampler {
        /**
         * @param classIndex the class
         * @param count how many samples
         * @param seed noise seed
         * @return {@code count} samples in feature scale, row-major
         */
        float[] sample(int classIndex, int count, long seed);
    }

    /**
     * @param value higher is better
     * @param details every number behind it, stored in the model's {@code augment.scores}
     */
    record Score(double value, ObjectNode details) {
        /** Checks the value. */
        public Score {
            if (Double.isNaN(value) || details == null) {
                throw new IllegalArgumentException("a score needs a number and its details");
            }
        }
    }
}

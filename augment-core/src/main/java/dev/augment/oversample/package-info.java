/**
 * Non-generative oversampling of one class's feature vectors, shared by the Tribuo plugin
 * ({@code dev.augment.tribuo.AugmentingDataSource}) and the evaluation's baseline arms:
 * random oversampling with replacement ({@link dev.augment.oversample.RandomOversampler}) and SMOTE
 * ({@link dev.augment.oversample.Smote}, Chawla et al., JAIR 16, 2002), whose neighbours come from
 * Tribuo's brute-force {@code org.tribuo.math.neighbour} query ({@link dev.augment.oversample.NearestNeighbours}).
 *
 * <p>{@link dev.augment.oversample.OversamplingMethod} and {@link dev.augment.oversample.MethodSettings}
 * say which method adds a class's examples (ROS, SMOTE, the GAN, or the hybrids that combine them), and
 * {@link dev.augment.oversample.AddedCounts} how many come from each source.
 *
 * <p>Everything here is seeded and deterministic: the same seed and input give the same vectors.
 */
package dev.augment.oversample;

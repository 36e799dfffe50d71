/**
 * Non-generative oversampling baselines on embedding vectors: SMOTE
 * ({@link dev.augment.eval.baselines.Smote}, Chawla et al., JAIR 16, 2002) and random
 * oversampling with replacement ({@link dev.augment.eval.baselines.RandomOversampler}). Both are
 * seeded and deterministic.
 */
package dev.augment.eval.baselines;

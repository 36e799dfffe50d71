/**
 * The embedding space of the generator diagnostics: a small MLP classifier (pixels/255 → 256 → 64 →
 * classes, ReLU) trained with DJL on real training data
 * ({@link dev.augment.eval.embedding.EmbeddingTrainer}); its 64-d penultimate layer is the
 * embedding and its output is the label-consistency classifier
 * ({@link dev.augment.eval.embedding.EmbeddingNetwork}). DJL stays inside this package: the
 * trained weights are copied out, and the public API takes and returns {@code float[][]}.
 */
package dev.augment.eval.embedding;

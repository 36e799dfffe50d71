/**
 * Per-class generator diagnostics in a stated embedding space: every class's synthetic samples,
 * real training samples and real hold-out samples are embedded by the
 * {@link dev.augment.eval.embedding.EmbeddingNetwork}, scored by the
 * {@link dev.augment.eval.metrics.ClassDiagnoser} and judged by
 * {@link dev.augment.eval.metrics.VerdictRules}
 * ({@link dev.augment.eval.diagnostics.GeneratorDiagnostics}).
 */
package dev.augment.eval.diagnostics;

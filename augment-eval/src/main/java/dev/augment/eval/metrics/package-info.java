/**
 * Diagnostics of a generator's samples, per class, mostly on embedding vectors ({@code float[][]}):
 * fidelity and diversity ({@link dev.augment.eval.metrics.ManifoldMetrics}: precision and recall of
 * Kynkäänniemi et al. 2019, density and coverage of Naeem et al. 2020), mode coverage
 * ({@link dev.augment.eval.metrics.NdbK}, Richardson and Weiss 2018;
 * {@link dev.augment.eval.metrics.DiversityRatio}), memorisation
 * ({@link dev.augment.eval.metrics.MemorisationMetrics}, distance to closest record as in
 * SDMetrics), pixel-level noise of images ({@link dev.augment.eval.metrics.PixelNoise}, Immerkær
 * 1996; measured on pixels, not embeddings), and the rules
 * ({@link dev.augment.eval.metrics.VerdictRules}) that turn them into a
 * {@link dev.augment.eval.metrics.ClassVerdict}. Nothing here depends on the generator code.
 */
package dev.augment.eval.metrics;

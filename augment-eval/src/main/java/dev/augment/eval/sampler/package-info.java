/**
 * The generator as the evaluation sees it: {@link dev.augment.eval.sampler.ConditionalSampler}, a
 * function (class, n, seed) → samples in feature scale, so that the diagnostics and the classifier
 * arms run the same way on a real generator ({@link dev.augment.eval.sampler.OnnxSampler}) and on
 * planted fakes in tests. {@link dev.augment.eval.sampler.FilteredSampler} decorates a sampler with the optional
 * generation-time filter (oversample, keep the candidates a real-data classifier finds most typical of the class)
 * and counts what it dropped per class.
 */
package dev.augment.eval.sampler;

/**
 * The generator as the evaluation sees it: {@link dev.augment.eval.sampler.ConditionalSampler}, a
 * function (class, n, seed) → samples in feature scale, so that the diagnostics and the classifier
 * arms run the same way on a real generator ({@link dev.augment.eval.sampler.OnnxSampler}) and on
 * planted fakes in tests.
 */
package dev.augment.eval.sampler;

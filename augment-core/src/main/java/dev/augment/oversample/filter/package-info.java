/**
 * The generation-time filter of GAN samples, shared by the evaluation ({@code augment evaluate --gan-filter}) and
 * the Tribuo plugin ({@code ganFilter} of {@link dev.augment.oversample.MethodSettings}): draw
 * {@code ceil(factor × n)} candidates of a class, keep the {@code n} that a logistic regression trained on real
 * data only ({@link dev.augment.oversample.filter.FilterClassifier}) finds most likely to be of the class
 * ({@link dev.augment.oversample.filter.GenerationFilter}), and count per class what was drawn, kept and dropped
 * ({@link dev.augment.oversample.filter.FilterCounts}).
 */
package dev.augment.oversample.filter;

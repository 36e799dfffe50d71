/**
 * augment from Tribuo code: {@link dev.augment.tribuo.AugmentingDataSource} wraps any
 * {@code DataSource<Label>} so that training sees its real examples plus examples added to each class,
 * as many as an {@link dev.augment.tribuo.AugmentationPolicy} asks, by a method of
 * {@code dev.augment.oversample} (random oversampling, SMOTE, the GAN of a generator ONNX file, or a
 * hybrid; GAN examples optionally filtered by a real-data classifier, {@code dev.augment.oversample.filter}),
 * marked and weighted, with a provenance that a trained model carries;
 * {@link dev.augment.tribuo.SyntheticExamples} is the plain API that turns generator output into Tribuo
 * {@code Example}s.
 */
package dev.augment.tribuo;

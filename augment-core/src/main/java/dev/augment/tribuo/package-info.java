/**
 * augment from Tribuo code: {@link dev.augment.tribuo.AugmentingDataSource} wraps any
 * {@code DataSource<Label>} so that training sees its real examples plus synthetic ones from a
 * generator ONNX file, chosen by an {@link dev.augment.tribuo.AugmentationPolicy}, marked and weighted,
 * with a provenance that a trained model carries; {@link dev.augment.tribuo.SyntheticExamples} is the
 * plain API that turns generator output into Tribuo {@code Example}s.
 */
package dev.augment.tribuo;

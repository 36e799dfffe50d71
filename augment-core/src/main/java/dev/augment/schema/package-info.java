/**
 * The sample schema shared by data sources, the trainer, the ONNX contract and the generator, and the
 * {@link dev.augment.schema.ClassResolver} that turns what a person calls a class (exact name, label,
 * index, or a unique loose match) into its index everywhere a class is asked for.
 */
package dev.augment.schema;

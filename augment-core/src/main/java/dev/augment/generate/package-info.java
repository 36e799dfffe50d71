/**
 * Generating labelled samples from a generator ONNX file with ONNX Runtime (CPU, or CUDA in the GPU
 * build), deterministic per (seed, class, sample index), streamed in batches to PNG, IDX or CSV.
 */
package dev.augment.generate;

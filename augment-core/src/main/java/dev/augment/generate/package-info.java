/**
 * Generating labelled samples from a generator ONNX file with ONNX Runtime (CPU, or CUDA in the GPU
 * build), deterministic per (seed, class, sample index), streamed in batches to PNG, IDX or CSV.
 * {@link dev.augment.generate.GenerationPipeline} runs noise, ONNX Runtime and encoding on worker threads
 * and writes the batches in order, so the bytes do not depend on the thread count or batch size.
 */
package dev.augment.generate;

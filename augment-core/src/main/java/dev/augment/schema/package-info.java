/** The sample schema shared by data sources, the trainer, the ONNX contract and the generator. */
package dev.augment.schema;

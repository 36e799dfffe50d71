/**
 * Training a conditional GAN with DJL (PyTorch engine): networks, losses, Adam with saved state,
 * the generator weight average, checkpoints and resume. DJL types stay inside this package; what
 * leaves it is a framework-free {@link dev.augment.onnx.GeneratorGraph}.
 */
package dev.augment.train;

/**
 * A conditional tabular GAN with the ingredients of CTGAN (Xu et al. 2019): mode-specific normalisation
 * of numeric columns by a 1-D Gaussian mixture, one-hot categorical columns with a Gumbel-softmax output,
 * a class-conditional vector with training-by-sampling, a residual generator, a PacGAN critic and the
 * WGAN-GP loss, plus CTAB-GAN's auxiliary classifier loss (Zhao et al. 2021) that holds each generated row to its
 * class, trained with DJL's PyTorch engine and exported to the ONNX generator contract with the
 * decoding back to Tribuo's feature scale inside the graph. DJL types stay inside this package.
 */
package dev.augment.train.table;

/**
 * Generator quality checks, per class: label consistency (does a classifier trained on real data see the
 * class that was asked for) and k-NN coverage/precision against real held-out samples. The training-time
 * check ({@link dev.augment.eval.quality.TrainingQualityCheck}: logistic regression on pixels, principal
 * components) is written into the model's metadata; the CNN check
 * ({@link dev.augment.eval.quality.CnnQualityCheck}, for colour images) judges with a small CNN and
 * measures in its penultimate features, adding a Fréchet distance
 * ({@link dev.augment.eval.quality.FrechetDistance}).
 */
package dev.augment.eval.quality;

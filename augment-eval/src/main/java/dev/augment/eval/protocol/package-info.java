/**
 * The classifier-gain experiment: a {@link dev.augment.eval.protocol.Scenario} cuts the training
 * split, each {@link dev.augment.eval.protocol.Arm} builds a training set from it (real, class
 * weights, random oversampling, SMOTE, GAN samples, synthetic only), one Tribuo trainer
 * ({@link dev.augment.eval.protocol.ClassifierSpec}) learns each, and
 * {@link dev.augment.eval.protocol.ClassifierExperiment} scores them on the untouched test split,
 * repeated over seeds, with intervals and paired differences against real only.
 */
package dev.augment.eval.protocol;

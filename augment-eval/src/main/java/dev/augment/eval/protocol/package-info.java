/**
 * The classifier-gain experiment: a {@link dev.augment.eval.protocol.Scenario} cuts the training
 * split, each {@link dev.augment.eval.protocol.Arm} builds a training set from it (real, class
 * weights, random oversampling, SMOTE, GAN samples, SMOTE + GAN on top, half SMOTE half GAN, synthetic
 * only), one or several Tribuo trainers ({@link dev.augment.eval.protocol.ClassifierSpec}, one per
 * classifier family) learn each, and {@link dev.augment.eval.protocol.ClassifierExperiment} scores them
 * on the untouched test split, repeated over seeds, with intervals and paired differences against real
 * only, one {@link dev.augment.eval.protocol.FamilyArms} per family. Optionally the GAN arms' samples are
 * filtered ({@link dev.augment.eval.protocol.FilteredSamplers}, {@link dev.augment.oversample.filter.FilterClassifier} of augment-core:
 * a logistic regression trained on each seed's real training split).
 */
package dev.augment.eval.protocol;

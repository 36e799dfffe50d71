/**
 * The generator quality check run at the end of (and optionally during) training: label consistency
 * and k-NN coverage/precision per class, written into the model's metadata.
 */
package dev.augment.eval.quality;

package dev.augment.train;

/**
 * What one epoch did.
 *
 * @param epoch 1-based epoch number
 * @param steps optimiser steps in the epoch
 * @param lossD mean discriminator loss
 * @param lossG mean generator loss
 * @param seconds wall-clock seconds the epoch took
 */
public record EpochReport(int epoch, int steps, double lossD, double lossG, double seconds) {
}

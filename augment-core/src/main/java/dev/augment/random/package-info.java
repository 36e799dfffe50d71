/** Keyed, reproducible randomness (Apache Commons RNG) shared by training and generation. */
package dev.augment.random;

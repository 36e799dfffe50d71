/**
 * The runnable example of using augment from Tribuo code, the same code as in the README: train a
 * logistic regression on an imbalanced Fashion-MNIST sample, with and without synthetic examples.
 */
package dev.augment.tribuo.example;

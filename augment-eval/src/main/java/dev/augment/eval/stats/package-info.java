/**
 * Confidence intervals for reporting experiment results: the mean of repeated runs with its
 * Student t interval ({@link dev.augment.eval.stats.MeanInterval}) and the mean paired difference
 * between two conditions with its interval and paired t-test
 * ({@link dev.augment.eval.stats.PairedDifference}), computed with Apache Commons Statistics.
 */
package dev.augment.eval.stats;

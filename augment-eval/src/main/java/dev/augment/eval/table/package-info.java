/**
 * {@code augment evaluate} on tables: the table diagnostics (per-column KS and total variation, pairwise
 * correlation difference, DCR memorisation, per-class coverage in a standardised space) and the table
 * evaluation (stratified splits per seed; arms real, class weights, ROS, SMOTE-NC, GAN, synthetic only;
 * macro-F1 with paired 95% intervals against the best cheap baseline).
 */
package dev.augment.eval.table;

/**
 * Cooperative cancellation: a {@link dev.augment.cancel.CancellationToken} that long loops (generation
 * batches, training steps) check between units of work, and that guards the steps which must never
 * be half done (committing an output folder, replacing a checkpoint) so that a cancel either waits for
 * them or stops them before they start.
 */
package dev.augment.cancel;

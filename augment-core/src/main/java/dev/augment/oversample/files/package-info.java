/**
 * Real plus added examples written to files with a synthetic flag per example, for
 * {@code augment oversample}: CSV gets a {@value dev.augment.oversample.files.FlaggedCsvWriter#SYNTHETIC_COLUMN}
 * column; IDX gets a sidecar {@value dev.augment.oversample.files.FlaggedSampleWriters#IDX_FLAGS_FILE}
 * (one ubyte per example, in file order); PNG gets a sidecar
 * {@value dev.augment.oversample.files.FlaggedSampleWriters#PNG_FLAGS_FILE} ({@code file,label,synthetic,source}).
 * Flags are 1 for an added example and 0 for a real one. The images, labels and PNG files themselves come
 * from the writers of {@code dev.augment.generate.output}, inside an {@code AtomicOutputDirectory}.
 */
package dev.augment.oversample.files;

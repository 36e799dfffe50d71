/**
 * File-system building blocks every writer shares: a file that appears complete or not at all
 * ({@link dev.augment.io.AtomicFiles}), deleting a folder tree, telling a mount point
 * ({@link dev.augment.io.MountPoints}), finding what killed runs left ({@link dev.augment.io.KilledRunLeftovers}),
 * the checks that the temporary folder is usable ({@link dev.augment.io.TemporaryFolder}), what a file is by its
 * first bytes ({@link dev.augment.io.FileMagic}), and why a text file is not UTF-8
 * ({@link dev.augment.io.TextEncoding}).
 */
package dev.augment.io;

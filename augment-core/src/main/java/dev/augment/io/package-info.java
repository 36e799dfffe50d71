/**
 * File-system building blocks every writer shares: a file that appears complete or not at all
 * ({@link dev.augment.io.AtomicFiles}), deleting a folder tree, telling a mount point
 * ({@link dev.augment.io.MountPoints}), finding what killed runs left ({@link dev.augment.io.KilledRunLeftovers}),
 * the checks that the temporary folder is usable ({@link dev.augment.io.TemporaryFolder}), what a file is by its
 * first bytes ({@link dev.augment.io.FileMagic}), why a text file is not UTF-8
 * ({@link dev.augment.io.TextEncoding}), and paths as the kernel resolves them, with names too long for a file system
 * ({@link dev.augment.io.PhysicalPaths}).
 */
package dev.augment.io;

package dev.augment.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one implementation of "write a file so that it appears complete or not at all" and of
 * "delete a folder tree". A file is written to a temporary sibling ({@code .<name>.tmp-<host>-<pid>-<random>.tmp}, in
 * the same folder so the rename stays on one file system), synced to disk, made readable by everyone
 * ({@code rw-r--r--} where the file system knows POSIX permissions) and renamed over the target in
 * one atomic step. A failure, or a kill before the rename, never leaves a partial target; a process
 * killed with SIGKILL may leave the temporary sibling, which {@link #deleteLeftovers} (all of a folder's, for a
 * folder one run owns) or {@link KilledRunLeftovers#delete} (those of processes that are gone) removes.
 */
public final class AtomicFiles {

    private static final String SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Fills a temporary file that will become the target. */
    @FunctionalInterface
    public interface FileFiller {
        /**
         * @param temporary the file to write; it exists and is empty
         * @throws IOException when writing fails
         */
        void fill(Path temporary) throws IOException;
    }

    /** Writes the body of a file to a stream. */
    @FunctionalInterface
    public interface StreamFiller {
        /**
         * @param out the stream to write; closed by the caller
         * @throws IOException when writing fails
         */
        void fill(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through a stream, atomically.
     *
     * @param target the file to create or replace; its parent folder is created when missing
     * @param filler writes the content
     * @throws IOException when writing or renaming fails; the target is then unchanged
     */
    public static void write(Path target, StreamFiller filler) throws IOException {
        writeFile(target, temporary -> {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE)) {
                filler.fill(out);
            }
        });
    }

    /**
     * Writes {@code target} through a file, atomically (for writers that want a path, such as ImageIO).
     *
     * @param target the file to create or replace; its parent folder is created when missing
     * @param filler writes the temporary file
     * @throws IOException when writing or renaming fails; the target is then unchanged
     * @throws dev.augment.errors.InvalidSettingException (setting {@code target}) before any writing, when the
     *     target's name is longer than a file system takes ({@link PhysicalPaths#tooLongName})
     */
    public static void writeFile(Path target, FileFiller filler) throws IOException {
        java.util.Optional<String> tooLong = PhysicalPaths.tooLongName(target);
        if (tooLong.isPresent()) {
            // before the filler's work, which the last rename threw away naming the hidden temporary file (7 Dec)
            throw new dev.augment.errors.InvalidSettingException("target", target + ": " + tooLong.get());
        }
        Path absolute = target.toAbsolutePath();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path temporary = createTemporary(parent, KilledRunLeftovers.prefix(absolute.getFileName().toString()));
        try (var held = java.nio.channels.FileChannel.open(temporary, StandardOpenOption.READ)) {
            // held open to the rename, so that its inode is not reused by a file made again under the same name
            Object key = fileKey(temporary);
            filler.fill(temporary);
            requireSameFile(temporary, key, absolute);
            sync(temporary);
            keepMode(absolute, temporary);
            requireSameFile(temporary, key, absolute);
            try {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + temporary + " to " + absolute + " atomically", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Deletes the temporary files that killed {@link #write}s of files named {@code <fileNamePrefix>...}
     * left in {@code folder}.
     *
     * @param folder the folder of the targets; a missing folder holds no leftovers
     * @param fileNamePrefix the start of the targets' file names, e.g. {@code checkpoint.bin}
     * @return how many were deleted
     * @throws IOException when the folder cannot be listed or a leftover cannot be deleted
     */
    public static int deleteLeftovers(Path folder, String fileNamePrefix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        String prefix = "." + fileNamePrefix;
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(SUFFIX)
                        && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
            for (Path leftover : entries) {
                Files.deleteIfExists(leftover);
                deleted++;
            }
        }
        return deleted;
    }

    /**
     * Deletes a folder tree without following symbolic links; a missing tree is not an error.
     *
     * @param root the folder (or file) to delete
     * @throws IOException when something in it cannot be deleted
     */
    public static void deleteTree(Path root) throws IOException {
        deleteTree(root, null);
    }

    /**
     * As {@link #deleteTree(Path)}, stoppable: the token is looked at before each file, and a cancel leaves the rest
     * of the tree in place.
     *
     * @param root the folder (or file) to delete
     * @param cancellation the token to watch, or null
     * @throws IOException when something in it cannot be deleted
     * @throws dev.augment.cancel.CancelledException when the token is cancelled before the tree is gone
     */
    public static void deleteTree(Path root, dev.augment.cancel.CancellationToken cancellation) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (cancellation != null) {
                    cancellation.throwIfCancelled("deleting " + root);
                }
                deleteIfPresent(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null && !(failure instanceof NoSuchFileException)) {
                    throw failure;
                }
                deleteIfPresent(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletions running now, in every thread: see {@link #isDeleting()}. */
    private static final java.util.concurrent.atomic.AtomicInteger DELETING =
            new java.util.concurrent.atomic.AtomicInteger();

    /**
     * @return whether a file or folder is being deleted by {@link #deleteTree} right now: unlinking a file of tens of
     *     GB takes seconds, and a command removing its partial output after a signal is busy, not stuck (a 27 GB IDX
     *     file took more than the 10 s the signal handler waited, which then said partial output may remain; 5 Dec)
     */
    public static boolean isDeleting() {
        return DELETING.get() > 0;
    }

    private static void deleteIfPresent(Path path) throws IOException {
        DELETING.incrementAndGet();
        try {
            Files.delete(path);
        } catch (NoSuchFileException ignored) {
            // already gone
        } finally {
            DELETING.decrementAndGet();
        }
    }

    /**
     * A temporary file deleted and made again by another program while this run wrote it was renamed over the target:
     * a 0-byte model with "wrote" and exit 0 (a fresh user, 7 Dec; the folder case is AtomicOutputDirectory's).
     *
     * @throws IOException when the temporary file is missing or is no longer the one this run made
     */
    private static void requireSameFile(Path temporary, Object key, Path target) throws IOException {
        Object now = fileKey(temporary);
        if (now == null || key != null && !key.equals(now)) {
            throw new IOException("the temporary file " + temporary + " was " + (now == null ? "deleted" : "deleted "
                    + "and made again") + " while this run wrote it (by another program, or a clean-up of hidden "
                    + "files?); nothing was moved into " + target + ", which is as it was; run again");
        }
    }

    /**
     * @param path a file or folder, not followed when it is a link
     * @return its file key (device and inode on Linux), or null when it is missing or has none
     */
    public static Object fileKey(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    private static void sync(Path file) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * @return a new empty file {@code <prefix><random digits>}{@value #SUFFIX} in the folder, made as any new file is
     *     (mode 0666 less the user's umask): createTempFile makes owner-only files, which were then opened to every
     *     user, so a model trained on private data under {@code umask 077} was readable by all (a fresh user, 6 Dec)
     */
    private static Path createTemporary(Path folder, String prefix) throws IOException {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        while (true) {
            try {
                return Files.createFile(folder.resolve(prefix + Long.toUnsignedString(random.nextLong()) + SUFFIX));
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                // another name
            }
        }
    }

    /** A file replaced keeps its mode: a model the user had made owner-only was opened to every user again. */
    private static void keepMode(Path target, Path temporary) throws IOException {
        try {
            if (Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
            }
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no POSIX permissions; its defaults apply
        }
    }
}

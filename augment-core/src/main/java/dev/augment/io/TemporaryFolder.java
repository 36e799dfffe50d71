package dev.augment.io;

import dev.augment.errors.EnvironmentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Checks, before any work starts, that the JVM's temporary folder ({@code java.io.tmpdir}) is usable:
 * it exists, is a folder, a file can be created in it, and it has at least {@link #MINIMUM_FREE_BYTES}
 * free. ONNX Runtime creates a folder there when it loads, and image I/O may buffer there; without this
 * check a bad setting surfaced as a stack trace, and {@code train} only hit it at export after every epoch.
 */
public final class TemporaryFolder {

    /** Free space the temporary folder must have: 64 MiB (ONNX Runtime's native library is about 17 MB). */
    public static final long MINIMUM_FREE_BYTES = 64L << 20;

    private static final String FIX = "set -Djava.io.tmpdir (or TMPDIR, for the augment launcher) to a writable"
            + " folder with at least " + (MINIMUM_FREE_BYTES >> 20) + " MiB free";

    private TemporaryFolder() {
    }

    /** @return the JVM's temporary folder, {@code java.io.tmpdir}, absolute */
    public static Path location() {
        return PhysicalPaths.absolute(Path.of(System.getProperty("java.io.tmpdir", "")));
    }

    /**
     * @throws EnvironmentException when the temporary folder is unusable; one line naming the folder,
     *     the problem and the fix
     */
    public static void check() {
        Path folder = location();
        problem(folder, MINIMUM_FREE_BYTES).ifPresent(problem -> {
            throw new EnvironmentException("the temporary folder " + folder + " (java.io.tmpdir) " + problem + "; "
                    + FIX);
        });
    }

    /**
     * @param folder the folder to check
     * @param minimumFreeBytes the free space it needs
     * @return what is wrong with it ("does not exist", "is not a folder", "is not writable (...)",
     *     "has only 3 MiB free"), or empty when it is usable
     */
    public static Optional<String> problem(Path folder, long minimumFreeBytes) {
        if (!Files.exists(folder)) {
            return Optional.of("does not exist");
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of("is not a folder");
        }
        try {
            Path probe = Files.createTempFile(folder, ".augment-probe-", ".tmp");
            Files.delete(probe);
        } catch (java.nio.file.FileSystemException e) {
            // the reason was dropped: a folder out of inodes or on a read-only mount, writable by its permissions and
            // with 100 MB free, was "not writable (FileSystemException)" (a fresh user, 7 Dec)
            String reason = e.getReason() != null ? e.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e.getClass().getSimpleName();
            return Optional.of("is not writable (" + reason + (reason.contains("No space left") ? ": out of space, or "
                    + "of inodes (df -i)" : "") + ")");
        } catch (IOException | SecurityException e) {
            return Optional.of("is not writable (" + e.getClass().getSimpleName() + ")");
        }
        try {
            long free = Files.getFileStore(folder).getUsableSpace();
            if (free < minimumFreeBytes) {
                // a 300 kB folder "has only 0 MiB free" (a fresh user, 7 Dec)
                return Optional.of("has only " + (free >= 1 << 20 ? (free >> 20) + " MiB" : (free >> 10) + " KiB")
                        + " free");
            }
        } catch (IOException e) {
            return Optional.of("has a file system whose free space cannot be read (" + e.getMessage() + ")");
        }
        return Optional.empty();
    }
}

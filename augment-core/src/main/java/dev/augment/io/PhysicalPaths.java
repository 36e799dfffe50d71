package dev.augment.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Absolute paths as the kernel resolves them, and names too long for a file system.
 *
 * <p>{@link Path#normalize()} drops {@code x/..} by its text. Where {@code x} is a symbolic link, the kernel, the
 * shell and every file operation on the path as given go to the parent of the link's target instead: with {@code
 * dl} a link to {@code deep/a/b}, {@code --out dl/../zz} was checked and replaced as {@code ./zz}, an earlier output
 * the user never named, while {@code deep/a/zz} is the folder the path names (a fresh user, 7 Dec).
 */
public final class PhysicalPaths {

    /** The longest file name (one path element) that Linux file systems take: NAME_MAX, in bytes of UTF-8. */
    public static final int MAX_NAME_BYTES = 255;

    private PhysicalPaths() {
    }

    /**
     * @param path any path, relative to the working folder or absolute
     * @return it absolute, each {@code ..} taken as the kernel takes it: the parent of the folder reached so far with
     *     its links followed ({@link Path#toRealPath}); {@code .} dropped; a path without {@code ..} keeps its links,
     *     as a path shown to the user should, except a link under {@code /proc}, which names something else for each
     *     process (followed). A {@code ..} after a folder that is not there names nothing for the
     *     kernel: the path is then returned absolute but not normalised, so that file operations on it fail as the
     *     kernel's do (dropping {@code missing/..} by its text wrote {@code dl/../missing/../zz} into ./zz, a
     *     re-check, 7 Dec)
     */
    public static Path absolute(Path path) {
        Path absolute = path.toAbsolutePath();
        Path current = absolute.getRoot();
        for (Path name : absolute) {
            String element = name.toString();
            if (".".equals(element)) {
                continue;
            }
            if ("..".equals(element)) {
                if (!Files.isDirectory(current)) {
                    return absolute; // after a file, as after a missing folder, the kernel names nothing (a re-check)
                }
                try {
                    Path real = current.toRealPath();
                    current = real.getParent() == null ? real : real.getParent();
                } catch (IOException missing) {
                    return absolute;
                }
            } else {
                current = current.resolve(element);
                current = processLinkResolved(current);
            }
        }
        return current;
    }

    private static final Path PROC = Path.of("/proc");

    /**
     * A link under {@code /proc} ({@code /proc/self}, {@code /proc/self/cwd}, {@code /proc/<pid>/root}, {@code
     * fd/N}) names something else for every process that reads it: {@code /proc/self/cwd/m.onnx} was recorded in
     * {@code generated.json} as typed, another file for any later reader (a re-check, 7 Dec). Such a link is
     * followed here, and so is a link that leads to one; every other link is kept.
     */
    private static Path processLinkResolved(Path path) {
        if (!Files.isSymbolicLink(path) || !(path.startsWith(PROC) || leadsIntoProc(path, 0))) {
            return path;
        }
        try {
            return path.toRealPath();
        } catch (IOException | SecurityException unreadable) {
            return path;
        }
    }

    /** The most links followed to tell where a chain of them leads, as the kernel's limit (40). */
    private static final int MAX_LINKS = 40;

    /**
     * @param link a symbolic link, absolute
     * @param depth links followed so far
     * @return whether its target passes through /proc: directly, by a relative target that climbs there, or through a
     *     link on its way (the user's own links to /proc/self/cwd were recorded as typed: re-checks, 7 Dec). Taken by
     *     the target's text, each link on its way followed; where that is wrong it errs towards following the link,
     *     which records its real path, never a wrong one
     */
    private static boolean leadsIntoProc(Path link, int depth) {
        if (depth > MAX_LINKS) {
            return false;
        }
        Path target;
        try {
            Path parent = link.getParent();
            Path text = Files.readSymbolicLink(link);
            target = parent == null ? text : parent.resolve(text);
        } catch (IOException | SecurityException | UnsupportedOperationException unreadable) {
            return false;
        }
        Path current = target.getRoot();
        if (current == null) {
            return false;
        }
        for (Path name : target) {
            String element = name.toString();
            if ("..".equals(element)) {
                current = current.getParent() == null ? current : current.getParent();
            } else if (!".".equals(element)) {
                current = current.resolve(element);
            }
            if (current.startsWith(PROC) || Files.isSymbolicLink(current) && leadsIntoProc(current, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param path any path
     * @return whether it names nothing for the kernel: a {@code ..} in it follows a folder that is not there, or a
     *     file ({@link #absolute} then keeps it as given)
     */
    public static boolean namesNothing(Path path) {
        for (Path name : absolute(path)) {
            if ("..".equals(name.toString())) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param path a file or folder to create
     * @return why it cannot be created, when its name, or the name of a folder on its way, is longer than {@value
     *     #MAX_NAME_BYTES} bytes of UTF-8 (the work was done first and the last rename failed as "File name too
     *     long", naming a hidden temporary name: a fresh user, 7 Dec; a folder on the way, a re-check); else empty
     */
    public static Optional<String> tooLongName(Path path) {
        Path absolute = path.toAbsolutePath();
        Path last = absolute.getFileName();
        return firstTooLong(absolute).map(name -> (name.equals(last) ? "its name is "
                : "the name of a folder on its way is ") + bytes(name) + " bytes long, and a file system takes at most "
                + MAX_NAME_BYTES + "; choose a shorter name");
    }

    /**
     * @param path any path
     * @return its first element longer than {@value #MAX_NAME_BYTES} bytes of UTF-8, if any
     */
    public static Optional<Path> firstTooLong(Path path) {
        for (Path name : path.toAbsolutePath()) {
            if (bytes(name) > MAX_NAME_BYTES) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** @return the length of a path element in bytes of UTF-8, as a file system counts it */
    public static int bytes(Path name) {
        return name.toString().getBytes(StandardCharsets.UTF_8).length;
    }
}

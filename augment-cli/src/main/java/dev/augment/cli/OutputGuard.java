package dev.augment.cli;

import dev.augment.generate.OnnxRuntimeLoader;
import dev.augment.io.PhysicalPaths;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses an output that is, holds or lies inside one of the command's own inputs or augment's own installation
 * (its jar and libraries, and the cache its native libraries are extracted to): with {@code --force}
 * the old output is deleted once the new one is in place, so {@code --out models --force} would otherwise
 * delete the model being read, {@code --out DATA --force} the data, and {@code --out DATA/file} one of
 * its files (or add a class folder to it).
 */
public final class OutputGuard {

    private OutputGuard() {
    }

    /**
     * Checks again, just before a model is moved into place, what {@code train} checked at its start: without
     * {@code --force} a file that appeared at {@code --out} while training ran (another run, another program) is
     * not replaced. Without this, the model's atomic rename overwrote it silently.
     *
     * @param out the model's path
     * @param force whether replacing was allowed
     * @param checkpointFolder where the run's checkpoint is, or null when it keeps none
     * @throws UsageException naming the file and what keeps the training
     */
    static void requireStillFree(Path out, boolean force, Path checkpointFolder) {
        if (force || !Files.exists(out, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean kept = checkpointFolder != null
                && Files.isRegularFile(checkpointFolder.resolve(dev.augment.train.Checkpoints.LATEST));
        throw new UsageException("--out " + out + " appeared while training (another run or program wrote it), so "
                + "it is not replaced; " + (kept ? "the checkpoint in " + checkpointFolder + " keeps the training: "
                + "export it with the same command plus --resume --checkpoint-dir " + checkpointFolder + " and another --out"
                : "the model was not written"));
    }

    /**
     * @param option the output's option, e.g. {@code --out}
     * @param out the output path as given
     * @param inputs the inputs as given, each optionally a comma-separated pair (IDX images,labels); nulls are skipped
     * @throws UsageException naming the output, the input it would replace and the fix
     */
    public static void requireApart(String option, Path out, Path... inputs) {
        requireApart(option, "folder", "out", out, inputs);
    }

    /**
     * As {@link #requireApart(String, Path, Path...)} for an output that is one model file (train's {@code --out}),
     * whose advice names a file: "--out out" was advised for train's model (a fresh user, 5 Dec).
     *
     * @param option the output's option, e.g. {@code --out}
     * @param out the output path as given
     * @param inputs the inputs as given
     * @throws UsageException naming the output, the input it would replace and the fix
     */
    public static void requireApartModelFile(String option, Path out, Path... inputs) {
        requireApart(option, "model file", "model.onnx", out, inputs);
    }

    private static void requireApart(String option, String kind, String example, Path out, Path... inputs) {
        if (out != null && out.toString().isBlank()) {
            throw new UsageException(option + " is empty; name the " + kind + " to write, e.g. " + option + " "
                    + example);
        }
        if (out != null && out.toString().equals("-")) {
            // "-" is standard output elsewhere; here it made a folder named "-" (a fresh user, 5 Dec)
            throw new UsageException(option + " - : augment writes folders and files, not to standard output; name "
                    + "the " + kind + " to write, e.g. " + option + " " + example + " (or " + option + " ./- for a "
                    + kind + " named -)");
        }
        Path target = canonical(out);
        for (Path own : installation()) {
            refuseOverlap(option, out, target, own, Files.isDirectory(own), "augment's own installation");
        }
        for (Path entry : classPath()) {
            refuseOverlap(option, out, target, entry, false, "a library augment runs from");
        }
        // the native libraries extracted there: a forced output replaced them, and the next run wrote them into it. A
        // folder even before it exists: the first run creates it when it loads ONNX Runtime, inside an output there
        refuseOverlap(option, out, target, OnnxRuntimeLoader.cacheRoot(), true, "augment's cache of native libraries");
        requireOutsideEarlierOutput(option, out, target);
        for (Path input : inputs) {
            if (input == null) {
                continue;
            }
            for (String part : input.toString().split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                Path read = canonical(Path.of(part.trim()));
                if (read.startsWith(target) || within(read, target)) {
                    throw new UsageException(option + " " + out + (read.equals(target) ? " is " : " holds ")
                            + "the input " + part.trim() + ", which writing there would replace; choose another "
                            + option);
                }
                if (Files.isDirectory(read) && (target.startsWith(read) || within(target, read))) {
                    throw new UsageException(option + " " + out + " is inside the input folder " + part.trim()
                            + ", where it could replace or add to the data; choose another " + option);
                }
            }
        }
    }

    /**
     * The same folder reached by another path that no link explains (a bind mount, a container's second mount of one
     * host folder) passed the path comparison above, and oversample wrote its output into its input (a fresh user, 6
     * Dec): the file system's identity of the folders decides too. A mount of one of the folder's sub-folders counts
     * as well: oversample wrote into its input's class folder through one (a re-check, 6 Dec). Such a mount is a
     * mount point on the folder's device among the path's parents; only then are the sub-folders read.
     *
     * @return whether {@code path} or one of its existing parent folders is the same file as {@code folder} or as a
     *     folder under it (to {@link #FOLDER_DEPTH} levels)
     */
    private static boolean within(Path path, Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        java.util.Set<Object> folders = null;
        for (Path at = path; at != null; at = at.getParent()) {
            try {
                if (!Files.exists(at)) {
                    continue;
                }
                if (Files.isSameFile(at, folder)) {
                    return true;
                }
                if (at.getParent() != null && dev.augment.io.MountPoints.isMountPoint(at) && sameDevice(at, folder)) {
                    // only a mount of this file system can show one of the folder's sub-folders: the walk (0.3 s
                    // over 60 000 images) is made for such a mount only, not on every command's start
                    folders = folders == null ? folderIdentities(folder) : folders;
                    if (folders.contains(identity(at))) {
                        return true;
                    }
                }
            } catch (IOException | SecurityException e) {
                // a folder that cannot be looked at: the path comparison stands
            }
        }
        return false;
    }

    /** @return whether the two lie on one device, or true when that cannot be told (the walk then decides) */
    private static boolean sameDevice(Path a, Path b) {
        try {
            return Files.getAttribute(a, "unix:dev").equals(Files.getAttribute(b, "unix:dev"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
    }

    /** How deep under an input or output folder its sub-folders' identities are read: class folders in train/test. */
    static final int FOLDER_DEPTH = 4;

    /** @return the file-system identities (device and inode) of the folders under {@code folder}, links not followed */
    private static java.util.Set<Object> folderIdentities(Path folder) {
        java.util.Set<Object> keys = new java.util.HashSet<>();
        try {
            Files.walkFileTree(folder, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), FOLDER_DEPTH,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                                java.nio.file.attribute.BasicFileAttributes attributes) {
                            add(attributes);
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file,
                                java.nio.file.attribute.BasicFileAttributes attributes) {
                            if (attributes.isDirectory()) {
                                add(attributes); // a folder at the last level is visited as a file
                            }
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        private void add(java.nio.file.attribute.BasicFileAttributes attributes) {
                            if (attributes.fileKey() != null) {
                                keys.add(attributes.fileKey());
                            }
                        }
                    });
        } catch (IOException | SecurityException e) {
            // folders that cannot be listed: the comparison of the folder itself stands
        }
        return keys;
    }

    private static Object identity(Path path) throws IOException {
        return Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    /**
     * An output inside an earlier output of augment's (generate's, oversample's or spark-generate's folder) added to
     * that data, which a reader then counted, and a forced run could no longer replace it (a fresh user, 5 Dec).
     */
    private static void requireOutsideEarlierOutput(String option, Path out, Path target) {
        for (Path folder = target.getParent(); folder != null; folder = folder.getParent()) {
            String whose = Files.isRegularFile(folder.resolve("_augment-spark-generate")) ? "spark-generate's"
                    : Files.isRegularFile(folder.resolve(dev.augment.data.AddedExamples.IDX_FLAGS))
                    || Files.isRegularFile(folder.resolve(dev.augment.data.AddedExamples.CSV_FLAGS))
                    && Files.isRegularFile(folder.resolve(dev.augment.data.ClassMap.FILE))
                    && dev.augment.data.ClassMap.hasItsHeader(folder.resolve(dev.augment.data.ClassMap.FILE))
                    ? "augment oversample's"
                    : dev.augment.data.GenerationRecord.readIfPresent(folder).isPresent() ? "augment generate's"
                    // evaluate's report and train's checkpoint folder: a later --force refused what was put there
                    : Files.isRegularFile(folder.resolve("report.json"))
                    && Files.isRegularFile(folder.resolve("report.html")) ? "augment evaluate's"
                    : null;
            if (whose == null && isCheckpoint(folder.resolve(dev.augment.train.Checkpoints.LATEST))) {
                // "augment train's checkpoint earlier output: writing there adds to that data" (a fresh user, 6 Dec)
                throw new UsageException(option + " " + out + " is inside " + folder + ", the checkpoint folder of "
                        + "an augment train run (for --resume), which augment train manages itself; "
                        + "choose a folder outside it");
            }
            if (whose != null) {
                throw new UsageException(option + " " + out + " is inside " + folder + ", " + whose + " earlier "
                        + "output: writing there adds to that data (a reader of it counts the new files too) and a "
                        + "forced run could no longer replace it; choose a folder outside it");
            }
        }
    }

    /** @return whether the file starts as augment train's checkpoints do ({@code OnnxGenerator}'s check) */
    private static boolean isCheckpoint(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return dev.augment.generate.OnnxGenerator.isTrainingCheckpoint(in.readNBytes(16));
        } catch (IOException e) {
            return false;
        }
    }

    private static void refuseOverlap(String option, Path out, Path target, Path own, boolean folder, String what) {
        Path read = canonical(own);
        if (read.startsWith(target) || folder && target.startsWith(read)) {
            throw new UsageException(option + " " + out + (read.equals(target) ? " is " : read.startsWith(target)
                    ? " holds " : " is inside ") + what + ", " + own + ", which writing there would replace or "
                    + "change; choose another " + option);
        }
    }

    /**
     * @return where augment's own code is: its jar (or classes folder) and the folder of libraries beside it, which
     *     {@code --out ... --force} must not replace (every later run would fail to start)
     */
    private static List<Path> installation() {
        List<Path> own = new java.util.ArrayList<>();
        try {
            Path code = Path.of(OutputGuard.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            own.add(code);
            Path lib = code.resolveSibling("lib");
            if (Files.isDirectory(lib)) {
                own.add(lib);
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no code source to protect (an unusual class loader)
        }
        return own;
    }

    /**
     * @return the class path's entries (the Spark command's jar, which {@code spark-generate --out augment-spark/target
     *     --force} deleted, and every library loaded from it); an output may lie inside a folder entry (the class path
     *     may name the working folder) but may not be or hold one
     */
    private static List<Path> classPath() {
        List<Path> entries = new java.util.ArrayList<>();
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank() && !entry.endsWith("*")) {
                try {
                    entries.add(Path.of(entry));
                } catch (java.nio.file.InvalidPathException e) {
                    // not a path this file system can name: nothing to protect there
                }
            }
        }
        return entries;
    }

    /**
     * The real path (symbolic links resolved) of the path's nearest existing ancestor, with the rest of the path
     * appended: an output that does not exist yet, reached through a link into the data, is still found inside it.
     */
    private static Path canonical(Path path) {
        Path absolute = PhysicalPaths.absolute(path);
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}

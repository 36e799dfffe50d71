package dev.augment.generate.output;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.io.AtomicFiles;
import dev.augment.io.KilledRunLeftovers;
import dev.augment.io.MountPoints;
import dev.augment.io.PhysicalPaths;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An output folder that appears all at once or not at all. Writers fill a temporary folder
 * ({@code .<name>.tmp-<host>-<pid>-<random>}, {@link KilledRunLeftovers}: a later run deletes a killed one's) next to
 * the target; {@link #commit()} renames it into place, and
 * {@link #close()} without a commit deletes it, so a failed run leaves nothing behind.
 *
 * <p>With {@code force}, an existing target is renamed aside ({@code .<name>.old-<random>}) at commit,
 * the new folder renamed into place, and only then the old one deleted.
 *
 * <p>Interruption (SIGINT, SIGTERM): a shutdown hook cancels the {@link CancellationToken}, which the
 * writing loop checks between batches; {@link #commit()} runs under the token's lock and refuses once
 * it is cancelled, so a cancel and a commit never interleave and partial output is never moved into
 * place. The hook then waits up to {@link #CLEANUP_GRACE} for the writer to {@link #close()}, and
 * deletes what is left itself.
 */
public final class AtomicOutputDirectory implements AutoCloseable {

    /** How long the shutdown hook waits for the writer to clean up before deleting leftovers itself. */
    public static final Duration CLEANUP_GRACE = Duration.ofSeconds(2);

    private final List<String> leftovers = new ArrayList<>();
    private final Path target;
    private final Path workDir;
    private final boolean force;
    private final SecureRandom random;
    private final CancellationToken cancellation;
    private final CountDownLatch closedSignal = new CountDownLatch(1);
    private final Thread cleanupOnExit;
    private volatile boolean committed;
    private volatile boolean closed;

    private AtomicOutputDirectory(Path target, Path workDir, boolean force, SecureRandom random,
                                  CancellationToken cancellation) {
        this.target = target;
        this.workDir = workDir;
        this.force = force;
        this.random = random;
        this.cancellation = cancellation;
        this.cleanupOnExit = new Thread(this::cancelAndCleanUp, "augment-output-cleanup");
        this.targetAtStart = identity(target);
        this.workDirKey = fileKey(workDir);
        this.workDirHandle = openHandle(workDir);
        Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    }

    /**
     * @return whether the folder is the working folder or holds it, compared as folders, not paths: through a link
     *     ({@code --out self/zz}, self a link to .) or a bind mount a forced run deleted the shell's current folder
     *     (re-checks, 7 Dec)
     */
    private static boolean holdsTheCurrentFolder(Path folder) {
        try {
            if (!Files.exists(folder)) {
                return false;
            }
            // by identity: a bind mount gives one folder two real paths (a re-check, 7 Dec)
            for (Path holder = Path.of("").toRealPath(); holder != null; holder = holder.getParent()) {
                if (Files.isSameFile(holder, folder)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return PhysicalPaths.absolute(Path.of("")).startsWith(folder);
        }
    }

    /** The temporary folder's file key when it was made, so that commit can tell it from one made again. */
    private final Object workDirKey;

    /**
     * The temporary folder held open until {@link #close}: a folder deleted and made again at once got the same
     * inode, and so the same file key; an open folder's inode is not reused while it is held.
     */
    private final java.io.Closeable workDirHandle;

    private static java.io.Closeable openHandle(Path folder) {
        try {
            return Files.newDirectoryStream(folder);
        } catch (IOException e) {
            return null;
        }
    }

    private static Object fileKey(Path path) {
        return dev.augment.io.AtomicFiles.fileKey(path);
    }

    /**
     * A PNG writer makes class folders with their parents: the temporary folder deleted during a run (a clean-up of
     * hidden folders) was made again, and what was written after that was moved into place as the whole output,
     * with "wrote 3000 samples" and exit 0 for 1 800 images (a fresh user, 7 Dec).
     *
     * @throws IOException when the temporary folder is no longer the one this run made
     */
    private void requireOwnWorkDir() throws IOException {
        Object now = fileKey(workDir);
        if (now == null || workDirKey != null && !workDirKey.equals(now)) {
            throw new IOException("the temporary folder " + workDir + " was " + (now == null ? "deleted" : "deleted "
                    + "and made again") + " while this run wrote into it (by another program, or a clean-up of "
                    + "hidden folders?), so some of the output is lost; nothing was moved into " + target + ", which "
                    + "is as it was; run again");
        }
    }

    /**
     * The target as it was when this run began (its file key and last change), or null when there was none: a forced
     * run replaced an output another forced run had put there in the meantime, and both said "wrote" (two runs started
     * within the few seconds before a run's temporary folder shows it is being written: a fresh user, 6 Dec).
     */
    private final String targetAtStart;

    /**
     * @return the file key and last change of the target and of every folder in it, or null when it is not there: a
     *     file a user put into a class folder of the output a forced run was replacing was deleted with it, "wrote",
     *     exit 0, as only the top folder was compared (a fresh user, 7 Dec); a file added anywhere changes its folder
     */
    private static String identity(Path path) {
        StringBuilder identity = new StringBuilder();
        try {
            java.nio.file.Files.walkFileTree(path, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                        java.nio.file.attribute.BasicFileAttributes attributes) {
                    identity.append(path.relativize(dir)).append(' ').append(attributes.fileKey()).append(' ')
                            .append(attributes.lastModifiedTime().toMillis()).append('\n');
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFile(Path file,
                        java.nio.file.attribute.BasicFileAttributes attributes) {
                    // a file as the target itself (a link, a plain file): its own key and change
                    if (file.equals(path)) {
                        identity.append(attributes.fileKey()).append(' ')
                                .append(attributes.lastModifiedTime().toMillis());
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return identity.length() == 0 ? null : identity + "unreadable";
        }
        return identity.length() == 0 ? null : identity.toString();
    }

    /**
     * The shutdown hook: stop the writer, give it time to close, then remove what is left. When the writer
     * is already deleting its output (many files take longer than the grace), the hook waits for it rather
     * than deleting the same tree beside it.
     */
    private void cancelAndCleanUp() {
        cancellation.cancel();
        try {
            if (!closedSignal.await(CLEANUP_GRACE.toMillis(), TimeUnit.MILLISECONDS) && closed) {
                closedSignal.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!committed) {
            try {
                AtomicFiles.deleteTree(workDir);
            } catch (IOException ignored) {
                // the JVM is exiting; nothing more can be done
            }
        }
    }

    /**
     * Checks the target and creates the temporary folder beside it.
     *
     * @param target where the output should end up
     * @param force whether an existing target may be replaced
     * @return the open output directory
     * @throws InvalidSettingException when the target exists without {@code force}, is a file, a device, a pipe or
     *     a socket (even with {@code force}), is a link (forced or not), holds the current folder or the
     *     temporary folder, is a mount point or a folder of files augment did not write (with {@code force}, which
     *     would delete them or cannot move it), or its parent is missing, not a folder or not writable
     * @throws IOException when the temporary folder cannot be created for another reason
     */
    public static AtomicOutputDirectory create(Path target, boolean force) throws IOException {
        return create(target, force, new CancellationToken());
    }

    /**
     * Checks the target and creates the temporary folder beside it; the writing loop should check
     * {@code cancellation} between batches.
     *
     * @param target where the output should end up
     * @param force whether an existing target may be replaced
     * @param cancellation cancelled by the shutdown hook on SIGINT/SIGTERM; {@link #commit()} refuses once it is
     * @return the open output directory
     * @throws InvalidSettingException when the target exists without {@code force}, is a file, a device, a pipe or
     *     a socket (even with {@code force}), is a link (forced or not), holds the current folder or the
     *     temporary folder, is a mount point or a folder of files augment did not write (with {@code force}, which
     *     would delete them or cannot move it), or its parent is missing, not a folder or not writable
     * @throws IOException when the temporary folder cannot be created for another reason
     */
    public static AtomicOutputDirectory create(Path target, boolean force, CancellationToken cancellation)
            throws IOException {
        return create(target, force, cancellation, null);
    }

    /**
     * As {@link #create(Path, boolean, CancellationToken)}, telling {@code beforeRemoval} how many temporary outputs
     * of killed runs it is about to delete, once every check has passed: 180 000 files of one took 25 s of silence at
     * the start of the next run (a re-check, 7 Dec), and a line printed before the checks announced a removal that a
     * refusal then never made (a re-check of that).
     *
     * @param target where the output should end up
     * @param force whether an existing target may be replaced
     * @param cancellation cancelled by the shutdown hook on SIGINT/SIGTERM
     * @param beforeRemoval given the number of leftovers about to be deleted, only when there are some; null for none
     * @return the open output directory
     * @throws InvalidSettingException as {@link #create(Path, boolean, CancellationToken)}
     * @throws IOException as {@link #create(Path, boolean, CancellationToken)}
     */
    public static AtomicOutputDirectory create(Path target, boolean force, CancellationToken cancellation,
                                               java.util.function.IntConsumer beforeRemoval) throws IOException {
        Path absolute = PhysicalPaths.absolute(target);
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            throw new InvalidSettingException("target", target + " has no parent folder; choose a folder inside one");
        }
        java.util.Optional<String> tooLong = PhysicalPaths.tooLongName(absolute);
        if (tooLong.isPresent()) {
            throw new InvalidSettingException("target", target + ": " + tooLong.get());
        }
        java.util.Optional<String> uri = dev.augment.io.UriPaths.refusal(target, "an output folder");
        if (uri.isPresent()) {
            // "mkdir -p …/s3a:/b" was advised for --out s3a://b/x (a re-check, 7 Dec)
            throw new InvalidSettingException("target", uri.get());
        }
        java.util.Optional<String> restored = restoreInterruptedReplace(target, absolute);
        if (Files.isRegularFile(absolute, LinkOption.NOFOLLOW_LINKS)) {
            // before the force advice below, which would only lead to this refusal
            // an output is a folder: a file here is some other file (a model, a table) that force would delete
            throw new InvalidSettingException("target", target + " is a file, not an output folder, and is never "
                    + "replaced, even when forced; choose another folder");
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)
                && !Files.isSymbolicLink(absolute)) {
            // a device, pipe or socket: forced, /dev/null itself became a folder for every process on the machine
            throw new InvalidSettingException("target", target + " is a device, pipe or socket, not an output folder, "
                    + "and is never replaced, even when forced; choose a folder");
        }
        if (Files.isSymbolicLink(absolute)) {
            // before the force advice below, which would only lead to this refusal (a fresh user, 4 Dec)
            throw linkRefused(target, absolute);
        }
        if (force && Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS) && MountPoints.isMountPoint(absolute)) {
            throw new InvalidSettingException("target", target + " is a mount point (a file system of its own), which "
                    + "cannot be replaced as a whole, even when forced; write into a folder inside it (e.g. "
                    + absolute.resolve("out") + ") or choose another");
        }
        if (force && holdsTheCurrentFolder(absolute)) {
            throw new InvalidSettingException("target", target + " holds the current folder, so replacing it (force)"
                    + " would delete it; choose another");
        }
        java.util.Optional<Path> writer = KilledRunLeftovers.beingWrittenByAnother(absolute);
        if (writer.isPresent()) {
            // before the scan of what the folder holds, which named a live run's own new file as the user's (6 Dec)
            throw beingWritten(target, writer.get());
        }
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            // before the force advice below: a folder of the user's own files was told to allow replacing it, and
            // then, forced, refused as not augment's (a fresh user, 5 Dec)
            try {
                refuseToReplace(target, absolute, force);
            } catch (IOException unlistable) {
                if (force) {
                    throw unlistable;
                } // unforced, the folder is refused below all the same
            }
        }
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !force) {
            throw new InvalidSettingException("target", target + " exists; allow replacing it (force) or choose "
                    + "another" + restored.map(note -> " (" + note + ")").orElse(""));
        }
        if (force && Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isWritable(absolute)) {
                // checked before the work: replacing moves the earlier output aside and deletes it, which failed only
                // at the end of a whole generation, in the system's words (a fresh user's immutable folder, 4 Dec)
                throw new InvalidSettingException("target", target + " cannot be replaced: it is not writable (its "
                        + "permissions, its owner or an immutable flag), so the earlier output could not be moved "
                        + "aside and deleted; it is kept as it was; fix that or choose another folder");
            }
        }
        if (!Files.isDirectory(parent)) {
            throw new InvalidSettingException("target", target + ": " + notAFolder(parent));
        }
        if (readOnly(parent)) {
            throw new InvalidSettingException("target", target + ": " + parent + " is on a read-only file system; "
                    + "choose another folder");
        }
        if (!Files.isWritable(parent)) {
            throw new InvalidSettingException("target", target + ": " + parent + " is not writable; fix its permissions or choose another");
        }
        SecureRandom random = new SecureRandom();
        long removalStart = System.nanoTime();
        List<Path> found = KilledRunLeftovers.removable(absolute);
        if (beforeRemoval != null && !found.isEmpty()) {
            beforeRemoval.accept(found.size());
        }
        int removed = KilledRunLeftovers.delete(found);
        long removalNanos = System.nanoTime() - removalStart;
        // one that cannot be deleted (another user's, an immutable file) was announced on every run, without a word
        // that it stayed (a re-check, 7 Dec)
        List<Path> kept = removed < found.size() ? found.stream().filter(p -> Files.exists(p,
                LinkOption.NOFOLLOW_LINKS)).toList() : List.of();
        Path work;
        try {
            work = createUnique(parent, KilledRunLeftovers.prefix(absolute.getFileName().toString()), random);
        } catch (java.nio.file.FileSystemException e) {
            if (e.getReason() != null && (e.getReason().contains("No space") || e.getReason().contains("quota"))) {
                throw e; // said as a full disk
            }
            if (e.getReason() != null && e.getReason().contains("File name too long")) {
                // ENAMETOOLONG was told "does not let a folder be created in it" of a writable folder (6 Dec)
                throw new InvalidSettingException("target", target + ": the path is too long for the file system ("
                        + absolute.toString().length() + " characters, and the temporary folder beside it is longer); "
                        + "choose a shorter folder or name");
            }
            // /proc and /sys (EPERM there, a re-check found) pass every check above and then refuse a new folder:
            // the hidden temporary name was reported as a bug, exit 1 (a fresh user, 6 Dec)
            throw folderCreationRefused(target.toString(), parent);
        }
        java.util.Optional<Path> other = KilledRunLeftovers.beingWrittenByAnother(absolute);
        if (other.isPresent()) {
            // checked after this run's own folder exists, so of two runs started at once neither misses the other
            AtomicFiles.deleteTree(work);
            throw beingWritten(target, other.get());
        }
        try {
            AtomicOutputDirectory directory = new AtomicOutputDirectory(absolute, work, force, random, cancellation);
            restored.ifPresent(directory.leftovers::add);
            directory.removedLeftovers = removed;
            directory.removalNanos = removalNanos;
            directory.keptLeftovers = kept;
            return directory;
        } catch (IllegalStateException shuttingDown) {
            // A signal arrived between creating the folder and registering its clean-up hook.
            AtomicFiles.deleteTree(work);
            throw new CancelledException("interrupted before writing " + target + "; nothing was written");
        }
    }

    /** @return the refusal of a target another live run is writing into {@code temporary} */
    private static InvalidSettingException beingWritten(Path target, Path temporary) {
        return new InvalidSettingException("target", target + " is being written by another run now (process "
                + KilledRunLeftovers.writer(target, temporary) + ", into " + temporary + "); the later of two runs "
                + "would replace the other's output without a word: wait for it to finish, or choose another folder");
    }

    /**
     * Refusal of a target whose parent passes the checks of permissions and read-only file systems but refuses a new
     * folder all the same: /proc and /sys (EPERM).
     *
     * @param target the target as given
     * @param parent the folder it would be created in
     * @return the error to throw, naming the folder
     */
    public static InvalidSettingException folderCreationRefused(String target, Path parent) {
        return new InvalidSettingException("target", target + ": " + parent + " does not let a folder be created "
                + "in it (a system folder such as /proc, or its permissions); choose another folder");
    }

    /**
     * Refusal of a link given as a forced target: replacing it puts a folder where the link is and leaves the folder
     * it points to as it was, so the output never reached the disk the link points to (a fresh user, 2 Dec).
     *
     * @param target the target as given
     * @param link its absolute path, a symbolic link
     * @return the refusal, naming where the link points
     */
    public static InvalidSettingException linkRefused(Object target, Path link) {
        String to;
        try {
            Path pointed = Files.readSymbolicLink(link);
            to = link.getParent() == null ? pointed.toString()
                    : link.getParent().resolve(pointed).normalize().toString();
        } catch (IOException e) {
            to = "another path";
        }
        boolean dangling = !Files.exists(link); // no file to leave "as it was" (a re-check, 6 Dec)
        return new InvalidSettingException("target", target + " is a link to " + to + (dangling
                ? " (which does not exist)" : "") + "; writing the output would put a folder where the link is"
                + (dangling ? "" : " and leave " + to + " as it was") + ", so it is never replaced: give " + to
                + " itself, or remove the link");
    }

    /**
     * What an earlier output holds at its top: generate's and oversample's files (CSV, IDX, flags, the class map,
     * generate's record; PNG class folders come from the class map) and evaluate's (reports, the gains plot, grids,
     * generators).
     */
    private static final java.util.Set<String> OUTPUT_ENTRIES = java.util.Set.of(dev.augment.data.ClassMap.FILE,
            dev.augment.data.GenerationRecord.FILE,
            CsvSampleWriter.FILE, dev.augment.data.AddedExamples.CSV_FLAGS, dev.augment.data.DataSources.IDX_IMAGES,
            dev.augment.data.DataSources.IDX_LABELS, dev.augment.data.AddedExamples.IDX_FLAGS,
            // evaluate's (augment-eval's ReportWriter and TableEvaluationReport, which this module cannot name)
            "report.json", "report.html", "report.txt", "gains.png", "grids", "generators");

    /**
     * Refuses, even when forced, to replace a folder that is not an earlier output: the temporary folder or one
     * holding it (forced, {@code --out $TMPDIR} deleted every other program's files there), or a folder holding an
     * entry augment does not write: anything but {@link #OUTPUT_ENTRIES} and the class folders its
     * {@code classes.csv} lists, each of PNG files numbered as generate numbers them (forced, a user's folder of
     * documents, and a data folder with a {@code classes.csv} of its own, were deleted without a word). An empty
     * folder may be replaced.
     *
     * @param readMarks whether to read every PNG for generate's mark (forced runs only)
     */
    private static void refuseToReplace(Path target, Path absolute, boolean readMarks) throws IOException {
        for (String temporary : java.util.stream.Stream.of(System.getProperty("java.io.tmpdir"), "/tmp", "/var/tmp")
                .filter(java.util.Objects::nonNull).toList()) {
            Path tmp = PhysicalPaths.absolute(Path.of(temporary));
            if (tmp.startsWith(absolute)) {
                throw new InvalidSettingException("target", target + " is or holds the temporary folder " + tmp
                        + ", which other programs use, so it is never replaced, even when forced; write into a new "
                        + "folder inside it (e.g. " + absolute.resolve("out") + ")");
            }
        }
        java.util.Set<String> classFolders = new java.util.HashSet<>();
        try {
            dev.augment.data.ClassMap.readIfPresent(absolute)
                    .ifPresent(map -> map.entries().forEach(e -> classFolders.add(e.folder())));
        } catch (RuntimeException notAugments) {
            // a classes.csv augment cannot read is not one it wrote: its folders count as the user's
        }
        List<String> entries;
        try (java.util.stream.Stream<Path> list = Files.list(absolute)) {
            entries = list.map(e -> e.getFileName().toString()).sorted().toList();
        }
        // oversample's output (flags beside it) may carry generate's record forward: its files are oversample's
        boolean oversampled = Files.exists(absolute.resolve(dev.augment.data.AddedExamples.IDX_FLAGS))
                || Files.exists(absolute.resolve(dev.augment.data.AddedExamples.CSV_FLAGS));
        java.util.Optional<dev.augment.data.GenerationRecord> record = oversampled ? java.util.Optional.empty()
                : dev.augment.data.GenerationRecord.readIfPresent(absolute);
        // without the record (a user deleted it), PNGs with generate's mark still say whose output this is: a forced
        // run deleted a user's own 000100.png and samples.csv put beside them (a fresh user, 6 Dec)
        boolean markedWithoutRecord = !oversampled && record.isEmpty() && anyMarked(absolute, classFolders);
        java.util.Set<String> written = oversampled ? OUTPUT_ENTRIES : markedWithoutRecord
                ? java.util.Set.of(dev.augment.data.ClassMap.FILE, dev.augment.data.GenerationRecord.FILE)
                : writtenBy(record);
        // with the record, every PNG generate wrote carries its mark: a user's real images named 000011.png … in its
        // class folders were deleted by a forced run (a fresh user, 5 Dec)
        // read only when forced: unforced, the folder is refused either way, and reading 80 000 PNGs for the wording
        // took seconds and did not heed Ctrl-C (a fresh user, 6 Dec)
        boolean marked = readMarks
                && (markedWithoutRecord || record.isPresent() && record.get().format().equals("png"));
        // oversample's PNG output lists every file it wrote in its flags: another file there is the user's
        java.util.Set<String> listed = oversampled ? listedInFlags(absolute) : null;
        for (String name : entries) {
            Path entry = absolute.resolve(name);
            String foreign = written.contains(name) ? notEvaluates(entry, name).orElse(null)
                    : !classFolders.contains(name) || !Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS) ? name
                    : notNumberedPng(entry, marked).map(file -> name + "/" + file)
                    .or(() -> unlisted(entry, name, listed)).orElse(null);
            if (foreign != null) {
                // a class folder augment wrote is named by the file in it that augment did not write
                throw new InvalidSettingException("target", target + " holds '" + foreign + "', which augment does not "
                        + "write, so it is not replaced, even when forced (only an earlier output of generate, "
                        + "oversample or evaluate is); choose a new folder, or move or delete this one yourself");
            }
        }
    }

    /** What evaluate writes into its two folders: the per-class sample grids and one generator per seed. */
    private static final java.util.Map<String, String> EVALUATE_FOLDERS = java.util.Map.of(
            "grids", "class-\\d{2,}-(real|synthetic)\\.png", "generators", "seed--?\\d+\\.onnx");

    /**
     * @return for evaluate's {@code grids} or {@code generators}, the first entry in it that evaluate does not write,
     *     as {@code folder/entry}: a user's notes or a copied generator there were deleted by a forced run, the folders
     *     being taken whole (a fresh user, 6 Dec); empty for every other entry and for a folder of evaluate's files
     */
    private static java.util.Optional<String> notEvaluates(Path entry, String name) throws IOException {
        String pattern = EVALUATE_FOLDERS.get(name);
        if (pattern == null) {
            return java.util.Optional.empty();
        }
        if (!Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.of(name);
        }
        try (java.util.stream.Stream<Path> files = Files.list(entry)) {
            return files.filter(f -> !f.getFileName().toString().matches(pattern)
                            || !Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> name + "/" + f.getFileName()).sorted().findFirst();
        }
    }

    /**
     * @param record generate's record in the folder, if any
     * @return the top-level files an earlier output may hold: with generate's record, only what its format writes
     *     (a user's own samples.csv put in a PNG output was deleted by a forced run, a fresh user, 5 Dec); without,
     *     every file {@link #OUTPUT_ENTRIES} names
     */
    private static java.util.Set<String> writtenBy(java.util.Optional<dev.augment.data.GenerationRecord> record) {
        if (record.isEmpty()) {
            return OUTPUT_ENTRIES;
        }
        java.util.Set<String> written = new java.util.HashSet<>(java.util.Set.of(dev.augment.data.ClassMap.FILE,
                dev.augment.data.GenerationRecord.FILE));
        switch (record.get().format()) {
            case "idx" -> written.addAll(java.util.Set.of(dev.augment.data.DataSources.IDX_IMAGES,
                    dev.augment.data.DataSources.IDX_LABELS));
            case "csv" -> written.add(CsvSampleWriter.FILE);
            case "png" -> { } // its class folders come from the class map
            default -> written.addAll(OUTPUT_ENTRIES); // a format this version does not know: as before the record
        }
        return written;
    }

    /**
     * @param marked whether every file must carry {@link dev.augment.data.GeneratedPng}'s mark (output with
     *     generate's record, written since the mark exists)
     * @return the first entry (by name) of a class folder that is not a PNG file named as generate names them
     *     (000001.png, …), or lacks the mark asked for, or else the first numbered beyond the folder's count
     *     (generate and oversample number a class's files 1 to n, without gaps: a user's 000999.png beside
     *     oversample's 21 files, whose flags the user had deleted, was replaced by a forced run; a re-check,
     *     6 Dec), or empty when there is none
     */
    private static java.util.Optional<String> notNumberedPng(Path folder, boolean marked) throws IOException {
        List<Path> files;
        try (java.util.stream.Stream<Path> list = Files.list(folder)) {
            files = list.sorted(java.util.Comparator.comparing(f -> f.getFileName().toString())).toList();
        }
        java.math.BigInteger count = java.math.BigInteger.valueOf(files.size());
        java.util.Optional<String> foreign = files.stream().filter(f -> !isNumberedPng(f)
                || marked && !carriesTheMark(f)).map(f -> f.getFileName().toString()).findFirst();
        return foreign.or(() -> files.stream().map(f -> f.getFileName().toString()).filter(name -> {
            java.math.BigInteger number = new java.math.BigInteger(name.substring(0, name.length() - ".png".length()));
            return number.signum() == 0 || number.compareTo(count) > 0;
        }).findFirst());
    }

    private static boolean isNumberedPng(Path file) {
        return file.getFileName().toString().matches("\\d{6,}\\.png")
                && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * @return the files oversample's {@code synthetic.csv} lists ({@code folder/000001.png}), or null when there is
     *     none to read (IDX flags, or none): then no listing is asked for
     */
    private static java.util.Set<String> listedInFlags(Path folder) {
        Path flags = folder.resolve(dev.augment.data.AddedExamples.CSV_FLAGS);
        if (!Files.isRegularFile(flags)) {
            return null;
        }
        java.util.Set<String> files = new java.util.HashSet<>();
        try (java.util.stream.Stream<String> lines = Files.lines(flags)) {
            lines.skip(1).forEach(line -> files.add(firstField(line)));
        } catch (IOException | java.io.UncheckedIOException e) {
            return null; // unreadable flags: the other checks decide, as before them
        }
        return files;
    }

    /** @return the first cell of a CSV line, unquoted ({@code "a ""b"""} is {@code a "b"}) */
    private static String firstField(String line) {
        if (!line.startsWith("\"")) {
            int comma = line.indexOf(',');
            return comma < 0 ? line : line.substring(0, comma);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                out.append('"');
                i++;
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** @return the first file of a class folder that oversample's flags do not list, when there are flags */
    private static java.util.Optional<String> unlisted(Path folder, String name, java.util.Set<String> listed) {
        if (listed == null) {
            return java.util.Optional.empty();
        }
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            return files.map(f -> name + "/" + f.getFileName()).filter(f -> !listed.contains(f)).sorted().findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** @return whether one of the first 100 numbered PNGs of some class folder carries generate's mark */
    private static boolean anyMarked(Path folder, java.util.Set<String> classFolders) {
        for (String name : classFolders) {
            Path classFolder = folder.resolve(name);
            if (!Files.isDirectory(classFolder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.list(classFolder)) {
                if (files.filter(f -> f.getFileName().toString().matches("\\d{6,}\\.png")).limit(100)
                        .anyMatch(AtomicOutputDirectory::carriesTheMark)) {
                    return true;
                }
            } catch (IOException e) {
                // unlistable: the loop over the folder's entries reports it
            }
        }
        return false;
    }

    /**
     * @return whether the file carries {@link dev.augment.data.GeneratedPng}'s mark where generate writes it, in its
     *     first bytes (a forced run over a million files read each whole); false when it cannot be read
     */
    private static boolean carriesTheMark(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return dev.augment.data.GeneratedPng.isMarked(in.readNBytes(256));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean readOnly(Path folder) {
        try {
            return Files.getFileStore(folder).isReadOnly();
        } catch (IOException e) {
            return false; // the writability check that follows says what it can
        }
    }

    /** @return the target the output moves to at commit, absolute and normalised */
    public Path target() {
        return target;
    }

    /** @return the temporary folder the writers should write into */
    public Path workDir() {
        if (committed || closed) {
            throw new IllegalStateException("output directory " + target + " is already committed or closed");
        }
        return workDir;
    }

    /**
     * Moves the finished output into place with an atomic rename, replacing an existing target when
     * {@code force} was given.
     *
     * @throws InvalidSettingException when the target appeared since {@link #create} and force was not given: the
     *     output is then moved beside it, to {@code <name>-2} (the first free number), which the message names
     * @throws CancelledException when the run was interrupted before the move (nothing is moved), or while the
     *     replaced output was being deleted (the new output is in place; the message says so and names the leftover)
     * @throws IOException when a rename fails (the old target is then restored); a replaced output that cannot be
     *     deleted is no failure (the new output is in place): {@link #leftoverWarnings()} names it
     */
    public void commit() throws IOException {
        workDir();
        Path[] aside = new Path[1];
        requireOwnWorkDir();
        // "interrupted before moving the output into X" left out what happened to X (a fresh user, 7 Dec)
        cancellation.runUnlessCancelled("moving the output into " + target + " (nothing was moved"
                + (targetAtStart != null ? "; the earlier output there is kept" : "") + ")",
                () -> aside[0] = moveIntoPlace());
        if (aside[0] == null) {
            return;
        }
        // the new output is complete and in place; what is left is deleting the old one, which for many files takes
        // longer than a signal's grace: a signal stops it, and the message says what is where
        for (Path old : replacedOutputs(aside[0])) {
            try {
                AtomicFiles.deleteTree(old, cancellation);
            } catch (CancelledException e) {
                throw new CancelledException("interrupted while deleting the output it replaced: the new output is "
                        + "complete in " + target + "; what is left of the old one, " + old + ", is deleted by "
                        + "the next forced run to the same folder, or delete it by hand");
            } catch (IOException e) {
                // the run succeeded: its output is whole and in place, so this is a warning, not a failure (exit 1
                // made scripts discard a good result)
                leftovers.add("the old output could not be fully deleted from " + old + " (" + e.getMessage()
                        + "); delete it by hand");
            }
        }
    }

    /** How many temporary outputs of killed runs {@link #create} deleted, and how long that took. */
    private int removedLeftovers;
    private long removalNanos;
    private List<Path> keptLeftovers = List.of();

    /**
     * @return how long {@link #create} spent deleting the temporary outputs killed runs had left for this target, in
     *     nanoseconds (0 when there were none), for a caller whose speed line would count it: the next run after a
     *     killed one said "in 14.6 s, 1 samples/s" for 10 samples, the 14 s being the deletion (a re-check, 7 Dec)
     */
    public long leftoverRemovalNanos() {
        return removalNanos;
    }

    /**
     * @return a note naming the temporary outputs of killed runs {@link #create} deleted, e.g. "removed 1 temporary
     *     output an interrupted run had left beside out (14.2 s)", and those that could not be deleted ("could not
     *     remove …; delete it by hand"); empty when there were none
     */
    public java.util.Optional<String> leftoverRemovalNote() {
        String kept = keptLeftovers.isEmpty() ? "" : "could not remove " + keptLeftovers.get(0)
                + (keptLeftovers.size() > 1 ? " and " + (keptLeftovers.size() - 1) + " more" : "") + ", left by an "
                + "interrupted run (its permissions or an immutable flag?); delete it by hand";
        if (removedLeftovers == 0) {
            return kept.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(kept);
        }
        return java.util.Optional.of(String.format(java.util.Locale.ROOT, "removed %d temporary output%s %s run had "
                + "left beside %s (%.1f s)", removedLeftovers, removedLeftovers == 1 ? "" : "s",
                removedLeftovers == 1 ? "an interrupted" : "interrupted", target.getFileName(), removalNanos / 1e9)
                + (kept.isEmpty() ? "" : "; " + kept));
    }

    /**
     * @return after {@link #commit()}, one warning per replaced output that could not be fully deleted (its
     *     leftover named), and one when an output a killed run had moved aside was put back first, for the caller to
     *     print beside its success line; empty when there is nothing to say
     */
    public List<String> leftoverWarnings() {
        return List.copyOf(leftovers);
    }

    /**
     * @param aside this run's replaced output
     * @return it, then any earlier run's replaced output of the same target left behind by a kill or an
     *     interrupted deletion ({@code .<name>.old-*}: such folders are only ever deleted, never read)
     */
    private List<Path> replacedOutputs(Path aside) {
        List<Path> old = new ArrayList<>(List.of(aside));
        String prefix = "." + KilledRunLeftovers.shortened(target.getFileName().toString()) + ".old-";
        // exactly the names this class gives (12 hex digits after the prefix): a user's own .out.old-mine is kept
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(),
                p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().substring(prefix.length()).matches("[0-9a-f]{12}")
                        && !p.equals(aside))) {
            siblings.forEach(old::add);
        } catch (IOException e) {
            // only the earlier leftovers are missed; this run's is deleted all the same
        }
        return old;
    }

    /**
     * A forced replace is two renames, the earlier output aside and the new one into place; a run killed between them
     * (SIGKILL, a power cut) left no output at all, only hidden folders, and the next run deleted the new one as a
     * killed run's leftover and the earlier one as a replaced output, without a word (a fresh user, 6 Dec). The earlier
     * output goes back into place, as a run that did not finish leaves what was there, when it is the only one aside.
     * Any writer that replaces a folder by these two renames with these names ({@code .<name>.old-<12 hex digits>})
     * calls this before it looks at the target: spark-generate's Parquet output too.
     *
     * @param target the output folder, as the user gave it (shown in the note)
     * @return the note saying so, when an output was put back, or naming the earlier outputs aside when there are
     *     several (none is put back); empty when the target exists, another live run writes it, nothing is aside, or
     *     the rename back fails (all left as they were)
     */
    public static java.util.Optional<String> restoreInterruptedReplace(Path target) {
        return restoreInterruptedReplace(target, PhysicalPaths.absolute(target));
    }

    private static java.util.Optional<String> restoreInterruptedReplace(Path target, Path absolute) {
        Path parent = absolute.getParent();
        if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) || !Files.isDirectory(parent)
                || KilledRunLeftovers.beingWrittenByAnother(absolute).isPresent()) {
            return java.util.Optional.empty(); // a live run may be between its two renames now
        }
        String prefix = "." + KilledRunLeftovers.shortened(absolute.getFileName().toString()) + ".old-";
        List<Path> aside = new ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(prefix)
                        && p.getFileName().toString().substring(prefix.length()).matches("[0-9a-f]{12}")
                        && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))) {
            siblings.forEach(aside::add);
            if (aside.size() > 1) {
                // several: one may be an older output half deleted by another killed run, newer by its time stamp,
                // which was put back over the whole one (a re-check, 6 Dec); which one stood there last cannot be told,
                // and they were left hidden without a word (a re-check, 6 Dec night)
                aside.sort(null);
                return java.util.Optional.of("runs killed while they replaced " + target + " left " + aside.size()
                        + " earlier outputs aside (" + String.join(", ", aside.stream().map(p -> p.getFileName()
                        .toString()).toList()) + ") and none there; none was put back, since which one stood there "
                        + "last cannot be told: look at them and move the one you want into place (a later forced run "
                        + "may delete them)");
            }
            if (aside.isEmpty()) {
                return java.util.Optional.empty();
            }
            Files.move(aside.get(0), absolute, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return java.util.Optional.empty(); // left as it was; the output is written as if there were none
        }
        return java.util.Optional.of("a run killed while it replaced " + target + " had left no output there: the "
                + "earlier output was put back from " + aside.get(0).getFileName() + " before this run");
    }

    /** @return the replaced output renamed aside, to be deleted, or null when nothing was replaced */
    private Path moveIntoPlace() throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            move(workDir, target);
            committed = true;
            return null;
        }
        if (!force) {
            // it appeared while this run wrote (a mkdir, another run): the whole finished output was deleted with this
            // refusal (a fresh user, 6 Dec); it is kept beside it under a free name instead
            Path kept = freeSibling(target);
            move(workDir, kept);
            committed = true;
            throw new InvalidSettingException("target", target + " appeared while this run wrote it (another program "
                    + "or run made it) and is not replaced unforced; the output is complete in " + kept + " instead: "
                    + "move it where you want it");
        }
        if (!java.util.Objects.equals(identity(target), targetAtStart)) {
            // another run (or program) put or changed it while this one wrote: replacing it would lose that, unseen
            Path kept = freeSibling(target);
            move(workDir, kept);
            committed = true;
            throw new InvalidSettingException("target", target + " was " + (targetAtStart == null ? "made" : "replaced "
                    + "or changed") + " by another run or program while this run wrote it, so it is not replaced; the "
                    + "output is complete in " + kept + " instead: compare the two and keep the one you want");
        }
        // a long name shortened as the temporary folder's: a 240-byte --out failed when forced over an earlier one
        Path aside = uniqueName(target.getParent(), "." + KilledRunLeftovers.shortened(target.getFileName().toString())
                + ".old-");
        move(target, aside);
        try {
            move(workDir, target);
        } catch (IOException | RuntimeException e) {
            try {
                move(aside, target);
            } catch (IOException restore) {
                e.addSuppressed(restore);
            }
            throw e;
        }
        committed = true;
        return aside;
    }

    /** @return {@code <name>-2}, {@code <name>-3}, ... beside the target: the first that does not exist */
    private static Path freeSibling(Path target) throws IOException {
        String name = KilledRunLeftovers.shortened(target.getFileName().toString());
        for (int n = 2; n < 10_000; n++) {
            Path candidate = target.resolveSibling(name + "-" + n);
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
        throw new IOException("no free name beside " + target + " to keep the output under");
    }

    /**
     * Deletes the temporary folder and everything in it unless {@link #commit()} succeeded.
     *
     * @throws IOException when the temporary folder cannot be deleted
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                dev.augment.io.SpaceBeforeCleanup.record(workDir);
                AtomicFiles.deleteTree(workDir);
            }
        } finally {
            if (workDirHandle != null) {
                workDirHandle.close();
            }
            closedSignal.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running; it sees the signal and returns
            }
        }
    }

    private Path uniqueName(Path parent, String prefix) {
        Path candidate;
        do {
            candidate = parent.resolve(prefix + suffix(random));
        } while (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS));
        return candidate;
    }

    private static Path createUnique(Path parent, String prefix, SecureRandom random) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = parent.resolve(prefix + suffix(random));
            try {
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    private static String suffix(SecureRandom random) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot rename " + from + " to " + to + " atomically", e);
        }
    }

    /**
     * @param parent an output's parent that is not a folder
     * @return what it is instead and the fix: "P does not exist; create it (mkdir -p P) or choose another", "P does
     *     not exist and cannot be made: F is a file, not a folder; choose another", or "P is a file, not a folder;
     *     choose another"
     */
    public static String notAFolder(Path parent) {
        if (Files.exists(parent)) {
            return parent + " is a file, not a folder; choose another";
        }
        Path existing = parent.toAbsolutePath();
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && Files.isSymbolicLink(existing) && !Files.exists(existing)) {
            // mkdir -p fails on a link to nothing ("File exists"), which the advice below sent a fresh user to (5 Dec)
            return parent + " does not exist: " + existing + " is a link to " + linkTarget(existing) + ", which does "
                    + "not exist; create that, remove the link, or choose another";
        }
        java.util.Optional<Path> tooLong = PhysicalPaths.firstTooLong(parent);
        if (tooLong.isPresent()) {
            // mkdir -p cannot make it, which the advice below sent a re-check to (7 Dec)
            return parent + " does not exist and cannot be made: a folder name in it is "
                    + PhysicalPaths.bytes(tooLong.get()) + " bytes long, and a file system takes at most "
                    + PhysicalPaths.MAX_NAME_BYTES + "; choose another";
        }
        return existing != null && !Files.isDirectory(existing)
                ? parent + " does not exist and cannot be made: " + existing + " is a file, not a folder; choose another"
                : parent + " does not exist; create it (mkdir -p " + shellWord(parent.toString()) + ") or choose "
                + "another";
    }

    private static String linkTarget(Path link) {
        try {
            return link.getParent() == null ? String.valueOf(Files.readSymbolicLink(link))
                    : link.getParent().resolve(Files.readSymbolicLink(link)).normalize().toString();
        } catch (IOException e) {
            return "a path that cannot be read";
        }
    }

    /**
     * @return the text as one POSIX shell word: as is when it holds only characters the shell leaves alone, else in
     *     single quotes; the mkdir -p advice for a path with a space made two folders when pasted (a fresh user, 5 Dec)
     */
    public static String shellWord(String text) {
        return dev.augment.io.ShellWords.word(text);
    }
}

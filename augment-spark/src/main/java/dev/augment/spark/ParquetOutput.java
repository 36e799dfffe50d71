package dev.augment.spark;

import dev.augment.errors.InvalidSettingException;
import dev.augment.io.KilledRunLeftovers;
import dev.augment.io.MountPoints;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Writes a dataset as a Parquet folder that appears all at once or not at all, on any file system Spark's Hadoop
 * configuration reaches (a local path, {@code hdfs://}, ...). Spark writes into a temporary folder ({@code
 * .<name>.tmp-<host>-<pid>-<random>}) beside the target, which is then renamed into place; a failed or interrupted
 * write deletes it, and on a local file system the next write to the target deletes one a killed run left ({@link
 * KilledRunLeftovers}). With {@code force}, an existing target is renamed aside ({@code .<name>.old-<random>}), the
 * new folder renamed into place, and only then the old one deleted. Renaming a folder is atomic on local file
 * systems and HDFS; object stores (S3) copy instead, so there the target can be seen half-written.
 */
public final class ParquetOutput {

    /**
     * Parquet's dictionary encoding, off: generated values are almost all distinct, so every column's dictionary
     * filled up and was thrown away, which took 36% of the CPU samples of a profiled run.
     */
    static final String DICTIONARY = "parquet.enable.dictionary";

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The file spark-generate adds to every output it writes (hidden from Spark's readers by its leading
     * {@code _}), which force requires before it replaces a folder: a Parquet folder of the user's own Spark job is
     * not spark-generate's to delete. Outputs written before 2 Dec lack it and are refused; remove them by hand.
     */
    static final String MARKER = "_augment-spark-generate";

    /**
     * What a Spark Parquet write leaves in its folder: part files as Spark names them ({@code
     * part-00000-<uuid>-c000.snappy.parquet}), the commit markers ({@code _SUCCESS}, and the {@code _started_}/{@code
     * _committed_} files of Databricks' committer), Hadoop's checksums of them, and {@link #MARKER}. A looser rule
     * ({@code part-} and anything) let a fresh user's {@code part-1-intro.docx} be deleted with force (2 Dec).
     */
    static final Pattern SPARK_OUTPUT = Pattern.compile("\\.?(part-\\d{5}-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
            + "(-c\\d{3})?(\\.[a-z0-9]+)?\\.parquet|_SUCCESS|_started_\\d+|_committed_\\d+|" + MARKER
            + ")(\\.crc)?");

    /**
     * Priority of the temporary folder's clean-up among Hadoop's shutdown hooks: below Spark's (FileSystem's 10 + 30),
     * which stops the running tasks, and above the file systems' own (10), which closes them.
     */
    private static final int CLEANUP_HOOK_PRIORITY = 20;

    private ParquetOutput() {
    }

    /**
     * @param rows what to write
     * @param target the Parquet folder to create, as a Hadoop path or URI
     * @param force whether an existing target may be replaced
     * @throws InvalidSettingException (setting {@code target}) when the target exists without {@code force}
     * @throws IOException when the file system refuses a rename or a deletion
     */
    public static void write(Dataset<Row> rows, String target, boolean force) throws IOException {
        write(rows, target, force, "");
    }

    /**
     * As {@link #write(Dataset, String, boolean)}, with what made the rows recorded in the folder's {@link #MARKER}
     * file after its first line: the output said nothing of its model or seed, where generate's output has its
     * {@code generated.json} (a fresh user, 6 Dec).
     *
     * @param record lines to add to the marker (e.g. JSON naming the model, its SHA-256, the seed and the classes),
     *     or empty
     */
    public static void write(Dataset<Row> rows, String target, boolean force, String record) throws IOException {
        Configuration conf = rows.sparkSession().sparkContext().hadoopConfiguration();
        Path qualified = checkTarget(target, force, conf);
        FileSystem fs = qualified.getFileSystem(conf);
        java.nio.file.Path local = localPath(qualified);
        if (local != null) {
            KilledRunLeftovers.delete(local); // a killed run's temporary folder, which nothing else would delete
        }
        Path temporary = new Path(qualified.getParent(), KilledRunLeftovers.prefix(qualified.getName()) + suffix());
        // Hadoop's hook manager, after Spark's own hook has stopped the tasks and before the file systems close: a
        // plain JVM hook ran beside running tasks, which then wrote an attempt folder into the deleted temporary one
        // (a fresh user's SIGINT, 1 run in 8)
        Runnable cleanup = () -> deleteQuietly(fs, temporary);
        ShutdownHookManager.get().addShutdownHook(cleanup, CLEANUP_HOOK_PRIORITY);
        try {
            rows.write().option(DICTIONARY, "false").parquet(temporary.toString());
            try (var marker = fs.create(new Path(temporary, MARKER), false)) {
                marker.write(("written by augment spark-generate\n" + record).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            moveIntoPlace(fs, temporary, qualified, local, target, force);
        } finally {
            if (!ShutdownHookManager.get().isShutdownInProgress()) {
                deleteQuietly(fs, temporary);
                ShutdownHookManager.get().removeShutdownHook(cleanup);
            }
        }
    }

    /**
     * Checks the target before any work: it may be written unless it exists and {@code force} is off.
     *
     * @param target the Parquet folder to create, as a Hadoop path or URI
     * @param force whether an existing target may be replaced
     * @param conf the Hadoop configuration that reaches its file system
     * @return the target, qualified with its file system
     * @throws InvalidSettingException (setting {@code target}) when the target exists without {@code force}, is a
     *     file (even with {@code force}), holds anything but a Spark Parquet write's files (even with {@code force}),
     *     is the root of its file system, or is not a path; and, on the local file
     *     system, holds the current folder, is a mount point, is a link to nothing, or its parent is missing,
     *     read-only or not writable
     * @throws IOException when its file system cannot be reached
     */
    public static Path checkTarget(String target, boolean force, Configuration conf) throws IOException {
        Path qualified = qualify(target, conf);
        try {
            return checkQualified(qualified, target, force, conf);
        } catch (IOException e) {
            throw unreachable(target, qualified, e);
        }
    }

    /**
     * @return an {@link EnvironmentException} naming the file system that did not answer, when the failure is a
     *     connection's (refused, no route, timed out); else the failure itself. An unreachable namenode gave Hadoop's
     *     "Call From … failed on connection exception" and a link to its wiki (a fresh user, 7 Dec).
     */
    private static IOException unreachable(String target, Path path, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.NoRouteToHostException
                    || t instanceof java.net.SocketTimeoutException) {
                String where = path.toUri().getAuthority() == null ? path.toUri().getScheme() + "://"
                        : path.toUri().getAuthority();
                throw new dev.augment.errors.EnvironmentException(target + ": the file system at " + where + " did "
                        + "not answer (" + (t instanceof java.net.SocketTimeoutException ? "timed out"
                        : t instanceof java.net.NoRouteToHostException ? "no route to the host" : "connection refused")
                        + "); check that it runs and that the host and port are its namenode's (fs.defaultFS), or "
                        + "write a local folder", e);
            }
        }
        return e;
    }

    private static Path checkQualified(Path qualified, String target, boolean force, Configuration conf)
            throws IOException {
        FileSystem fs = qualified.getFileSystem(conf);
        if (qualified.getParent() == null) {
            throw new InvalidSettingException("target", target + " has no parent folder; choose a folder inside one");
        }
        boolean exists = fs.exists(qualified);
        if (exists && !fs.getFileStatus(qualified).isDirectory()) {
            // generate refuses a file at its --out even with --force: a file is never a Parquet folder's earlier run
            throw new InvalidSettingException("target", target + " is a file, not an earlier Parquet folder; replacing "
                    + "it would delete it even with force, so choose another");
        }
        if (exists && !force) {
            throw new InvalidSettingException("target", target + " exists; allow replacing it (force) or choose another");
        }
        java.nio.file.Path local = localPath(qualified);
        if (local != null) {
            for (java.nio.file.Path name : local) {
                if (name.toString().contains(":")) {
                    // Hadoop reads a colon in a name as a URI scheme: Spark failed once running ("Relative path in
                    // absolute URI")
                    throw colonInName(target, name.toString());
                }
            }
            checkLocal(target, local, exists);
        }
        if (exists) {
            requireEarlierOutput(fs, qualified, target);
        }
        return qualified;
    }

    /**
     * @param target a folder, as a Hadoop path or URI
     * @param conf the Hadoop configuration that reaches its file system
     * @return the target, qualified with its file system; nothing about it is checked but that it is a path on a file
     *     system on the class path
     * @throws InvalidSettingException (setting {@code target}) when it is not a path or no file system reaches it
     * @throws IOException when its file system cannot be reached
     */
    public static Path qualify(String target, Configuration conf) throws IOException {
        if (target.isBlank()) {
            // Hadoop's own words ("Can not create a Path from an empty string") where generate says this (6 Dec)
            throw new InvalidSettingException("target", "is empty; give a path (was the variable that holds it set?)");
        }
        Path path;
        try {
            path = new Path(target);
        } catch (IllegalArgumentException e) {
            java.util.Optional<String> colon = java.util.Arrays.stream(target.split("/"))
                    .filter(name -> name.contains(":")).findFirst();
            if (colon.isPresent() && !target.contains("://")) {
                // a timestamped name (run-08:00) was Java's "Relative path in absolute URI" where ./run-08:00 got
                // this line (a fresh user, 6 Dec): Hadoop reads the part before the colon as a URI scheme
                throw colonInName(target, colon.get());
            }
            throw new InvalidSettingException("target", target + " is not a path (" + e.getMessage() + ")");
        }
        FileSystem fs;
        try {
            fs = path.getFileSystem(conf);
        } catch (org.apache.hadoop.fs.UnsupportedFileSystemException e) {
            throw noFileSystem(target, path);
        } catch (RuntimeException e) {
            // a scheme Hadoop maps to a class that is not on the class path (s3a:// without hadoop-aws)
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ClassNotFoundException) {
                    throw noFileSystem(target, path);
                }
                if (t instanceof java.net.UnknownHostException) {
                    throw unknownHost(target, path);
                }
            }
            throw e;
        } catch (java.net.UnknownHostException e) {
            throw unknownHost(target, path);
        } catch (IOException e) {
            if (path.toUri().getScheme() != null && path.toUri().getAuthority() == null) {
                // hdfs:///x where no fs.defaultFS names the namenode: Hadoop's "Incomplete HDFS URI, no host" (7 Dec)
                throw new InvalidSettingException("target", target + " names no host, and no default file system "
                        + "of that kind (fs.defaultFS) is configured here; give the host, "
                        + path.toUri().getScheme() + "://HOST:PORT/path, run where the cluster's configuration is, "
                        + "or write a local folder");
            }
            throw unreachable(target, path, e);
        }
        try {
            return fs.makeQualified(path);
        } catch (IllegalArgumentException e) {
            // "Wrong FS": file://localhost/... names a host the local file system does not take (a fresh user, 2 Dec)
            throw new InvalidSettingException("target", target + " is not a path its file system takes ("
                    + e.getMessage() + "); write file:///path or a plain path for a local folder");
        }
    }

    private static InvalidSettingException colonInName(String target, String name) {
        return new InvalidSettingException("target", target + " has a ':' in the name '" + name + "', which Hadoop's "
                + "paths cannot hold; choose a name without one");
    }

    /**
     * With force, a folder is replaced only when it holds nothing but what a Spark Parquet write leaves (as
     * {@code generate} replaces only its own output): a fresh user's folder of documents given as the target with
     * force was deleted without a word (2 Dec).
     */
    private static void requireEarlierOutput(FileSystem fs, Path folder, String target) throws IOException {
        FileStatus[] entries = fs.listStatus(folder);
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (entry.isDirectory() || !SPARK_OUTPUT.matcher(name).matches()) {
                throw new InvalidSettingException("target", target + " holds '" + name + "', which spark-generate "
                        + "does not write, so it is not replaced, even when forced; remove it or choose another "
                        + "folder");
            }
        }
        if (entries.length > 0 && !fs.exists(new Path(folder, MARKER))) {
            throw new InvalidSettingException("target", target + " has no " + MARKER + " file, so it is not "
                    + "spark-generate's output (another Spark job's, or one written before 2 Dec) and is not "
                    + "replaced, even when forced; remove it by hand or choose another folder");
        }
    }

    /** hdfs://nohost:9000/x gave "java.net.UnknownHostException: nohost" and exit 1, with no advice (a fresh user). */
    private static InvalidSettingException unknownHost(String target, Path path) {
        return new InvalidSettingException("target", target + ": the host '" + path.toUri().getHost() + "' is unknown "
                + "here; check the name in the URI (" + path.toUri().getScheme() + "://HOST:PORT/path, as the "
                + "cluster's "
                + "fs.defaultFS gives it), or write a local folder");
    }

    /** What puts a cloud store's Hadoop file system on the class path, by URI scheme. */
    private static final java.util.Map<String, String> FILE_SYSTEM_JARS = java.util.Map.of(
            "s3a", "hadoop-aws and its SDK", "gs", "the Cloud Storage connector (gcs-connector)",
            "abfs", "hadoop-azure", "abfss", "hadoop-azure", "wasb", "hadoop-azure", "wasbs", "hadoop-azure");

    /** gs:// was told what s3a:// needs (a fresh user, 7 Dec): the hint is the scheme's own, where one is known. */
    private static InvalidSettingException noFileSystem(String target, Path path) {
        String scheme = path.toUri().getScheme();
        String jars = FILE_SYSTEM_JARS.get(scheme.toLowerCase(java.util.Locale.ROOT));
        return new InvalidSettingException("target", target + ": no Hadoop file system for '" + scheme
                + "://' is on the class path" + (jars == null ? "" : " (" + scheme + ":// needs " + jars
                + " among Spark's jars)") + "; write to a local or hdfs:// folder, or add that file system");
    }

    /** @return the local file-system path of a qualified target, or null when it is on another file system */
    static java.nio.file.Path localPath(Path qualified) {
        // the URI's decoded path, not Path.of(URI), which failed ("Bad escape") on a name such as ü.parquet
        return "file".equals(qualified.toUri().getScheme()) ? new java.io.File(qualified.toUri().getPath()).toPath()
                : null;
    }

    /**
     * @return whether a file directly in the folder is not writable (an immutable {@code _SUCCESS}): the job ran, and
     *     the old output, which could not be deleted, was left as a hidden copy beside the new one, without a word (a
     *     re-check, 5 Dec)
     */
    private static boolean holdsAnUnreplaceableFile(java.nio.file.Path folder) throws IOException {
        if (!java.nio.file.Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (java.util.stream.Stream<java.nio.file.Path> entries = java.nio.file.Files.list(folder)) {
            return entries.anyMatch(e -> java.nio.file.Files.isRegularFile(e, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !java.nio.file.Files.isWritable(e));
        }
    }

    /**
     * The checks {@code generate} makes of a local target, before any work: Spark would otherwise create missing
     * parent folders, fail after the job on a read-only one ("Mkdirs failed") and fail at the rename on a link to
     * nothing; and a parent that refuses a new folder (/proc: it was told as a full disk, "ask for fewer
     * samples", exit 1, where {@code generate} names the folder, exit 2; a fresh user, 6 Dec).
     */
    private static void checkLocal(String target, java.nio.file.Path local, boolean exists) throws IOException {
        if (exists && holdsTheCurrentFolder(local)) {
            throw new InvalidSettingException("target", target + " holds the current folder, which replacing it would "
                    + "delete; choose another");
        }
        if (exists && !java.nio.file.Files.isSymbolicLink(local) && MountPoints.isMountPoint(local)) {
            // Hadoop's local rename of a mount point falls back to moving its contents aside one by one
            throw new InvalidSettingException("target", target + " is a mount point (a file system of its own), which "
                    + "cannot be replaced as a whole, even when forced; write into a folder inside it (e.g. "
                    + local.resolve("out") + ") or choose another");
        }
        if (java.nio.file.Files.isSymbolicLink(local) && !exists) {
            throw new InvalidSettingException("target", target + " is a link to nothing; remove it or choose another");
        }
        if (java.nio.file.Files.isSymbolicLink(local)) {
            // exists, so forced: Hadoop's rename would replace the link, not write where it points
            throw dev.augment.generate.output.AtomicOutputDirectory.linkRefused(target, local);
        }
        if (exists && (!java.nio.file.Files.isWritable(local) || holdsAnUnreplaceableFile(local))) {
            // forced over an immutable output, the job ran, the rename failed (exit 1) and Hadoop's copy fallback left
            // a full hidden copy beside it (a re-check, 5 Dec); generate refuses such an output the same way
            throw new InvalidSettingException("target", target + " cannot be replaced: it, or a file in it, is not "
                    + "writable (its permissions, its owner or an immutable flag), so the earlier output could not be "
                    + "moved aside and deleted; it is kept as it was; fix that or choose another folder");
        }
        java.nio.file.Path parent = local.getParent();
        if (!java.nio.file.Files.isDirectory(parent)) {
            throw new InvalidSettingException("target", target + ": "
                    + dev.augment.generate.output.AtomicOutputDirectory.notAFolder(parent));
        }
        if (java.nio.file.Files.getFileStore(parent).isReadOnly()) {
            throw new InvalidSettingException("target", target + ": " + parent + " is on a read-only file system; "
                    + "choose another folder");
        }
        if (!java.nio.file.Files.isWritable(parent)) {
            throw new InvalidSettingException("target", target + ": " + parent + " is not writable; fix its "
                    + "permissions or choose another");
        }
        try {
            java.nio.file.Files.delete(java.nio.file.Files.createTempDirectory(parent, ".augment-probe-"));
        } catch (java.nio.file.FileSystemException e) {
            if (e.getReason() == null || !(e.getReason().contains("No space") || e.getReason().contains("quota"))) {
                throw dev.augment.generate.output.AtomicOutputDirectory.folderCreationRefused(target, parent);
            } // a full disk: the free-space check names it
        }
    }

    private static boolean holdsTheCurrentFolder(java.nio.file.Path target) throws IOException {
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath().toRealPath();
        return here.startsWith(target.toRealPath());
    }

    /**
     * Renames the written folder into place. Without force the target must still be absent: a second run writing the
     * same new target finished after the first and was reported written, while Hadoop's rename had moved its folder
     * inside the first run's output, out of sight (a fresh user, 2 Dec). On the local file system the rename is the
     * system's atomic one, which fails when the target is there by then; elsewhere the target is checked just before
     * Hadoop's rename.
     *
     * @throws InvalidSettingException (setting {@code target}) when the target appeared while this run was writing
     */
    static void moveIntoPlace(FileSystem fs, Path temporary, Path target, java.nio.file.Path local, String shown,
                              boolean force) throws IOException {
        Path old = null;
        if (fs.exists(target)) {
            if (!force) {
                throw appeared(shown, force);
            }
            // again: files a user put there while the job ran were deleted with it (a fresh user, 2 Dec)
            requireEarlierOutput(fs, target, shown);
            old = sibling(target, "old");
            rename(fs, target, old);
        }
        try {
            if (local != null) {
                try {
                    java.nio.file.Files.move(localPath(fs.makeQualified(temporary)), local,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                    throw appeared(shown, force);
                }
            } else {
                if (fs.exists(target)) {
                    throw appeared(shown, force);
                }
                rename(fs, temporary, target);
            }
        } catch (IOException | RuntimeException e) {
            if (old != null && !fs.exists(target)) {
                fs.rename(old, target);
            }
            throw e;
        }
        if (old != null) {
            fs.delete(old, true);
        }
    }

    private static InvalidSettingException appeared(String target, boolean force) {
        return new InvalidSettingException("target", target + " appeared while this run was writing (another run "
                + "writing the same folder?), so nothing of this run was written; choose another" + (force ? ""
                : ", or allow replacing it (force)"));
    }

    private static void rename(FileSystem fs, Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("cannot rename " + from + " to " + to);
        }
    }

    private static Path sibling(Path target, String kind) {
        return new Path(target.getParent(), "." + KilledRunLeftovers.shortened(target.getName()) + "." + kind + "-"
                + suffix());
    }

    private static String suffix() {
        byte[] suffix = new byte[6];
        RANDOM.nextBytes(suffix);
        return HexFormat.of().formatHex(suffix);
    }

    /** @return whether the path existed and was deleted */
    private static boolean deleteQuietly(FileSystem fs, Path path) {
        try {
            return fs.delete(path, true);
        } catch (IOException | RuntimeException e) {
            return false; // best effort: what is left is a hidden .tmp folder, never the target
        }
    }

}

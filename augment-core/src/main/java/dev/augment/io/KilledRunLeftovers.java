package dev.augment.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Names a run's temporary files and folders after the host and process that write them, {@code
 * .<name>.tmp-<host>-<pid>-<random>} (a long name shortened, {@link #shortened}), so that a later run to the same
 * target can tell a leftover of a killed run (SIGKILL, power loss: no clean-up ran) from one still being written, and
 * delete it: nothing else would.
 *
 * <p>A leftover last changed before its process started is a killed run's whose pid another process took.
 *
 * <p>The host is the kernel's name for this machine ({@code /proc/sys/kernel/hostname}, else {@code HOSTNAME}), with
 * only letters, digits and dots; a leftover of another host (a shared disk) is never touched, since its process
 * cannot be looked up here.
 */
public final class KilledRunLeftovers {

    /** This machine's name, read once per process. */
    private static final String HOST = host();

    private KilledRunLeftovers() {
    }

    /**
     * @param targetName the file name of the output, e.g. {@code model.onnx}
     * @return the start of this process's temporary names for it: {@code .<name>.tmp-<host>-<pid>-}
     */
    public static String prefix(String targetName) {
        return hostPrefix(targetName) + ProcessHandle.current().pid() + "-";
    }

    /**
     * @param file a file a failure names
     * @return the temporary output ({@code .<name>.tmp-…}, any host's) that the file lies in or is, or empty
     */
    public static java.util.Optional<Path> temporaryOf(Path file) {
        for (int i = file.getNameCount() - 1; i >= 0; i--) {
            String name = file.getName(i).toString();
            if (name.startsWith(".") && name.indexOf(".tmp-", 1) > 0) {
                Path within = file.subpath(0, i + 1);
                return java.util.Optional.of(file.getRoot() == null ? within : file.getRoot().resolve(within));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * @param temporary a temporary output that is no longer at its path
     * @return the one line for it: another shell's {@code mv} of {@code --out}'s parent was "samples.csv was removed",
     *     and the whole output stayed in the moved folder unnamed (a fresh user, 7 Dec)
     */
    public static String goneMessage(Path temporary) {
        return "the temporary folder " + temporary + " is gone: it, or a folder holding it, was moved or removed while "
                + "this run wrote (another shell's mv or rm, a clean-up of hidden folders?); nothing is moved into "
                + "place; if it was moved, delete the " + temporary.getFileName() + " folder it took along, then run "
                + "again";
    }

    /**
     * Deletes the temporary files and folders that earlier runs on this host left for {@code target} and whose
     * process is gone. One still being written (its process runs), another host's, or one named otherwise (before
     * this naming) is left alone; a leftover that cannot be deleted is skipped, since it only wastes space.
     *
     * @param target the output whose siblings to look at
     * @return how many were deleted
     */
    public static int delete(Path target) {
        return delete(removable(target));
    }

    /**
     * @param leftovers what {@link #removable} found (listed once, for a line before the deletion)
     * @return how many were deleted; one that cannot be is skipped, since it only wastes space
     */
    public static int delete(List<Path> leftovers) {
        int deleted = 0;
        for (Path left : leftovers) {
            try {
                AtomicFiles.deleteTree(left);
                deleted++;
            } catch (IOException e) {
                // only space is lost; this run is not affected
            }
        }
        return deleted;
    }

    /**
     * The leftovers {@link #delete} would delete, for a line before it starts: 180 000 files of a killed run took
     * 25 s of silence at the start of the next run, said only after (a re-check, 7 Dec).
     *
     * @param target the output whose siblings to look at
     * @return the temporary files and folders of killed runs on this host for {@code target}; empty when unreadable
     */
    public static List<Path> removable(Path target) {
        Path absolute = PhysicalPaths.absolute(target);
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String prefix = hostPrefix(absolute.getFileName().toString());
        List<Path> found = new java.util.ArrayList<>();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path left : siblings) {
                long pid = pidAfter(prefix, left);
                if (pid >= 0 && liveWriter(pid, left).isEmpty()) {
                    found.add(left);
                }
            }
        } catch (IOException e) {
            // only an earlier run's leftover is missed; this run is not affected
        }
        return found;
    }

    /**
     * The temporary file or folder another process of this host is writing for {@code target} now: two forced runs
     * to one folder both said "wrote", and the one that finished first was replaced by the other's move seconds later
     * without a word (a fresh user, 6 Dec). A process counts when it runs and is a Java process (a killed run's pid
     * reused by another program does not); this process's own are never returned.
     *
     * @param target the output whose siblings to look at
     * @return the first such sibling, if any
     */
    public static java.util.Optional<Path> beingWrittenByAnother(Path target) {
        Path absolute = PhysicalPaths.absolute(target);
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null || !Files.isDirectory(parent)) {
            return java.util.Optional.empty();
        }
        String prefix = hostPrefix(absolute.getFileName().toString());
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(parent,
                p -> p.getFileName().toString().startsWith(prefix))) {
            for (Path sibling : siblings) {
                long pid = pidAfter(prefix, sibling);
                if (pid >= 0 && pid != self
                        && liveWriter(pid, sibling).filter(KilledRunLeftovers::isJava).isPresent()) {
                    return java.util.Optional.of(sibling);
                }
            }
        } catch (IOException e) {
            // an unlistable parent: the run fails on its own temporary folder, with its own message
        }
        return java.util.Optional.empty();
    }

    /**
     * @param target the output
     * @param temporary a temporary name this class made for it on this host
     * @return the process id in that name, or -1
     */
    public static long writer(Path target, Path temporary) {
        return pidAfter(hostPrefix(PhysicalPaths.absolute(target).getFileName().toString()), temporary);
    }

    /** @return the process id that follows {@code prefix} in the sibling's name, or -1 when none does */
    private static long pidAfter(String prefix, Path sibling) {
        String rest = sibling.getFileName().toString().substring(prefix.length());
        int dash = rest.indexOf('-');
        return dash > 0 && rest.substring(0, dash).matches("\\d{1,18}") ? Long.parseLong(rest.substring(0, dash)) : -1;
    }

    /**
     * @return process {@code pid}, when it runs and may have written {@code left}: a process that started after the
     *     file was last changed cannot have, so its pid is a killed run's, reused (in a restarted container java is pid
     *     1 on every start, and a killed run's leftover was kept for ever as "a running one's": a fresh user, 6 Dec)
     */
    private static java.util.Optional<ProcessHandle> liveWriter(long pid, Path left) {
        return ProcessHandle.of(pid).filter(process -> {
            java.util.Optional<java.time.Instant> started = process.info().startInstant();
            try {
                // the start time is kept to 10 ms or so (clock ticks): a second's margin keeps a file made at once
                return started.isEmpty() || !Files.getLastModifiedTime(left, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        .toInstant().isBefore(started.get().minusSeconds(1));
            } catch (IOException e) {
                return true;
            }
        });
    }

    private static boolean isJava(ProcessHandle process) {
        // a process whose command cannot be read (another user's) is taken to be a run
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("java"))
                .orElse(true);
    }

    private static String hostPrefix(String name) {
        return "." + shortened(name) + ".tmp-" + HOST + "-";
    }

    /** Bytes of a target's name that its temporary names keep as they are. */
    static final int KEPT_NAME_BYTES = 100;

    /**
     * @return the name when its UTF-8 form has at most {@value #KEPT_NAME_BYTES} bytes; else its first whole
     *     characters within 80 bytes, {@code ~} and the first 16 hex digits of the name's SHA-256, the same for the
     *     same name (so a later run still finds a killed one's leftovers): the temporary names add about 40 bytes to
     *     the target's, and a target name the file system allows (255 bytes) failed as "File name too long" at the
     *     end of the run, a training's export after every step
     */
    public static String shortened(String name) {
        byte[] utf8 = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (utf8.length <= KEPT_NAME_BYTES) {
            return name;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int c = name.codePointAt(i);
            int size = new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes + size > 80) {
                break;
            }
            kept.appendCodePoint(c);
            bytes += size;
            i += Character.charCount(c);
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(utf8);
            return kept + "~" + java.util.HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String host() {
        String name;
        try {
            name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "");
        }
        return name.isEmpty() ? "host" : name.replaceAll("[^A-Za-z0-9.]", "_");
    }
}

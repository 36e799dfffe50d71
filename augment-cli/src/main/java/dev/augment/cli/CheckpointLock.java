package dev.augment.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a second {@code train} out of a checkpoint folder a running one uses: a lock file {@value #FILE} holding the
 * host and process id of its owner. Two runs on one folder trained side by side, each writing {@code checkpoint.bin}
 * and sample grids over the other's, and a later {@code --resume} continued whichever wrote last (a fresh user, 5 Dec).
 * A lock whose process is gone (killed) is stale and taken over; one of another host is left alone and refused, as
 * its process cannot be looked up from here. The file holds the host, the process id and the process's start time
 * (milliseconds since 1970): a killed run's id reused by another Java program (an {@code augment generate}) was
 * reported as another train holding the folder (a fresh user, 5 Dec).
 */
final class CheckpointLock implements AutoCloseable {

    /** The lock file's name inside the checkpoint folder. */
    static final String FILE = ".augment-train.lock";

    private final Path file;
    private final String owner;
    private final boolean createdFolder;
    private boolean held = true;

    private CheckpointLock(Path file, String owner, boolean createdFolder) {
        this.file = file;
        this.owner = owner;
        this.createdFolder = createdFolder;
    }

    /**
     * @param folder the checkpoint folder, created when missing
     * @return the lock, held until {@link #close()}
     * @throws UsageException naming the process when another live run holds the folder
     * @throws IOException when the folder or the lock file cannot be written
     */
    static CheckpointLock acquire(Path folder) throws IOException {
        boolean created = !Files.exists(folder);
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        String owner = host() + " " + ProcessHandle.current().pid() + ProcessHandle.current().info().startInstant()
                .map(start -> " " + start.toEpochMilli()).orElse("");
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(file, owner + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return new CheckpointLock(file, owner, created);
            } catch (FileAlreadyExistsException taken) {
                String holder = read(file);
                if (holder != null && !stale(holder)) {
                    String[] parts = holder.split(" ");
                    throw new UsageException("--checkpoint-dir " + folder + " is in use by another augment train ("
                            + (parts[0].equals(host()) ? "process " + parts[1] + " on this machine"
                            : "process " + parts[1] + " on " + parts[0]) + "); wait for it to finish, "
                            + "or give another --checkpoint-dir (if no such run is alive, delete " + file + ")");
                }
                Files.deleteIfExists(file); // a killed run's lock
            }
        }
        throw new IOException("cannot take the lock " + file + ": other runs keep taking it");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null; // deleted meanwhile: try again
        }
    }

    /** @return whether the holder is a process of this host that is no longer alive (or an unreadable record) */
    private static boolean stale(String holder) {
        String[] parts = holder.split(" ");
        boolean wellFormed = parts.length == 2 || parts.length == 3;
        if (!wellFormed || !parts[0].equals(host())) {
            return !wellFormed;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            Long started = parts.length == 3 ? Long.valueOf(parts[2]) : null;
            // a process id reused by another program (after a restart, PID 1 is init), or by another Java program
            // started since (its start time differs), does not hold the folder
            return pid == ProcessHandle.current().pid() || ProcessHandle.of(pid).map(p -> !p.isAlive()
                    || p.info().command().map(c -> !c.contains("java")).orElse(false)
                    || started != null && p.info().startInstant().map(i -> i.toEpochMilli() != started).orElse(false))
                    .orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    static String host() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip().replaceAll("\\s", "_");
        } catch (IOException | RuntimeException e) {
            return System.getenv().getOrDefault("HOSTNAME", "host").replaceAll("\\s", "_");
        }
    }

    /**
     * Removes the lock file if it is still this run's, and the folder when the lock made it and it is left empty (a
     * refused run leaves nothing); safe to call twice.
     */
    @Override
    public void close() {
        if (!held) {
            return;
        }
        held = false;
        try {
            if (owner.equals(read(file))) {
                Files.deleteIfExists(file);
            }
            if (createdFolder) {
                try (java.util.stream.Stream<Path> left = Files.list(file.getParent())) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(file.getParent());
                    }
                }
            }
        } catch (IOException ignored) {
            // a lock left behind is stale once this process ends, and the next run takes it over
        }
    }
}

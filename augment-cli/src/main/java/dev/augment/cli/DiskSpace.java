package dev.augment.cli;

import dev.augment.errors.EnvironmentException;
import dev.augment.generate.output.OutputFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Refuses a write that cannot fit before it starts, so a large request does not fill the disk and fail
 * hours later. The check uses a lower bound of the output's size (below), so it never refuses a write
 * that would fit; a write it lets through can still run out of space, and then fails and removes its
 * partial output as any failed write does.
 *
 * <p>Lower bounds per sample of {@code F} features: IDX {@code F + 1} bytes (one byte per pixel, one per
 * label); CSV {@code 2F + 2} bytes (at least one digit and a separator per value, and the label); PNG
 * {@code F + 57} bytes (the stored pixels and a PNG's fixed chunks: signature, IHDR, IDAT and IEND), rounded up to
 * whole blocks on file systems that give each file whole blocks (ext4, tmpfs, xfs); a table's CSV
 * row of {@code C} columns {@code C + 2} bytes (a cell may be empty).
 */
public final class DiskSpace {

    /** Bytes of a PNG file besides its pixels: 8 signature + 25 IHDR + 12 IDAT framing + 12 IEND. */
    private static final long PNG_OVERHEAD = 57;

    private DiskSpace() {
    }

    /**
     * @param out the output path the command will create (it or an ancestor must exist)
     * @param format the output format
     * @param features values written per sample besides the label, every one with at least a digit
     * @param samples how many samples will be written
     * @throws EnvironmentException when even the smallest possible output exceeds the free space
     */
    static void requireRoom(Path out, OutputFormat format, int features, long samples) {
        long perSample = minimumBytesPerSample(format, features);
        requireRoomFor(out, format, format == OutputFormat.PNG ? onDisk(out, perSample) : perSample, samples);
    }

    /** File systems that give every file at least one whole block of data, never storing a small one in its inode. */
    private static final java.util.Set<String> WHOLE_BLOCKS = java.util.Set.of("ext2", "ext3", "ext4", "tmpfs",
            "xfs", "vfat");

    /**
     * @param out the output path
     * @param bytes a file's bytes
     * @return the bytes the file takes on the disk of {@code out}: rounded up to whole blocks where the file system
     *     gives each file whole blocks (40 000 PNGs of 900 bytes took 160 MB, not 36 MB, on tmpfs and ext4, and a
     *     request that could not fit passed the check: a fresh user, 7 Dec); the bytes themselves elsewhere (btrfs and
     *     ZFS keep small files in their metadata)
     */
    private static long onDisk(Path out, long bytes) {
        try {
            java.nio.file.FileStore store = Files.getFileStore(nearestExisting(out.toAbsolutePath()));
            return onDisk(store.type(), store.getBlockSize(), bytes);
        } catch (IOException | UnsupportedOperationException e) {
            return bytes;
        }
    }

    /**
     * @param type the file system's type, as {@link java.nio.file.FileStore#type()} names it
     * @param block its block size in bytes
     * @param bytes a file's bytes
     * @return the bytes rounded up to whole blocks for a type in {@link #WHOLE_BLOCKS}, else the bytes
     */
    static long onDisk(String type, long block, long bytes) {
        return WHOLE_BLOCKS.contains(type) && block > 0 ? (bytes + block - 1) / block * block : bytes;
    }

    /**
     * As {@link #requireRoom} for a table's CSV rows, one cell per column (not per Tribuo feature), each of which may
     * be empty (a missing cell): at least a separator per column, a one-character label and the line end.
     *
     * @param columns the table's columns besides the label
     */
    static void requireRoomForTableRows(Path out, int columns, long rows) {
        requireRoomFor(out, OutputFormat.CSV, columns + 2L, rows);
    }

    /**
     * As {@link #requireRoom} for {@code spark-generate}'s Parquet output on a local disk, whose compression leaves no
     * useful lower bound per value: one byte per row (its label and the row's levels), so only a request far beyond the
     * disk is refused (10^18 samples ran 10 minutes into a disk of 80 GB, without a line: a fresh user, 5 Dec).
     *
     * @param out the local output folder
     * @param samples how many rows will be written
     * @throws EnvironmentException when a byte per row exceeds the free space
     */
    public static void requireRoomForParquetRows(Path out, long samples) {
        requireRoomFor(out, "Parquet", 1, samples);
    }

    private static void requireRoomFor(Path out, OutputFormat format, long perSample, long samples) {
        requireRoomFor(out, format.id(), perSample, samples);
    }

    private static void requireRoomFor(Path out, String format, long perSample, long samples) {
        long needed = samples > Long.MAX_VALUE / perSample ? Long.MAX_VALUE : samples * perSample;
        Path existing = nearestExisting(out.toAbsolutePath());
        long free;
        try {
            free = Files.getFileStore(existing).getUsableSpace();
        } catch (IOException e) {
            return; // the write itself reports a folder it cannot use
        }
        if (needed > free) {
            throw new EnvironmentException("not enough free disk space: " + samples
                    + (samples == 1 ? " sample" : " samples") + " as "
                    + format + " need " + (needed == Long.MAX_VALUE ? "more than " : "at least ") + size(needed)
                    + ", but the disk of " + existing + " has "
                    + size(free) + " free" + (Files.exists(out.toAbsolutePath()) ? " (a forced run keeps the "
                    + "earlier output there until the new one is complete, so both must fit)" : "")
                    + "; ask for fewer samples or write to another disk (--out)");
        }
    }

    static long minimumBytesPerSample(OutputFormat format, int features) {
        return switch (format) {
            case IDX -> features + 1L;
            case CSV -> 2L * features + 2;
            case PNG -> features + PNG_OVERHEAD;
        };
    }

    private static Path nearestExisting(Path path) {
        Path candidate = path;
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return candidate == null ? path.getRoot() : candidate;
    }

    /**
     * @return e.g. "31.4 GB", "1.9 MB" below a gigabyte, "15.7 PB" above a thousand terabytes, "812 bytes" below a
     *     kilobyte
     */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"kB", "MB", "GB", "TB", "PB", "EB"};
        double value = bytes / 1e3;
        int unit = 0;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}

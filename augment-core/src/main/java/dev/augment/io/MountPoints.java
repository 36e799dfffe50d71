package dev.augment.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether a folder is a mount point: the root of a file system of its own (another disk, a tmpfs, a network share)
 * or of a bind mount (which may also mount a single file). A mount point cannot be renamed or moved aside (Linux answers {@code EBUSY}), so an output that
 * is replaced as a whole ({@code --force}) must not be one; Hadoop's local file system even falls back to copying
 * its contents aside.
 *
 * <p>A folder is taken for a mount point when its device differs from its parent's (the {@code unix:dev} file
 * attribute, where the JDK offers it) or when {@code /proc/self/mountinfo} (Linux, {@code proc(5)}) lists it as a
 * mount point, which also finds a bind mount within one file system. Elsewhere only the device test applies.
 */
public final class MountPoints {

    private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");

    private MountPoints() {
    }

    /**
     * @param path a folder, or a file (a single file can be bind-mounted); links are followed
     * @return whether it exists and is a mount point; false when it cannot be read
     */
    public static boolean isMountPoint(Path path) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            return false;
        }
        Path parent = real.getParent();
        if (parent == null) {
            return true;
        }
        return Files.isDirectory(real) && differentDevice(real, parent) || listedInMountInfo(real);
    }

    private static boolean differentDevice(Path folder, Path parent) {
        try {
            Object device = Files.getAttribute(folder, "unix:dev", LinkOption.NOFOLLOW_LINKS);
            return !device.equals(Files.getAttribute(parent, "unix:dev", LinkOption.NOFOLLOW_LINKS));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false; // no unix view: the mount table alone decides
        }
    }

    private static boolean listedInMountInfo(Path folder) {
        List<String> lines;
        try {
            lines = Files.readAllLines(MOUNT_INFO, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        String wanted = folder.toString();
        for (String line : lines) {
            String[] fields = line.split(" ");
            if (fields.length > 4 && unescape(fields[4]).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    /** Undoes the mount table's octal escapes of space, tab, newline and backslash ({@code \040} and so on). */
    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String field, int from) {
        if (from + 3 > field.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            if (field.charAt(i) < '0' || field.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}

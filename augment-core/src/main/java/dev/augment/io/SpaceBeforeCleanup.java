package dev.augment.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * The usable bytes of an output's disk just before its partial output was deleted, for the full-disk line: measured
 * after the deletion, a disk filled by 40 000 small PNG files had 200 MB free again, and the line blamed inodes
 * where {@code df -i} showed 1 % used (a fresh user, 7 Dec). One value per process, the last failed output's: a
 * command writes one output at a time.
 */
public final class SpaceBeforeCleanup {

    private static volatile long usable = -1;
    private static volatile Path folder;

    private SpaceBeforeCleanup() {
    }

    /**
     * Records the usable bytes of the disk holding {@code partial}, about to be deleted; a disk that cannot be asked
     * records nothing.
     *
     * @param partial the partial output
     */
    public static void record(Path partial) {
        try {
            usable = Files.getFileStore(partial).getUsableSpace();
            folder = PhysicalPaths.absolute(partial).getParent();
        } catch (IOException | RuntimeException e) {
            usable = -1;
        }
    }

    /**
     * @param output an output the command wrote to
     * @return the last recorded usable bytes, when the partial output recorded was beside {@code output} (as an
     *     output folder's temporary one is), so that another output's earlier failure in the same process is not taken
     */
    public static OptionalLong lastBeside(Path output) {
        long value = usable;
        Path where = folder;
        Path parent = PhysicalPaths.absolute(output).getParent();
        return value < 0 || where == null || !where.equals(parent) ? OptionalLong.empty() : OptionalLong.of(value);
    }
}

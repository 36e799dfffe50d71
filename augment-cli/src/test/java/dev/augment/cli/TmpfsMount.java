package dev.augment.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs mounted for a test (a disk that fills up, a read-only disk); only where the tests may mount one (root
 * on Linux, as in CI): {@link #mounted()} says whether it is, and tests assume it.
 */
final class TmpfsMount implements AutoCloseable {

    private final Path folder;
    private final boolean mounted;

    private TmpfsMount(Path folder, boolean mounted) {
        this.folder = folder;
        this.mounted = mounted;
    }

    /**
     * @param folder a folder to create and mount on
     * @param options tmpfs mount options, e.g. {@code size=256k} or {@code size=64k,ro}
     * @return the mount, which may have failed (see {@link #mounted()})
     */
    static TmpfsMount at(Path folder, String options) throws IOException, InterruptedException {
        Files.createDirectory(folder);
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", options, "tmpfs", folder.toString())
                .redirectErrorStream(true).start();
        mount.getInputStream().readAllBytes();
        return new TmpfsMount(folder, mount.waitFor() == 0);
    }

    /** @return whether the tmpfs is mounted (false without root, or off Linux) */
    boolean mounted() {
        return mounted;
    }

    /** @return the mounted folder */
    Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (mounted) {
            new ProcessBuilder("umount", "-l", folder.toString()).redirectErrorStream(true).start().waitFor();
        }
    }
}

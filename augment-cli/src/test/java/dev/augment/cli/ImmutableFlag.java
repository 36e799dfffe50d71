package dev.augment.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sets and clears the immutable flag ({@code chattr +i}) for tests of files that cannot be changed or deleted. */
final class ImmutableFlag {

    private ImmutableFlag() {
    }

    /**
     * @param flag {@code +i} or {@code -i}
     * @param path the file
     * @return whether chattr ran and, for {@code +i}, the file is no longer writable (false where chattr or a file
     *     system that keeps the flag is missing: the caller skips its test)
     */
    static boolean chattr(String flag, Path path) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 && (!flag.equals("+i") || !Files.isWritable(path));
        } catch (IOException e) {
            return false;
        }
    }
}

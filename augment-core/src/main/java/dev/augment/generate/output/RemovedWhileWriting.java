package dev.augment.generate.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * A writer keeps writing through its open stream into a file another program removed from the temporary output folder
 * (a clean-up of hidden or temporary files): the folder was moved into place without it, "wrote 20000 samples" and exit
 * 0, the named {@code samples.csv} not there (a re-check, 7 Dec). Each writer checks its files at {@code finish}.
 */
final class RemovedWhileWriting {

    private RemovedWhileWriting() {
    }

    /**
     * @param dir the temporary output folder
     * @param files the writer's files in it
     * @throws IOException naming the first file that is no longer there
     */
    static void requireThere(Path dir, String... files) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            // --out's parent renamed by another shell: "samples.csv was removed", of a file moved whole with it, and
            // its 229 MB left where the folder went (a fresh user, 7 Dec); where it went cannot be known from here
            throw new IOException(dev.augment.io.KilledRunLeftovers.goneMessage(dir));
        }
        for (String file : files) {
            if (!Files.isRegularFile(dir.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("the temporary folder's " + file + " was removed while this run wrote it (by "
                        + "another program, or a clean-up of hidden folders?); nothing is moved into place; run again");
            }
        }
    }
}

package dev.augment.cli;

import java.nio.file.Path;

/** The bad inputs of issue 15, copied from ../shared/bad-inputs into the test resources and read in place. */
final class BadInputs {

    private static final Path ROOT = Path.of("src", "test", "resources", "bad-inputs");

    private BadInputs() {
    }

    /**
     * @param folder e.g. "12-class-name-ambiguity"
     * @param path a path inside it, e.g. "data"
     * @return the file or folder
     */
    static Path of(String folder, String path) {
        return ROOT.resolve(folder).resolve(path);
    }
}

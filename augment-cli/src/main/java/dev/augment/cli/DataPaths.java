package dev.augment.cli;

import java.io.IOException;
import java.nio.file.Path;

/** How a data path is recorded in a model's provenance. */
final class DataPaths {

    private DataPaths() {
    }

    /**
     * @param data a data path as the user gave it
     * @return its real path (symbolic links resolved, so {@code link/..} means what the file system means by it),
     *     or the absolute normalised path when it cannot be resolved
     */
    static Path real(Path data) {
        try {
            return data.toRealPath();
        } catch (IOException e) {
            return data.toAbsolutePath().normalize();
        }
    }
}

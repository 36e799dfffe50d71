package dev.augment.cli;

import dev.augment.io.PhysicalPaths;

import java.io.IOException;
import java.nio.file.Path;

/** How a data path is recorded in a model's provenance. */
final class DataPaths {

    private DataPaths() {
    }

    /**
     * @param data a data path as the user gave it, or an IDX pair {@code images,labels} (as {@code DataSources.open}
     *     reads one)
     * @return its real path (symbolic links resolved, so {@code link/..} means what the file system means by it),
     *     or the absolute normalised path when it cannot be resolved; each file of a pair so (a pair was recorded with
     *     its first file absolute and its second as given)
     */
    static String real(Path data) {
        String text = data.toString();
        if (text.contains(",") && !java.nio.file.Files.exists(data)) {
            int comma = text.indexOf(',');
            return resolved(Path.of(text.substring(0, comma).strip())) + ","
                    + resolved(Path.of(text.substring(comma + 1).strip()));
        }
        return resolved(data).toString();
    }

    private static Path resolved(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return PhysicalPaths.absolute(path);
        }
    }
}

package dev.augment.errors;

import java.nio.file.Path;

/**
 * A data file or folder that cannot be read as labelled samples: missing, wrong magic number,
 * truncated, counts that disagree, mixed image sizes, an empty class folder. The message names
 * the file and the problem in one line.
 */
public final class InvalidDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file the file or folder at fault
     * @param problem what is wrong with it, and how to fix it where that is not obvious
     */
    public InvalidDataException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /**
     * @param file the file or folder at fault
     * @param problem what is wrong with it
     * @param cause the underlying failure
     */
    public InvalidDataException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** @return the file or folder at fault */
    public Path file() {
        return file;
    }
}

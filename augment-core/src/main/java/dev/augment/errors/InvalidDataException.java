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
    /** The setting that named a column the file does not have, or null. */
    private final String columnSetting;

    /**
     * @param file the file or folder at fault
     * @param problem what is wrong with it, and how to fix it where that is not obvious
     */
    public InvalidDataException(Path file, String problem) {
        this(file, problem, (String) null);
    }

    private InvalidDataException(Path file, String problem, String columnSetting) {
        super(file + ": " + problem);
        this.file = file;
        this.columnSetting = columnSetting;
    }

    /**
     * A table whose header lacks a column that a setting named, so that a caller can blame that setting (an OLCUT
     * configuration's field) rather than the file.
     *
     * @param file the table
     * @param problem what is wrong, naming the column and the header's columns
     * @param setting the setting that named the column: {@code label}, {@code numeric} or {@code categorical}
     * @return the exception
     */
    public static InvalidDataException columnNotInHeader(Path file, String problem, String setting) {
        return new InvalidDataException(file, problem, setting);
    }

    /**
     * @param file the file or folder at fault
     * @param problem what is wrong with it
     * @param cause the underlying failure
     */
    public InvalidDataException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.columnSetting = null;
    }

    /**
     * @return the setting ({@code label}, {@code numeric}, {@code categorical}) that named a column the table's
     *     header lacks, or empty when the fault is the file's
     */
    public java.util.Optional<String> columnSetting() {
        return java.util.Optional.ofNullable(columnSetting);
    }

    /** @return the file or folder at fault */
    public Path file() {
        return file;
    }
}

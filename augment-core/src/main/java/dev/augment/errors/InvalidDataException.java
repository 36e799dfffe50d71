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
    /** The setting the table does not fit (see {@link #doesNotFitSetting}), or null. */
    private final String settingAtFault;

    /**
     * @param file the file or folder at fault
     * @param problem what is wrong with it, and how to fix it where that is not obvious
     */
    public InvalidDataException(Path file, String problem) {
        this(file, problem, (String) null);
    }

    private InvalidDataException(Path file, String problem, String settingAtFault) {
        super(file + ": " + problem);
        this.file = file;
        this.settingAtFault = settingAtFault;
    }

    /**
     * A table that does not fit what a setting said of it: a column the header lacks, a column forced numeric that
     * holds text. A caller can then blame that setting (an OLCUT configuration's field) rather than the file.
     *
     * @param file the table
     * @param problem what is wrong, naming the column
     * @param setting the setting at fault: {@code label}, {@code numeric} or {@code categorical}
     * @return the exception
     */
    public static InvalidDataException doesNotFitSetting(Path file, String problem, String setting) {
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
        this.settingAtFault = null;
    }

    /**
     * @return the setting ({@code label}, {@code numeric}, {@code categorical}) the table does not fit, or empty
     *     when the fault is the file's alone
     */
    public java.util.Optional<String> settingAtFault() {
        return java.util.Optional.ofNullable(settingAtFault);
    }

    /** @return the file or folder at fault */
    public Path file() {
        return file;
    }
}

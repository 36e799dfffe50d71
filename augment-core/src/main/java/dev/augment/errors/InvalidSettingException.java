package dev.augment.errors;

/**
 * A setting or argument that a caller gave and that cannot be carried out: a non-positive count, an
 * unknown class, an output that exists already, a device this build cannot use. It is the caller's
 * mistake, not a bug.
 *
 * <p>The message names the setting by its Java name (the field, parameter or OLCUT property, e.g.
 * {@code batchSize}), the value and the fix, in one line, so a Tribuo user reads it in the terms of the
 * API they called. The command line translates setting names into its option names ({@code --batch-size})
 * and reports the error with exit code 2. Any other {@link IllegalArgumentException} is a bug.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the Java name of the setting at fault (e.g. {@code "count"}, {@code "batchSize"})
     * @param problem what is wrong, with the value and the fix (e.g. {@code "must be positive, was -3"});
     *     the setting's name is put in front unless the text starts with it already; other settings
     *     named in it use their Java names too
     */
    public InvalidSettingException(String setting, String problem) {
        super(problem.startsWith(setting) ? problem : setting + " " + problem);
        this.setting = setting;
    }

    /** @return the Java name of the setting at fault */
    public String setting() {
        return setting;
    }
}

package dev.augment.tribuo;

/**
 * An augmentation setting with a bad value. It is an {@link IllegalArgumentException} for code; the
 * OLCUT path turns it into a {@code PropertyException} for {@link #field()}.
 */
final class InvalidSettingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the setting's name, as in the OLCUT configuration
     * @param message what is wrong, naming the field and the value
     */
    InvalidSettingException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** @return the setting's name, as in the OLCUT configuration */
    String field() {
        return field;
    }
}

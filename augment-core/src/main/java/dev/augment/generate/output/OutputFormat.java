package dev.augment.generate.output;

import dev.augment.errors.InvalidSettingException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The file formats {@code augment generate --format} can write. */
public enum OutputFormat {
    /** One PNG image per sample, in a folder per class. Images only. */
    PNG,
    /** A pair of IDX files (images and labels), as MNIST ships and Tribuo's {@code IDXDataSource} reads. */
    IDX,
    /** One CSV file with a {@code label} column followed by the feature columns. */
    CSV;

    /**
     * Parses a format name, ignoring case.
     *
     * @param text "png", "idx" or "csv" in any case
     * @return the format
     * @throws InvalidSettingException (setting {@code format}) naming the value and the choices when nothing matches
     */
    public static OutputFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (OutputFormat format : values()) {
            if (format.name().equals(wanted)) {
                return format;
            }
        }
        throw new InvalidSettingException("format", "format '" + text + "' is unknown; choose one of " + choices());
    }

    /** @return the file extension style name, e.g. "png" */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the accepted names, e.g. "png|idx|csv" */
    public static String choices() {
        return Arrays.stream(values()).map(OutputFormat::id).collect(Collectors.joining("|"));
    }
}

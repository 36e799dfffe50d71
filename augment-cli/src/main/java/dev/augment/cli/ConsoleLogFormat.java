package dev.augment.cli;

import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * How the console handler prints a log record during a command: augment's own records ({@code dev.augment.*}
 * loggers, e.g. the plugin's "SMOTE: finding the 5 nearest neighbours …" line) as the commands print their lines,
 * {@code augment: message} or {@code augment: warning: message}; every library's record through the formatter the
 * handler had, so {@code --verbose} and a user's {@code java.util.logging} configuration still shape those.
 * Before, augment's own lines came out as {@code INFO dev.augment.tribuo.OversampledExamples: …}, which read as a
 * library's log line (a fresh user, 6 Dec).
 */
final class ConsoleLogFormat extends Formatter {

    private static final String OWN_LOGGERS = "dev.augment.";

    private final Formatter libraries;

    /** @param libraries the formatter the handler had, for every record that is not augment's own */
    ConsoleLogFormat(Formatter libraries) {
        this.libraries = libraries;
    }

    @Override
    public String format(LogRecord record) {
        String logger = record.getLoggerName();
        if (logger == null || !logger.startsWith(OWN_LOGGERS)) {
            return libraries.format(record);
        }
        Level level = record.getLevel();
        String kind = level.intValue() >= Level.SEVERE.intValue() ? "error: "
                : level.intValue() >= Level.WARNING.intValue() ? "warning: " : "";
        StringBuilder line = new StringBuilder("augment: ").append(kind).append(formatMessage(record));
        if (record.getThrown() != null) {
            line.append(" (").append(record.getThrown()).append(')');
        }
        return line.append(System.lineSeparator()).toString();
    }
}

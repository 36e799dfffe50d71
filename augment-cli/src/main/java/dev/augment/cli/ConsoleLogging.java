package dev.augment.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one logging setup of the command line: the libraries' {@code java.util.logging} loggers (Tribuo,
 * OLCUT and ONNX Runtime print warnings only, DJL, through the {@code slf4j-jdk14} provider, errors only),
 * so the console shows augment's own progress and results; {@code --verbose} lets their INFO lines through.
 * Augment's own log records print as the commands' lines do ({@link ConsoleLogFormat}).
 *
 * <p>Levels are set for one command run and restored afterwards, so in-process callers (the tests) get
 * their own configuration back. PyTorch's native warnings go straight to the process's stderr and are
 * not affected.
 */
final class ConsoleLogging implements AutoCloseable {

    /** Libraries whose warnings are about the data or the model: they keep their warnings. */
    static final List<String> WARNING_LOGGERS = List.of("org.tribuo", "com.oracle.labs.mlrg.olcut",
            "ai.onnxruntime");
    /** Libraries whose warnings probe the environment (DJL: "Failed to detect GPU count" on every CPU run). */
    static final List<String> SEVERE_LOGGERS = List.of("ai.djl");

    /** Held strongly: java.util.logging forgets the level of a logger that is garbage-collected. */
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();
    /** The console handlers whose formatter this run replaced, and the formatters they had. */
    private final List<Handler> consoles = new ArrayList<>();
    private final List<Formatter> formats = new ArrayList<>();

    private ConsoleLogging(boolean verbose) {
        WARNING_LOGGERS.forEach(name -> set(name, verbose ? Level.INFO : Level.WARNING));
        SEVERE_LOGGERS.forEach(name -> set(name, verbose ? Level.INFO : Level.SEVERE));
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler instanceof ConsoleHandler && !(handler.getFormatter() instanceof ConsoleLogFormat)) {
                consoles.add(handler);
                formats.add(handler.getFormatter());
                handler.setFormatter(new ConsoleLogFormat(handler.getFormatter()));
            }
        }
    }

    private void set(String name, Level level) {
        Logger logger = Logger.getLogger(name);
        loggers.add(logger);
        previous.add(logger.getLevel());
        logger.setLevel(level);
    }

    /**
     * @param verbose whether the libraries' INFO lines are wanted
     * @return the setup, to close when the command has finished
     */
    static ConsoleLogging apply(boolean verbose) {
        return new ConsoleLogging(verbose);
    }

    /** Restores the levels the loggers had before. */
    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).setLevel(previous.get(i));
        }
        for (int i = 0; i < consoles.size(); i++) {
            consoles.get(i).setFormatter(formats.get(i));
        }
    }
}

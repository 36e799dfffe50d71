package dev.augment.cli;

import java.io.PrintWriter;

/** Entry point of the {@code augment} command; {@link AugmentCli} builds the command line it runs. */
public final class AugmentMain {

    private AugmentMain() {
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        // One line per log record (with --verbose), unless the user configured java.util.logging.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        SignalCancellation interruption = SignalCancellation.install();
        int code;
        try {
            code = AugmentCli.create(out, err, interruption.token()).execute(args);
            out.flush();
            err.flush();
        } finally {
            interruption.commandFinished();
        }
        // After SIGINT/SIGTERM the JVM is already shutting down: this call waits for it, and the exit
        // code is the signal's (130, 143).
        System.exit(code);
    }
}

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
        if (interruption.token().isCancelled()) {
            // Only the shutdown hook cancels the token: the JVM is shutting down on SIGINT/SIGTERM and halts
            // with the signal's code (130, 143) once the hook returns. Calling System.exit now could race
            // that halt with the command's own code (a SIGTERM run once exited 130), so wait for it.
            try {
                Thread.sleep(SignalCancellation.GRACE.toMillis() * 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        System.exit(code);
    }
}

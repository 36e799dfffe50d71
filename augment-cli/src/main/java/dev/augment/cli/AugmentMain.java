package dev.augment.cli;

import java.io.PrintWriter;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the {@code augment} command. */
public final class AugmentMain {

    private AugmentMain() {
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        // Tribuo's trainers log every few thousand iterations at INFO; the CLI reports progress itself.
        Logger tribuo = Logger.getLogger("org.tribuo");
        tribuo.setLevel(Level.WARNING);
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
        tribuo.setLevel(null);
        // After SIGINT/SIGTERM the JVM is already shutting down: this call waits for it, and the exit
        // code is the signal's (130, 143).
        System.exit(code);
    }
}

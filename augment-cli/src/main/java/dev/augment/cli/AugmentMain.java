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
        int code = AugmentCli.create(out, err).execute(args);
        out.flush();
        err.flush();
        tribuo.setLevel(null);
        System.exit(code);
    }
}

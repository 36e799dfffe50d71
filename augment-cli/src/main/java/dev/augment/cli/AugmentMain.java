package dev.augment.cli;

import java.io.PrintWriter;

/** Entry point of the {@code augment} command. */
public final class AugmentMain {

    private AugmentMain() {
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = AugmentCli.create(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}

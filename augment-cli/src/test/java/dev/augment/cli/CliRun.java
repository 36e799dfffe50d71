package dev.augment.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real CLI in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AugmentCli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * As {@link #of}, with augment's home set to this checkout (its {@code models/}), as {@code ./augment} sets it:
     * for the advice that names a shipped model.
     */
    static CliRun inCheckout(String... args) {
        String saved = System.getProperty(ModelOption.HOME_PROPERTY);
        System.setProperty(ModelOption.HOME_PROPERTY, java.nio.file.Path.of("..").toAbsolutePath().normalize()
                .toString());
        try {
            return of(args);
        } finally {
            if (saved == null) {
                System.clearProperty(ModelOption.HOME_PROPERTY);
            } else {
                System.setProperty(ModelOption.HOME_PROPERTY, saved);
            }
        }
    }
}

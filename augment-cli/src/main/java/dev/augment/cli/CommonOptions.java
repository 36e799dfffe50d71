package dev.augment.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes. */
public final class CommonOptions {

    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    boolean stacktrace;
}

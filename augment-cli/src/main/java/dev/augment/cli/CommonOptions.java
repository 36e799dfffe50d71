package dev.augment.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * Options every subcommand takes, read by {@link AugmentCli}'s handlers: {@code --stacktrace} (print the
 * stack trace of an error) and {@code --verbose} (let the libraries' log lines through).
 */
public final class CommonOptions {

    /** Default of every command's {@code --seed}, so one seed reproduces a whole train-generate-score session. */
    static final String DEFAULT_SEED = "42";

    @Option(names = "--stacktrace", description = "Print the stack trace of an error.")
    boolean stacktrace;

    @Option(names = "--verbose", description = "Also print the log lines of Tribuo, DJL and ONNX Runtime (and "
            + "Spark's INFO lines in spark-generate).")
    boolean verbose;

    /**
     * @param line a parsed command
     * @return the command's common options, if it mixes them in (the top-level command does not)
     */
    static Optional<CommonOptions> of(CommandLine line) {
        CommandSpec spec = line.getCommandSpec();
        return spec.mixins().values().stream().map(CommandSpec::userObject)
                .filter(CommonOptions.class::isInstance).map(CommonOptions.class::cast).findFirst();
    }
}

package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * The top-level {@code augment} command. Called without a subcommand it prints its usage to standard
 * error, says what to do, and exits with {@link ExitCodes#USAGE}.
 */
@Command(name = "augment", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        header = "Synthetic labelled data for Tribuo: train a conditional GAN, export it to ONNX, generate samples.",
        subcommands = {TrainCommand.class, GenerateCommand.class, InspectCommand.class, ScoreCommand.class,
                EvaluateCommand.class, OversampleCommand.class, ModelsCommand.class, BenchCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  augment generate --class sneaker --n 16 --out sneakers",
                "  augment train --data /usr/share/datasets/fashion-mnist --out fm.onnx",
                "  augment models",
                "  augment generate --help",
                "",
                "Exit codes: 0 ok, 1 failure at run time, 2 usage error, 3 bad input data or model file, "
                        + "130 interrupted (SIGINT, Ctrl-C), 143 terminated (SIGTERM), 129 hung up (SIGHUP); "
                        + "interrupted runs leave "
                        + "no partial output.",
                "Add --stacktrace to any command to see the stack trace of an error, --verbose to see the "
                        + "libraries' log lines."})
public final class AugmentCommand implements Callable<Integer> {

    private final CancellationToken cancellation;

    @Spec
    CommandSpec spec;

    /** @param cancellation cancelled on SIGINT/SIGTERM; subcommands check it between batches and steps */
    AugmentCommand(CancellationToken cancellation) {
        this.cancellation = cancellation;
    }

    /**
     * @param parent the parent command picocli injected, or null when a subcommand runs on its own
     * @return the token a subcommand checks; a fresh one without a parent
     */
    static CancellationToken cancellationOf(AugmentCommand parent) {
        return parent == null ? new CancellationToken() : parent.cancellation;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        spec.commandLine().usage(err);
        err.println();
        err.println("augment: name a command, e.g. 'augment generate --help'");
        err.flush();
        return ExitCodes.USAGE;
    }
}

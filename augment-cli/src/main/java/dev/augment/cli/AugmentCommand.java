package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import picocli.CommandLine.Command;

/** The top-level {@code augment} command. */
@Command(name = "augment", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        header = "Synthetic labelled data for Tribuo: train a conditional GAN, export it to ONNX, generate samples.",
        subcommands = {TrainCommand.class, GenerateCommand.class, InspectCommand.class, ScoreCommand.class,
                EvaluateCommand.class, OversampleCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failure at run time, 2 usage error, 3 bad input data or model file, "
                + "130 interrupted (SIGINT, Ctrl-C), 143 terminated (SIGTERM); interrupted runs leave no partial output.",
                "Add --stacktrace to any command to see the stack trace of an error."})
public final class AugmentCommand {

    private final CancellationToken cancellation;

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
}

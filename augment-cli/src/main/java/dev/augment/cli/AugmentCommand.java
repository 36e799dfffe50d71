package dev.augment.cli;

import picocli.CommandLine.Command;

/** The top-level {@code augment} command. */
@Command(name = "augment", mixinStandardHelpOptions = true, versionProvider = ManifestVersionProvider.class,
        header = "Synthetic labelled data for Tribuo: train a conditional GAN, export it to ONNX, generate samples.",
        subcommands = {TrainCommand.class, GenerateCommand.class, InspectCommand.class, ScoreCommand.class,
                EvaluateCommand.class, OversampleCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 failure at run time, 2 usage error, 3 bad input data or model file.",
                "Add --stacktrace to any command to see the stack trace of an error."})
public final class AugmentCommand {
}

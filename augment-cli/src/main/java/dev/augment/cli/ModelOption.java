package dev.augment.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --model} option of the commands that read one generator file, defaulting to the shipped
 * {@code models/fashion-mnist.onnx} under augment's home.
 */
public final class ModelOption {

    /** File name of the default model inside {@code models/}. */
    static final String DEFAULT_FILE = "fashion-mnist.onnx";

    @Option(names = "--model", paramLabel = "FILE",
            description = "Generator ONNX file (default: the shipped models/" + DEFAULT_FILE + ").")
    Path model;

    /** @return the given model, or the default one: under -Daugment.home (set by ./augment), else the working folder */
    Path path() {
        if (model != null) {
            return model;
        }
        String home = System.getProperty("augment.home", System.getenv("AUGMENT_HOME"));
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return base.resolve("models").resolve(DEFAULT_FILE);
    }
}

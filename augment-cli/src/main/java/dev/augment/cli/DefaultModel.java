package dev.augment.cli;

import java.nio.file.Path;

/** Where the shipped default generator lives: {@code models/fashion-mnist.onnx} under augment's home. */
final class DefaultModel {

    /** File name of the default model inside {@code models/}. */
    static final String FILE = "fashion-mnist.onnx";

    private DefaultModel() {
    }

    /** @return the default model: under -Daugment.home (set by ./augment), else under the working folder */
    static Path path() {
        String home = System.getProperty("augment.home", System.getenv("AUGMENT_HOME"));
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return base.resolve("models").resolve(FILE);
    }
}

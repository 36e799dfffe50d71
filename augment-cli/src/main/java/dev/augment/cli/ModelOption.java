package dev.augment.cli;

import dev.augment.io.PhysicalPaths;

import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code --model} option of the commands that read one generator file, defaulting to the shipped
 * {@code models/fashion-mnist.onnx} under augment's home. ({@code generate} has its own {@code --model}:
 * without it the model is looked up by class, {@link ModelLookup}.)
 */
public final class ModelOption {

    /** File name of the default model inside {@code models/}. */
    static final String DEFAULT_FILE = "fashion-mnist.onnx";

    /** The system property naming augment's home, set by {@code ./augment}. */
    static final String HOME_PROPERTY = "augment.home";

    /** The environment variable naming augment's home when the system property is not set. */
    static final String HOME_VARIABLE = "AUGMENT_HOME";

    /** Set by {@code ./augment} (and augment-spark's), so that advice can tell its home from a hand-run's own. */
    static final String LAUNCHER_PROPERTY = "augment.launcher";

    @Option(names = "--model", paramLabel = "FILE",
            description = "Generator ONNX file (default: the shipped models/" + DEFAULT_FILE + ").")
    Path model;

    /** @return the given model, or the default one: under -Daugment.home (set by ./augment), else the working folder */
    Path path() {
        return model != null ? requireFound(model) : defaultModel();
    }

    /**
     * The README's {@code --model models/fashion-mnist.onnx}, run from another folder than augment's, was "model file
     * not found" without a word of where the shipped model is (a fresh user, 6 Dec).
     *
     * @param given a {@code --model} path
     * @return it, when it exists, is absolute, or names no shipped model
     * @throws dev.augment.errors.ModelContractException when it is relative and missing here but a shipped model has
     *     that path under augment's home or that file name (with or without {@code .onnx}) in its models folder
     */
    static Path requireFound(Path given) {
        dev.augment.onnx.MetadataReader.refuseUri(given);
        if (given.isAbsolute() || java.nio.file.Files.exists(given)) {
            return given;
        }
        Path folder = modelsFolder();
        String name = given.getFileName() == null ? "" : given.getFileName().toString();
        for (Path shipped : List.of(folder.resolveSibling(given.toString()), folder.resolve(name),
                folder.resolve(name + ".onnx"))) {
            // only a model in the models folder is shipped: any file under the home was, e.g. augment-cli/pom.xml or
            // a user's own model in scratch/ (a fresh user, 7 Dec)
            boolean inModels = folder.toAbsolutePath().normalize().equals(shipped.toAbsolutePath().normalize()
                    .getParent()) && shipped.getFileName().toString().endsWith(".onnx");
            if (!name.isEmpty() && inModels && java.nio.file.Files.isRegularFile(shipped)) {
                throw new dev.augment.errors.ModelContractException(given + ": model file not found (looked for "
                        + PhysicalPaths.absolute(given) + "); the shipped model of that name is "
                        + PhysicalPaths.absolute(shipped) + ": give that path");
            }
        }
        return given;
    }

    /** @return where the shipped default model belongs, {@code <home>/models/fashion-mnist.onnx}, checked or not */
    static Path defaultModelPath() {
        return modelsFolder().resolve(DEFAULT_FILE);
    }

    /**
     * @return the shipped default model, {@code <home>/models/fashion-mnist.onnx}
     * @throws dev.augment.errors.ModelContractException when its folder or the file is not there, naming where the home
     *     came from
     */
    static Path defaultModel() {
        Path folder = modelsFolder();
        if (!java.nio.file.Files.isDirectory(folder)) {
            // "models/fashion-mnist.onnx: model file not found; give an existing .onnx file" to a user who gave none
            // (a re-check, 7 Dec): the folder and where it came from are named, as augment models names them
            throw new dev.augment.errors.ModelContractException(folder.toAbsolutePath() + ": models folder not found, "
                    + "so there is no default model; " + ModelsCommand.missingFolderAdvice(folder));
        }
        Path fallback = folder.resolve(DEFAULT_FILE);
        if (!java.nio.file.Files.exists(fallback, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            // "model file not found; give an existing .onnx file" to a user who gave none (a re-check, 7 Dec)
            throw new dev.augment.errors.ModelContractException(fallback.toAbsolutePath() + ": the default model is "
                    + "not there, and no --model was given; restore it in augment's checkout (git checkout -- models/"
                    + DEFAULT_FILE + "), or pass --model with a generator file");
        }
        return fallback;
    }

    /**
     * @return the folder of the shipped models, {@code <home>/models}: home is the system property
     *     {@value #HOME_PROPERTY} (set by {@code ./augment}), else the environment variable
     *     {@value #HOME_VARIABLE}, else the working folder
     */
    static Path modelsFolder() {
        String home = System.getProperty(HOME_PROPERTY, System.getenv(HOME_VARIABLE));
        Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return base.resolve("models");
    }
}

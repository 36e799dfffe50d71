package dev.augment.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --names} option of the commands that read image data ({@code train}, {@code evaluate},
 * {@code oversample}, {@code score}): the class names of a data set whose files carry only label numbers.
 * A CSV table names its classes itself, so the table commands refuse it.
 */
public final class ClassNamesOption {

    @Option(names = "--names", paramLabel = "NAMES", description = "Class names: fashion-mnist, mnist, cifar10 or "
            + "a file with one name per line.")
    String names;

    /**
     * @return the names file when {@code --names} names an existing file (not a keyword), so an {@code --out} that
     *     {@code --force} would replace can be checked against it; null otherwise
     */
    java.nio.file.Path file() {
        if (names == null || names.isBlank()) {
            return null;
        }
        java.nio.file.Path path = java.nio.file.Path.of(names);
        return java.nio.file.Files.isRegularFile(path) ? path : null;
    }
}

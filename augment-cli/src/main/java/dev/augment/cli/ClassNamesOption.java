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
}

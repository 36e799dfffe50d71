/**
 * The picocli command line: {@code augment train | generate | inspect | score | evaluate | oversample | models}.
 *
 * <p>{@link dev.augment.cli.AugmentCli} builds the {@code CommandLine} (used by
 * {@link dev.augment.cli.AugmentMain} and, in-process, by the tests): it maps exceptions to the documented
 * {@link dev.augment.cli.ExitCodes} with one-line messages, translates the libraries' setting names into
 * option names ({@link dev.augment.cli.OptionNames}), suggests near-miss commands and options, gives every
 * subcommand the version of {@link dev.augment.cli.ManifestVersionProvider}, and keeps the console quiet
 * ({@code ConsoleLogging}) unless {@code --verbose}. Every subcommand is a {@code Callable<Integer>} with
 * the shared {@link dev.augment.cli.CommonOptions} ({@code --stacktrace}, {@code --verbose}) and, where it
 * reads one generator file, {@link dev.augment.cli.ModelOption} ({@code generate} without {@code --model}
 * looks the shipped model up by class, {@code ModelLookup}). CLI-only usage errors are
 * {@link dev.augment.cli.UsageException}.
 */
package dev.augment.cli;

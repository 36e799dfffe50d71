package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.EnvironmentException;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.errors.ModelContractException;
import dev.augment.io.TemporaryFolder;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;

/**
 * Builds the {@link CommandLine} users get, with its exit-code mapping and one-line errors, so that
 * tests drive exactly the same CLI in-process.
 */
public final class AugmentCli {

    private AugmentCli() {
    }

    /**
     * @param out standard output
     * @param err standard error
     * @return the configured command line, with a cancellation token nobody cancels
     */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        return create(out, err, new CancellationToken());
    }

    /**
     * @param out standard output
     * @param err standard error
     * @param cancellation cancelled on SIGINT/SIGTERM; commands stop and clean up when it is
     * @return the configured command line
     */
    public static CommandLine create(PrintWriter out, PrintWriter err, CancellationToken cancellation) {
        CommandLine cli = new CommandLine(new AugmentCommand(cancellation));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, line, parseResult) -> report(e, line, parseResult));
        cli.setExecutionStrategy(parseResult -> {
            checkEnvironment(cli, parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        cli.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("augment: " + e.getMessage()
                    + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.USAGE;
        });
        return cli;
    }

    /**
     * Checks the temporary folder before any command does work (help and version need none), so a bad
     * {@code java.io.tmpdir} is one line up front instead of a failure after, say, every epoch of training.
     */
    private static void checkEnvironment(CommandLine cli, CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return;
            }
        }
        if (!parseResult.hasSubcommand()) {
            return;
        }
        try {
            TemporaryFolder.check();
        } catch (EnvironmentException e) {
            throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
        }
    }

    private static int report(Exception e, CommandLine line, CommandLine.ParseResult parseResult) {
        PrintWriter err = line.getErr();
        int code = exitCode(e);
        String message = e instanceof InvalidSettingException invalid
                ? OptionNames.translate(invalid, line.getCommandSpec()) : message(e);
        err.println("augment: " + message + (code == ExitCodes.FAILURE && !hasStacktrace(parseResult)
                && !(e instanceof EnvironmentException)
                ? " (run with --stacktrace for details)" : ""));
        if (hasStacktrace(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean hasStacktrace(CommandLine.ParseResult parseResult) {
        return parseResult.expandedArgs().contains("--stacktrace");
    }

    /**
     * Only the caller's mistakes are usage errors; any other exception, including a plain
     * {@link IllegalArgumentException} thrown by augment's own code, is a failure (a bug or the environment).
     */
    static int exitCode(Throwable e) {
        if (e instanceof UsageException || e instanceof InvalidSettingException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof InvalidDataException || e instanceof ModelContractException) {
            return ExitCodes.BAD_INPUT;
        }
        if (e instanceof CancelledException) {
            return ExitCodes.INTERRUPTED;
        }
        return ExitCodes.FAILURE;
    }

    private static String message(Throwable e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied; choose a writable location";
        }
        if (e instanceof FileSystemException fs) {
            return fs.getFile() + ": " + (fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason());
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse(message);
    }
}

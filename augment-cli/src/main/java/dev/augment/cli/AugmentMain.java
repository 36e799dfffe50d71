package dev.augment.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

/** Entry point of the {@code augment} command; {@link AugmentCli} builds the command line it runs. */
public final class AugmentMain {

    /** JLine's switch for its "terminal provider jansi has been deprecated" warning. */
    private static final String JLINE_DEPRECATION_WARNING = "org.jline.terminal.disableDeprecatedProviderWarning";

    /** The commands whose result is what they print on standard output, not a file they write. */
    private static final java.util.Set<String> REPORTS_ON_STDOUT = java.util.Set.of("score", "inspect", "models",
            "bench");

    private AugmentMain() {
    }

    /** Builds the command line a run executes: {@link AugmentCli#create}, or one with more commands. */
    @FunctionalInterface
    public interface CommandLineFactory {
        /**
         * @param out standard output
         * @param err standard error
         * @param cancellation cancelled on SIGINT, SIGTERM or SIGHUP
         * @return the command line
         */
        picocli.CommandLine create(PrintWriter out, PrintWriter err, dev.augment.cancel.CancellationToken cancellation);
    }

    /** @param args command-line arguments */
    public static void main(String[] args) {
        run(args, AugmentCli::create);
    }

    /**
     * Runs a command line as {@code ./augment} does: its standard output checked, the three signals handled, numbers
     * in the root locale; ends the JVM with the exit code.
     *
     * @param args command-line arguments
     * @param factory the command line to run (augment-spark's adds spark-generate)
     */
    public static void run(String[] args, CommandLineFactory factory) {
        // One line per log record (with --verbose), unless the user configured java.util.logging.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        }
        StandardOutput stdout = StandardOutput.open();
        System.setOut(new PrintStream(stdout, true, StandardOutput.charset()));
        // the progress bar's terminal library warns on every interactive run that its jansi provider is deprecated
        if (System.getProperty(JLINE_DEPRECATION_WARNING) == null) {
            System.setProperty(JLINE_DEPRECATION_WARNING, "true");
        }
        // numbers read the same in every locale (de_DE printed "score 1,128" beside "0.0 .. 255.0", and one string of
        // report.json came out "0,6440"; Arabic printed its own digits): the whole default, since PrintWriter.printf
        // formats with Locale.getDefault() itself; the locale still decides how file names are encoded
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        // a library thread's OutOfMemoryError is left to the command's own report of the heap
        Thread.setDefaultUncaughtExceptionHandler(new OtherThreadErrors(System.err));
        // in the print streams' own charsets: PrintWriter(OutputStream) encodes in file.encoding, so under
        // ISO-8859-1 (JAVA_TOOL_OPTIONS) a class named 日本 printed as "??" (a fresh user, 6 Dec); the launcher sets
        // both streams to UTF-8
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardOutput.charset()), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardOutput.errorCharset()),
                true);
        SignalCancellation interruption = SignalCancellation.install();
        int code;
        try {
            code = factory.create(out, err, interruption.token()).execute(args);
            out.flush();
            err.flush();
        } finally {
            interruption.commandFinished();
        }
        out.flush();
        String lost = stdout.failure();
        if (lost != null && interruption.signalExitCode() == 0) {
            if (REPORTS_ON_STDOUT.contains(commandWord(args)) || asksForHelpOrVersion(args)) {
                // a score or inspect report, or the help or version text (their whole result), that never reached its
                // file is a failure, not exit 0: `augment --help > /dev/full` was exit 0 (a fresh user, 6 Dec)
                err.println("augment: " + lost);
                code = code == ExitCodes.OK ? ExitCodes.FAILURE : code;
            } else {
                // generate, train, ...: their result is --out, written in full; stdout held progress lines only
                // (a run that failed wrote no --out: it was told "what --out names is complete" after its error)
                err.println("augment: note: " + lost.substring(0, lost.indexOf(", so what it holds")) + "; it held "
                        + "progress lines only" + (code == ExitCodes.OK ? ", and what --out names is complete" : ""));
            }
            err.flush();
        }
        if (interruption.signalExitCode() != 0) {
            // the command stopped on SIGINT, SIGTERM or SIGHUP (or finished just as it came): exit as a process
            // ended by that signal, 128 + its number, whatever the command returned
            if (code == ExitCodes.OK) {
                // it had finished: its output is whole, and the exit code alone made a script discard it
                err.println("augment: interrupted just after the command finished; what it wrote is complete");
                err.flush();
            }
            code = interruption.signalExitCode();
        }
        System.exit(code);
    }

    /**
     * @return whether the arguments ask for picocli's help or version text, which is the whole result then:
     *     {@code --help}, {@code -h}, {@code --version} or {@code -V} before any {@code --}
     */
    public static boolean asksForHelpOrVersion(String[] args) {
        if (args.length > 0 && args[0].equals("help")) {
            return true; // augment help [COMMAND]: the usage is its whole result (a re-check, 7 Dec)
        }
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (java.util.Set.of("--help", "-h", "--version", "-V").contains(arg)) {
                return true;
            }
        }
        return false;
    }

    /** @return the command word, the first argument that is not an option, or "" (help, version) */
    public static String commandWord(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return "";
    }
}

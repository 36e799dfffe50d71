package dev.augment.spark;

import dev.augment.cli.AugmentCli;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Entry point of the augment command line with {@code spark-generate} added ({@link SparkGenerateCommand}); the
 * other commands are {@code augment}'s. Run it with Spark on the class path ({@code augment-spark/spark-generate}
 * locally) or as {@code spark-submit --class dev.augment.spark.AugmentSparkMain}.
 */
public final class AugmentSparkMain {

    /** Log4j 2 configuration of the command line: Spark's log lines off until the command chooses. */
    static final String LOGGING = "dev/augment/spark/log4j2-cli.properties";

    private AugmentSparkMain() {
    }

    /** @param args command-line arguments, e.g. {@code spark-generate --model M --class C --n N --out DIR} */
    public static void main(String[] args) {
        String command = dev.augment.cli.AugmentMain.commandWord(args);
        if (dev.augment.cli.AugmentMain.asksForHelpOrVersion(args)) {
            // the help or version text is the whole result: into a full stdout it was exit 0 (a re-check, 6 Dec)
            dev.augment.cli.AugmentMain.run(args, (out, err, cancellation) -> create(out, err));
            return;
        }
        if (!command.isEmpty() && !command.equals("spark-generate")) {
            // augment's own commands run as ./augment runs them: its stdout check, signal handling and locale (they
            // exited 0 with a full stdout, and printed "0,9 s" under de_DE, from this launcher alone: a fresh user)
            dev.augment.cli.AugmentMain.main(args);
            return;
        }
        java.util.Locale.setDefault(java.util.Locale.ROOT); // as ./augment: numbers read the same in every locale
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", LOGGING);
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = create(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * @param out standard output
     * @param err standard error
     * @return augment's command line ({@link AugmentCli}) with {@code spark-generate}
     */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cli = AugmentCli.create(out, err);
        CommandLine sparkGenerate = new CommandLine(new SparkGenerateCommand());
        sparkGenerate.setOut(out);
        sparkGenerate.setErr(err);
        sparkGenerate.getCommandSpec().versionProvider(new dev.augment.cli.ManifestVersionProvider());
        // the root's converters reach only the subcommands it had: --n 1e3 was refused here alone (5 Dec)
        dev.augment.cli.RangeCheckedNumbers.register(sparkGenerate);
        cli.addSubcommand("spark-generate", sparkGenerate);
        return cli;
    }
}

package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.errors.EnvironmentException;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.errors.ModelContractException;
import dev.augment.io.TemporaryFolder;
import java.util.ArrayList;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds the {@link CommandLine} users get, so that tests drive exactly the same CLI in-process: the
 * exit-code mapping and one-line errors (with "did you mean" suggestions for near-miss commands and
 * options), the version on every subcommand, and the quiet console of {@link ConsoleLogging}.
 */
public final class AugmentCli {

    /**
     * Heap held from the start and let go when a command runs out of memory, so that it can say so in one line: 16 MB,
     * or a thirty-second of a smaller heap (a whole 16 MB made generate fail at -Xmx40m, which ran before).
     */
    @SuppressWarnings("unused")
    private static byte[] memoryReserve = new byte[(int) Math.min(16 << 20, Runtime.getRuntime().maxMemory() / 32)];

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
        if (System.getProperty("picocli.trace") == null) {
            // its warnings named Java fields ("for field java.util.List<String> ...GenerateCommand.classes") on
            // stderr; what they warned of is refused in augment's words (refuseTrailingEmptyEntries; 7 Dec)
            CommandLine.tracer().setLevel(CommandLine.TraceLevel.OFF);
        }
        CommandLine cli = new CommandLine(new AugmentCommand(cancellation));
        cli.setOut(out);
        cli.setErr(err);
        RangeCheckedNumbers.register(cli);
        for (CommandLine sub : cli.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(new ManifestVersionProvider());
        }
        cli.setExecutionStrategy(parseResult -> {
            refuseTrailingEmptyEntries(parseResult);
            refuseEmptyPaths(parseResult);
            checkEnvironment(cli, parseResult);
            return executeQuietly(parseResult);
        });
        cli.setExecutionExceptionHandler(AugmentCli::report);
        cli.setParameterExceptionHandler(AugmentCli::reportUsage);
        return cli;
    }

    /**
     * Checks the temporary folder before any command does work (help and version need none), so a bad
     * {@code java.io.tmpdir} is one line up front instead of a failure after, say, every epoch of training.
     */
    private static void checkEnvironment(CommandLine cli, ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested() || p.isVersionHelpRequested()) {
                return;
            }
        }
        if (!parseResult.hasSubcommand()) {
            return;
        }
        try {
            TemporaryFolder.check();
            lossyCurrentFolder().ifPresent(problem -> {
                throw new EnvironmentException(problem);
            });
        } catch (EnvironmentException e) {
            throw new CommandLine.ExecutionException(cli, e.getMessage(), e);
        }
    }

    /**
     * A current folder whose name Java read lossily (U+FFFD) names another folder: a relative --out became a new folder
     * beside it, where the outputs went with "wrote" and exit 0 (a fresh user, 7 Dec; ./augment checks the name before
     * Java starts). A name that really holds U+FFFD names the folder itself and is taken (a re-check).
     *
     * @return the refusal when {@code user.dir} is not the working folder; else empty
     */
    private static java.util.Optional<String> lossyCurrentFolder() {
        String dir = System.getProperty("user.dir", "");
        if (dir.indexOf('\uFFFD') < 0) {
            return java.util.Optional.empty();
        }
        try {
            if (java.nio.file.Files.isSameFile(java.nio.file.Path.of(dir), java.nio.file.Path.of("."))) {
                return java.util.Optional.empty();
            }
        } catch (java.io.IOException | java.nio.file.InvalidPathException notThere) {
            // it names nothing: refused below
        }
        String charset = System.getProperty("sun.jnu.encoding", "UTF-8");
        return java.util.Optional.of("the current folder's path, read as " + charset + ", names another folder ("
                + dir + "), so outputs would go astray; " + (charset.replace("-", "").equalsIgnoreCase("UTF8")
                ? "its name is not UTF-8: rename it to UTF-8 or cd to a folder whose path is UTF-8"
                : "Java runs under a locale whose charset is not UTF-8 (LANG or LC_ALL=C?): run it with "
                + "LC_ALL=C.UTF-8, or through ./augment"));
    }

    /**
     * An option that takes a comma-separated list ({@code --class}, {@code --minority}, {@code --counts}, …) hears
     * from picocli nothing of a trailing empty entry ({@code --class sneaker,}): the split drops it, while an empty
     * entry elsewhere reaches the command and is refused there. So a value that ends with the separator is refused
     * here, for every such option alike, before any work.
     *
     * @throws ParameterException (exit 2) naming the option and its value
     */
    private static void refuseTrailingEmptyEntries(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            for (CommandLine.Model.OptionSpec option : p.matchedOptions()) {
                if (!",".equals(option.splitRegex())) {
                    continue;
                }
                List<String> values = option.originalStringValues();
                for (String value : values) {
                    // picocli warned in two lines naming a Java field and split '"a,b' at the comma anyway: the class
                    // named a,b became two classes, exit 0 (a fresh user, 7 Dec)
                    // only where a comma makes the quote matter: a class named 5" disk was refused (a re-check)
                    if (value.indexOf(',') >= 0 && value.chars().filter(ch -> ch == '"').count() % 2 == 1) {
                        throw new ParameterException(p.commandSpec().commandLine(), option.longestName() + " '" + value
                                + "' has an unbalanced double quote; a name holding a comma goes in a pair of them "
                                + "(e.g. '\"x, y\",b'), a name holding a quote in an entry of its own (give it in "
                                + "another " + option.longestName() + "), or by its index");
                    }
                    // a doubled comma in --minority or --classes was found after the whole data set was read, 10 s
                    // on Fashion-MNIST (a fresh user, 7 Dec); a quoted name may hold one
                    // a leading one too (",2", ",,2"; a re-check); a value of commas alone is named below
                    if (value.indexOf('"') < 0 && !value.replace(",", "").isBlank()
                            && (value.matches(".*,\\s*,.*") || value.matches("\\s*,.*"))) {
                        throw new ParameterException(p.commandSpec().commandLine(), option.longestName() + " '" + value
                                + "' has an empty entry; separate the entries with single commas");
                    }
                    boolean commasOnly = value.replace(",", "").isBlank();
                    // a lone value of commas alone names nothing at all, which the command itself says; beside
                    // other values of the option the split would drop it silently
                    if (commasOnly && values.size() > 1 && value.contains(",")) {
                        throw new ParameterException(p.commandSpec().commandLine(), option.longestName() + " '" + value
                                + "' names nothing; give a name or leave that " + option.longestName() + " out");
                    }
                    if (value.strip().endsWith(",") && !commasOnly) {
                        throw new ParameterException(p.commandSpec().commandLine(), option.longestName() + " '" + value
                                + "' ends with an empty entry; remove the trailing comma");
                    }
                }
            }
        }
    }

    /**
     * An empty path ({@code --model ""}, a variable that was never set) is the current folder to Java, so it reached
     * the command as a folder and failed as "{@code : cannot read model file (Is a directory)}", exit 3: refused here,
     * for every path option alike, before any work.
     *
     * @throws ParameterException (exit 2) naming the option
     */
    private static void refuseEmptyPaths(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            for (CommandLine.Model.OptionSpec option : p.matchedOptions()) {
                // the data options take paths as text ("images,labels"): their bytes that are not UTF-8 too (6 Dec)
                if (option.type() != java.nio.file.Path.class && java.util.List.of("--data", "--train", "--test")
                        .contains(option.longestName())) {
                    for (String value : option.originalStringValues()) {
                        refuseNonUtf8Path(p, option.longestName(), value);
                    }
                }
                // --label "" was "--label is required", where every other empty option says it is empty (6 Dec)
                if (option.longestName().equals("--label") && option.originalStringValues().stream()
                        .anyMatch(String::isBlank)) {
                    throw new ParameterException(p.commandSpec().commandLine(), "--label is empty; name the class "
                            + "column, e.g. --label class (was the variable that holds it set?)");
                }
                // --names takes a file or a built-in list's name, as text: its ~ too (a re-check, 6 Dec)
                if (option.type() != java.nio.file.Path.class && !option.longestName().equals("--names")) {
                    continue;
                }
                for (String value : option.originalStringValues()) {
                    refuseNonUtf8Path(p, option.longestName(), value);
                    if (value.isBlank() && option.type() == java.nio.file.Path.class) {
                        throw new ParameterException(p.commandSpec().commandLine(), option.longestName()
                                + " is empty; give a path (was the variable that holds it set?)");
                    }
                    // --names "" was the current folder: ": class names file is a folder", exit 3 (a fresh user, 7 Dec)
                    if (value.isBlank()) {
                        throw new ParameterException(p.commandSpec().commandLine(), option.longestName()
                                + " is empty; give fashion-mnist, mnist, cifar10 or a names file (was the variable "
                                + "that holds it set?)");
                    }
                    // --out=~/m.onnx: the shell leaves ~ alone after '=', and train wrote a folder named ~ in the
                    // working folder, which 'rm -rf ~' would then "clean up" (a fresh user, 6 Dec)
                    if (value.matches("~[\\w.-]*(/.*)?")) {
                        String rest = value.contains("/") ? value.substring(value.indexOf('/')) : "";
                        String home = value.startsWith("~/") || value.equals("~") ? "$HOME" : "/home/"
                                + value.substring(1, value.contains("/") ? value.indexOf('/') : value.length());
                        throw new ParameterException(p.commandSpec().commandLine(), option.longestName() + " "
                                + value + " starts with a ~ the shell did not expand (it does not after '=' or in "
                                + "quotes): write " + option.longestName() + " " + value + " with a space, or "
                                + option.longestName() + "=" + home + rest + "; for a folder really named ~, write ./"
                                + value);
                    }
                }
            }
        }
    }

    /**
     * A path typed with bytes that are not UTF-8 (a folder named in Latin-1, {@code caf\xe9}) reaches Java as U+FFFD,
     * and names no file: it was "data not found" for a folder the user could list (a fresh user, 6 Dec).
     *
     * @throws ParameterException (exit 2) when the value holds U+FFFD and names nothing that exists
     */
    private static void refuseNonUtf8Path(ParseResult p, String option, String value) {
        if (value.indexOf('\uFFFD') < 0 || java.util.Arrays.stream(value.split(",")).anyMatch(part -> {
            try {
                return java.nio.file.Files.exists(java.nio.file.Path.of(part.strip()));
            } catch (java.nio.file.InvalidPathException e) {
                return false;
            }
        })) {
            return;
        }
        throw new ParameterException(p.commandSpec().commandLine(), option + " " + value + " holds bytes that are "
                + "not UTF-8 (shown as \uFFFD), and Java names files in UTF-8 here, so it cannot open it; rename that "
                + "folder or file to UTF-8 (e.g. convmv -f cp1252 -t utf8 -r --notest on its parent)");
    }

    /** Runs the chosen command with the libraries' loggers at WARNING, or INFO with {@code --verbose}. */
    private static int executeQuietly(ParseResult parseResult) {
        List<CommandLine> parsed = parseResult.asCommandLineList();
        boolean verbose = CommonOptions.of(parsed.get(parsed.size() - 1)).map(o -> o.verbose).orElse(false);
        try (ConsoleLogging logging = ConsoleLogging.apply(verbose)) {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (OutOfMemoryError e) {
            // what the failed command held is garbage now, but a thread of it may still be filling the heap: the
            // reserve makes room for the one line (without it the report itself ran out of memory, and the JVM printed
            // "Exception in thread main java.lang.OutOfMemoryError" instead)
            memoryReserve = null;
            return reportOutOfMemory(e, parsed.get(parsed.size() - 1));
        }
    }

    /**
     * @return for a command given a CSV table (--data, --train), the way to read fewer of its rows: no option asks for
     *     fewer, and "ask for fewer examples" could not be followed for a 2.5-million-row table (a fresh user, 6 Dec)
     */
    private static java.util.Optional<String> tableSample(CommandLine line) {
        ParseResult command = line.getParseResult();
        for (String option : List.of("--data", "--train")) {
            if (command != null && command.hasMatchedOption(option)) {
                String data = String.valueOf(command.matchedOptionValue(option, (Object) null));
                if (data.toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
                    // a random sample of a size the table has, its header kept (head -n 500001 was the whole of a
                    // smaller table, and shuf would have shuffled its header in: a re-check, 6 Dec)
                    String file = dev.augment.generate.output.AtomicOutputDirectory.shellWord(data);
                    return java.util.Optional.of("use a random sample of the table's rows, e.g. (head -n 1 " + file
                            + "; tail -n +2 " + file + " | shuf -n 100000) > part.csv, fewer rows if that still runs "
                            + "out");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Running out of Java heap or direct memory is the JVM's limit, not a bug: one line naming the limit and
     * the launcher variable that raises it. Outputs are cleaned up as on any failure (the error unwound through
     * every command's temporary-file handling; {@code train} keeps its checkpoint folder for {@code --resume}).
     */
    private static int reportOutOfMemory(OutOfMemoryError e, CommandLine line) {
        PrintWriter err = line.getErr();
        // Java 17 says "Direct buffer memory" or "Cannot reserve N bytes of direct buffer memory (...)"
        boolean direct = e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT)
                .contains("direct buffer memory");
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        // -XX:MaxHeapSize= is -Xmx's long spelling (a re-check, 6 Dec)
        java.util.Optional<String> heapOverride = overriddenBy("-Xmx").or(() -> overriddenBy("-XX:MaxHeapSize"));
        java.util.Optional<String> directOverride = overriddenBy("-XX:MaxDirectMemorySize");
        if (e.getMessage() != null && e.getMessage().contains("array size exceeds VM limit")) {
            // no heap setting helps: one Java array cannot hold that many elements
            err.println("augment: asked for more values than one Java array can hold (about 2^31); ask for fewer "
                    + "examples or samples");
        } else if (direct && directOverride.isPresent()) {
            err.println("augment: ran out of direct memory; " + directOverride.get());
        } else if (direct) {
            err.println("augment: ran out of direct memory (-XX:MaxDirectMemorySize); give Java more, e.g. "
                    + "AUGMENT_JAVA_OPTS=\"-Xmx6g -XX:MaxDirectMemorySize=2g\" ./augment ...");
        } else if (heapOverride.isPresent()) {
            err.println("augment: ran out of Java heap (-Xmx, now " + heapMb + " MB); " + heapOverride.get());
        } else {
            // at least 6 GB, and twice what it had: advising the heap it already has helps no one
            long suggestedGb = Math.max(6, 2 * ((heapMb + 1023) / 1024));
            err.println("augment: ran out of Java heap (-Xmx, now " + heapMb + " MB); give Java more, e.g. "
                    + "AUGMENT_JAVA_OPTS=\"-Xmx" + suggestedGb + "g -XX:MaxDirectMemorySize=2g\" ./augment ..., or "
                    + tableSample(line).orElse("ask for fewer examples"));
        }
        if (CommonOptions.of(line).map(o -> o.stacktrace).orElse(false)) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    /**
     * The JVM takes {@code _JAVA_OPTIONS} after its command line, so a limit set there beats AUGMENT_JAVA_OPTS and
     * advising AUGMENT_JAVA_OPTS would fail again (helper m9, 6 Dec).
     *
     * @param option {@code -Xmx} or {@code -XX:MaxDirectMemorySize}
     * @return the advice to lift {@code _JAVA_OPTIONS}'s setting of {@code option}, when it sets one
     */
    static java.util.Optional<String> overriddenBy(String option) {
        return overriddenBy(option, System.getenv("_JAVA_OPTIONS"));
    }

    static java.util.Optional<String> overriddenBy(String option, String javaOptions) {
        if (javaOptions == null) {
            return java.util.Optional.empty();
        }
        return java.util.Arrays.stream(javaOptions.trim().split("\\s+")).filter(o -> o.startsWith(option))
                .reduce((first, last) -> last)
                .map(set -> "the environment's _JAVA_OPTIONS sets " + set + ", which overrides AUGMENT_JAVA_OPTS and "
                        + "the command line: unset _JAVA_OPTIONS (or raise it there) and run again");
    }

    /** One line naming the mistake, a suggestion when the word was close to a command or option, and where to look. */
    private static int reportUsage(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        if (args.length > 0 && args[0].equals("help")) {
            // "augment help" was "did you mean models?", and "augment help generate" generate's missing options (a
            // fresh user, 7 Dec): git's and picocli's own way of asking for help, answered with the usage asked for
            CommandLine root = line;
            while (root.getParent() != null) {
                root = root.getParent();
            }
            CommandLine asked = args.length > 1 ? root.getSubcommands().get(args[1]) : root;
            if (asked != null && args.length <= 2) {
                asked.usage(root.getOut());
                root.getOut().flush();
                return ExitCodes.OK;
            }
        }
        String suggestion = "";
        if (e instanceof UnmatchedArgumentException unmatched) {
            String picocli = unmatched.getSuggestions().isEmpty() ? ""
                    : "; did you mean " + unmatched.getSuggestions().get(0) + "?";
            boolean option = !unmatched.getUnmatched().isEmpty() && unmatched.getUnmatched().get(0).startsWith("-");
            // for an option, the closest by edits first (--forc is --force, where picocli offers --format; picocli
            // offers nothing for a case slip such as --Out); for a command word (generat), picocli's
            suggestion = !option ? picocli : UnknownOptions.firstUnknown(args, line.getCommandSpec())
                    .map(name -> UnknownOptions.hint(name, line.getCommandSpec())).filter(h -> !h.isEmpty())
                    .orElse(picocli);
            if (!option && suggestion.isEmpty() && !unmatched.getUnmatched().isEmpty()) {
                suggestion = fileOptionFor(unmatched.getUnmatched().get(0), line.getCommandSpec(), args);
            }
            if (!unmatched.getUnmatched().isEmpty() && line.getCommandSpec().parent() == null
                    && unmatched.getUnmatched().get(0).toLowerCase(java.util.Locale.ROOT).startsWith("spark")) {
                // the Spark section's command typed with this launcher was offered generate (a fresh user, 6 Dec),
                // and so was a misspelling of it (spark-gen, sparkgenerate: a re-check)
                suggestion = "; spark-generate is a command of the Spark launcher: run augment-spark/augment "
                        + "spark-generate (README, \"Generating on Apache Spark\")";
            }
        }
        String message = e.getMessage();
        int ends = java.util.Arrays.asList(args).indexOf("--");
        if (e instanceof CommandLine.MissingParameterException missing && ends >= 0) {
            // a required option written after '--' only: "Missing required option '--n'" it could see (a re-check)
            List<String> after = java.util.Arrays.asList(args).subList(ends + 1, args.length);
            for (CommandLine.Model.ArgSpec arg : missing.getMissing()) {
                if (arg instanceof CommandLine.Model.OptionSpec option) {
                    java.util.Optional<String> written = after.stream().filter(a -> java.util.Arrays.stream(
                            option.names()).anyMatch(n -> a.equals(n) || a.startsWith(n + "="))).findFirst();
                    if (written.isPresent()) {
                        line.getErr().println("augment: '" + written.get() + "' comes after '--', which ends the "
                                + "options, so it is read as no option; remove the '--' (see '"
                                + line.getCommandSpec().qualifiedName() + " --help')");
                        line.getErr().flush();
                        return ExitCodes.USAGE;
                    }
                }
            }
        }
        if (e instanceof UnmatchedArgumentException unmatched && ends >= 0 && !unmatched.getUnmatched().isEmpty()
                && java.util.Arrays.asList(args).subList(ends + 1, args.length).contains(unmatched.getUnmatched()
                .get(0))) {
            // '-- --n' was asked "did you mean --n?" (a fresh user, 6 Dec)
            message = "'" + unmatched.getUnmatched().get(0) + "' comes after '--', which ends the options, so it is "
                    + "read as no option; remove the '--'";
            suggestion = "";
        }
        if (e instanceof CommandLine.MissingParameterException) {
            // a mistyped option (--N for --n) is why the required one is missing: name the typo, not the symptom
            java.util.Optional<String> typo = UnknownOptions.first(args, line.getCommandSpec());
            if (typo.isPresent()) {
                message = typo.get();
                suggestion = "";
            }
        }
        java.util.Optional<String> dash = UnknownOptions.dashLookalike(args, line.getCommandSpec());
        if (dash.isPresent()) {
            message = dash.get();
            suggestion = "";
        }
        if (message != null && message.contains("but found '--'") && java.util.Arrays.stream(args)
                .anyMatch(a -> a.equals("--missing") || a.startsWith("--missing="))) {
            // no form of the option takes '--': say what to do (a re-check, 6 Dec)
            suggestion = "; '--' ends the options however it is given, so it cannot be the missing marker: write "
                    + "those cells empty";
        }
        java.util.regex.Matcher optionAsClass = java.util.regex.Pattern.compile("Expected parameter for option "
                + "'--(class|classes|counts|minority)' but found '(-.*)'").matcher(message == null ? "" : message);
        if (optionAsClass.matches()) {
            // the refusal of a class folder named --n said nothing of the quoted form that works (a fresh user, 6 Dec)
            suggestion = "; a class named like an option is given in double quotes inside the value, e.g. --"
                    + optionAsClass.group(1) + " '\"" + optionAsClass.group(2) + "\"'" + ", or by its index";
        }
        line.getErr().println("augment: " + oneLine(message) + suggestion
                + " (see '" + line.getCommandSpec().qualifiedName() + " --help')");
        line.getErr().flush();
        return ExitCodes.USAGE;
    }

    /**
     * A file given without its option ({@code augment inspect base.onnx}): every command takes its files by option.
     *
     * @param word the first unmatched word
     * @param spec the command
     * @param args the command line
     * @return "; files are given with an option: --model base.onnx" naming the command's options for such a file
     *     (a {@code .onnx} file: {@code --model}; any other: {@code --data}, {@code --train}, {@code --test}) not
     *     given yet, several joined by "or"; "" when the word does not look like a path or none is left
     */
    static String fileOptionFor(String word, CommandLine.Model.CommandSpec spec, String[] args) {
        boolean looksLikePath = word.contains(".") || word.contains("/") || exists(word);
        if (!looksLikePath) {
            return "";
        }
        // a model file goes to --model; anything else to the data options (not --out or --checkpoint-dir)
        java.util.Set<String> fitting = word.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")
                ? java.util.Set.of("--model") : java.util.Set.of("--data", "--train", "--test");
        List<String> free = spec.options().stream()
                .filter(o -> java.util.Arrays.stream(o.names()).anyMatch(fitting::contains))
                .filter(o -> java.util.Arrays.stream(o.names()).noneMatch(n -> java.util.Arrays.stream(args)
                        .anyMatch(a -> a.equals(n) || a.startsWith(n + "="))))
                .map(CommandLine.Model.OptionSpec::longestName).toList();
        return free.isEmpty() ? "" : "; files are given with an option: " + String.join(" or ", free.stream()
                .map(n -> n + " " + word).toList());
    }

    private static boolean exists(String word) {
        try {
            return Files.exists(Path.of(word));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * @param message an error message, which may quote what the user typed or the data holds
     * @return it with control characters other than a line break written as escapes ({@code \r}, {@code \t}, or
     *     a Unicode escape for the others): a carriage return copied from a CRLF header into
     *     {@code --label "Outcome\r"} made the terminal overwrite the start of the line with its rest
     */
    static String visible(String message) {
        return escaped(message, false);
    }

    /**
     * @param message one of augment's own messages (or the command-line parser's), one line by design
     * @return {@link #visible} with line breaks escaped too ({@code \n}): a line break in it came from a value it
     *     quotes ({@code --label $'Type\n'}, a header cell), and the line would end there; public for the
     *     commands other modules add ({@code spark-generate}), whose {@code wrote} lines name a path too
     */
    public static String oneLine(String message) {
        return escaped(message, true);
    }

    private static String escaped(String message, boolean lineBreaks) {
        if (message == null || message.chars().noneMatch(c -> c < 0x20 && (lineBreaks || c != '\n') || c == 0x7f)) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length() + 8);
        for (char c : message.toCharArray()) {
            if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c == '\n' && lineBreaks) {
                out.append("\\n");
            } else if ((c < 0x20 && c != '\n') || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int report(Exception thrown, CommandLine line, ParseResult parseResult) {
        PrintWriter err = line.getErr();
        // A signal that arrives while the JVM is still starting a resource (a shutdown hook, a native
        // library) surfaces as "Shutdown in progress": it is an interruption like any other.
        Exception e = shutdownInProgress(thrown)
                ? new CancelledException("interrupted while starting; nothing was written") : thrown;
        int code = exitCode(e);
        boolean stacktrace = CommonOptions.of(line).map(o -> o.stacktrace).orElse(false);
        // an environment error names its own place (DJL's cache, the temporary folder): a full DJL_CACHE_DIR was
        // reported as a full disk under --out, which had 78 GB free (a fresh user, 5 Dec)
        boolean diskFull = reportsAsFullDisk(e);
        String message = e instanceof InvalidSettingException invalid
                ? OptionNames.translate(invalid, line.getCommandSpec())
                : diskFull ? fullDisk(e, parseResult)
                // "earlier output kept" only when the new output has not taken its place
                : e instanceof CancelledException && message(e).contains("nothing was written")
                ? namingEvaluateOut(message(e), parseResult) + earlierOutputKept(parseResult)
                : e instanceof CancelledException && evaluateOut(parseResult) != null
                ? message(e) + "; nothing was written to " + evaluateOut(parseResult) + earlierOutputKept(parseResult)
                // train stopped while its CNN judge trained said only where it stopped (a fresh user, 6 Dec)
                // the checkpoint it wrote as it stopped was said twice, "keeps step 6 of 30; resume from it" and "the
                // last checkpoint, in ..., is kept for --resume" (a re-check, 6 Dec)
                : e instanceof CancelledException && isTrain(parseResult) && message(e).contains(" keeps step ")
                ? message(e) + "; the output was not written" + earlierOutputKept(parseResult)
                : e instanceof CancelledException && isTrain(parseResult) && !message(e).contains("kept")
                ? message(e) + "; " + kept(parseResult)
                : message(e);
        err.println("augment: " + visible(message) + (code == ExitCodes.FAILURE && !stacktrace
                && !(e instanceof EnvironmentException) && !(e instanceof dev.augment.train.TrainingDivergedException)
                && !diskFull
                ? " (run with --stacktrace for details)" : ""));
        if (stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /**
     * @return " to X" (or " to X or Y") naming the run's --out and --checkpoint-dir as given, or "" when the command
     *     has neither: the operating system's message names no file
     */
    private static String outputs(ParseResult parseResult) {
        ParseResult command = leaf(parseResult);
        if (command == null) {
            return "";
        }
        List<String> written = new ArrayList<>();
        for (String option : List.of("--out", "--checkpoint-dir")) {
            if (command.hasMatchedOption(option)) {
                written.add(String.valueOf(command.matchedOptionValue(option, (Object) null)));
            }
        }
        return written.isEmpty() ? "" : " to " + String.join(" or ", written);
    }

    private static boolean isTrain(ParseResult parseResult) {
        ParseResult command = leaf(parseResult);
        return command != null && "train".equals(command.commandSpec().name());
    }

    /**
     * @return what a failed run left: a training run's checkpoint for --resume, else nothing; and the output that was
     *     there before (a run with --force replaces it only when it succeeds)
     */
    private static String kept(ParseResult parseResult) {
        ParseResult command = leaf(parseResult);
        String kept = command != null && "train".equals(command.commandSpec().name())
                ? TrainCommand.keptCheckpoint(command).map(folder -> TrainCommand.keptCheckpointIsEarlierRuns(command)
                        ? "the output was not written; the earlier run's checkpoint, in " + folder
                        + ", is kept as it was"
                        : "the output was not written; the last checkpoint, in " + folder + ", is kept for --resume")
                        .orElse("nothing was kept")
                : command != null && "evaluate".equals(command.commandSpec().name())
                && EvaluateCommand.summaryPrinted(command)
                ? "the report was not written; its figures are in the summary printed above" : "nothing was kept";
        return kept + earlierOutputKept(parseResult);
    }

    /**
     * @return "; the earlier OUT is kept as it was" when the failed or interrupted run was given --force and its
     *     --out exists: the output it would have replaced, which a run replaces only at its end ("nothing was kept"
     *     alone read as if that had gone too); else ""
     */
    private static String earlierOutputKept(ParseResult parseResult) {
        ParseResult command = leaf(parseResult);
        if (command == null || !command.hasMatchedOption("--force") || !command.hasMatchedOption("--out")) {
            return "";
        }
        Object out = command.matchedOptionValue("--out", (Object) null);
        try {
            return out != null && Files.exists(Path.of(out.toString()), LinkOption.NOFOLLOW_LINKS)
                    ? "; the earlier " + out + " is kept as it was" : "";
        } catch (java.nio.file.InvalidPathException e) {
            return "";
        }
    }

    /**
     * @return {@code evaluate}'s --out, or null for another command: an evaluation writes its folder only once it is
     *     complete, so an interruption inside it (a classifier's fit, the diagnostics) has written nothing, which
     *     its message, worded where it stopped, did not say (a fresh user's remark, 3 Dec)
     */
    /**
     * @return the message with " to OUT" after a closing "nothing was written" when the command is evaluate (a table
     *     GAN's training, stopped inside evaluate, says it without knowing the report's folder)
     */
    private static String namingEvaluateOut(String message, ParseResult parseResult) {
        Object out = evaluateOut(parseResult);
        return out != null && message.endsWith("nothing was written") ? message + " to " + out : message;
    }

    private static Object evaluateOut(ParseResult parseResult) {
        ParseResult command = leaf(parseResult);
        return command != null && "evaluate".equals(command.commandSpec().name()) && command.hasMatchedOption("--out")
                ? command.matchedOptionValue("--out", (Object) null) : null;
    }

    private static ParseResult leaf(ParseResult parseResult) {
        ParseResult command = parseResult;
        while (command != null && command.subcommand() != null) {
            command = command.subcommand();
        }
        return command;
    }

    /** The operating system's words for a full disk (ENOSPC), as Java reports them. */
    private static final String NO_SPACE = "No space left on device";

    /** The operating system's words for a file over the file system's or ulimit's size (EFBIG). */
    private static final String TOO_LARGE = "File too large";

    /** Free bytes above which a full disk is taken for one out of inodes: 64 MB. */
    private static final long SPACE_LEFT = 64L << 20;

    /** As {@link #SPACE_LEFT}, for the space measured before the partial output was deleted: 1 MB. */
    private static final long SPACE_LEFT_BEFORE_CLEANUP = 1L << 20;

    /**
     * @return the full-disk line: out of space, out of inodes while space is left (one PNG per sample: "free some
     *     space" sent a user to space that was there), or a file larger than the file system or {@code ulimit -f}
     *     allows (it was the bug's tail, naming no file) (a fresh user, 6 Dec)
     */
    private static String fullDisk(Throwable e, ParseResult parseResult) {
        if (causedBy(e, TOO_LARGE)) {
            return TOO_LARGE + " while writing" + outputs(parseResult) + "; " + kept(parseResult) + "; the file system "
                    + "(FAT32 takes 4 GB a file) or ulimit -f does not allow a file this large: write to another disk, or "
                    + "use --format png (one file per sample)";
        }
        // the space before the partial output was deleted, where an output folder recorded it: after, a disk filled by
        // small PNGs had space again, and the line blamed inodes (a fresh user, 7 Dec)
        java.util.OptionalLong before = spaceBeforeCleanup(parseResult);
        long free = before.orElse(usableSpace(parseResult));
        // measured before the deletion, a few blocks free tell inodes: a 50 MB disk of 100 inodes was told to free
        // space (a re-check, 7 Dec); measured after it, the deleted output's space must be told apart, so 64 MB
        if (free > (before.isPresent() ? SPACE_LEFT_BEFORE_CLEANUP : SPACE_LEFT)) {
            ParseResult command = leaf(parseResult);
            boolean formats = command != null && command.commandSpec().findOption("--format") != null;
            return NO_SPACE + " while writing" + outputs(parseResult) + ", although " + (outputCount(parseResult) > 1
                    ? "each has" : "it has") + " at least " + (free >> 20) + " MB free: the file system is out of "
                    + "inodes, one per file (df -i); " + kept(parseResult) + "; write fewer files" + (formats
                    ? " (--format idx or csv write one)" : "") + " or to another disk";
        }
        return NO_SPACE + " while writing" + fullOutputs(parseResult) + "; " + kept(parseResult)
                + "; free some space or write to another disk";
    }

    /** @return the usable bytes recorded before the partial output of the command's --out was deleted, if any */
    private static java.util.OptionalLong spaceBeforeCleanup(ParseResult parseResult) {
        ParseResult command = leaf(parseResult);
        if (command == null || !command.hasMatchedOption("--out")) {
            return java.util.OptionalLong.empty();
        }
        try {
            return dev.augment.io.SpaceBeforeCleanup.lastBeside(java.nio.file.Path.of(String.valueOf(
                    command.matchedOptionValue("--out", (Object) null))));
        } catch (RuntimeException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /**
     * @return as {@link #outputs(ParseResult)}, naming only the outputs whose disk is full (at most
     *     {@link #SPACE_LEFT} free) when the others' disks are not: both were named where the free space told which
     *     (a re-check, 6 Dec); all of them when that cannot be told
     */
    private static String fullOutputs(ParseResult parseResult) {
        ParseResult command = leaf(parseResult);
        if (command == null) {
            return "";
        }
        List<String> full = new ArrayList<>();
        int given = 0;
        for (String option : OUTPUT_OPTIONS) {
            if (command.hasMatchedOption(option)) {
                given++;
                String value = String.valueOf(command.matchedOptionValue(option, (Object) null));
                long free = usableSpace(value);
                if (free < 0) {
                    return outputs(parseResult);
                }
                if (free <= SPACE_LEFT) {
                    full.add(value);
                }
            }
        }
        return full.isEmpty() || full.size() == given ? outputs(parseResult) : " to " + String.join(" or ", full);
    }

    /**
     * @return the usable bytes of the fullest disk among --out's and --checkpoint-dir's, or -1 when there is neither or
     *     it cannot be told: a full checkpoint disk was called "out of inodes" from --out's free space (a fresh user,
     *     6 Dec)
     */
    private static long usableSpace(ParseResult parseResult) {
        ParseResult command = leaf(parseResult);
        if (command == null) {
            return -1;
        }
        long least = -1;
        for (String option : OUTPUT_OPTIONS) {
            if (!command.hasMatchedOption(option)) {
                continue;
            }
            long free = usableSpace(String.valueOf(command.matchedOptionValue(option, (Object) null)));
            if (free < 0) {
                return -1;
            }
            least = least < 0 ? free : Math.min(least, free);
        }
        return least;
    }

    /** @return the usable bytes of the disk of a path or of its nearest existing parent, or -1 when not told */
    private static long usableSpace(String path) {
        try {
            java.nio.file.Path at = java.nio.file.Path.of(path).toAbsolutePath();
            while (at != null && !java.nio.file.Files.exists(at)) {
                at = at.getParent();
            }
            return at == null ? -1 : java.nio.file.Files.getFileStore(at).getUsableSpace();
        } catch (java.io.IOException | RuntimeException ex) {
            return -1;
        }
    }

    /** The options that name where a command writes. */
    private static final List<String> OUTPUT_OPTIONS = List.of("--out", "--checkpoint-dir");

    /** @return how many of {@link #OUTPUT_OPTIONS} the command was given */
    private static long outputCount(ParseResult parseResult) {
        ParseResult command = leaf(parseResult);
        return command == null ? 0 : OUTPUT_OPTIONS.stream().filter(command::hasMatchedOption).count();
    }

    private static boolean causedBy(Throwable e, String words) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(words)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether the error is said as a full disk under the command's outputs: not an environment error, which
     *     names its own place (a full DJL_CACHE_DIR)
     */
    static boolean reportsAsFullDisk(Exception e) {
        return !(e instanceof EnvironmentException) && diskFull(e);
    }

    /** A full disk is the machine's state, not a bug: said plainly, without the stack-trace hint. */
    private static boolean diskFull(Throwable e) {
        return causedBy(e, NO_SPACE) || causedBy(e, TOO_LARGE);
    }

    private static boolean shutdownInProgress(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IllegalStateException && "Shutdown in progress".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
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

    /**
     * A disk that turned read-only mid-run left 3 840 PNGs in the hidden temporary output, which its clean-up could not
     * delete, and the line named only the file that failed (a fresh user, 7 Dec).
     *
     * @param file the file a file-system error names, or null
     * @return "; the partial output DIR is still there: delete it (the next run to that --out does)" when the file
     *     lies in a temporary output folder ({@code .NAME.tmp-…}) that is still there after the run; else ""
     */
    static String leftoverNote(String file) {
        return temporaryOutput(file).filter(work -> java.nio.file.Files.isDirectory(work,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)).map(work -> "; the partial output " + work + " is still "
                + "there: delete it (the next run to that --out does)").orElse("");
    }

    /**
     * A PNG or a side file of an output whose parent another shell renamed mid-run was "…/classes.csv: no such file or
     * folder", the whole output left in the moved folder unnamed (re-checks, 7 Dec), as the writers' own check says.
     *
     * @param file the file a file-system error names, or null
     * @return the line for a file in a temporary output folder that is no longer there; else empty
     */
    static java.util.Optional<String> temporaryOutputGone(String file) {
        return temporaryOutput(file).filter(work -> !java.nio.file.Files.exists(work,
                java.nio.file.LinkOption.NOFOLLOW_LINKS)).map(dev.augment.io.KilledRunLeftovers::goneMessage);
    }

    private static java.util.Optional<java.nio.file.Path> temporaryOutput(String file) {
        return file == null ? java.util.Optional.empty()
                : dev.augment.io.KilledRunLeftovers.temporaryOf(java.nio.file.Path.of(file));
    }

    /** Words for the file-system exceptions that carry no reason of their own. */
    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder, or it cannot be created there";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "folder is not empty";
        }
        return "the file system refused it (no reason given; is it read-only or full?)";
    }

    private static String message(Throwable e) {
        if (e instanceof AccessDeniedException denied) {
            // inside a temporary output it was writable at the start: the leftover is named too (a re-check, 7 Dec)
            String leftover = leftoverNote(denied.getFile());
            return denied.getFile() + ": permission denied" + (leftover.isEmpty() ? "; choose a writable location"
                    : leftover);
        }
        if (e instanceof FileSystemException fs) {
            return temporaryOutputGone(fs.getFile()).orElse(fs.getFile() + ": " + (fs.getReason() != null
                    ? fs.getReason() : reason(fs)) + leftoverNote(fs.getFile()));
        }
        // before the first line is taken (lines() ends one at a \r too); augment's own messages are one line by
        // design, so a line break in them is a quoted value's, while a library's second line is its detail
        String message = e.getClass().getPackageName().startsWith("dev.augment") ? oneLine(e.getMessage())
                : visible(e.getMessage());
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String first = message.lines().findFirst().orElse(message);
        String cause = rootCause(e);
        // ImageIO says only "I/O error writing PNG file!"; the cause says why (e.g. no space left on device).
        return cause == null || first.contains(cause) ? first : first + " (" + cause + ")";
    }

    /** The first line of the innermost cause's message, when there is a cause with a message. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.nio.charset.CharacterCodingException) {
            return null; // "Input length = 1" says nothing the "not UTF-8 text" message does not
        }
        String text = root == e ? null : root.getMessage();
        if (root instanceof dev.augment.errors.InvalidDataException data && text != null
                && text.startsWith(data.file() + ": ")) {
            // a wrapper that repeats the problem names the file itself: compare the problem alone
            text = text.substring((data.file() + ": ").length());
        }
        return text == null || text.isBlank() ? null : text.lines().findFirst().orElse(text);
    }
}

package dev.augment.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a word that looks like an option but is none of a command's, for when picocli reports a missing required
 * option first: {@code generate --class bag --N 5} said only "Missing required option: '--n=N'".
 */
final class UnknownOptions {

    private UnknownOptions() {
    }

    /**
     * @param args the whole command line
     * @param spec the command that failed
     * @return "Unknown option: '--N'; did you mean --n?" for the first unknown option-like word, with its
     *     {@link #hint}; empty when there is none
     */
    static Optional<String> first(String[] args, CommandSpec spec) {
        return firstUnknown(args, spec).map(name -> "Unknown option: '" + name + "'" + hint(name, spec));
    }

    /**
     * @param args the whole command line
     * @param spec the command that failed
     * @return the first unknown option-like word (a word starting with '-' that is not a number, up to any '='),
     *     before any {@code --}; empty when there is none
     */
    static Optional<String> firstUnknown(String[] args, CommandSpec spec) {
        for (String arg : args) {
            if (arg.equals("--")) {
                break; // what follows is no option however it is spelt: '-- --n' was asked "did you mean --n?" (6 Dec)
            }
            if (!arg.startsWith("-") || arg.equals("-") || isNumber(arg)) {
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (!known(name, spec)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /**
     * @param name an option the command does not have
     * @param spec the command
     * @return "; did you mean --n?" when an option differs by case or at most two edits, or by evaluate's "gan-"
     *     prefix of a table GAN option ({@code --pac} for {@code --gan-pac}); else "; --format is an option of
     *     generate and oversample, not of spark-generate" when other commands have it exactly (picocli offered
     *     {@code --force} for spark-generate's {@code --format}: a fresh user, 6 Dec); else ""
     */
    static String hint(String name, CommandSpec spec) {
        Optional<String> close = closest(name, spec);
        if (close.isPresent()) {
            return "; did you mean " + close.get() + "?";
        }
        if (spec.parent() == null) {
            return "";
        }
        List<String> others = spec.parent().subcommands().values().stream().map(CommandLine::getCommandSpec)
                .distinct().filter(other -> other != spec && known(name, other)).map(CommandSpec::name).toList();
        if (others.isEmpty()) {
            return "";
        }
        String last = others.get(others.size() - 1);
        return "; " + name + " is an option of " + (others.size() == 1 ? last
                : String.join(", ", others.subList(0, others.size() - 1)) + " and " + last) + ", not of " + spec.name();
    }

    /** Dashes a web page, PDF or word processor puts where {@code --} was typed: figure, en, em, minus and others. */
    private static final String DASH_LOOKALIKES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d";

    /**
     * Options pasted through a tool that turns {@code --} into a dash ({@code —n}) were reported as a missing
     * {@code --n} the user could see on the line, or as unmatched arguments, never naming the dash (a fresh user,
     * 6 Dec).
     *
     * @param args the whole command line
     * @param spec the command that failed
     * @return "'—n' starts with an em dash (U+2014), not two hyphens; did you mean --n?" for the first word that
     *     starts with such a dash; empty when none does
     */
    static Optional<String> dashLookalike(String[] args, CommandSpec spec) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.isEmpty() || DASH_LOOKALIKES.indexOf(arg.charAt(0)) < 0) {
                continue;
            }
            String word = arg.replaceFirst("^[-" + DASH_LOOKALIKES + "]+", "");
            // an option's value may start with a dash ('--missing —', a table's gap mark): only a word that reads as
            // an option's name, and is no option's value, is taken for one (a re-check, 6 Dec)
            OptionSpec before = i == 0 ? null : spec.findOption(args[i - 1]);
            if (word.isEmpty() || !Character.isLetter(word.charAt(0))
                    || before != null && before.arity().max() > 0 && !args[i - 1].contains("=")) {
                continue;
            }
            String name = "--" + (word.contains("=") ? word.substring(0, word.indexOf('=')) : word);
            String option = known(name, spec) ? name : known("-" + word, spec) ? "-" + word
                    : closest(name, spec).orElse(null);
            return Optional.of("'" + arg + "' starts with " + Character.getName(arg.charAt(0)).toLowerCase(Locale.ROOT)
                    + String.format(Locale.ROOT, " (U+%04X)", (int) arg.charAt(0)) + ", not two hyphens "
                    + "(a dash a web page or word processor put for --)" + (option == null ? "; type the option with "
                    + "--" : "; did you mean " + option + "?"));
        }
        return Optional.empty();
    }

    /** Exactly an option's name: picocli's findOption also matches "-force" to "--force", which it then refuses. */
    private static boolean known(String name, CommandSpec spec) {
        return spec.options().stream().anyMatch(o -> java.util.Arrays.asList(o.names()).contains(name));
    }

    private static Optional<String> closest(String name, CommandSpec spec) {
        String best = null;
        int bestDistance = 3;
        for (OptionSpec option : spec.options()) {
            for (String candidate : option.names()) {
                if (candidate.startsWith("--") != name.startsWith("--")) {
                    continue; // --n is no slip for -h: a long word is matched to long options only, and back
                }
                int d = candidate.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)) ? 0
                        : distance(candidate, name);
                if (d < bestDistance) {
                    best = candidate;
                    bestDistance = d;
                }
            }
        }
        if (best == null && name.startsWith("--")) {
            // train's table GAN options are evaluate's with "gan-" (--pac is --gan-pac there), and back
            String word = name.substring(2);
            for (String other : new String[] {"--gan-" + word, word.startsWith("gan-") ? "--" + word.substring(4) : ""}) {
                if (!other.isEmpty() && known(other, spec)) {
                    return Optional.of(other);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean isNumber(String arg) {
        try {
            Double.parseDouble(arg);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

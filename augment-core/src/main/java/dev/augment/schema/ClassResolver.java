package dev.augment.schema;

import dev.augment.errors.InvalidSettingException;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns what a person calls a class into its class index, the same way everywhere: {@code generate}'s
 * classes, the evaluation's minority classes and the Tribuo API ({@code SyntheticExamples},
 * {@code AugmentationPolicy}).
 *
 * <p>A query is tried, in this order, as
 * <ol>
 *   <li>an exact class name ("a-b" is class "a-b", even when "A B" is a class too);</li>
 *   <li>an exact Tribuo label ("7");</li>
 *   <li>with spaces round it ("1 ", " sneaker"), the same query stripped of them, through every step: an exact
 *       name with the spaces (a class folder "1 ") wins over class "1";</li>
 *   <li>a class index (decimal digits, 0 to K-1), unless a label is a number ("3", "3.0", "2.5") other than
 *       labels 0 … K-1 in order: then a number that is no label is unknown, since reading it as an index would
 *       pick a class whose label is another number;</li>
 *   <li>a loose match of a name or label, ignoring case, spaces, dashes and other punctuation
 *       ("ankle-boot" is "Ankle boot") — only when exactly one class matches, and only for a query
 *       with a letter in it ("-1" is not label "1").</li>
 * </ol>
 * A query in double quotes ({@code "a,b"}, as a comma-separated option quotes a name with a comma) is only that
 * exact name, or else that exact label, without its quotes.
 * A query that matches several classes at one step is ambiguous; one that matches nothing is unknown.
 * Both are refused with an {@link InvalidSettingException} that lists the candidates (for an unknown
 * class, the near misses first: "sneakers" → "did you mean 'Sneaker'?") and names the model.
 */
public final class ClassResolver {

    /** Classes listed in full in a message; more are counted. */
    private static final int LISTED = 20;
    private static final String ALL = "all";

    private final SampleSchema schema;
    private final String source;

    /**
     * @param schema the classes to choose from
     * @param source what the schema belongs to, for messages (usually the model file)
     */
    public ClassResolver(SampleSchema schema, String source) {
        this.schema = schema;
        this.source = source;
    }

    /**
     * @param query a class name, Tribuo label or index
     * @return the class index, or empty when the query is unknown or ambiguous
     */
    public Optional<Integer> find(String query) {
        List<Integer> matches = matches(query);
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * @param setting the Java name of the setting the query came from, for the error
     * @param query a class name, Tribuo label or index
     * @return the class index
     * @throws InvalidSettingException naming the setting, the model and the candidates when the query
     *     is unknown or ambiguous
     */
    public int resolve(String setting, String query) {
        List<Integer> matches = matches(query);
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty() && query.isBlank()) {
            // e.g. ",sneaker" or "a,,b" on a command line: an empty entry, not a class anyone named ''
            throw new InvalidSettingException(setting, setting + " has an empty entry; name each class once, "
                    + "separated by single commas");
        }
        if (matches.isEmpty()) {
            // oversample --classes all: generate's word for every class, where leaving the option out says it (6 Dec)
            boolean all = query.strip().equalsIgnoreCase("all");
            // counts cannot be left out, and "did you mean 'a'?" for all was noise (a fresh Tribuo user, 7 Dec)
            throw new InvalidSettingException(setting, setting + " '" + query + "' is not a class of " + source
                    + "; " + (all ? "" : suggestion(query)) + "its classes are " + listing() + indexHint()
                    + (!all ? "" : setting.equals("counts") ? "; for every class, give each its count, or use the "
                    + "mode MULTIPLY or BALANCE" : "; for every class, leave the setting out (" + setting + ")"));
        }
        throw new InvalidSettingException(setting, setting + " '" + query + "' matches several classes of " + source
                + ": " + matches.stream().map(this::describe).collect(Collectors.joining(", "))
                + (numericLabels() ? "; give the exact name" : "; give the exact name or the index"));
    }

    /**
     * Resolves a class and checks that the generator learned it ({@link SampleSchema#learned}).
     *
     * @param setting the Java name of the setting the query came from
     * @param query a class name, Tribuo label or index
     * @return the class index
     * @throws InvalidSettingException when the class is unknown, ambiguous or had no training examples
     */
    public int resolveLearned(String setting, String query) {
        int classIndex = resolve(setting, query);
        requireLearned(setting, classIndex);
        return classIndex;
    }

    /**
     * As the check {@link #resolveAllLearned} makes of each query, for a caller that resolves queries one by one.
     *
     * @param setting the setting the queries came from
     * @param queries the entries of a comma-separated option
     * @throws InvalidSettingException when an entry is no class but it and the next ones, joined by the comma, are
     */
    public void refuseSplitNames(String setting, List<String> queries) {
        for (int q = 0; q < queries.size(); q++) {
            refuseSplitName(setting, queries, q);
        }
    }

    /**
     * A class name with a comma ({@code x, y}, a table label such as {@code 30,000-40,000}) given to a comma-separated
     * option was split, and the message named only its first part, beside a list holding the very name (a fresh user,
     * 5 Dec): when that part is no class but it and the next parts, joined by the comma, are one, that is said.
     */
    private void refuseSplitName(String setting, List<String> queries, int first) {
        if (!matches(queries.get(first)).isEmpty()) {
            return;
        }
        for (int last = first + 1; last < queries.size(); last++) {
            String joined = String.join(",", queries.subList(first, last + 1));
            for (String candidate : List.of(joined, joined.strip())) {
                List<Integer> found = matches(candidate);
                if (found.size() == 1 && schema.classNames().get(found.get(0)).contains(",")) {
                    String name = schema.classNames().get(found.get(0));
                    throw new InvalidSettingException(setting, setting + " is split at commas, and '" + name
                            + "', a class of " + source + ", holds one; give it in double quotes: " + setting + " '\""
                            + name + "\"'");
                }
            }
        }
    }

    /**
     * Resolves several queries; "all" (any case, unless a class is named so) stands for every class
     * the generator learned. Two queries naming one class ({@code sneaker,Sneaker}, {@code 7,sneaker}, and since 6 Dec
     * {@code all,sneaker}, which "all" already covers) are refused: the caller could not tell whether the class was
     * meant once or twice.
     *
     * @param setting the Java name of the setting the queries came from
     * @param queries class names, Tribuo labels, indices or "all"
     * @return the class indices, each once
     * @throws InvalidSettingException when a query is unknown or ambiguous or names an unlearned class, or two queries
     *     name one class
     */
    public List<Integer> resolveAllLearned(String setting, List<String> queries) {
        Set<Integer> chosen = new LinkedHashSet<>();
        java.util.Map<Integer, String> named = new java.util.HashMap<>();
        if (queries.stream().filter(q -> q.strip().equalsIgnoreCase(ALL) && matches(q.strip()).isEmpty()).count() > 1) {
            // as a class named twice is refused (all,all was merged without a word: a fresh user, 6 Dec)
            throw new InvalidSettingException(setting, setting + " gives 'all' twice; give it once");
        }
        for (int q = 0; q < queries.size(); q++) {
            String query = queries.get(q);
            refuseSplitName(setting, queries, q);
            if (query.strip().equalsIgnoreCase(ALL)) {
                List<Integer> namedAll = matches(query);
                if (!namedAll.isEmpty()) {
                    // it picked that class, while the model lookup without --model read it as every class
                    throw new InvalidSettingException(setting, setting + " '" + query + "' is both every class and "
                            + "the name of " + namedAll.stream().map(this::describe).collect(Collectors.joining(", "))
                            + " in " + source + "; give '\"" + schema.classNames().get(namedAll.get(0)) + "\"' (in "
                            + "double quotes) for that class, or list the classes");
                }
                IntStream.range(0, schema.classCount()).filter(schema::learned).forEach(chosen::add);
            } else {
                int classIndex = resolveLearned(setting, query);
                refuseCoveredByAll(setting, queries, query, classIndex);
                String earlier = named.putIfAbsent(classIndex, query);
                if (earlier != null) {
                    throw new InvalidSettingException(setting, setting + " names class " + describe(classIndex)
                            + " twice ('" + earlier + "' and '" + query + "'); give each class once");
                }
                chosen.add(classIndex);
            }
        }
        return new ArrayList<>(chosen);
    }

    /**
     * all,sneaker gave every class once, Sneaker among them, without a word, where sneaker,Sneaker is refused (a
     * fresh user, 6 Dec): a user who adds a name beside "all" meant something "all" does not give.
     */
    private void refuseCoveredByAll(String setting, List<String> queries, String query, int classIndex) {
        boolean all = queries.stream().anyMatch(q -> q.strip().equalsIgnoreCase(ALL) && matches(q.strip()).isEmpty());
        if (all && schema.learned(classIndex)) {
            throw new InvalidSettingException(setting, setting + " gives 'all', which already holds "
                    + describe(classIndex) + ", and names it again as '" + query.strip() + "'; give 'all' alone for "
                    + "every class once, or list the classes");
        }
    }

    /**
     * What {@link #resolveAllLearned} silently drops: the classes that "all" leaves out because the
     * generator never learned them, for a note to the user.
     *
     * @param queries the same queries as given to {@link #resolveAllLearned}
     * @return e.g. "leaves out class '2' (index 2): it had no training examples in m.onnx, so the generator
     *     never learned it"; empty when no query is the keyword "all" or every class was learned
     */
    public Optional<String> leftOutByAll(List<String> queries) {
        boolean asksAll = queries.stream().anyMatch(q -> q.strip().equalsIgnoreCase(ALL) && matches(q.strip()).isEmpty());
        List<Integer> unlearned = IntStream.range(0, schema.classCount()).filter(c -> !schema.learned(c)).boxed()
                .toList();
        if (!asksAll || unlearned.isEmpty()) {
            return Optional.empty();
        }
        boolean one = unlearned.size() == 1;
        String names = unlearned.stream().map(this::describe).collect(Collectors.joining(", "));
        return Optional.of("leaves out " + (one ? "class " : "classes ") + names + ": " + (one ? "it" : "they")
                + " had no training examples in " + source + ", so the generator never learned " + (one ? "it" : "them"));
    }

    /**
     * @param setting the Java name of the setting that asked for the class
     * @param classIndex a class index of the schema
     * @throws InvalidSettingException when the schema records no training examples for the class
     */
    public void requireLearned(String setting, int classIndex) {
        if (!schema.learned(classIndex)) {
            throw new InvalidSettingException(setting, setting + " asks for class " + describe(classIndex)
                    + ", which had no training examples in " + source + ", so the generator never learned it; "
                    + "choose another class or retrain with examples of it");
        }
    }

    /**
     * @param classIndex a class index
     * @return e.g. "'Sneaker' (index 7)", with the label when it differs from both name and index
     */
    public String describe(int classIndex) {
        String name = schema.classNames().get(classIndex);
        String label = schema.labels().get(classIndex);
        String index = Integer.toString(classIndex);
        // a no-break or zero-width space shown escaped: 'cat' and 'cat' side by side told nothing (a fresh user)
        return "'" + dev.augment.table.ColumnAdvice.shown(name) + "' (" + (label.equals(name) || label.equals(index)
                ? "" : "label '" + dev.augment.table.ColumnAdvice.shown(label) + "', ") + "index " + index + ")";
    }

    /** @return the class names, quoted, the label added where it says more, e.g. "'T-shirt/top', 'Trouser'" */
    public String listing() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(LISTED, schema.classCount()); i++) {
            String name = schema.classNames().get(i);
            String label = schema.labels().get(i);
            boolean labelSaysMore = !label.equals(name) && !label.equals(Integer.toString(i));
            parts.add("'" + dev.augment.table.ColumnAdvice.shown(name) + "'" + (labelSaysMore ? " (label '"
                    + dev.augment.table.ColumnAdvice.shown(label) + "')" : ""));
        }
        int more = schema.classCount() - LISTED;
        return String.join(", ", parts) + (more > 0 ? " and " + more + " more" : "");
    }

    private String indexHint() {
        return numericLabels() ? " (a label is a number, so a number names a label, never an index)"
                : " (or an index 0-" + (schema.classCount() - 1) + ")";
    }

    /** @return whether a label reads as a number: "3", "-1", "3.0" (a float column as pandas writes it), "2.5e1" */
    private static boolean isNumber(String label) {
        return label.strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    }

    /**
     * @return whether a label is a number other than its own index: then a number that is not a label is
     *     refused rather than read as an index, which would silently pick another class (labels 1, 2, 3, 5: "4" is
     *     no class, not index 4). Labels 0 … K-1 in order (IDX data) are their indices, so nothing changes there.
     */
    private boolean numericLabels() {
        List<String> labels = schema.labels();
        boolean identity = IntStream.range(0, labels.size()).allMatch(i -> labels.get(i).equals(Integer.toString(i)));
        return !identity && labels.stream().anyMatch(ClassResolver::isNumber);
    }

    /** The classes the first step that matches anything finds. */
    private List<Integer> matches(String query) {
        List<Integer> exactName = where(i -> schema.classNames().get(i).equals(query));
        if (!exactName.isEmpty()) {
            return exactName;
        }
        List<Integer> exactLabel = where(i -> schema.labels().get(i).equals(query));
        if (!exactLabel.isEmpty()) {
            return exactLabel;
        }
        if (!query.equals(query.strip())) {
            // spaces round a query are the shell's or a list's ("1, 2"), unless a class is named with them ("1 "),
            // which the exact steps above found first
            return matches(query.strip());
        }
        if (query.length() >= 2 && query.startsWith("\"") && query.endsWith("\"")) {
            // quoted ("a,b", as a list option must quote a name with a comma): that exact name or label, never a
            // loose match, which found "a;b" too
            String exact = query.substring(1, query.length() - 1);
            List<Integer> quoted = where(i -> schema.classNames().get(i).equals(exact));
            return quoted.isEmpty() ? where(i -> schema.labels().get(i).equals(exact)) : quoted;
        }
        if (!numericLabels() && query.matches("\\d{1,9}") && Integer.parseInt(query) < schema.classCount()) {
            int index = Integer.parseInt(query);
            // class_0 … class_11 sorted as text: index 2 is class_10, and --class 2 gave it without a word (a fresh
            // user, 6 Dec); another class that carries the number is as much what was meant: both, so it is refused
            java.util.regex.Pattern carries = java.util.regex.Pattern.compile("(^|.*\\D)0*" + index + "(\\D.*|$)");
            List<Integer> numbered = where(i -> i != index && (carries.matcher(schema.classNames().get(i)).matches()
                    || carries.matcher(schema.labels().get(i)).matches()));
            if (!numbered.isEmpty()) {
                List<Integer> both = new java.util.ArrayList<>(List.of(index));
                both.addAll(numbered);
                return both;
            }
            return List.of(index);
        }
        String loose = loose(query);
        if (!hasLetter(loose)) {
            return List.of();
        }
        return where(i -> loose.equals(loose(schema.classNames().get(i))) || loose.equals(loose(schema.labels().get(i))));
    }

    private List<Integer> where(java.util.function.IntPredicate test) {
        return IntStream.range(0, schema.classCount()).filter(test).boxed().toList();
    }

    /**
     * Near misses of an unknown query: within a third of its length in edits (and fewer than its length), or
     * containing it.
     *
     * @param query what was asked for
     * @return e.g. "did you mean 'Sneaker'? ", or "" when no class is near
     */
    public String suggestion(String query) {
        String wanted = loose(query);
        if (!hasLetter(wanted)) {
            // --class 1 for a table whose labels are 1.0 and 0.0 was told only the list (a fresh user, 5 Dec)
            java.math.BigDecimal number = decimal(query.strip());
            List<String> same = new ArrayList<>();
            for (int i = 0; number != null && i < schema.classCount(); i++) {
                java.math.BigDecimal label = decimal(schema.labels().get(i).strip());
                if (label != null && label.compareTo(number) == 0) {
                    same.add("'" + dev.augment.table.ColumnAdvice.shown(schema.labels().get(i)) + "'");
                }
            }
            // labels 1, 1.0 and 01 of one number: each is offered, not the first alone (a fresh user, 6 Dec)
            return same.isEmpty() ? "" : "did you mean " + String.join(" or ", same) + " (the same number, written as "
                    + "the data writes it)? ";
        }
        // саt typed on a Cyrillic layout is two edits from cat, too many for a three-letter name (a fresh user, 7 Dec);
        // mapped before lower-casing, as the map holds Greek capitals only (ΒAG: a re-check, 7 Dec)
        StringBuilder mapped = new StringBuilder();
        query.codePoints().map(dev.augment.table.OtherSpellings::latinLetter).forEach(mapped::appendCodePoint);
        String latin = loose(mapped.toString());
        String lookalikes = latin.equals(wanted) ? "" : " ('" + dev.augment.table.OtherSpellings.escapedLookalikes(
                query.strip()) + "' has Cyrillic or Greek letters that look Latin, shown escaped: typed on another "
                + "keyboard layout)";
        if (!lookalikes.isEmpty()) {
            for (int i = 0; i < schema.classCount(); i++) {
                if (loose(schema.classNames().get(i)).equals(latin) || loose(schema.labels().get(i)).equals(latin)) {
                    return "did you mean '" + dev.augment.table.ColumnAdvice.shown(schema.classNames().get(i)) + "'"
                            + lookalikes + "? ";
                }
            }
            wanted = latin; // and a typo beside them: bаgg, near Bag (a re-check, 7 Dec)
        }
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        int allowed = Math.max(1, wanted.length() / 3);
        record Near(int index, int distance) {
        }
        List<Near> near = new ArrayList<>();
        for (int i = 0; i < schema.classCount(); i++) {
            String name = loose(schema.classNames().get(i));
            int d = Math.min(distance.apply(wanted, name), distance.apply(wanted, loose(schema.labels().get(i))));
            boolean contains = wanted.length() >= 3 && !name.isEmpty()
                    && (name.contains(wanted) || wanted.contains(name));
            // an edit of every letter is no near miss: "a" is not near label "2"
            if (d <= allowed && d < wanted.length() || contains) {
                near.add(new Near(i, contains ? Math.min(d, allowed) : d));
            }
        }
        if (near.isEmpty()) {
            return "";
        }
        near.sort(Comparator.comparingInt(Near::distance).thenComparingInt(Near::index));
        // a name with a comma cannot be written in a comma-separated list, so its index is given beside it
        // shown escaped as the list of classes is: café composed and decomposed were two identical choices (7 Dec)
        return "did you mean " + near.stream().limit(3).map(n -> "'"
                + dev.augment.table.ColumnAdvice.shown(schema.classNames().get(n.index())) + "'"
                + (schema.classNames().get(n.index()).contains(",") ? " (index " + n.index() + ")" : ""))
                .collect(Collectors.joining(" or ")) + lookalikes + "? ";
    }

    /** Numbers are indices or labels, never loose names: "-1" is not label "1". */
    /** @return the text as a decimal number, or null when it is none */
    private static java.math.BigDecimal decimal(String text) {
        try {
            return new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean hasLetter(String loose) {
        return loose.codePoints().anyMatch(Character::isLetter);
    }

    /** Lower case, compatibility-normalised, letters and digits only: "Ankle-Boot" and "ankle boot" agree. */
    static String loose(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}

package dev.augment.tribuo;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.ClassResolver;
import dev.augment.schema.SampleSchema;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * How many synthetic examples to add to each class, given how many real examples of each class the
 * source holds. Immutable; every value is checked when the policy is made, and the classes when the
 * counts are computed against a generator's schema.
 *
 * <p>Classes are named by class name, Tribuo label ("7") or index, or by a name in any case and
 * ignoring punctuation ("sneaker", "ankle-boot") when only one class matches, as {@link ClassResolver}
 * resolves them. A class the generator never learned (no training examples) is refused when the
 * policy would add examples of it.
 *
 * @param mode how the counts are chosen
 * @param classes the classes BALANCE and MULTIPLY apply to; empty means every class of the generator
 * @param factor MULTIPLY: each chosen class grows to {@code round(factor × real)} examples, so
 *               {@code round((factor - 1) × real)} synthetic ones; at least 1
 * @param counts COUNTS: the number of synthetic examples of each named class, none negative
 * @param maxSyntheticShare the largest share of synthetic examples in the augmented whole, in (0, 1];
 *                          1 means no cap. When the mode asks for more, every class's count is scaled
 *                          down by the same ratio, the rounding's leftovers going to the largest remainders, so
 *                          the added total is exactly the cap; a cap that allows no example at all is refused.
 *                          Under HYBRID the cap holds for the rebalancing part (ROS or SMOTE) only, and the generated
 *                          examples come on top ({@link #withMaxSyntheticShare}; {@code AugmentingDataSource} warns
 *                          when they pass it).
 */
public record AugmentationPolicy(Mode mode, List<String> classes, double factor, Map<String, Integer> counts,
                                 double maxSyntheticShare) {

    /** How the synthetic counts are chosen. */
    public enum Mode {
        /** Grow every chosen class to the size of the largest class of the source. */
        BALANCE,
        /** Multiply the size of every chosen class by {@code factor}. */
        MULTIPLY,
        /** Add an explicit number of synthetic examples to each named class. */
        COUNTS
    }

    /** Checks every value; the messages name the setting and the value. */
    public AugmentationPolicy {
        if (mode == null) {
            throw new InvalidSettingException("mode", "mode must be one of " + Arrays.toString(Mode.values())
                    + ", was null");
        }
        if (classes != null) {
            for (String c : classes) {
                if (c == null) {
                    throw new InvalidSettingException(CLASSES, "classes must not hold null, was " + classes);
                }
            }
        }
        if (counts != null) {
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new InvalidSettingException(COUNTS, "counts must not hold null keys or values, was " + counts);
                }
            }
        }
        if (mode == Mode.COUNTS && counts == null) {
            // "was empty" for a null map (a Tribuo user, 7 Dec)
            throw new InvalidSettingException(COUNTS, "counts must name at least one class for mode COUNTS, was null");
        }
        classes = List.copyOf(classes == null ? List.of() : classes);
        counts = Map.copyOf(counts == null ? Map.of() : counts);
        if (mode == Mode.MULTIPLY && !(factor >= 1 && Double.isFinite(factor))) {
            throw new InvalidSettingException("factor", "factor must be a finite number of at least 1 (each "
                    + "chosen class grows to factor x its real examples), was " + factor);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() < 0) {
                throw new InvalidSettingException("counts", "counts['" + e.getKey() + "'] must not be negative, was "
                        + e.getValue());
            }
        }
        if (mode == Mode.COUNTS && counts.isEmpty()) {
            throw new InvalidSettingException("counts", "counts must name at least one class for mode COUNTS, "
                    + "was empty");
        }
        if (!(maxSyntheticShare > 0 && maxSyntheticShare <= 1)) {
            throw new InvalidSettingException("maxSyntheticShare", "maxSyntheticShare must be in (0, 1], was "
                    + maxSyntheticShare);
        }
        // a value the mode never reads is refused rather than ignored: the caller meant something by it
        List<String> read = readBy(mode);
        if (!counts.isEmpty() && !read.contains(COUNTS)) {
            throw unread(COUNTS, mode, counts);
        }
        if (!classes.isEmpty() && !read.contains(CLASSES)) {
            throw unread(CLASSES, mode, classes);
        }
        if (factor != 1 && !read.contains(FACTOR)) {
            throw unread(FACTOR, mode, factor);
        }
    }

    /** Name of the setting {@link #classes}. */
    public static final String CLASSES = "classes";
    /** Name of the setting {@link #factor}. */
    public static final String FACTOR = "factor";
    /** Name of the setting {@link #counts}. */
    public static final String COUNTS = "counts";

    /**
     * The settings a mode reads besides {@code mode} and {@code maxSyntheticShare}, by name: {@value #CLASSES} for
     * BALANCE and MULTIPLY, {@value #FACTOR} for MULTIPLY, {@value #COUNTS} for COUNTS. The OLCUT configuration and
     * the provenance use the same names.
     *
     * @param mode the mode
     * @return the names
     */
    public static List<String> readBy(Mode mode) {
        return switch (mode) {
            case BALANCE -> List.of(CLASSES);
            case MULTIPLY -> List.of(CLASSES, FACTOR);
            case COUNTS -> List.of(COUNTS);
        };
    }

    /** @return the setting that decides how many examples are added: classes, factor or counts, by mode */
    public String countSetting() {
        return switch (mode) {
            case BALANCE -> CLASSES;
            case MULTIPLY -> FACTOR;
            case COUNTS -> COUNTS;
        };
    }

    /** @return an InvalidSettingException for a setting the mode does not read */
    static InvalidSettingException unread(String setting, Mode mode, Object value) {
        String readers = switch (setting) {
            case COUNTS -> "mode COUNTS";
            case FACTOR -> "mode MULTIPLY";
            default -> "modes BALANCE and MULTIPLY";
        };
        return new InvalidSettingException(setting, setting + " is read by " + readers + " only, and the mode is "
                + mode + "; was " + value + "; leave it out or set mode");
    }

    /**
     * @param classes the classes to grow to the largest class; none means every class
     * @return a BALANCE policy without a cap on the synthetic share
     */
    public static AugmentationPolicy balance(String... classes) {
        return new AugmentationPolicy(Mode.BALANCE, classes == null ? null : Arrays.asList(classes), 1, Map.of(), 1);
    }

    /**
     * @param factor each chosen class grows to {@code round(factor × real)} examples; at least 1
     * @param classes the classes to grow; none means every class
     * @return a MULTIPLY policy without a cap on the synthetic share
     */
    public static AugmentationPolicy multiply(double factor, String... classes) {
        return new AugmentationPolicy(Mode.MULTIPLY, classes == null ? null : Arrays.asList(classes), factor, Map.of(),
                1);
    }

    /**
     * @param counts the number of synthetic examples of each class, by label or class name
     * @return a COUNTS policy without a cap on the synthetic share
     */
    public static AugmentationPolicy counts(Map<String, Integer> counts) {
        return new AugmentationPolicy(Mode.COUNTS, List.of(), 1, counts, 1);
    }

    /**
     * Caps the examples this policy adds: for every method but HYBRID, the synthetic share of the augmented whole; for
     * HYBRID, the share of its rebalancing part (ROS or SMOTE) only, and the generated examples it adds on top of the
     * rebalanced set come beyond the cap (a user's cap of 0.3 gave 33% synthetic examples under HYBRID; a fresh user,
     * 5 Dec). The cap the examples reached is in {@code AugmentingDataSource}'s provenance counts.
     *
     * @param share the largest share of synthetic examples in the augmented whole, in (0, 1]
     * @return a copy of this policy with that cap
     */
    public AugmentationPolicy withMaxSyntheticShare(double share) {
        return new AugmentationPolicy(mode, classes, factor, counts, share);
    }

    /**
     * Computes how many synthetic examples of each class to add.
     *
     * @param realCounts the source's examples of each class, by class index of {@code schema}
     * @param schema the generator's schema, which resolves class names
     * @return the synthetic examples of each class, by class index
     * @throws IllegalArgumentException naming the setting and value: a class the generator does not
     *                                  know or several classes match, a class named twice, a class to
     *                                  balance or multiply that has no real examples, or a class to add examples of
     *                                  that the generator never learned; and for null arguments, real counts of
     *                                  another length than the schema's classes, or a negative real count
     */
    public int[] syntheticCounts(int[] realCounts, SampleSchema schema) {
        return syntheticCounts(realCounts, schema, null);
    }

    /**
     * As {@link #syntheticCounts(int[], SampleSchema)}, "every class" (BALANCE and MULTIPLY with no classes listed)
     * meaning the source's: a source of some of the generator's classes (three class folders of its ten) was refused
     * by BALANCE for "no examples of" a class it never had (a re-check, 7 Dec). Refusals keep the words of a policy
     * with no classes listed (an explicit list made of the source's classes blamed a {@code classes} nobody gave).
     *
     * @param realCounts the source's examples of each class, by class index of {@code schema}
     * @param schema the generator's schema
     * @param every the class indices "every class" means; null for all of {@code schema}'s
     * @return the synthetic examples of each class, by class index
     */
    int[] syntheticCounts(int[] realCounts, SampleSchema schema, int[] every) {
        // null gave a bare NullPointerException, and a negative count was taken: 8 "added" to a class of -3 (a Tribuo
        // user, 7 Dec)
        if (realCounts == null || schema == null) {
            throw new IllegalArgumentException((realCounts == null ? "realCounts" : "schema") + " must be given, was "
                    + "null");
        }
        if (realCounts.length != schema.classCount()) {
            throw new IllegalArgumentException(realCounts.length + " real counts for " + schema.classCount()
                    + " classes");
        }
        for (int c = 0; c < realCounts.length; c++) {
            if (realCounts[c] < 0) {
                throw new IllegalArgumentException("realCounts must be counts of examples, 0 or more; class "
                        + c + "'s is " + realCounts[c]);
            }
        }
        long[] wanted = new long[realCounts.length];
        switch (mode) {
            case BALANCE -> {
                int largest = Arrays.stream(realCounts).max().orElse(0);
                if (largest == 0) {
                    throw new InvalidSettingException("source", "source gave no examples at all, so mode BALANCE "
                            + "has no class to grow to; check the source (mode COUNTS, --counts on the command "
                            + "line, adds examples to an empty one)");
                }
                for (int c : chosen(schema, every)) {
                    if (realCounts[c] == 0) {
                        String named = "class '" + schema.classNames().get(c) + "' (label '"
                                + schema.labels().get(c) + "')";
                        throw classes.isEmpty()
                                ? new InvalidSettingException("mode", "mode balances every class when no classes are "
                                        + "listed, and the source has no examples of " + named + "; list the classes "
                                        + "to balance (classes) or add real examples of it" + (countedFromOne(schema,
                                        realCounts) ? " (the labels start at 1, as EMNIST letters count: a classes.csv "
                                        + "beside the labels file, listing classes 1 to " + (realCounts.length - 1)
                                        + ", reads them without a class 0)" : ""))
                                : new InvalidSettingException(CLASSES, "classes names " + named + " to balance, and "
                                        + "the source has no examples of it; leave it out (classes) or add real "
                                        + "examples of it");
                    }
                    wanted[c] = largest - realCounts[c];
                }
            }
            case MULTIPLY -> {
                if (Arrays.stream(realCounts).allMatch(n -> n == 0)) {
                    // an empty source gave an empty dataset without a word with a generator (a Tribuo user, 6 Dec)
                    throw new InvalidSettingException("source", "source gave no examples at all, so mode MULTIPLY "
                            + "has nothing to multiply; check the source (mode COUNTS, --counts on the command line, "
                            + "adds examples to an empty one)");
                }
                for (int c : chosen(schema, every)) {
                    if (realCounts[c] == 0 && !classes.isEmpty()) {
                        // × factor of nothing adds nothing: a class named on purpose would silently get none
                        throw new InvalidSettingException(CLASSES, "classes names class '"
                                + schema.classNames().get(c) + "' (label '" + schema.labels().get(c) + "') to "
                                + "multiply, and the source has no examples of it, so nothing would be added; leave "
                                + "it out (classes), or ask for a count of it (mode COUNTS; --counts on the command "
                                + "line)");
                    }
                    // in decimal: (1.0125 - 1) × 40 is 0.4999… in binary and would round to 0, not the 1 asked
                    java.math.BigDecimal added = java.math.BigDecimal.valueOf(factor).subtract(java.math.BigDecimal.ONE)
                            .multiply(java.math.BigDecimal.valueOf(realCounts[c]))
                            .setScale(0, java.math.RoundingMode.HALF_UP);
                    // past a long it saturates, as the double did: the size checks below refuse it
                    wanted[c] = added.min(java.math.BigDecimal.valueOf(Long.MAX_VALUE)).longValue();
                }
            }
            case COUNTS -> {
                for (Map.Entry<Integer, Integer> e : resolveCounts(schema).entrySet()) {
                    wanted[e.getKey()] = e.getValue();
                }
            }
            default -> throw new IllegalStateException("unknown mode " + mode);
        }
        requireLearned(wanted, schema);
        return capped(wanted, Arrays.stream(realCounts).asLongStream().sum());
    }

    private void requireLearned(long[] wanted, SampleSchema schema) {
        // the schema's example counts are the generator's: "in the data" read as if the user's data lacked the class
        ClassResolver resolver = new ClassResolver(schema, "the generator's training data");
        for (int c = 0; c < wanted.length; c++) {
            if (wanted[c] <= 0) {
                continue;
            }
            if (mode == Mode.COUNTS || !classes.isEmpty()) {
                resolver.requireLearned(mode == Mode.COUNTS ? COUNTS : CLASSES, c);
            } else if (!schema.learned(c)) {
                // no class was named: the mode chose every class, so name the mode, not a setting left out
                String setting = mode == Mode.MULTIPLY ? FACTOR : "mode";
                throw new InvalidSettingException(setting, setting + " grows every class when no classes are "
                        + "listed, and class " + resolver.describe(c) + " had no training examples in the generator's "
                        + "training data, so the generator never learned it; list the classes to grow (classes) or "
                        + "retrain with examples of it");
            }
        }
    }

    /**
     * @param realCounts the real examples of each class
     * @param asked what {@link #syntheticCounts} asked of each
     * @return for MULTIPLY, a warning naming the chosen classes with examples for which the factor rounds to nothing
     *     added (1.1 × 3 real examples is 3: a fresh user's small class silently got none, 5 Dec); else empty
     */
    java.util.Optional<String> roundedToNothing(int[] realCounts, int[] asked, SampleSchema schema) {
        if (mode != Mode.MULTIPLY || factor == 1) {
            return java.util.Optional.empty();
        }
        List<String> none = new java.util.ArrayList<>();
        for (int c : chosen(schema)) {
            if (realCounts[c] > 0 && asked[c] == 0) {
                none.add("'" + dev.augment.table.ColumnAdvice.shown(schema.classNames().get(c)) + "' ("
                        + realCounts[c] + ")");
            }
        }
        return none.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of("factor " + factor + " adds no "
                + "example to class" + (none.size() == 1 ? " " : "es ") + String.join(", ", none) + ": round((factor "
                + "- 1) × real examples) is 0 for so few; ask for counts (mode COUNTS; --counts CLASS=N on the "
                + "command line) or a larger factor to add some");
    }

    private int[] chosen(SampleSchema schema) {
        return chosen(schema, null);
    }

    /** @param every the class indices "every class" means when none are listed; null for all */
    private int[] chosen(SampleSchema schema, int[] every) {
        if (classes.isEmpty()) {
            return every != null ? every : IntStream.range(0, schema.classCount()).toArray();
        }
        // a class name with a comma, split by a comma-separated option (a re-check, 5 Dec)
        new ClassResolver(schema, "the data").refuseSplitNames("classes", classes);
        int[] chosen = new int[classes.size()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = resolve(schema, classes.get(i), "classes");
            for (int j = 0; j < i; j++) {
                if (chosen[j] == chosen[i]) {
                    throw namedTwice("classes", schema, chosen[i], classes.get(j), classes.get(i));
                }
            }
        }
        return chosen;
    }

    /**
     * @return the refusal of a class named twice, by its name: "classes names class '1' twice (also as 'y')" called
     *     the index the class (a Tribuo user, 7 Dec)
     */
    private static InvalidSettingException namedTwice(String setting, SampleSchema schema, int c, String first,
                                                      String second) {
        String label = schema.labels().get(c);
        String name = schema.classNames().get(c);
        String which = "'" + name + "'" + (name.equals(label) ? "" : " (label '" + label + "')");
        return new InvalidSettingException(setting, setting + " names class " + which + " twice"
                + (first.equals(second) ? "" : ", as '" + first + "' and as '" + second + "'") + "; name it once");
    }

    private Map<Integer, Integer> resolveCounts(SampleSchema schema) {
        Map<Integer, Integer> resolved = new LinkedHashMap<>();
        Map<Integer, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int c = resolve(schema, e.getKey(), "counts");
            if (resolved.containsKey(c)) {
                throw namedTwice("counts", schema, c, names.get(c), e.getKey());
            }
            resolved.put(c, e.getValue());
            names.put(c, e.getKey());
        }
        return resolved;
    }

    /** @return whether only label 0 is empty and the labels are IDX indices: labels counted from 1 (6 Dec) */
    private static boolean countedFromOne(SampleSchema schema, int[] realCounts) {
        return realCounts.length > 1 && realCounts[0] == 0 && schema.labels().get(0).equals("0")
                && Arrays.stream(realCounts, 1, realCounts.length).allMatch(n -> n > 0);
    }

    private static int resolve(SampleSchema schema, String name, String field) {
        return new ClassResolver(schema, "the data").resolve(field, name);
    }

    /**
     * @return the smallest share, in two significant digits, whose cap allows one added example beside {@code real}
     *     real ones (by the cap's own formula, so that the value named works: 1 / (real + 1), rounded half up and
     *     raised by a last digit only where that falls short)
     */
    private static String smallestShareAllowingOne(long real) {
        java.math.BigDecimal share = new java.math.BigDecimal(1.0 / (real + 1)).round(new java.math.MathContext(2));
        while (allowedBeside(share.doubleValue(), real) < 1) {
            share = share.add(share.ulp());
        }
        return share.toPlainString();
    }

    /**
     * @param share the largest share of added examples in the whole, below 1
     * @param real how many real examples there are
     * @return the most added examples whose share of the whole is at most {@code share}: floor(share × real / (1 −
     *     share)), with a relative tolerance of {@value #CAP_TOLERANCE} for the double a share is held in: 0.03 × 97 /
     *     0.97 is 2.9999999999999996 in doubles, and the cap allowed 2 where 3 of 100 is 3 %, for 43 % of the shares
     *     and sizes whose cap is a whole number (a Tribuo user, 7 Dec); 1.0 / 9 is held just below a ninth, so the
     *     share's decimal text does not do either (a re-check, 7 Dec)
     */
    static long allowedBeside(double share, long real) {
        double cap = share * real / (1 - share);
        return cap >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.floor(cap * (1 + CAP_TOLERANCE));
    }

    /** Relative tolerance of the cap: a double's rounding, far below one example in any count a source holds. */
    static final double CAP_TOLERANCE = 1e-12;

    /**
     * Scales the wanted counts down to the cap when they pass it: each class gets the floor of its share of the
     * allowed total, and the examples the floors leave over go one each to the classes with the largest remainders
     * (the lower class index first on a tie), so a capped total is exactly the cap.
     */
    private int[] capped(long[] wanted, long real) {
        long total = Arrays.stream(wanted).sum();
        long allowed = maxSyntheticShare >= 1 ? Long.MAX_VALUE : allowedBeside(maxSyntheticShare, real);
        if (total > 0 && allowed == 0 && real == 0) {
            // an empty source gave a raw ArithmeticException (a re-check, 7 Dec)
            throw new InvalidSettingException("maxSyntheticShare", "maxSyntheticShare " + maxSyntheticShare
                    + " allows no added example: the source has no real examples, and added ones would be all of it; "
                    + "leave maxSyntheticShare out, or give a source with examples");
        }
        if (total > 0 && allowed == 0) {
            throw new InvalidSettingException("maxSyntheticShare", "maxSyntheticShare " + maxSyntheticShare
                    + " allows no added example beside " + real + " real ones, so nothing would be added; raise it "
                    + "to at least " + smallestShareAllowingOne(real) + ", or leave it out");
        }
        long[] scaled = wanted.clone();
        if (total > allowed) {
            double[] remainder = new double[wanted.length];
            long given = 0;
            for (int c = 0; c < wanted.length; c++) {
                double exact = (double) wanted[c] * allowed / total;
                scaled[c] = (long) Math.floor(exact);
                remainder[c] = exact - scaled[c];
                given += scaled[c];
            }
            Integer[] order = new Integer[wanted.length];
            Arrays.setAll(order, c -> c);
            Arrays.sort(order, (x, y) -> Double.compare(remainder[y], remainder[x]));
            for (int i = 0; i < order.length && given < allowed; i++) {
                if (wanted[order[i]] > scaled[order[i]]) {
                    scaled[order[i]]++;
                    given++;
                }
            }
        }
        int[] out = new int[wanted.length];
        for (int c = 0; c < wanted.length; c++) {
            long n = scaled[c];
            if (n > Integer.MAX_VALUE) {
                // only a factor can ask for this many: counts are ints, and balancing stops at the largest class
                throw new InvalidSettingException("factor", "factor asks for " + (n == Long.MAX_VALUE
                        ? "more than " + Integer.MAX_VALUE + " synthetic examples of one class"
                        : n + " synthetic examples of one class, more than " + Integer.MAX_VALUE)
                        + "; choose a smaller factor");
            }
            out[c] = (int) n;
        }
        return out;
    }
}

package dev.augment.eval.protocol;

import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.ClassResolver;
import dev.augment.schema.SampleSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Which part of the training split the arms may learn from.
 *
 * <ul>
 *   <li>{@code as-is}: every example;</li>
 *   <li>{@code imbalanced}: each class in {@code minority} keeps {@code round(share · n)} of its
 *       {@code n} examples (at least one), drawn at random; other classes keep all;</li>
 *   <li>{@code low-data}: every class keeps {@code perClass} examples, drawn at random.</li>
 * </ul>
 *
 * @param kind the scenario
 * @param minority minority classes (imbalanced only; empty otherwise): class names, Tribuo labels or
 *                 indices, resolved against the data's schema by {@link ClassResolver} (exact name, exact
 *                 label, index, then a unique loose match)
 * @param share share of each minority class kept, in (0, 1] (imbalanced only)
 * @param perClass examples kept per class, ≥ 1 (low-data only)
 */
public record Scenario(Kind kind, List<String> minority, double share, int perClass) {

    /** The three scenarios. */
    public enum Kind {
        /** Every example. */
        AS_IS("as-is"),
        /** Minority classes cut to a share. */
        IMBALANCED("imbalanced"),
        /** A fixed number of examples per class. */
        LOW_DATA("low-data");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** @return the command-line name */
        public String id() {
            return id;
        }

        /**
         * @param text a command-line name
         * @return the kind
         * @throws InvalidSettingException for an unknown name
         */
        public static Kind parse(String text) {
            for (Kind k : values()) {
                if (k.id.equalsIgnoreCase(text.strip())) {
                    return k;
                }
            }
            throw new InvalidSettingException("scenario", "must be as-is, imbalanced or low-data, was '" + text + "'");
        }
    }

    /** Validates the fields for the kind. */
    public Scenario {
        if (kind == null) {
            throw new IllegalArgumentException("a scenario kind is required");
        }
        // not deduplicated: bag,bag is refused as a class named twice (minorityIndices), as 0,T-shirt/top is
        minority = minority == null ? List.of() : minority.stream().map(String::strip).toList();
        if (kind == Kind.IMBALANCED) {
            if (minority.isEmpty()) {
                throw new InvalidSettingException("minority", "is required by the imbalanced scenario, e.g. 0,2,4,6,8");
            }
            if (!(share > 0 && share <= 1)) {
                throw new InvalidSettingException("share", "must be in (0, 1], was " + share);
            }
        }
        if (kind == Kind.LOW_DATA && perClass < 1) {
            throw new InvalidSettingException("perClass", "must be at least 1 for the low-data scenario, was " + perClass);
        }
    }

    /**
     * @param schema the training data's schema
     * @return the minority class indices, ascending
     * @throws InvalidSettingException (setting "minority") for an unknown or ambiguous class, or one class named
     *     twice ({@code 0,T-shirt/top}), as {@code generate --class} refuses it
     */
    public Set<Integer> minorityIndices(SampleSchema schema) {
        ClassResolver resolver = new ClassResolver(schema, "the training data");
        Set<Integer> indices = new TreeSet<>();
        java.util.Map<Integer, String> named = new java.util.HashMap<>();
        for (String m : minority) {
            int c = resolver.resolve("minority", m);
            String earlier = named.putIfAbsent(c, m);
            if (earlier != null) {
                throw new InvalidSettingException("minority", "names class " + resolver.describe(c) + " twice ('"
                        + earlier + "' and '" + m + "'); give each class once");
            }
            indices.add(c);
        }
        return indices;
    }

    /**
     * Picks the examples to keep.
     *
     * @param labels class index of every training example
     * @param schema the training data's schema, which resolves the minority classes
     * @param seed seed of the random draw
     * @return indices of kept examples, ascending
     * @throws InvalidSettingException when the scenario asks for more examples than exist or names an unknown class
     */
    public int[] select(int[] labels, SampleSchema schema, long seed) {
        int classes = schema.classCount();
        Set<Integer> minorityIndices = minorityIndices(schema);
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < labels.length; i++) {
            byClass.get(labels[i]).add(i);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        TreeSet<Integer> kept = new TreeSet<>();
        for (int c = 0; c < classes; c++) {
            List<Integer> members = byClass.get(c);
            int keep = keepCount(c, schema.classNames().get(c), members.size(), minorityIndices);
            shuffle(members, rng.split());
            kept.addAll(members.subList(0, keep));
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** @param className the class's name, which the refusal gives (not only its index: a fresh user, 4 Dec) */
    private int keepCount(int classIndex, String className, int available, Set<Integer> minorityIndices) {
        return switch (kind) {
            case AS_IS -> available;
            case IMBALANCED -> minorityIndices.contains(classIndex)
                    ? Math.max(1, Math.min(available, (int) Math.round(share * available))) : available;
            case LOW_DATA -> {
                if (perClass > available) {
                    throw new InvalidSettingException("perClass", perClass + " asks for more examples than class "
                            + classIndex + " ('" + className + "') has in train (" + available + "); choose at most "
                            + available);
                }
                yield perClass;
            }
        };
    }

    private static void shuffle(List<Integer> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            Integer t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /**
     * @param schema the data's schema, which names the minority classes
     * @return a one-line description, e.g. "imbalanced: classes [T-shirt/top, Pullover] keep 2% of their
     *     examples", the classes by name whatever spelling the user gave
     * @throws InvalidSettingException (setting "minority") for an unknown or ambiguous class
     */
    public String describe(SampleSchema schema) {
        if (kind != Kind.IMBALANCED) {
            return describe();
        }
        List<String> names = minorityIndices(schema).stream().map(c -> schema.classNames().get(c)).toList();
        return "imbalanced: classes " + names + " keep " + percent(share) + "% of their examples";
    }

    /**
     * What {@link #describe(SampleSchema)} says, and for the imbalanced scenario the examples each minority class
     * really keeps: the share is rounded to whole examples, at least 1 (a share of 1e-9 keeps one example, 0.015
     * of 100 keeps 2), which the share alone does not show.
     *
     * @param schema the data's schema
     * @param available the training data's examples per class, by class index
     * @return e.g. "imbalanced: classes [T-shirt/top] keep 1.5% of their examples (kept: T-shirt/top 2 of 100)"
     */
    public String describe(SampleSchema schema, int[] available) {
        if (kind != Kind.IMBALANCED) {
            return describe(schema);
        }
        Set<Integer> minorityIndices = minorityIndices(schema);
        List<String> kept = minorityIndices.stream().sorted().map(c -> schema.classNames().get(c) + " "
                + keepCount(c, schema.classNames().get(c), available[c], minorityIndices) + " of " + available[c])
                .toList();
        return describe(schema) + " (kept: " + String.join(", ", kept) + ")";
    }

    /** @return the share as a percentage in plain decimals ("1.5", "0.0000001"), without binary rounding's tail */
    private static String percent(double share) {
        return java.math.BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /**
     * @return the scenario's settings that apply to it, for a report: {@code kind}, and {@code minority} and
     *     {@code share} (imbalanced) or {@code perClass} (low-data); the minority classes as given
     */
    public java.util.Map<String, Object> appliedSettings() {
        java.util.Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("kind", kind.id());
        if (kind == Kind.IMBALANCED) {
            settings.put("minority", minority);
            settings.put("share", share);
        } else if (kind == Kind.LOW_DATA) {
            settings.put("perClass", perClass);
        }
        return settings;
    }

    /** @return a line for people, the minority classes as given (see {@link #describe(SampleSchema)}) */
    public String describe() {
        return switch (kind) {
            case AS_IS -> "as-is: every training example";
            case IMBALANCED -> "imbalanced: classes " + minority + " keep " + percent(share) + "% of their examples";
            case LOW_DATA -> "low-data: " + perClass + " examples per class";
        };
    }
}

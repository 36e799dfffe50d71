package dev.augment.oversample;

import dev.augment.errors.InvalidSettingException;
import dev.augment.oversample.filter.GenerationFilter;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which method adds each class's examples and its parameters. How many examples a class gets is decided
 * elsewhere (the Tribuo plugin's {@code AugmentationPolicy}); {@link #split} only says how many of them
 * come from each source. Immutable; checked when made.
 *
 * @param method ROS, SMOTE, GAN, HYBRID or MIX
 * @param k SMOTE's neighbour count, at least 1 (clamped per class to its size − 1 when used)
 * @param baseline the non-generative method of HYBRID and MIX: ROS or SMOTE
 * @param generatedRatio HYBRID: generated examples per rebalancing example, added on top; ≥ 0, finite
 * @param generatedShare MIX: the share of each class's added examples that the GAN makes, in [0, 1]
 * @param ganFilter GAN, HYBRID and MIX: the generation-time filter ({@link GenerationFilter}), candidates drawn per
 *     generated example kept, finite and ≥ 1; 1 (the default) filters nothing; ROS and SMOTE refuse a filter given,
 *     even of 1
 * @param given the settings the caller gave, by name ({@value #K}, {@value #BASELINE}, {@value #GENERATED_RATIO},
 *     {@value #GENERATED_SHARE}, {@code ganFilter}): every {@code with…} call adds its own, and a value other than
 *     the default counts as given too. A given setting the method does not read is refused, whatever its value and
 *     in whichever order the calls came: {@code of(HYBRID).withK(5).withBaseline(ROS)} was accepted, k 5 being the
 *     default, where {@code withBaseline(ROS).withK(5)} was refused (a re-check, 6 Dec). Two settings of equal
 *     values but different given names are not {@code equals}.
 */
public record MethodSettings(OversamplingMethod method, int k, OversamplingMethod baseline, double generatedRatio,
                             double generatedShare, double ganFilter, Set<String> given) {

    /** HYBRID's default ratio: half as many generated examples on top as rebalancing ones. */
    public static final double DEFAULT_GENERATED_RATIO = 0.5;
    /** MIX's default share: half of each class's added examples from the GAN. */
    public static final double DEFAULT_GENERATED_SHARE = 0.5;

    /** Checks every value; the messages name the setting and the value. */
    public MethodSettings {
        if (method == null) {
            throw new InvalidSettingException("method", "method must be one of " + OversamplingMethod.choices()
                    + ", was null");
        }
        if (k < 1) {
            throw new InvalidSettingException("k", "k (SMOTE's neighbour count) must be at least 1, was " + k);
        }
        if (baseline != OversamplingMethod.ROS && baseline != OversamplingMethod.SMOTE) {
            throw new InvalidSettingException("baseline", "baseline (the non-generative part of hybrid and mix) must "
                    + "be ros or smote, was " + (baseline == null ? "null" : baseline.id()));
        }
        if (!(generatedRatio >= 0 && Double.isFinite(generatedRatio))) {
            throw new InvalidSettingException("generatedRatio", "generatedRatio must be a finite number >= 0, was "
                    + generatedRatio);
        }
        if (!(generatedShare >= 0 && generatedShare <= 1)) {
            throw new InvalidSettingException("generatedShare", "generatedShare must be in [0, 1], was "
                    + generatedShare);
        }
        GenerationFilter.requireFactor(ganFilter);
        given = givenOrChanged(given, k, baseline, generatedRatio, generatedShare, ganFilter);
        if (given.contains(GenerationFilter.SETTING) && !method.usesGenerator()) {
            throw new InvalidSettingException(GenerationFilter.SETTING, "filters GAN samples, so it applies to methods "
                    + "gan, hybrid and mix only, not " + method.id() + ", was " + ganFilter);
        }
        // a value the method never reads is refused rather than ignored: the caller meant something by it
        List<String> read = readBy(method, baseline);
        refuseUnread(read, K, given.contains(K), method, baseline, k);
        refuseUnread(read, BASELINE, given.contains(BASELINE), method, baseline, baseline.id());
        refuseUnread(read, GENERATED_RATIO, given.contains(GENERATED_RATIO), method, baseline, generatedRatio);
        refuseUnread(read, GENERATED_SHARE, given.contains(GENERATED_SHARE), method, baseline, generatedShare);
        refuseSwitchedOff(method, k, baseline, generatedRatio, generatedShare, ganFilter, given);
    }

    /** The names given, plus every setting whose value is not its default; unmodifiable. */
    private static Set<String> givenOrChanged(Set<String> given, int k, OversamplingMethod baseline,
                                              double generatedRatio, double generatedShare, double ganFilter) {
        Set<String> all = new LinkedHashSet<>(given == null ? Set.of() : given);
        for (String name : all) {
            if (!List.of(K, BASELINE, GENERATED_RATIO, GENERATED_SHARE, GenerationFilter.SETTING).contains(name)) {
                throw new InvalidSettingException(name, "no setting is called " + name + "; given settings are named "
                        + K + ", " + BASELINE + ", " + GENERATED_RATIO + ", " + GENERATED_SHARE + " or "
                        + GenerationFilter.SETTING);
            }
        }
        if (k != Smote.DEFAULT_K) {
            all.add(K);
        }
        if (baseline != OversamplingMethod.SMOTE) {
            all.add(BASELINE);
        }
        if (generatedRatio != DEFAULT_GENERATED_RATIO) {
            all.add(GENERATED_RATIO);
        }
        if (generatedShare != DEFAULT_GENERATED_SHARE) {
            all.add(GENERATED_SHARE);
        }
        if (ganFilter != GenerationFilter.OFF) {
            all.add(GenerationFilter.SETTING);
        }
        return java.util.Collections.unmodifiableSet(all);
    }

    /**
     * A share or ratio at its end switches a part of a blend off, and the settings of that part are then not read
     * either: {@code --k} with {@code --share 1}, or a GAN filter with {@code --ratio 0}, was accepted and ignored
     * (the filter's classifier trained for nothing) where the same setting for a method without that part is refused
     * (a fresh user, 6 Dec).
     */
    private static void refuseSwitchedOff(OversamplingMethod method, int k, OversamplingMethod baseline,
                                          double generatedRatio, double generatedShare, double ganFilter,
                                          Set<String> given) {
        boolean noGan = method == OversamplingMethod.HYBRID && generatedRatio == 0
                || method == OversamplingMethod.MIX && generatedShare == 0;
        if (noGan && given.contains(GenerationFilter.SETTING)) {
            throw new InvalidSettingException(GenerationFilter.SETTING, GenerationFilter.SETTING + " filters GAN "
                    + "samples, but " + (method == OversamplingMethod.HYBRID ? GENERATED_RATIO + " 0" : GENERATED_SHARE
                    + " 0") + " adds none, was " + ganFilter + "; leave it out or let the GAN add examples");
        }
        if (method == OversamplingMethod.MIX && generatedShare == 1) {
            String unread = given.contains(K) ? K : given.contains(BASELINE) ? BASELINE : null;
            if (unread != null) {
                throw new InvalidSettingException(unread, unread + " belongs to mix's non-generative part, but "
                        + GENERATED_SHARE + " 1 makes every added example generated, was "
                        + (unread.equals(K) ? k : baseline.id()) + "; leave it out or lower " + GENERATED_SHARE);
            }
        }
    }

    /** Name of the setting {@link #k}. */
    public static final String K = "k";
    /** Name of the setting {@link #baseline}. */
    public static final String BASELINE = "baseline";
    /** Name of the setting {@link #generatedRatio}. */
    public static final String GENERATED_RATIO = "generatedRatio";
    /** Name of the setting {@link #generatedShare}. */
    public static final String GENERATED_SHARE = "generatedShare";

    /**
     * The settings a method reads, by name: {@value #K} where SMOTE runs (SMOTE, or HYBRID and MIX on SMOTE),
     * {@value #BASELINE} for HYBRID and MIX, {@value #GENERATED_RATIO} for HYBRID, {@value #GENERATED_SHARE} for MIX,
     * and {@code ganFilter} wherever the GAN runs. The OLCUT configuration and the provenance use the same names.
     *
     * @param method the method
     * @param baseline HYBRID's and MIX's ROS or SMOTE (not read for the others)
     * @return the names, in a fixed order
     */
    public static List<String> readBy(OversamplingMethod method, OversamplingMethod baseline) {
        List<String> read = new ArrayList<>();
        boolean blends = method == OversamplingMethod.HYBRID || method == OversamplingMethod.MIX;
        if (method == OversamplingMethod.SMOTE || blends && baseline == OversamplingMethod.SMOTE) {
            read.add(K);
        }
        if (blends) {
            read.add(BASELINE);
        }
        if (method == OversamplingMethod.HYBRID) {
            read.add(GENERATED_RATIO);
        }
        if (method == OversamplingMethod.MIX) {
            read.add(GENERATED_SHARE);
        }
        if (method.usesGenerator()) {
            read.add(GenerationFilter.SETTING);
        }
        return List.copyOf(read);
    }

    /** @return the settings this method reads ({@link #readBy}) */
    public List<String> readSettings() {
        return readBy(method, baseline);
    }

    /**
     * Refuses a setting given for a method that does not read it.
     *
     * @param read what the method reads ({@link #readBy})
     * @param setting the setting's name
     * @param given whether the caller set it (a configured value, or one other than the default)
     * @param method the method
     * @param baseline HYBRID's and MIX's ROS or SMOTE, named in the message for those two
     * @param value the value, for the message
     * @throws InvalidSettingException naming {@code setting} when it was given but {@code method} does not read it
     */
    public static void refuseUnread(List<String> read, String setting, boolean given, OversamplingMethod method,
                                    OversamplingMethod baseline, Object value) {
        if (given && !read.contains(setting)) {
            String by = method == OversamplingMethod.HYBRID || method == OversamplingMethod.MIX
                    ? method.id() + " on " + baseline.id() : method.id();
            throw new InvalidSettingException(setting, setting + " is not read by method " + by + " ("
                    + readers(setting) + "), was " + value + "; leave it out or choose a method that reads it");
        }
    }

    private static String readers(String setting) {
        return switch (setting) {
            case K -> "it is SMOTE's neighbour count: smote, and hybrid and mix on smote";
            case BASELINE -> "it is the non-generative part of hybrid and mix";
            case GENERATED_RATIO -> "it is hybrid's share of generated examples on top";
            case GENERATED_SHARE -> "it is mix's share of generated examples";
            default -> "it applies to gan, hybrid and mix";
        };
    }

    /**
     * Settings without the generation-time filter.
     *
     * @param method ROS, SMOTE, GAN, HYBRID or MIX
     * @param k SMOTE's neighbour count
     * @param baseline HYBRID's and MIX's ROS or SMOTE
     * @param generatedRatio HYBRID's generated examples per rebalancing example
     * @param generatedShare MIX's share of generated examples
     */
    public MethodSettings(OversamplingMethod method, int k, OversamplingMethod baseline, double generatedRatio,
                          double generatedShare) {
        this(method, k, baseline, generatedRatio, generatedShare, GenerationFilter.OFF);
    }

    /**
     * Settings whose given names are those not at their default value (for callers that check the names given at
     * the default themselves, as the command line and the OLCUT configuration do).
     *
     * @param method ROS, SMOTE, GAN, HYBRID or MIX
     * @param k SMOTE's neighbour count
     * @param baseline HYBRID's and MIX's ROS or SMOTE
     * @param generatedRatio HYBRID's generated examples per rebalancing example
     * @param generatedShare MIX's share of generated examples
     * @param ganFilter candidates drawn per generated example kept
     */
    public MethodSettings(OversamplingMethod method, int k, OversamplingMethod baseline, double generatedRatio,
                          double generatedShare, double ganFilter) {
        this(method, k, baseline, generatedRatio, generatedShare, ganFilter, Set.of());
    }

    /**
     * @param method the method
     * @return the method with k = {@value Smote#DEFAULT_K}, baseline SMOTE, ratio and share 0.5, no GAN filter
     */
    public static MethodSettings of(OversamplingMethod method) {
        return new MethodSettings(method, Smote.DEFAULT_K, OversamplingMethod.SMOTE, DEFAULT_GENERATED_RATIO,
                DEFAULT_GENERATED_SHARE, GenerationFilter.OFF, Set.of());
    }

    /**
     * @param newK SMOTE's neighbour count
     * @return a copy with it
     * @throws InvalidSettingException when this method does not read k ({@link #readBy}), whatever the value
     *     ({@link #given}): {@code of(GAN).withK(5)} was kept without a word where OLCUT's {@code k=5} for GAN is
     *     refused (a fresh user, 6 Dec)
     */
    public MethodSettings withK(int newK) {
        requireRead(K, newK);
        return new MethodSettings(method, newK, baseline, generatedRatio, generatedShare, ganFilter, with(K));
    }

    /**
     * @param newBaseline ROS or SMOTE
     * @return a copy with it
     * @throws InvalidSettingException when this method is not HYBRID or MIX, whatever the value ({@link #withK})
     */
    public MethodSettings withBaseline(OversamplingMethod newBaseline) {
        requireRead(BASELINE, newBaseline == null ? "null" : newBaseline.id());
        return new MethodSettings(method, k, newBaseline, generatedRatio, generatedShare, ganFilter, with(BASELINE));
    }

    /**
     * @param ratio HYBRID's generated examples per rebalancing example
     * @return a copy with it
     * @throws InvalidSettingException when this method is not HYBRID, whatever the value ({@link #withK})
     */
    public MethodSettings withGeneratedRatio(double ratio) {
        requireRead(GENERATED_RATIO, ratio);
        return new MethodSettings(method, k, baseline, ratio, generatedShare, ganFilter, with(GENERATED_RATIO));
    }

    /**
     * @param share MIX's share of generated examples
     * @return a copy with it
     * @throws InvalidSettingException when this method is not MIX, whatever the value ({@link #withK})
     */
    public MethodSettings withGeneratedShare(double share) {
        requireRead(GENERATED_SHARE, share);
        return new MethodSettings(method, k, baseline, generatedRatio, share, ganFilter, with(GENERATED_SHARE));
    }

    /**
     * @param factor candidates drawn per generated example kept, finite and ≥ 1 (1: no filter); above 1 only for
     *     GAN, HYBRID and MIX
     * @return a copy with the generation-time filter
     * @throws InvalidSettingException when this method does not use the GAN, or a share or ratio at its end adds no
     *     GAN examples, whatever the value ({@link #withK})
     */
    public MethodSettings withGanFilter(double factor) {
        return new MethodSettings(method, k, baseline, generatedRatio, generatedShare, factor,
                with(GenerationFilter.SETTING));
    }

    /** The given names and one more. */
    private Set<String> with(String setting) {
        Set<String> more = new LinkedHashSet<>(given);
        more.add(setting);
        return more;
    }

    /** Refuses a setting a {@code with…} call gives to a method that does not read it, whatever its value. */
    private void requireRead(String setting, Object value) {
        refuseUnread(readSettings(), setting, true, method, baseline, value);
    }

    /** @return true when the GAN examples are filtered: a factor above 1 */
    public boolean filtersGan() {
        return ganFilter > GenerationFilter.OFF;
    }

    /** @return the method that copies or interpolates real examples here: ROS or SMOTE, or null for GAN */
    public OversamplingMethod nonGenerative() {
        return switch (method) {
            case ROS, SMOTE -> method;
            case HYBRID, MIX -> baseline;
            case GAN -> null;
        };
    }

    /**
     * Splits each class's asked count between the sources.
     *
     * <ul>
     *   <li>ROS, SMOTE, GAN: all of it from that method;</li>
     *   <li>HYBRID: all of it from ROS/SMOTE, plus {@code round(generatedRatio × count)} generated on top;</li>
     *   <li>MIX: {@code round(generatedShare × count)} generated, the rest from ROS/SMOTE.</li>
     * </ul>
     *
     * @param counts the examples to add to each class, by class index, none negative
     * @return the counts by source
     */
    public AddedCounts split(int[] counts) {
        int[] real = new int[counts.length];
        int[] generated = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 0) {
                throw new IllegalArgumentException("counts[" + c + "] is negative: " + counts[c]);
            }
            switch (method) {
                case ROS, SMOTE -> real[c] = counts[c];
                case GAN -> generated[c] = counts[c];
                case HYBRID -> {
                    real[c] = counts[c];
                    // in double: Math.round saturates at Long.MAX_VALUE, and the sum of that and the count wrapped
                    // below the limit (a ratio of 3e18 added no generated examples at all, exit 0)
                    double onTop = Math.floor(generatedRatio * counts[c] + 0.5); // Math.round, half up
                    if (counts[c] + onTop > Integer.MAX_VALUE) {
                        // the rebalanced and the generated examples of one class together: an int would wrap
                        throw new InvalidSettingException(GENERATED_RATIO, "generatedRatio " + generatedRatio + " asks "
                                + "for " + (Double.isInfinite(onTop) ? "more" : String.format(java.util.Locale.ROOT,
                                // 1e300 printed 301 digits (a Tribuo user, 6 Dec)
                                onTop < 1e15 ? "%.0f" : "%.3g", onTop))
                                + " generated examples of one class on top of its " + counts[c]
                                + " rebalanced ones, more than the " + Integer.MAX_VALUE + " one class may have in all; "
                                + "choose a smaller ratio or count");
                    }
                    generated[c] = (int) onTop;
                }
                case MIX -> {
                    generated[c] = (int) Math.round(generatedShare * counts[c]);
                    real[c] = counts[c] - generated[c];
                }
                default -> throw new IllegalStateException("unknown method " + method);
            }
        }
        return new AddedCounts(nonGenerative(), real, generated);
    }
}

package dev.augment.cli;

import dev.augment.eval.protocol.Arm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code evaluate --arms}: which of the arms {@code --baseline} gives ({@link BlendBaselines#arms(String)}) a run
 * learns, for a user who wants fewer classifier fits (each arm is one fit per family and seed; under the CNN family
 * one fit takes about two minutes on two cores). Real only always runs, first: every arm is compared with it. At least
 * one cheap baseline arm must stay, since the verdict compares every arm with the best of them.
 */
final class ArmChoice {

    private ArmChoice() {
    }

    /**
     * @param baseline {@code --baseline}'s value ("smote", "ros" or "smote,ros")
     * @param chosen {@code --arms}'s value: arm ids ({@link Arm#id()}, any case) separated by commas; null keeps
     *     every arm of the baseline
     * @return the arms, in {@link Arm#arms(java.util.List)}'s order, real only first
     * @throws UsageException (exit 2) for an unknown or repeated id, an arm the baseline does not give (a ROS hybrid
     *     without {@code --baseline ros}), or a choice without a cheap baseline arm
     */
    static List<Arm> arms(String baseline, String chosen) {
        List<Arm> offered = BlendBaselines.arms(baseline);
        if (chosen == null) {
            return offered;
        }
        Set<Arm> named = new LinkedHashSet<>();
        for (String entry : chosen.split(",", -1)) {
            String id = entry.strip().toLowerCase(Locale.ROOT);
            Arm arm = null;
            for (Arm a : Arm.values()) {
                if (a.id().equals(id)) {
                    arm = a;
                }
            }
            if (arm == null) {
                throw new UsageException("--arms takes arm names separated by commas, from " + ids(offered) + "; '"
                        + entry.strip() + "' is " + (id.isEmpty() ? "an empty entry" : "not one of them"
                        + suggestion(id, offered)));
            }
            if (!named.add(arm)) {
                throw new UsageException("--arms names " + arm.id() + " twice");
            }
            if (!offered.contains(arm)) {
                // "add --baseline smote,ros" to a run that gave --baseline was a duplicate option (a fresh user)
                throw new UsageException("--arms names " + arm.id() + ", which --baseline " + baseline + " does not "
                        + "run; give --baseline smote,ros (in place of any --baseline given) for the hybrid and mix "
                        + "arms of both, or leave " + arm.id() + " out of --arms");
            }
        }
        if (named.stream().noneMatch(Arm::isCheapBaseline)) {
            throw new UsageException("--arms must keep a cheap baseline (class-weights, oversampling or smote): the "
                    + "verdict compares every arm with the best of them");
        }
        List<Arm> out = new ArrayList<>();
        for (Arm a : offered) {
            if (a == Arm.REAL || named.contains(a)) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    /** Names users type for an arm (the policy's own name, {@code --baseline}'s, another separator). */
    private static final java.util.Map<String, Arm> ALIASES = java.util.Map.of(
            "ros", Arm.OVERSAMPLING, "random-oversampling", Arm.OVERSAMPLING, "weights", Arm.CLASS_WEIGHTS,
            "class-weight", Arm.CLASS_WEIGHTS, "real-only", Arm.REAL, "synthetic", Arm.SYNTHETIC_ONLY);

    /**
     * @return "; did you mean oversampling?" for {@code ros} (the policy's name in {@code oversample} and the plugin,
     *     which {@code --arms ros} refused without a word on the arm it meant; a fresh user, 4 Dec), another known
     *     alias or a spelling with {@code _} or spaces for {@code -}; else ""
     */
    static String suggestion(String id, List<Arm> offered) {
        String hyphens = id.replace('_', '-').replace(' ', '-');
        Arm meant = ALIASES.get(hyphens);
        for (Arm a : Arm.values()) {
            if (a.id().equals(hyphens) || a.id().replace("-", "").equals(hyphens.replace("-", ""))) {
                meant = a;
            }
        }
        if (!dev.augment.oversample.OversamplingMethod.smoteNcHint(id).isEmpty() && offered.contains(Arm.SMOTE)) {
            // the name a table run prints for its SMOTE arm (a fresh user, 7 Dec)
            return "; did you mean smote? (SMOTE-NC is the smote arm on a table with a categorical column)";
        }
        return meant == null || !offered.contains(meant) ? "" : "; did you mean " + meant.id() + "?";
    }

    private static String ids(List<Arm> arms) {
        return arms.stream().map(Arm::id).collect(Collectors.joining(", "));
    }
}

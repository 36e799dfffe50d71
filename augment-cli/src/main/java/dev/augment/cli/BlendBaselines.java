package dev.augment.cli;

import dev.augment.eval.protocol.Arm;
import dev.augment.oversample.OversamplingMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code evaluate --baseline}: which cheap rebalancing the hybrid and mix arms start from, as the Tribuo plugin's
 * {@code baseline} setting (and {@code oversample --baseline}) chooses it: {@code smote} (the default), {@code ros},
 * or both ({@code smote,ros}: two more arms per classifier family).
 */
final class BlendBaselines {

    private BlendBaselines() {
    }

    /**
     * @param text the option's value, e.g. "smote", "ros" or "smote,ros", any case
     * @return the evaluation's arms ({@link Arm#arms(List)}), with a hybrid and a mix arm per baseline
     * @throws UsageException (exit 2) for an empty entry, a method other than ros or smote, or one named twice
     */
    static List<Arm> arms(String text) {
        List<OversamplingMethod> baselines = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            OversamplingMethod method = parse(entry);
            if (method == null) {
                throw new UsageException("--baseline takes ros, smote or both (smote,ros): the rebalancing the hybrid "
                        + "and mix arms start from; '" + entry.trim() + "' is "
                        + (entry.isBlank() ? "an empty entry" : "not one of them")
                        + OversamplingMethod.smoteNcHint(entry));
            }
            if (baselines.contains(method)) {
                throw new UsageException("--baseline names " + method.id() + " twice");
            }
            baselines.add(method);
        }
        return Arm.arms(baselines);
    }

    /**
     * One baseline name, as {@code evaluate --baseline} and {@code oversample --baseline} read it.
     *
     * @param name "ros" or "smote", any case, spaces around ignored
     * @return ROS or SMOTE, or null for anything else
     */
    static OversamplingMethod parse(String name) {
        return switch (name == null ? "" : name.strip().toLowerCase(Locale.ROOT)) {
            case "ros" -> OversamplingMethod.ROS;
            case "smote" -> OversamplingMethod.SMOTE;
            default -> null;
        };
    }
}

package dev.augment.oversample;

import dev.augment.errors.InvalidSettingException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where the examples added to a class come from. */
public enum OversamplingMethod {
    /** Random oversampling: copies of real examples drawn with replacement. */
    ROS,
    /** SMOTE: points on segments between a real example and one of its k nearest same-class neighbours. */
    SMOTE,
    /** Samples of the conditional GAN (a generator ONNX file). */
    GAN,
    /** Rebalance then generate: ROS or SMOTE adds the asked counts, then the GAN adds a ratio of them on top. */
    HYBRID,
    /** Mix: a share of each class's added examples comes from the GAN, the rest from ROS or SMOTE. */
    MIX;

    /** @return the lower-case name: ros, smote, gan, hybrid or mix */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return whether the method needs a generator file */
    public boolean usesGenerator() {
        return this == GAN || this == HYBRID || this == MIX;
    }

    /** @return whether the method copies or interpolates real examples (ROS or SMOTE, alone or in a hybrid) */
    public boolean usesRealExamples() {
        return this != GAN;
    }

    /**
     * @param text a method's id or name, any case
     * @param setting the setting's Java name, for the message
     * @return the method
     * @throws InvalidSettingException naming the setting, the value and the choices
     */
    public static OversamplingMethod parse(String text, String setting) {
        String wanted = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (OversamplingMethod method : values()) {
            if (method.name().equals(wanted)) {
                return method;
            }
        }
        throw new InvalidSettingException(setting, setting + " must be one of " + choices() + ", was '" + text + "'"
                + smoteNcHint(text));
    }

    /**
     * @param text a method's name as given
     * @return "; smote-nc is smote on a table with a categorical column, which smote chooses by itself: give smote"
     *     for {@code smote-nc} (or {@code smote_nc}, any case), the name a run prints for SMOTE on such a table, which
     *     users then gave (a fresh user, 5 Dec; to {@code --baseline} and {@code --arms}, 7 Dec); else ""
     */
    public static String smoteNcHint(String text) {
        // imbalanced-learn's class is SMOTENC (a re-check, 7 Dec)
        return text != null && text.strip().replace("_", "").replace("-", "").equalsIgnoreCase("smotenc")
                ? "; smote-nc is smote on a table with a categorical column, which smote chooses by itself: give smote"
                : "";
    }

    /** @return the ids joined by '|', e.g. "ros|smote|gan|hybrid|mix" */
    public static String choices() {
        return Arrays.stream(values()).map(OversamplingMethod::id).collect(Collectors.joining("|"));
    }
}

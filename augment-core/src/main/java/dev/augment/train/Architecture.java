package dev.augment.train;

import dev.augment.errors.InvalidSettingException;
import java.util.Locale;

/** The generator and discriminator family: an MLP for any feature vector, or convolutional for images. */
public enum Architecture {
    /** Fully connected networks; works for any feature vector. */
    MLP,
    /** Convolutional networks (pixel-shuffle upsampling); images whose sides divide by 4. */
    CONV;

    /**
     * @param text "mlp" or "conv", any case
     * @return the architecture
     */
    public static Architecture parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("architecture", "must be mlp or conv, was '" + text + "'");
        }
    }
}

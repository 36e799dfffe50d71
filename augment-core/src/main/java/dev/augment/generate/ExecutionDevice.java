package dev.augment.generate;

import dev.augment.errors.InvalidSettingException;
import java.util.Locale;

/** Where ONNX Runtime runs the generator. */
public enum ExecutionDevice {
    /** The CPU execution provider, in every build. */
    CPU,
    /** The CUDA execution provider: needs the GPU build ({@code mvn -Pgpu package}), CUDA 12 and cuDNN 9. */
    CUDA;

    /**
     * @param text "cpu" or "cuda"
     * @return the device
     */
    public static ExecutionDevice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException("device", "must be cpu or cuda, was '" + text + "'");
        }
    }
}

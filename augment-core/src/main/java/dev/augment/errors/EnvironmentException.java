package dev.augment.errors;

/**
 * The machine, not the caller's input, cannot run the work: an unusable temporary folder, or a native
 * library (ONNX Runtime, PyTorch) that does not load. The message names what is wrong (the folder, the
 * library) and the fix, in one line; the command line exits 1 with it.
 */
public final class EnvironmentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to fix it, one line */
    public EnvironmentException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and how to fix it, one line
     * @param cause the underlying failure
     */
    public EnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}

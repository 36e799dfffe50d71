package dev.augment.errors;

/**
 * A generator file that is missing, corrupt or breaks the ONNX contract (inputs, outputs, types,
 * metadata, schema version). The message says what is wrong in one line.
 */
public final class ModelContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the model file */
    public ModelContractException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong with the model file
     * @param cause the underlying failure
     */
    public ModelContractException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.augment.errors;

/**
 * A generator file that is missing, corrupt or breaks the ONNX contract (inputs, outputs, types,
 * metadata, schema version). The message says what is wrong in one line.
 */
public final class ModelContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What the model does against the contract, without the file and the advice; null for other faults. */
    private final String breach;

    /** @param message what is wrong with the model file */
    public ModelContractException(String message) {
        this(message, (Throwable) null);
    }

    /**
     * @param message what is wrong with the model file
     * @param cause the underlying failure
     */
    public ModelContractException(String message, Throwable cause) {
        super(message, cause);
        this.breach = null;
    }

    private ModelContractException(String model, String breach, String advice, Throwable cause) {
        super(model + " breaks the generator contract: " + breach + (advice == null ? "" : "; " + advice), cause);
        this.breach = breach;
    }

    /**
     * @param model the model file, or what it is called
     * @param breach what it does against the contract ("it generated NaN for feature 'p0' of class 'Bag', …")
     * @param advice how to fix it, or null
     * @param cause the underlying failure, or null
     * @return "{@code model} breaks the generator contract: {@code breach}; {@code advice}"
     */
    public static ModelContractException breach(String model, String breach, String advice, Throwable cause) {
        return new ModelContractException(model, breach, advice, cause);
    }

    /** @return what the model does against the contract, without the file and the advice; empty for other faults */
    public java.util.Optional<String> breach() {
        return java.util.Optional.ofNullable(breach);
    }
}

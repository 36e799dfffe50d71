package dev.augment.train;

/** Training produced a NaN or infinite loss; the message says which checkpoint, if any, is kept. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message where it diverged and what to try */
    public TrainingDivergedException(String message) {
        super(message);
    }
}

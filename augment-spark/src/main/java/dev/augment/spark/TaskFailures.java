package dev.augment.spark;

import dev.augment.errors.EnvironmentException;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.errors.ModelContractException;

/**
 * Spark reports an exception thrown in a task as a {@code SparkException} ("Job aborted due to stage failure:
 * ...") whose cause is the task's exception. This finds augment's own error in that chain, so the command line
 * reports it with its own words and exit code.
 */
final class TaskFailures {

    /** Work that may fail in a Spark job. */
    @FunctionalInterface
    interface Job {
        /** @throws Exception when the job fails */
        void run() throws Exception;
    }

    private TaskFailures() {
    }

    /**
     * @param job the work
     * @throws Exception augment's own error when one caused the failure, else the failure itself
     */
    static void rethrowAugmentCause(Job job) throws Exception {
        try {
            job.run();
        } catch (Exception e) {
            for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
                if (t instanceof InvalidSettingException || t instanceof InvalidDataException
                        || t instanceof ModelContractException || t instanceof EnvironmentException) {
                    throw (RuntimeException) t;
                }
            }
            throw e;
        }
    }
}

package dev.augment.train;

import ai.djl.engine.Engine;
import dev.augment.errors.EnvironmentException;

/**
 * DJL's PyTorch engine, or one {@link EnvironmentException} line when its native library does not load
 * (DJL unpacks it to {@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}, on first use).
 */
public final class PyTorchEngine {

    private PyTorchEngine() {
    }

    /**
     * @return the engine
     * @throws EnvironmentException when the engine or its native library cannot be loaded
     */
    public static Engine get() {
        try {
            return Engine.getEngine("PyTorch");
        } catch (LinkageError | RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
            if (cause instanceof java.net.UnknownHostException || cause instanceof java.net.ConnectException) {
                // a project without the native artifacts: DJL tried to download them (a fresh user's library use)
                throw new EnvironmentException("DJL's PyTorch engine found no native library on the class path and "
                        + "could not download one (" + cause.getClass().getSimpleName() + message + "); add "
                        + "ai.djl.pytorch:pytorch-jni and ai.djl.pytorch:pytorch-native-cpu (classifier linux-x86_64) "
                        + "of DJL's version to the project, as augment-cli does", e);
            }
            throw new EnvironmentException("DJL's PyTorch engine could not be loaded (" + cause.getClass().getSimpleName()
                    + message + "); DJL unpacks it into DJL_CACHE_DIR (default ~/.djl.ai), which must be writable with "
                    + "about 500 MB free", e);
        }
    }
}

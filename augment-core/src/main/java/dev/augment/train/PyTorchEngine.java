package dev.augment.train;

import ai.djl.engine.Engine;
import dev.augment.errors.EnvironmentException;
import dev.augment.errors.InvalidSettingException;

/**
 * DJL's PyTorch engine, or one {@link EnvironmentException} line when its native library does not load
 * (DJL unpacks it to {@code ~/.djl.ai}, or {@code DJL_CACHE_DIR}, on first use; with a home folder that is not
 * writable, into augment's cache folder when one is set, else DJL's own fallback, the temporary folder).
 */
public final class PyTorchEngine {

    private PyTorchEngine() {
    }

    /** DJL's thread-count properties: read with {@link Integer#getInteger}, which ignores a value that is no number. */
    static final java.util.List<String> THREAD_PROPERTIES = java.util.List.of("ai.djl.pytorch.num_threads",
            "ai.djl.pytorch.num_interop_threads");

    /**
     * @return the engine
     * @throws EnvironmentException when the engine or its native library cannot be loaded
     * @throws InvalidSettingException when a thread-count property ({@link #THREAD_PROPERTIES}) is set but is not a
     *     whole number of at least 1: DJL ignores a non-number without a word, and 0 failed as an engine that could
     *     not be loaded, blamed on DJL's cache folder (a fresh user, 6 Dec)
     */
    public static Engine get() {
        for (String property : THREAD_PROPERTIES) {
            String value = System.getProperty(property);
            if (value != null && !value.matches("[1-9][0-9]{0,8}")) {
                throw new InvalidSettingException(property, "(a Java system property, e.g. -D" + property + "=1 in "
                        + "AUGMENT_JAVA_OPTS) must be a whole number of threads, at least 1, was '" + value + "'");
            }
        }
        useAugmentsCacheWhenHomeIsNotWritable();
        try {
            return Engine.getEngine("PyTorch");
        } catch (LinkageError | RuntimeException e) {
            throw loadFailure(e, addressSpaceLimit());
        }
    }

    /**
     * @param e what DJL threw
     * @param addressSpaceLimit the process's address-space limit, when one is set
     * @return the one line for it
     */
    static EnvironmentException loadFailure(Throwable e, java.util.Optional<String> addressSpaceLimit) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
        if (cause instanceof java.net.UnknownHostException || cause instanceof java.net.ConnectException) {
            // a project without the native artifacts: DJL tried to download them (a fresh user's library use)
            return new EnvironmentException("DJL's PyTorch engine found no native library on the class path and "
                    + "could not download one (" + cause.getClass().getSimpleName() + message + "); add "
                    + "ai.djl.pytorch:pytorch-jni and ai.djl.pytorch:pytorch-native-cpu (classifier linux-x86_64) "
                    + "of DJL's version to the project, as augment-cli does", e);
        }
        if (message.contains("failed to map segment") || message.contains("Cannot allocate memory")) {
            // mmap refused under `ulimit -v`: the cache advice sent users to a folder that was fine (a re-check)
            return new EnvironmentException("DJL's PyTorch engine could not be loaded (" + cause.getClass()
                    .getSimpleName() + message + "): the process had no address space left to map it"
                    + addressSpaceLimit.map(limit -> " under its address-space limit of " + limit + " (ulimit -v)")
                    .orElse("") + "; PyTorch needs about 2 GB beyond the Java heap: raise the limit (ulimit -v "
                    // never a heap larger than this one: a heap of 256 MB was told -Xmx512m (a re-check, 7 Dec)
                    + "unlimited) or reserve less (AUGMENT_JAVA_OPTS=\"-Xmx" + Math.min(512, Runtime.getRuntime()
                    .maxMemory() / (1024 * 1024)) + "m -XX:CompressedClassSpaceSize=64m\")", e);
        }
        return new EnvironmentException("DJL's PyTorch engine could not be loaded (" + cause.getClass().getSimpleName()
                + message + "); DJL unpacks it into " + djlCache() + " (DJL_CACHE_DIR; by default ~/.djl.ai, or "
                + "the temporary folder's .djl.ai when the home folder is not writable), which must be writable "
                + "with about 500 MB free: set DJL_CACHE_DIR, -Daugment.cache.dir or XDG_CACHE_HOME to a folder "
                + "that is" + (passedOver == null ? "" : " (augment's cache, " + passedOver + ", could not be "
                + "created or written, so DJL used its own fallback)"), e);
    }

    /**
     * @return this process's address-space limit ({@code ulimit -v}, read from {@code /proc/self/limits}) in MB, when
     *     one is set
     */
    static java.util.Optional<String> addressSpaceLimit() {
        try {
            return addressSpaceLimit(java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/limits")));
        } catch (java.io.IOException | RuntimeException unreadable) {
            return java.util.Optional.empty(); // not Linux, or /proc not mounted
        }
    }

    /**
     * @param limits the lines of {@code /proc/<pid>/limits}
     * @return the soft address-space limit in MB, when one is set
     */
    static java.util.Optional<String> addressSpaceLimit(java.util.List<String> limits) {
        for (String line : limits) {
            if (line.startsWith("Max address space")) {
                String[] fields = line.substring("Max address space".length()).trim().split("\\s+");
                return fields[0].matches("[0-9]{1,18}")
                        ? java.util.Optional.of(Long.parseLong(fields[0]) / (1024 * 1024) + " MB")
                        : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    /** @return the folder DJL unpacks its engines into, as DJL itself works it out */
    private static String djlCache() {
        try {
            return ai.djl.util.Utils.getCacheDir().toString();
        } catch (RuntimeException e) {
            return "DJL's cache folder";
        }
    }

    /**
     * DJL falls back to {@code java.io.tmpdir/.djl.ai} when the home folder is not writable (a service account): about
     * 430 MB of PyTorch unpacked into the temporary folder without a word, again after every clean-up of it, and a
     * full temporary disk blamed on {@code ~/.djl.ai} (a fresh user, 6 Dec). When DJL_CACHE_DIR is not set, the home
     * is not writable and augment's own cache ({@link dev.augment.generate.OnnxRuntimeLoader#cacheRoot()}: {@code
     * -Daugment.cache.dir} or {@code XDG_CACHE_HOME}) can be created, DJL is pointed at {@code djl.ai} inside it.
     */
    static void useAugmentsCacheWhenHomeIsNotWritable() {
        String set = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        if (set != null && !set.isEmpty()) {
            return;
        }
        java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home"));
        if (java.nio.file.Files.isWritable(home)) {
            return;
        }
        java.nio.file.Path djl = dev.augment.generate.OnnxRuntimeLoader.cacheRoot().resolve("djl.ai");
        try {
            java.nio.file.Files.createDirectories(djl);
        } catch (java.io.IOException | RuntimeException e) {
            passedOver = djl; // DJL's own fallback, the temporary folder; a failure there names both (djlCache)
            return;
        }
        if (java.nio.file.Files.isWritable(djl)) {
            System.setProperty("DJL_CACHE_DIR", djl.toString());
        } else {
            passedOver = djl;
        }
    }

    /** augment's cache folder for DJL when it could not be used (an unwritable -Daugment.cache.dir), else null. */
    private static volatile java.nio.file.Path passedOver;
}

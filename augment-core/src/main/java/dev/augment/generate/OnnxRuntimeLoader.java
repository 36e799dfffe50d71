package dev.augment.generate;

import ai.onnxruntime.OrtEnvironment;
import dev.augment.errors.EnvironmentException;
import dev.augment.io.AtomicFiles;
import dev.augment.io.TemporaryFolder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads ONNX Runtime's native library once per process, from a per-version cache instead of a fresh
 * temporary copy. ONNX Runtime 1.20.0 ({@code ai.onnxruntime.OnnxRuntime.init}) copies its libraries
 * into a new {@code java.io.tmpdir/onnxruntime-java*} folder on every start and deletes them only with
 * {@code File.deleteOnExit}, which removes the folder before the files inside it, so every run left an
 * empty folder behind (and a killed run left 16 MB). Here the libraries are extracted once, atomically,
 * into {@code <cache>/onnxruntime-<version>-<platform>/} and ONNX Runtime is pointed at that folder with
 * its documented system property {@value #NATIVE_PATH_PROPERTY}; ONNX Runtime then only creates an empty
 * temporary folder, which its exit hook can delete.
 *
 * <p>The cache is {@code -D}{@value #CACHE_PROPERTY}, else {@code $XDG_CACHE_HOME/augment} (when absolute, as the XDG
 * Base Directory specification requires), else {@code ~/.cache/augment}. A {@value #NATIVE_PATH_PROPERTY} set by the
 * user is respected; with an unusable cache the libraries go into a folder of augment's own under java.io.tmpdir,
 * deleted at exit. A library that does not load is reported as one {@link EnvironmentException} line naming the cause
 * (an unusable temporary folder included).
 */
public final class OnnxRuntimeLoader {

    /** ONNX Runtime's system property: the folder holding its native libraries. */
    public static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";
    /** System property: augment's cache folder for extracted native libraries. */
    public static final String CACHE_PROPERTY = "augment.cache.dir";

    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni",
            "onnxruntime_providers_shared", "onnxruntime_providers_cuda", "onnxruntime_providers_tensorrt");

    /** The name the temporary folder of libraries is named after, when the cache cannot hold them. */
    static final String TEMPORARY_LIBRARIES = "augment-onnxruntime";

    /** Why the cache could not hold the libraries (for the error when the fallback fails too), or null. */
    private static String cacheFailure;

    /** The process-wide environment; native libraries load once per process, so this is one too. */
    private static OrtEnvironment environment;

    private OnnxRuntimeLoader() {
    }

    /**
     * @return ONNX Runtime's environment, its native library loaded
     * @throws EnvironmentException when the native library cannot be loaded; the message names the cause
     */
    public static synchronized OrtEnvironment environment() {
        if (environment != null) {
            return environment;
        }
        if (System.getProperty(NATIVE_PATH_PROPERTY) == null) {
            // an unusable cache (a file, read-only, full) fell back to ONNX Runtime's own copy, which left an empty
            // onnxruntime-java* folder behind on every run (a fresh user, 5 Dec): a folder of ours, removed at exit
            cachedLibraries().or(OnnxRuntimeLoader::temporaryLibraries)
                    .ifPresent(folder -> System.setProperty(NATIVE_PATH_PROPERTY, folder.toString()));
        }
        TemporaryFolder.check();
        try {
            environment = OrtEnvironment.getEnvironment();
        } catch (LinkageError | RuntimeException e) {
            String cause = rootCause(e);
            String nativePath = Optional.ofNullable(System.getProperty(NATIVE_PATH_PROPERTY))
                    .orElse("the cache folder");
            String cacheNote = cacheFailure == null ? "" : "; augment's cache " + cacheRoot() + " could not be used ("
                    + cacheFailure + "), so they were put in the temporary folder";
            if (cause.contains("failed to map segment") || cause.contains("Operation not permitted")) {
                // a /tmp mounted noexec (server hardening) behind an unusable cache was told to check that writable
                // folders were writable (a fresh user, 6 Dec)
                throw new EnvironmentException("ONNX Runtime's native library could not be loaded from " + nativePath
                        + " (" + cause + "): its file system does not allow loading libraries (mounted noexec?)"
                        + cacheNote + "; give a cache on a disk that does: -Daugment.cache.dir=DIR in "
                        + "AUGMENT_JAVA_OPTS, or XDG_CACHE_HOME", e);
            }
            throw new EnvironmentException("ONNX Runtime's native library could not be loaded (" + cause
                    + "); check that java.io.tmpdir and " + nativePath + " are writable and that this platform ("
                    + platform() + ") is one ONNX Runtime " + version() + " supports" + cacheNote, e);
        }
        return environment;
    }

    /** @return the cache folder holding this version's libraries, extracted now if needed; empty when unusable */
    static Optional<Path> cachedLibraries() {
        String version = version();
        if (version == null) {
            return Optional.empty();
        }
        Path folder = cacheRoot().resolve("onnxruntime-" + version + "-" + platform());
        try {
            boolean any = false;
            for (String library : LIBRARIES) {
                any |= extract(library, folder);
            }
            return any ? Optional.of(folder) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            cacheFailure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()
                    .lines().findFirst().orElse(""));
            return Optional.empty();
        }
    }

    /**
     * @return a folder under java.io.tmpdir holding this version's libraries, deleted (files first, then the folder)
     *     when the JVM exits; empty when it cannot be made (the temporary folder's own check then names why)
     */
    static Optional<Path> temporaryLibraries() {
        if (version() == null) {
            return Optional.empty();
        }
        Path folder = null;
        try {
            // named after this host and process, so that a later run deletes what a killed one left (16 MB a run)
            Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
            dev.augment.io.KilledRunLeftovers.delete(temporary.resolve(TEMPORARY_LIBRARIES));
            folder = Files.createTempDirectory(temporary,
                    dev.augment.io.KilledRunLeftovers.prefix(TEMPORARY_LIBRARIES));
            boolean any = false;
            for (String library : LIBRARIES) {
                any |= extract(library, folder);
            }
            Path made = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(made), "augment-onnxruntime-cleanup"));
            return any ? Optional.of(folder) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            if (folder != null) {
                deleteQuietly(folder);
            }
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            AtomicFiles.deleteTree(folder);
        } catch (IOException | RuntimeException ignored) {
            // at exit: what cannot be deleted stays, as ONNX Runtime's own copy did
        }
    }

    /** @return true when the library is in the folder (extracted now or before); false when the jar lacks it */
    private static boolean extract(String library, Path folder) throws IOException {
        String fileName = System.mapLibraryName(library).replace("jnilib", "dylib");
        String resource = "/ai/onnxruntime/native/" + platform() + "/" + fileName;
        try (InputStream in = OrtEnvironment.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Path target = folder.resolve(fileName);
            if (!Files.isRegularFile(target)) {
                // written atomically, so a file that exists is complete, even when processes race
                AtomicFiles.write(target, in::transferTo);
            }
            return true;
        }
    }

    /**
     * @return augment's cache folder ({@value #CACHE_PROPERTY}, else {@code $XDG_CACHE_HOME/augment} when that is an
     *     absolute path, else {@code ~/.cache/augment}), whether or not it exists yet; outputs must stay out of it
     */
    public static Path cacheRoot() {
        String configured = System.getProperty(CACHE_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return cacheRoot(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    /**
     * The XDG Base Directory rule: a relative {@code $XDG_CACHE_HOME} is invalid and ignored, so a mis-set profile
     * does not leave a cache of native libraries in every folder augment runs in.
     */
    static Path cacheRoot(String xdgCacheHome, String userHome) {
        if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) {
            return Path.of(xdgCacheHome, "augment");
        }
        return Path.of(userHome, ".cache", "augment");
    }

    private static String version() {
        return OrtEnvironment.class.getPackage().getImplementationVersion();
    }

    /** ONNX Runtime's own platform names: linux-x64, linux-aarch64, osx-x64, osx-aarch64, win-x64. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String archName = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") ? "aarch64" : arch;
        return osName + "-" + archName;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst().orElse("");
        return cause.getClass().getSimpleName() + message;
    }
}

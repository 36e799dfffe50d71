package dev.augment.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URI given where augment takes a local path ({@code file:///data/m.onnx}, {@code hdfs://nn/x}, {@code s3a://b/x}):
 * a path collapses its two slashes to one, and then the file was "not found", or a folder named {@code s3a:} was to be
 * made with {@code mkdir -p} (fresh users, 7 Dec). Only {@code spark-generate --out} takes a URI.
 */
public final class UriPaths {

    private static final Pattern URI = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]+):(/.*)");

    private UriPaths() {
    }

    /**
     * @param path a path as an option gave it (a URI's {@code //} already collapsed to {@code /})
     * @param what what the path is for, e.g. "a model" or "an output folder"
     * @return why it cannot be taken, the URI as typed first, when it names nothing here and its text starts with a URI
     *     scheme: the local path of a {@code file:} URI (%-escapes decoded, a {@code localhost} host dropped, quoted
     *     for a shell when it holds a space), or for another scheme that the path must be local; else empty
     */
    public static Optional<String> refusal(Path path, String what) {
        Matcher uri = URI.matcher(path.toString());
        if (!uri.matches()) {
            return Optional.empty();
        }
        // the path's text has one slash where the URI had two: shown as typed (a re-check, 7 Dec)
        String shown = "file".equalsIgnoreCase(uri.group(1)) ? path.toString()
                : uri.group(1) + "://" + uri.group(2).substring(1);
        return problem(path, what).map(problem -> shown + ": " + problem);
    }

    /**
     * @param path as for {@link #refusal}
     * @param what as for {@link #refusal}
     * @return {@link #refusal} without the path, for a message that names the path itself (an {@code
     *     InvalidDataException}): the callers had cut it off the line by its text (a review, 7 Dec)
     */
    public static Optional<String> problem(Path path, String what) {
        String text = path.toString();
        Matcher uri = URI.matcher(text);
        if (!uri.matches() || Files.exists(path)) {
            return Optional.empty();
        }
        String scheme = uri.group(1);
        if ("file".equalsIgnoreCase(scheme)) {
            Path local = fileUriPath(text, uri.group(2));
            return Optional.of(what + " is given as a path, not a URI; give " + ShellWords.word(local.toString())
                    + (Files.exists(local) || !what.startsWith("a model") ? "" : " (which is not there either)"));
        }
        return Optional.of(what + " is given as a local path, not a URI (" + scheme + ":); copy it to this machine "
                + "first" + ("hdfs".equalsIgnoreCase(scheme) ? " (e.g. hdfs dfs -get)" : "") + " and give its path");
    }

    /**
     * @return the local path of a {@code file:} URI whose slashes a path collapsed: %-escapes decoded and a
     *     {@code localhost} host dropped ({@code my%20m.onnx} and {@code file://localhost/...} were taken as path
     *     text: a re-check, 7 Dec)
     */
    private static Path fileUriPath(String text, String rest) {
        Path local;
        try {
            local = Path.of(java.net.URI.create(text));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notAUri) {
            local = Path.of(rest);
        }
        String localhost = "/localhost/";
        if (!Files.exists(local) && local.toString().startsWith(localhost)) {
            local = Path.of(local.toString().substring(localhost.length() - 1));
        }
        return local;
    }
}

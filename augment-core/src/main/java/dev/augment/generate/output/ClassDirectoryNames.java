package dev.augment.generate.output;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns class names into folder names that keep the name as far as the file system allows and can
 * never point outside the output directory: "T-shirt/top" becomes "T-shirt_top", "Ünïcödé", "犬" and
 * {@code a,b "q"} stay as they are, "../evil" becomes "___evil". The true name always travels in the
 * output's class map ({@code classes.csv}), so a folder name only has to be safe and unique.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>path separators ('/', '\'), control characters, format characters (e.g. bidirectional
 *       overrides), line and paragraph separators and unpaired surrogates become '_'; everything else
 *       (letters and digits of any script, spaces, ordinary punctuation) is kept;</li>
 *   <li>leading dots become '_', so no name is hidden, "." or "..";</li>
 *   <li>a Windows device name (CON, NUL, COM1, …, with or without an extension), or the name of a file augment
 *       writes beside the folders ({@code classes.csv}, {@code synthetic.csv}, …), gets '_' appended;</li>
 *   <li>names are cut to {@value #MAX_CHARS} characters (code points, never half a character) and
 *       {@value #MAX_BYTES} UTF-8 bytes, inside every common file system's limit of 255 bytes;</li>
 *   <li>an empty name becomes {@code class_<index>};</li>
 *   <li>a name the file system refuses (the JVM cannot encode it, e.g. non-ASCII letters under
 *       {@code LC_ALL=C}, or it contains a character the platform forbids) is replaced by its
 *       {@linkplain #escapedAscii escaped ASCII form}: "犬" becomes "%E7%8A%AC";</li>
 *   <li>a name already taken, ignoring case and Unicode normalisation (for case-insensitive and
 *       normalising file systems), gets {@code _<index>} appended until it is unique; names kept as they are
 *       are placed first, so a folder named exactly as a class always holds that class.</li>
 * </ol>
 */
public final class ClassDirectoryNames {

    /** Most characters (code points) kept of a class name. */
    static final int MAX_CHARS = 100;
    /** Most UTF-8 bytes kept of a class name, leaving room under 255 for a collision suffix. */
    static final int MAX_BYTES = 200;

    private static final Pattern DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    /**
     * The files augment writes beside class folders: a class folder of such a name failed at the end with the bug's
     * tail ({@code classes.csv: Is a directory}) or stood where readers look for the file (a fresh user, 6 Dec).
     */
    private static final java.util.Set<String> OWN_FILES = java.util.Set.of("classes.csv", "synthetic.csv",
            "generated.json", "samples.csv", "images-idx3-ubyte", "labels-idx1-ubyte");
    private static final String ESCAPED_ASCII = "%/\\<>:\"|?*";

    private ClassDirectoryNames() {
    }

    /**
     * Makes one safe, unique folder name per class for the default file system.
     *
     * @param classNames class names by class index
     * @return folder names by class index, same size as the input
     */
    public static List<String> sanitise(List<String> classNames) {
        return sanitise(classNames, acceptedBy(java.nio.file.FileSystems.getDefault()));
    }

    /**
     * Makes one safe, unique folder name per class.
     *
     * @param classNames class names by class index
     * @param fileSystemAccepts whether the file system can hold a (cleaned) name; see {@link #acceptedBy}
     * @return folder names by class index, same size as the input
     */
    public static List<String> sanitise(List<String> classNames, Predicate<String> fileSystemAccepts) {
        int count = classNames.size();
        List<String> candidates = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = classNames.get(i) == null ? "" : classNames.get(i);
            String folder = clean(name);
            if (folder.isEmpty()) {
                folder = "class_" + i;
            } else if (!fileSystemAccepts.test(folder)) {
                folder = escapedAscii(name);
            }
            candidates.add(folder);
        }
        // names kept as they are take their folders first: a changed name never takes the folder named exactly as
        // another class ("a/b" became "a_b" and the class "a_b" got "a_b_1", a fresh user's finding, 5 Dec)
        String[] result = new String[count];
        List<String> taken = new ArrayList<>(count);
        for (boolean keptPass : new boolean[] {true, false}) {
            for (int i = 0; i < count; i++) {
                if (candidates.get(i).equals(classNames.get(i)) == keptPass) {
                    result[i] = unique(candidates.get(i), i, taken);
                    taken.add(result[i]);
                }
            }
        }
        return List.of(result);
    }

    /**
     * @param fileSystem a file system
     * @return a test that a name is one path element there that the JVM can encode (under a non-UTF-8
     *     locale Java cannot name files with characters outside the locale's charset)
     */
    public static Predicate<String> acceptedBy(FileSystem fileSystem) {
        return name -> {
            try {
                Path path = fileSystem.getPath(name);
                return path.getNameCount() == 1 && path.toString().equals(name);
            } catch (InvalidPathException e) {
                return false;
            }
        };
    }

    /**
     * The form of a name every file system and locale accepts: printable ASCII is kept except
     * {@code % / \ < > : " | ? *}; every other character is written as the percent-encoded bytes of its
     * UTF-8 form ("犬" → "%E7%8A%AC", as in URLs); leading dots become '_'; the length limits hold.
     *
     * @param name a class name
     * @return its escaped ASCII folder name, or {@code "_"} for an empty name
     */
    public static String escapedAscii(String name) {
        Limited out = new Limited();
        name.codePoints().forEach(c -> {
            boolean plain = c >= 0x20 && c < 0x7F && ESCAPED_ASCII.indexOf(c) < 0;
            out.add(plain ? Character.toString(c) : percentEncoded(c));
        });
        String escaped = dotsToUnderscores(out.toString());
        return escaped.isEmpty() ? "_" : escaped;
    }

    /**
     * @param candidate a folder name
     * @param classIndex the class it is for, used as the suffix
     * @param taken folder names already in use
     * @return the candidate, with {@code _<classIndex>} appended as often as needed to differ from every
     *     taken name ignoring case and Unicode normalisation
     */
    public static String unique(String candidate, int classIndex, Collection<String> taken) {
        Set<String> keys = new HashSet<>();
        taken.forEach(t -> keys.add(key(t)));
        String name = candidate;
        while (keys.contains(key(name))) {
            name = name + "_" + classIndex;
        }
        return name;
    }

    private static String clean(String name) {
        Limited out = new Limited();
        name.codePoints().forEach(c -> out.add(refused(c) ? "_" : Character.toString(c)));
        String cleaned = dotsToUnderscores(out.toString());
        return DEVICE.matcher(cleaned).matches() || OWN_FILES.contains(cleaned.toLowerCase(Locale.ROOT))
                ? cleaned + "_" : cleaned;
    }

    private static boolean refused(int c) {
        int type = Character.getType(c);
        return c == '/' || c == '\\' || type == Character.CONTROL || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }

    private static String dotsToUnderscores(String name) {
        int dots = 0;
        while (dots < name.length() && name.charAt(dots) == '.') {
            dots++;
        }
        return "_".repeat(dots) + name.substring(dots);
    }

    private static String percentEncoded(int codePoint) {
        StringBuilder out = new StringBuilder();
        for (byte b : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8)) {
            out.append(String.format(Locale.ROOT, "%%%02X", b & 0xFF));
        }
        return out.toString();
    }

    /** Case-insensitive, normalisation-insensitive identity of a folder name. */
    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /** Appends whole pieces while the result stays within both length limits. */
    private static final class Limited {
        private final StringBuilder text = new StringBuilder();
        private int chars;
        private int bytes;
        private boolean full;

        void add(String piece) {
            int pieceChars = piece.codePointCount(0, piece.length());
            int pieceBytes = piece.getBytes(StandardCharsets.UTF_8).length;
            if (full || chars + pieceChars > MAX_CHARS || bytes + pieceBytes > MAX_BYTES) {
                full = true;
                return;
            }
            text.append(piece);
            chars += pieceChars;
            bytes += pieceBytes;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}

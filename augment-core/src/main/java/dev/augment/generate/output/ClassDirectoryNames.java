package dev.augment.generate.output;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns class names into folder names that are safe on every common file system and cannot point
 * outside the output directory: "Ankle boot" becomes "Ankle_boot", "../evil" becomes "___evil".
 */
public final class ClassDirectoryNames {

    /** Longest name kept before a collision suffix, well inside every file system's limit. */
    static final int MAX_LENGTH = 100;

    private ClassDirectoryNames() {
    }

    /**
     * Makes one safe, unique folder name per class.
     *
     * <ul>
     *   <li>only {@code [A-Za-z0-9._-]} is kept; every other character becomes '_';</li>
     *   <li>leading dots become '_', so no name is hidden, "." or "..";</li>
     *   <li>names are cut to {@value #MAX_LENGTH} characters;</li>
     *   <li>an empty name becomes {@code class_<index>};</li>
     *   <li>a name already taken (ignoring case, for case-insensitive file systems) gets
     *       {@code _<index>} appended until it is unique.</li>
     * </ul>
     *
     * @param classNames class names by class index
     * @return folder names by class index, same size as the input
     */
    public static List<String> sanitise(List<String> classNames) {
        List<String> result = new ArrayList<>(classNames.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < classNames.size(); i++) {
            String name = clean(classNames.get(i));
            if (name.isEmpty()) {
                name = "class_" + i;
            }
            while (!taken.add(name.toLowerCase(Locale.ROOT))) {
                name = name + "_" + i;
            }
            result.add(name);
        }
        return List.copyOf(result);
    }

    private static String clean(String name) {
        StringBuilder out = new StringBuilder();
        String source = name == null ? "" : name;
        source.codePoints().limit(MAX_LENGTH).forEach(c -> out.append(allowed(c) ? (char) c : '_'));
        for (int i = 0; i < out.length() && out.charAt(i) == '.'; i++) {
            out.setCharAt(i, '_');
        }
        return out.toString();
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }
}

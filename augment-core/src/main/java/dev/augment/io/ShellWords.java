package dev.augment.io;

/**
 * Text put into a command the user is advised to paste: one implementation of POSIX shell quoting, which three
 * places had written again (a review, 7 Dec).
 */
public final class ShellWords {

    private ShellWords() {
    }

    /**
     * @param text a path or a name
     * @return it as one POSIX shell word: as is when it holds only characters the shell leaves alone, else in single
     *     quotes (each {@code '} written {@code '\''}); the mkdir -p advice for a path with a space made two folders
     *     when pasted (a fresh user, 5 Dec)
     */
    public static String word(String text) {
        return text.matches("[A-Za-z0-9_@%+=:,./-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}

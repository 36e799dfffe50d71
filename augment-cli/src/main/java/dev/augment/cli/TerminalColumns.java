package dev.augment.cli;

/**
 * Text padded to terminal columns, not characters: {@code inspect}'s class table stood one column to the right for
 * each Chinese or Japanese name (犬, 猫: two columns a character; a fresh user, 7 Dec). Widths are JLine's
 * {@code WCWidth} (Markus Kuhn's wcwidth: 2 for East Asian wide and full-width characters, 0 for combining marks).
 */
final class TerminalColumns {

    private TerminalColumns() {
    }

    /** @return the columns {@code text} takes on a terminal; a control character counts 0 */
    static int of(String text) {
        return text.codePoints().map(c -> Math.max(0, org.jline.utils.WCWidth.wcwidth(c))).sum();
    }

    /** @return {@code text} followed by spaces up to {@code columns} terminal columns (none when already as wide) */
    static String padded(String text, int columns) {
        return text + " ".repeat(Math.max(0, columns - of(text)));
    }
}

package dev.augment.table;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Ways one text reaches a table written as another that a reader still takes for the same, each undone here for the
 * look-alike notes ({@link ColumnAdvice#looseSpelling}); found by a fresh user on 6 Dec, each splitting a class in two
 * without a word:
 * <ul>
 *   <li>mis-encoded text: a UTF-8 file opened as Windows-1252 and saved again writes {@code très} as
 *       {@code trÃ¨s} (the everyday spreadsheet accident; the file is valid UTF-8, so no encoding check sees it);
 *       undone by encoding as Windows-1252 (or ISO-8859-1) and decoding as UTF-8, both strictly;</li>
 *   <li>HTML entities of a web export: {@code R&amp;D} for {@code R&D} (Apache Commons Lang's
 *       {@code StringEscapeUtils.unescapeHtml4}, the one that Tribuo's commons-lang3 3.12.0 holds);</li>
 *   <li>a Cyrillic or Greek letter that looks like a Latin one ({@code cаt} with U+0430, typed before switching a
 *       keyboard layout back; a grade {@code Α}), mapped to the Latin letter (a subset of Unicode TR39's
 *       confusables, case kept; not the Greek small letters of units and science, {@code μg});</li>
 *   <li>the usual spellings of one boolean ({@code yes}, {@code Y}, {@code true}, {@code t}; and their noes), which
 *       two systems' exports joined write both ({@link #booleanWord}).</li>
 * </ul>
 */
public final class OtherSpellings {

    /** A character that starts a UTF-8 sequence read as Windows-1252, followed by one that continues it. */
    private static final Pattern MOJIBAKE = Pattern.compile("[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161"
            + "\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A"
            + "\u20AC\u2122]");

    /**
     * Cyrillic and Greek letters that look like a Latin one in the same case, with that letter. Not the Greek small
     * letters of science ({@code μg}, {@code α-pinene}, {@code β-carotene}: a re-check found milligrams and micrograms
     * told to be written alike, 6 Dec), nor Cyrillic small letters shaped like small capitals ({@code к}, {@code м}).
     */
    private static final Map<Integer, Character> LATIN_LOOKALIKES = Map.ofEntries(
            Map.entry((int) 'а', 'a'), Map.entry((int) 'е', 'e'), Map.entry((int) 'о', 'o'), Map.entry((int) 'р', 'p'),
            Map.entry((int) 'с', 'c'), Map.entry((int) 'у', 'y'), Map.entry((int) 'х', 'x'), Map.entry((int) 'ѕ', 's'),
            Map.entry((int) 'і', 'i'), Map.entry((int) 'ј', 'j'), Map.entry((int) 'һ', 'h'), Map.entry((int) 'ԁ', 'd'),
            Map.entry((int) 'А', 'A'), Map.entry((int) 'В', 'B'), Map.entry((int) 'Е', 'E'), Map.entry((int) 'К', 'K'),
            Map.entry((int) 'М', 'M'), Map.entry((int) 'Н', 'H'), Map.entry((int) 'О', 'O'), Map.entry((int) 'Р', 'P'),
            Map.entry((int) 'С', 'C'), Map.entry((int) 'Т', 'T'), Map.entry((int) 'Х', 'X'), Map.entry((int) 'У', 'Y'),
            Map.entry((int) 'І', 'I'), Map.entry((int) 'Ј', 'J'), Map.entry((int) 'Ѕ', 'S'), Map.entry((int) 'Α', 'A'),
            Map.entry((int) 'Β', 'B'), Map.entry((int) 'Ε', 'E'), Map.entry((int) 'Ζ', 'Z'), Map.entry((int) 'Η', 'H'),
            Map.entry((int) 'Ι', 'I'), Map.entry((int) 'Κ', 'K'), Map.entry((int) 'Μ', 'M'), Map.entry((int) 'Ν', 'N'),
            Map.entry((int) 'Ο', 'O'), Map.entry((int) 'Ρ', 'P'), Map.entry((int) 'Τ', 'T'), Map.entry((int) 'Υ', 'Y'),
            Map.entry((int) 'Χ', 'X'), Map.entry((int) 'ο', 'o'));

    private static final Set<String> YES = Set.of("yes", "y", "true", "t");
    private static final Set<String> NO = Set.of("no", "n", "false", "f");

    private OtherSpellings() {
    }

    /**
     * @param text a cell or name
     * @return the text with mis-encoding and HTML entities undone, as a person reads it
     */
    @SuppressWarnings("deprecation") // commons-text's copy needs a newer commons-lang3 than Tribuo's 3.12.0
    public static String repaired(String text) {
        String decoded = text;
        // saved again twice or three times: undone as often (trÃƒÂ¨s, a re-check, 6 Dec)
        for (int round = 0; round < 3 && MOJIBAKE.matcher(decoded).find(); round++) {
            String once = undoneMojibake(decoded);
            if (once.equals(decoded)) {
                break;
            }
            decoded = once;
        }
        return decoded.indexOf('&') >= 0 && decoded.indexOf(';') > decoded.indexOf('&')
                ? org.apache.commons.lang3.StringEscapeUtils.unescapeHtml4(decoded) : decoded;
    }

    /**
     * @param codePoint a character, in its own case
     * @return the Latin letter it looks like, for a Cyrillic or Greek look-alike ({@code cаt}'s U+0430; a grade
     *     {@code Α}), else the character
     */
    public static int latinLetter(int codePoint) {
        Character latin = LATIN_LOOKALIKES.get(codePoint);
        return latin == null ? codePoint : latin;
    }

    /**
     * @param codePoint a character
     * @return whether it is a Cyrillic or Greek letter that looks like a Latin one in the same case
     */
    public static boolean looksLatin(int codePoint) {
        return LATIN_LOOKALIKES.containsKey(codePoint);
    }

    /**
     * @param text a text
     * @return the text with each Cyrillic or Greek letter that looks like a Latin one written as a Unicode escape
     */
    public static String escapedLookalikes(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(looksLatin(c) ? String.format("\\u%04x", c)
                : Character.toString(c)));
        return out.toString();
    }

    /**
     * @param lowerCase a lower-cased text without spaces
     * @return "yes" or "no" for a usual spelling of a boolean ({@code yes}, {@code y}, {@code true}, {@code t}, and
     *     the noes), else null
     */
    public static String booleanWord(String lowerCase) {
        return YES.contains(lowerCase) ? "yes" : NO.contains(lowerCase) ? "no" : null;
    }

    private static String undoneMojibake(String text) {
        for (Charset charset : new Charset[] {Charset.forName("windows-1252"), StandardCharsets.ISO_8859_1}) {
            try {
                ByteBuffer bytes = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
            } catch (CharacterCodingException e) {
                // not this charset's round trip: try the next, or keep the text
            }
        }
        return text;
    }
}

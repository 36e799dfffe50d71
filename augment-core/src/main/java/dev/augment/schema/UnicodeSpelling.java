package dev.augment.schema;

import java.text.Normalizer;
import java.util.List;

/**
 * Class names that look the same but are spelled with different Unicode characters: an accented letter composed into
 * one code point (NFC, as Linux and Windows tools write names) or decomposed into a letter and a combining mark (NFD,
 * as macOS writes file names; Unicode Standard Annex #15). Folders copied from a Mac then name other classes than
 * the same folders made elsewhere, and the messages that say two class lists differ say why, from this class.
 */
public final class UnicodeSpelling {

    /** The explanation to add to a message, after which the caller says what to rename. */
    public static final String LOOK_THE_SAME = "the names look the same but are spelled with different Unicode "
            + "characters: one side's accented letters are decomposed (NFD, as macOS writes file names), the other's "
            + "composed (NFC)";

    /** How to rename folders to the composed form, for the messages. */
    public static final String RENAME = "e.g. with convmv -r -f utf8 -t utf8 --nfc --notest FOLDER";

    private UnicodeSpelling() {
    }

    /**
     * @param names names
     * @return whether every name is composed (NFC) already, so converting them to NFC changes nothing
     */
    public static boolean composed(List<String> names) {
        return names.stream().allMatch(n -> Normalizer.isNormalized(n, Normalizer.Form.NFC));
    }

    /**
     * @param a one list of names
     * @param b another
     * @return whether the lists differ but hold the same names, in any order, once both are composed (NFC), and some
     *     name is spelled otherwise on the two sides (the same names in another order were blamed on NFD, with a
     *     convmv fix that did nothing: a fresh user, 5 Dec; see {@link #sameNamesInAnotherOrder})
     */
    public static boolean differOnlyInNormalisation(List<String> a, List<String> b) {
        return !a.equals(b) && sortedNfc(a).equals(sortedNfc(b)) && !sameNamesInAnotherOrder(a, b);
    }

    /**
     * @param a one list of names
     * @param b another
     * @return whether the lists hold exactly the same names, each spelled alike, in another order (a classes.csv on one
     *     side numbering them otherwise)
     */
    public static boolean sameNamesInAnotherOrder(List<String> a, List<String> b) {
        return !a.equals(b) && a.stream().sorted().toList().equals(b.stream().sorted().toList());
    }

    /** What a message says of {@link #sameNamesInAnotherOrder}. */
    public static final String OTHER_ORDER = "the same classes, numbered in another order (a classes.csv orders them "
            + "on one side): give both sides one order, e.g. by removing or reordering that classes.csv";

    private static List<String> sortedNfc(List<String> names) {
        return names.stream().map(n -> Normalizer.normalize(n, Normalizer.Form.NFC)).sorted().toList();
    }
}

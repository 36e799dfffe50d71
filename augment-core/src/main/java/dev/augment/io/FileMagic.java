package dev.augment.io;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file is, told from its first bytes, for the formats a data file or a model is commonly mistaken for: a
 * compressed download, an archive, an image, a document, a web page a failed download saved. One list for every
 * reader (the IDX, CSV and ONNX readers each had their own, and the IDX reader none: it printed a web page's magic
 * number as hex; a fresh user, 6 Dec). Signatures as the formats define them (gzip: RFC 1952; bzip2, xz: their
 * formats; zip: PKWARE's APPNOTE; PNG, JPEG, GIF, PDF, OLE2, ELF: their specifications).
 */
public final class FileMagic {

    /** Leading bytes (hex) and the words for what a file starting with them is. */
    private static final String[][] SIGNATURES = {
        {"1f8b", "gzip-compressed"},
        {"425a68", "bzip2-compressed"},
        {"fd377a58", "xz-compressed"},
        {"504b0304", "a zip archive"},
        {"89504e47", "a PNG image"},
        {"ffd8ff", "a JPEG image"},
        {"47494638", "a GIF image"},
        {"25504446", "a PDF document"},
        {"d0cf11e0", "an old Excel (.xls) workbook or other Office file"},
        {"7f454c46", "an executable (ELF)"},
        {"50415231", "a Parquet file"},
        {"00051607", "a macOS metadata file (AppleDouble, named '._' and a file's name)"},
    };

    private FileMagic() {
    }

    /**
     * @param head the file's first bytes (a few hundred are enough; fewer tell less)
     * @return what the file is, e.g. "gzip-compressed", "a zip archive", "a PNG image", "a web page or XML
     *     document", or empty when it is none of these
     */
    public static Optional<String> kind(byte[] head) {
        String ascii = new String(head, 0, Math.min(12, head.length), java.nio.charset.StandardCharsets.ISO_8859_1);
        // a phone's or a browser's image saved under a .png or .jpg name (a fresh user, 6 Dec)
        if (ascii.startsWith("RIFF") && ascii.startsWith("WEBP", 8)) {
            return Optional.of("a WebP image");
        }
        if (ascii.startsWith("ftyp", 4)) {
            String brand = ascii.substring(8).toLowerCase(Locale.ROOT);
            if (brand.startsWith("avi")) {
                return Optional.of("an AVIF image");
            }
            if (brand.startsWith("hei") || brand.startsWith("mif1") || brand.startsWith("msf1")) {
                return Optional.of("a HEIC image");
            }
        }
        String hex = HexFormat.of().formatHex(head, 0, Math.min(4, head.length));
        for (String[] signature : SIGNATURES) {
            if (hex.startsWith(signature[0])) {
                return Optional.of(signature[1]);
            }
        }
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).strip().toLowerCase(Locale.ROOT);
        if (text.startsWith("<!doc") || text.startsWith("<html") || text.startsWith("<?xml")) {
            return Optional.of(WEB_PAGE);
        }
        return Optional.empty();
    }

    /** What {@link #kind} calls a web page or an XML document. */
    public static final String WEB_PAGE = "a web page or XML document";

    /** @return whether the bytes start as a gzip stream does */
    public static boolean isGzip(byte[] head) {
        return kind(head).filter("gzip-compressed"::equals).isPresent();
    }

    /** @return whether the bytes start as a zip archive (an .xlsx workbook is one) does */
    public static boolean isZip(byte[] head) {
        return kind(head).filter("a zip archive"::equals).isPresent();
    }

    /** @return whether the bytes start as a PNG or a JPEG image does */
    public static boolean isImage(byte[] head) {
        return kind(head).filter(k -> k.equals("a PNG image") || k.equals("a JPEG image")).isPresent();
    }
}

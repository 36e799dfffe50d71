package dev.augment.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Why a text file is not UTF-8, for a one-line error: UTF-16 by its byte-order mark, or the first line holding bytes
 * UTF-8 does not allow (a Latin-1 or Windows-1252 export). One place for the CSV reader and the class-names reader,
 * which had each their own (6 Dec). The encodings as RFC 3629 (UTF-8) and RFC 2781 (UTF-16) define them.
 */
public final class TextEncoding {

    private TextEncoding() {
    }

    /** @return whether the bytes start with UTF-16's byte-order mark, either way round */
    public static boolean isUtf16(byte[] head) {
        return head.length >= 2 && ((head[0] & 0xff) == 0xfe && (head[1] & 0xff) == 0xff
                || (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xfe);
    }

    /**
     * @param in the text, read to its end (not closed)
     * @return the number (from 1) of the first line that is not valid UTF-8; 0 when every line is. Lines end at
     *     '\n' (and '\r\n'), or at a lone '\r' in a file whose first line ends so (Excel for Mac's "CSV
     *     (Macintosh)", whose bad byte on line 151 was said to be on line 1: a fresh user, 7 Dec); a lone '\r' in a
     *     quoted cell of a '\n' file is no line end (a re-check, 7 Dec)
     * @throws IOException when the stream cannot be read
     */
    public static long firstNonUtf8Line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long number = 1;
        Boolean crLines = null; // how lines end, unknown until the first line end
        for (int b = in.read(); ; b = in.read()) {
            boolean lineEnd;
            if (b == '\r' && crLines == null) {
                int next = in.read();
                crLines = next != '\n';
                lineEnd = true;
                b = crLines ? next : '\n';
                if (crLines) {
                    // the '\r' ended the first line; the byte after it starts the next
                    if (!isUtf8(line.toByteArray())) {
                        return number;
                    }
                    line.reset();
                    number++;
                    lineEnd = b == '\r' || b == -1;
                }
            } else {
                if (b == '\n' && crLines == null) {
                    crLines = false; // a file of '\n' lines: a '\r' later is a cell's
                }
                lineEnd = b == -1 || (Boolean.TRUE.equals(crLines) ? b == '\r' : b == '\n');
            }
            if (lineEnd) {
                if (!isUtf8(line.toByteArray())) {
                    return number;
                }
                if (b == -1) {
                    return 0;
                }
                line.reset();
                number++;
            } else {
                line.write(b);
            }
        }
    }

    /**
     * @param in the start of a text (not closed)
     * @return whether its first line ends with a lone '\r' (a classic Mac's line ends); false when no line ends
     * @throws IOException when the stream cannot be read
     */
    public static boolean linesEndWithCr(InputStream in) throws IOException {
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return false;
            }
            if (b == '\r') {
                return in.read() != '\n';
            }
        }
        return false;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

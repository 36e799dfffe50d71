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
     * @return the number (from 1) of the first line, split at '\n', '\r\n' or a lone '\r' (Excel for Mac's "CSV
     *     (Macintosh)", whose bad byte on line 151 was said to be on line 1: a fresh user, 7 Dec), that is not valid
     *     UTF-8; 0 when every line is
     * @throws IOException when the stream cannot be read
     */
    public static long firstNonUtf8Line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        long number = 1;
        boolean afterCr = false;
        for (int b = in.read(); ; b = in.read()) {
            if (b == '\n' && afterCr) {
                afterCr = false; // the '\n' of a '\r\n': that line was counted at its '\r'
                continue;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r' || b == -1) {
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

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}

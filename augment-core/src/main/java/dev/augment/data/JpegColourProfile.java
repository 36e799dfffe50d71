package dev.augment.data;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Removes the embedded colour profile (the ICC profile's APP2 segments) of a three-component JPEG, so that Java's
 * reader decodes the stored samples as Pillow's {@code Image.open} does: Java's reader converted a JPEG with an
 * Adobe RGB (or any non-sRGB) profile to sRGB, 58 to 120 levels off Pillow's values, while the same profile in a PNG
 * was left alone (a fresh user, 6 Dec). Four-component (CMYK) JPEGs keep theirs. Marker layout from ITU T.81 (JPEG)
 * Annex B; the ICC segment's {@code ICC_PROFILE\0} tag from ICC.1 Annex B.4.
 */
final class JpegColourProfile {

    private static final byte[] ICC_TAG = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);

    private JpegColourProfile() {
    }

    /**
     * @param bytes a file's bytes
     * @return the same bytes without ICC APP2 segments when they are a three-component JPEG holding one, else the
     *     bytes as given (not a JPEG, no profile, another component count, or markers it cannot follow)
     */
    static byte[] withoutProfile(byte[] bytes) {
        if (bytes.length < 4 || (bytes[0] & 0xff) != 0xff || (bytes[1] & 0xff) != 0xd8) {
            return bytes;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        out.write(bytes, 0, 2);
        boolean dropped = false;
        int components = -1;
        int at = 2;
        while (at + 4 <= bytes.length && (bytes[at] & 0xff) == 0xff) {
            int marker = bytes[at + 1] & 0xff;
            if (marker == 0xda || marker == 0xd9) {
                break; // start of scan (or end of image): the header segments are over
            }
            int length = ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
            if (length < 2 || at + 2 + length > bytes.length) {
                return bytes;
            }
            if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc
                    && length >= 8) {
                components = bytes[at + 9] & 0xff; // a start of frame: precision, height, width, then components
            }
            if (marker == 0xe2 && startsWithTag(bytes, at + 4, length - 2)) {
                dropped = true;
            } else {
                out.write(bytes, at, 2 + length);
            }
            at += 2 + length;
        }
        if (!dropped || components != 3) {
            return bytes;
        }
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static boolean startsWithTag(byte[] bytes, int from, int length) {
        if (length < ICC_TAG.length) {
            return false;
        }
        for (int i = 0; i < ICC_TAG.length; i++) {
            if (bytes[from + i] != ICC_TAG[i]) {
                return false;
            }
        }
        return true;
    }
}

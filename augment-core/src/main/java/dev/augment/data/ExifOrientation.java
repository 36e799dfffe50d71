package dev.augment.data;

/**
 * A JPEG's EXIF orientation (TIFF tag 0x0112 in the APP1 "Exif" segment's first directory): 1 is upright, 2–8 say how
 * a viewer turns or mirrors the stored pixels (6: 90° clockwise, as phones save portrait photos). augment, like
 * Pillow's {@code Image.open}, reads the stored pixels and does not apply it; this lets a reader say so. The segment
 * is found by {@link JpegHeader#read}'s walk over the markers.
 */
final class ExifOrientation {

    /** The orientation of an image without the tag, or of bytes that are not a JPEG with EXIF: upright. */
    static final int UPRIGHT = 1;

    private static final int ORIENTATION_TAG = 0x0112;

    private ExifOrientation() {
    }

    /**
     * @param bytes a JPEG's bytes
     * @param data where an APP1 segment's data starts (after its marker and length)
     * @param end where the segment ends
     * @return its EXIF orientation, 1 to 8; {@link #UPRIGHT} when it is not an "Exif" segment, has no orientation or
     *     cannot be read
     */
    static int inApp1(byte[] bytes, int data, int end) {
        if (end - data < 14 || !isExif(bytes, data)) {
            return UPRIGHT;
        }
        return fromTiff(bytes, data + 6, end);
    }

    private static boolean isExif(byte[] bytes, int at) {
        return bytes[at] == 'E' && bytes[at + 1] == 'x' && bytes[at + 2] == 'i' && bytes[at + 3] == 'f'
                && bytes[at + 4] == 0 && bytes[at + 5] == 0;
    }

    /** Reads the orientation from the TIFF structure starting at {@code tiff}, ending before {@code end}. */
    private static int fromTiff(byte[] bytes, int tiff, int end) {
        boolean little = bytes[tiff] == 'I' && bytes[tiff + 1] == 'I';
        if (!little && !(bytes[tiff] == 'M' && bytes[tiff + 1] == 'M')) {
            return UPRIGHT;
        }
        long ifd = tiff + unsigned(bytes, tiff + 4, 4, little);
        if (ifd + 2 > end) {
            return UPRIGHT;
        }
        int entries = (int) unsigned(bytes, (int) ifd, 2, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + 12 * i;
            if (entry + 12 > end) {
                return UPRIGHT;
            }
            if (unsigned(bytes, entry, 2, little) == ORIENTATION_TAG) {
                int value = (int) unsigned(bytes, entry + 8, 2, little); // a SHORT, left-justified in its field
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    private static long unsigned(byte[] bytes, int at, int size, boolean little) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            int b = bytes[at + (little ? size - 1 - i : i)] & 0xFF;
            value = (value << 8) | b;
        }
        return value;
    }
}

package dev.augment.data;

/**
 * What a JPEG's markers say before decoding: the number of components in the frame header, the colour transform
 * of an Adobe APP14 marker, and the EXIF orientation of an APP1 "Exif" segment ({@link ExifOrientation}).
 *
 * @param components colour components of the frame (1 grey, 3 YCbCr or RGB, 4 CMYK or YCCK), or 0 when the
 *                   bytes are not a JPEG or have no frame header before the first scan
 * @param adobeTransform the Adobe marker's transform (0 none: RGB or CMYK; 1 YCbCr; 2 YCCK), or -1 without one
 * @param orientation the EXIF orientation, 1 to 8; {@link ExifOrientation#UPRIGHT} without one
 */
record JpegHeader(int components, int adobeTransform, int orientation) {

    /** Adobe's transform value for YCCK: the CMY part is stored as YCbCr. */
    static final int ADOBE_YCCK = 2;

    private static final JpegHeader NOT_JPEG = new JpegHeader(0, -1);

    /**
     * A header without an EXIF orientation.
     *
     * @param components colour components of the frame
     * @param adobeTransform the Adobe marker's transform, or -1
     */
    JpegHeader(int components, int adobeTransform) {
        this(components, adobeTransform, ExifOrientation.UPRIGHT);
    }

    /**
     * @param bytes a file's bytes
     * @return its JPEG header, or one with 0 components when the bytes are not a JPEG
     */
    static JpegHeader read(byte[] bytes) {
        if (bytes.length < 4 || (bytes[0] & 0xFF) != 0xFF || (bytes[1] & 0xFF) != 0xD8) {
            return NOT_JPEG;
        }
        int adobeTransform = -1;
        int orientation = ExifOrientation.UPRIGHT;
        int at = 2;
        while (at + 4 <= bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                // extraneous bytes between segments: libjpeg skips them to the next marker with a warning
                at++;
                continue;
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = ((bytes[at + 2] & 0xFF) << 8) | (bytes[at + 3] & 0xFF);
            int data = at + 4;
            if (marker == 0xEE && length >= 14 && data + 12 <= bytes.length && startsWithAdobe(bytes, data)) {
                adobeTransform = bytes[data + 11] & 0xFF;
            }
            if (marker == 0xE1 && at + 2 + length <= bytes.length) {
                orientation = ExifOrientation.inApp1(bytes, data, at + 2 + length);
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                // Frame header: precision (1), height (2), width (2), then the number of components.
                return new JpegHeader(data + 5 < bytes.length ? bytes[data + 5] & 0xFF : 0, adobeTransform,
                        orientation);
            }
            if (marker == 0xDA || marker == 0xD9) {
                return NOT_JPEG;
            }
            at += 2 + length;
        }
        return NOT_JPEG;
    }

    private static boolean startsWithAdobe(byte[] bytes, int at) {
        return bytes[at] == 'A' && bytes[at + 1] == 'd' && bytes[at + 2] == 'o' && bytes[at + 3] == 'b'
                && bytes[at + 4] == 'e';
    }
}

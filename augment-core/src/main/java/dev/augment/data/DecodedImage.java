package dev.augment.data;

/**
 * One decoded image as 8-bit samples in (channel, row, column) order.
 *
 * @param width the width in pixels, at least 1
 * @param height the height in pixels, at least 1
 * @param channels 1 (grey) or 3 (red, green, blue)
 * @param samples {@code channels * height * width} unsigned bytes (0..255): channel 0 row by row, then channel 1, ...
 * @param turned whether the file says a viewer shows it turned or mirrored (a JPEG's EXIF orientation other than 1),
 *     which the samples, as stored, do not apply
 * @param generated whether the file carries {@link GeneratedPng}'s mark: augment generate wrote it
 * @param narrowWide whether its samples are wider than 8 bits (16) and all below a sixteenth of their range, so that
 *     the high byte kept holds at most 16 levels (12-bit data in a 16-bit file; 0..255 in a 16-bit file is black)
 * @param alphaOnly whether its colour is the same in every pixel and only its alpha channel, which is dropped, varies:
 *     an icon's shape drawn in alpha reads as a blank image
 */
record DecodedImage(int width, int height, int channels, byte[] samples, boolean turned, boolean generated,
                    boolean narrowWide, boolean alphaOnly) {

    /** An image stored as it is shown. */
    DecodedImage(int width, int height, int channels, byte[] samples) {
        this(width, height, channels, samples, false, false, false, false);
    }

    /** An image whose colour carries its content. */
    DecodedImage(int width, int height, int channels, byte[] samples, boolean turned, boolean generated,
                 boolean narrowWide) {
        this(width, height, channels, samples, turned, generated, narrowWide, false);
    }

    /**
     * Checks the sizes.
     *
     * @param width the width in pixels
     * @param height the height in pixels
     * @param channels 1 or 3
     * @param samples {@code channels * height * width} bytes
     * @param turned whether a viewer shows it turned or mirrored
     * @param generated whether augment generate wrote it
     * @param narrowWide whether its wide samples all sit low in their range
     * @param alphaOnly whether only its dropped alpha channel varies
     */
    DecodedImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be positive, was " + width + "x" + height);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3, was " + channels);
        }
        if (samples.length != channels * height * width) {
            throw new IllegalArgumentException(samples.length + " samples for " + channels + " channels of "
                    + width + "x" + height);
        }
    }

    /** @return the same image, marked as shown turned or mirrored */
    DecodedImage asTurned() {
        return new DecodedImage(width, height, channels, samples, true, generated, narrowWide, alphaOnly);
    }

    /** @return the same image, marked as written by augment generate */
    DecodedImage asGenerated() {
        return new DecodedImage(width, height, channels, samples, turned, true, narrowWide, alphaOnly);
    }

    /** @return the same image, marked as one whose content is only in its dropped alpha channel */
    DecodedImage asAlphaOnly() {
        return new DecodedImage(width, height, channels, samples, turned, generated, narrowWide, true);
    }

    /** @return true when the image has one (grey) channel */
    boolean isGrey() {
        return channels == 1;
    }
}

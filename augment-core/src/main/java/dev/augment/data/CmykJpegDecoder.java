package dev.augment.data;

import dev.augment.errors.InvalidDataException;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Decodes four-component JPEGs (CMYK, and YCCK as Photoshop and ImageMagick write them), which ImageIO's
 * {@code read} refuses, to the RGB values Pillow gives.
 *
 * <p>ImageIO's {@link javax.imageio.ImageReader#readRaster} still decodes them, without any colour conversion: the
 * stored components, upsampled. Then, as libjpeg and Pillow do:
 * <ol>
 *   <li>YCCK (Adobe transform 2): the first three components are YCbCr of the stored (inverted) CMY; they are
 *       turned back into it with libjpeg's fixed-point YCbCr tables ({@code jdcolor.c});</li>
 *   <li>the stored values follow Adobe's convention, inverted (Pillow's raw mode {@code CMYK;I}, assumed for every
 *       CMYK JPEG), so C = 255 - stored, and so on;</li>
 *   <li>RGB from CMYK by Pillow's {@code cmyk2rgb}: R = (255 - K) - (C (255 - K) / 255), rounded as Pillow's
 *       {@code MULDIV255}, and likewise G from M and B from Y.</li>
 * </ol>
 */
final class CmykJpegDecoder {

    private static final int SCALE_BITS = 16;
    private static final int ONE_HALF = 1 << (SCALE_BITS - 1);
    private static final int CR_TO_R = fix(1.40200);
    private static final int CB_TO_B = fix(1.77200);
    private static final int CR_TO_G = fix(0.71414);
    private static final int CB_TO_G = fix(0.34414);

    private CmykJpegDecoder() {
    }

    private static int fix(double x) {
        return (int) (x * (1L << SCALE_BITS) + 0.5);
    }

    /**
     * @param file the file, for messages
     * @param bytes its bytes
     * @param header its JPEG header, with 4 components
     * @param size checked against the image's size before it is decoded
     * @return the image as red, green and blue
     * @throws InvalidDataException when ImageIO cannot decode it either, naming the file and how to convert it; when
     *     it is truncated or its size fails the check
     */
    static DecodedImage decode(Path file, byte[] bytes, JpegHeader header, CheckedImageReading.SizeCheck size) {
        Raster raster = readRaster(file, bytes, size);
        int width = raster.getWidth();
        int height = raster.getHeight();
        int area = width * height;
        boolean ycck = header.adobeTransform() == JpegHeader.ADOBE_YCCK;
        byte[] out = new byte[3 * area];
        int[] stored = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.getPixel(raster.getMinX() + x, raster.getMinY() + y, stored);
                int c;
                int m;
                int yellow;
                if (ycck) {
                    // libjpeg's ycck_cmyk_convert stores 255 - (Y + ...); Adobe's inversion undoes the 255 - .
                    int luma = stored[0];
                    int cb = stored[1] - 128;
                    int cr = stored[2] - 128;
                    c = clamp(luma + ((CR_TO_R * cr + ONE_HALF) >> SCALE_BITS));
                    m = clamp(luma + ((-CB_TO_G * cb + ONE_HALF - CR_TO_G * cr) >> SCALE_BITS));
                    yellow = clamp(luma + ((CB_TO_B * cb + ONE_HALF) >> SCALE_BITS));
                } else {
                    c = 255 - stored[0];
                    m = 255 - stored[1];
                    yellow = 255 - stored[2];
                }
                int notBlack = stored[3];
                int at = y * width + x;
                out[at] = (byte) fromInk(c, notBlack);
                out[area + at] = (byte) fromInk(m, notBlack);
                out[2 * area + at] = (byte) fromInk(yellow, notBlack);
            }
        }
        return new DecodedImage(width, height, 3, out);
    }

    /** Pillow's cmyk2rgb for one channel: {@code nk - MULDIV255(ink, nk)} with {@code nk = 255 - K}. */
    private static int fromInk(int ink, int notBlack) {
        int product = ink * notBlack + 128;
        return clamp(notBlack - (((product >> 8) + product) >> 8));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static Raster readRaster(Path file, byte[] bytes, CheckedImageReading.SizeCheck size) {
        try {
            Raster raster = CheckedImageReading.read(file, bytes, "jpeg", false, size,
                    reader -> reader.readRaster(0, null));
            if (raster == null) {
                throw refused(file, "this Java has no JPEG reader", null);
            }
            if (raster.getNumBands() != 4) {
                throw refused(file, "Java's JPEG reader gave " + raster.getNumBands() + " components", null);
            }
            return raster;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidDataException bad) {
                throw bad;
            }
            throw refused(file, e.getMessage(), e);
        }
    }

    private static InvalidDataException refused(Path file, String why, Throwable cause) {
        String problem = "a CMYK or YCCK JPEG (4 colour components) that cannot be decoded (" + why + "); convert it "
                + "to an RGB or greyscale PNG or JPEG first (ImageMagick: convert in.jpg -colorspace sRGB out.png)";
        return cause == null ? new InvalidDataException(file, problem) : new InvalidDataException(file, problem, cause);
    }
}

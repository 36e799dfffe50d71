package dev.augment.data;

import dev.augment.errors.InvalidDataException;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Decodes a PNG or JPEG file into 8-bit samples with the values Pillow (the reference decoder) gives, by
 * these rules:
 * <ul>
 *   <li>grey images give one channel: PNG grey and grey + alpha of any bit depth, palette PNGs whose every
 *       palette entry has red = green = blue, and one-component JPEGs; every other image gives red, green
 *       and blue;</li>
 *   <li>alpha and tRNS transparency are dropped, without compositing (an image whose alpha alone varies is marked,
 *       {@link DecodedImage#alphaOnly()}, so that a reader can say it reads blank);</li>
 *   <li>palettes are expanded to their colours;</li>
 *   <li>16-bit samples keep their high byte ({@code v >> 8}); 1, 2 and 4-bit grey samples are scaled to
 *       0..255 (times 255, 85 and 17);</li>
 *   <li>colour profiles, gamma and the EXIF orientation are not applied (as Pillow's {@code Image.open}).</li>
 * </ul>
 * Samples are read from the decoded raster, never through {@link BufferedImage#getRGB}, which would pass
 * them through a colour conversion. The decoding itself is Java's ImageIO: PNG of every colour type, bit
 * depth and interlacing; baseline and progressive JPEG, grey or YCbCr with any subsampling. JPEGs with
 * four components (CMYK, YCCK), which ImageIO's {@code read} refuses, are decoded by {@link CmykJpegDecoder}
 * (red, green and blue, as Pillow converts them). {@code ImageDecodingTest} compares every kind with Pillow's
 * values.
 */
final class ImageDecoder {

    /**
     * How this class's refusals of one damaged file (and {@link CheckedImageReading}'s of a cut JPEG) begin, after the
     * file's path: {@link DamagedImages} counts them all before refusing; keep a new such refusal's start here.
     */
    static final java.util.List<String> DAMAGE_PREFIXES = java.util.List.of("empty file (0 bytes)", "unreadable image",
            "undecodable image", "truncated or damaged JPEG", "is a TIFF file");

    private ImageDecoder() {
    }

    /**
     * @param file a PNG or JPEG file
     * @return its samples
     * @throws InvalidDataException when the file cannot be read or decoded, naming it
     */
    /** The largest image file read: 1 GiB, far above any PNG or JPEG of {@link CheckedImageReading#MAX_PIXELS}. */
    static final long MAX_FILE_BYTES = 1L << 30;

    static DecodedImage decode(Path file) {
        return decode(file, CheckedImageReading.SizeCheck.ANY);
    }

    /**
     * @param file a PNG or JPEG file
     * @param size checked against the size in the file's header before any pixel is decoded
     * @return its samples
     * @throws InvalidDataException when the file cannot be read or decoded, is truncated, has more than
     *     {@link CheckedImageReading#MAX_PIXELS} pixels, or its size fails {@code size}, naming it
     */
    static DecodedImage decode(Path file, CheckedImageReading.SizeCheck size) {
        byte[] bytes;
        try {
            long length = Files.size(file);
            if (length > MAX_FILE_BYTES) {
                // read whole, it ran the heap out with advice to give Java more, naming no file (a fresh user, 6 Dec)
                throw new InvalidDataException(file, String.format(Locale.ROOT, "an image file of %.1f GB, more than "
                        + "augment reads (%d MB; an image of its %d-pixel limit is far smaller): a file filled by an "
                        + "unfinished copy or download, or not an image; copy it again or delete it", length / 1e9,
                        MAX_FILE_BYTES >> 20, CheckedImageReading.MAX_PIXELS));
            }
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.AccessDeniedException e) {
            // its message is the path alone, which the error names already
            throw new InvalidDataException(file, "unreadable image: permission denied; make it readable (chmod a+r) "
                    + "or move it out of the folder", e);
        } catch (IOException e) {
            throw new InvalidDataException(file, "unreadable image: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new InvalidDataException(file, "empty file (0 bytes), not an image; copy it again or delete it");
        }
        refuseTiff(file, bytes);
        JpegHeader jpeg = JpegHeader.read(bytes);
        boolean turned = jpeg.orientation() != ExifOrientation.UPRIGHT;
        if (jpeg.components() == 4) {
            DecodedImage cmyk = CmykJpegDecoder.decode(file, bytes, jpeg, size);
            return turned ? cmyk.asTurned() : cmyk;
        }
        BufferedImage image = read(file, bytes, size);
        try {
            DecodedImage decoded = samples(file, image, bytes);
            decoded = GeneratedPng.isMarked(bytes) ? decoded.asGenerated() : decoded;
            decoded = onlyAlphaVaries(image) ? decoded.asAlphaOnly() : decoded;
            return turned ? decoded.asTurned() : decoded;
        } catch (RuntimeException e) {
            if (e instanceof InvalidDataException bad) {
                throw bad;
            }
            throw new InvalidDataException(file, "undecodable image (" + e + "); convert it to an 8-bit RGB or "
                    + "greyscale PNG first", e);
        }
    }

    /**
     * A TIFF file named {@code .png} or {@code .jpg} was decoded by its content, past the rule that leaves TIFF files
     * out by their name, and its 32-bit float samples read as black under a note about 16-bit ones (a fresh user,
     * 5 Dec).
     */
    private static void refuseTiff(Path file, byte[] bytes) {
        boolean tiff = bytes.length >= 4 && (bytes[0] == 'I' && bytes[1] == 'I' && bytes[2] == 42 && bytes[3] == 0
                || bytes[0] == 'M' && bytes[1] == 'M' && bytes[2] == 0 && bytes[3] == 42);
        if (tiff) {
            throw new InvalidDataException(file, "is a TIFF file, whatever its name says; augment reads PNG and JPEG "
                    + "images: convert it to an 8-bit (or 16-bit integer) PNG first");
        }
    }

    /**
     * @return whether the image has an alpha channel that varies while every colour sample is the same: an icon or
     *     sprite whose shape is drawn in alpha over a constant colour, which reads as a blank image once alpha is
     *     dropped (a fresh user's circles and squares all read black, 6 Dec)
     */
    private static boolean onlyAlphaVaries(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (!model.hasAlpha()) {
            return false;
        }
        if (model instanceof IndexColorModel) {
            return onlyPaletteAlphaVaries(image);
        }
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        int alpha = bands - 1;
        int width = raster.getWidth();
        int height = raster.getHeight();
        int alphaFirst = raster.getSample(0, 0, alpha);
        boolean alphaVaries = false;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int b = 0; b < alpha; b++) {
                    if (raster.getSample(x, y, b) != raster.getSample(0, 0, b)) {
                        return false;
                    }
                }
                alphaVaries |= raster.getSample(x, y, alpha) != alphaFirst;
            }
        }
        return alphaVaries;
    }

    /**
     * @return {@link #onlyAlphaVaries} for a palette image with transparency (a PNG tRNS chunk): the colour and alpha
     *     of each pixel's palette entry (a palette icon read blank without a word, 6 Dec)
     */
    private static boolean onlyPaletteAlphaVaries(BufferedImage image) {
        int first = image.getRGB(0, 0);
        boolean alphaVaries = false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if ((argb & 0xFFFFFF) != (first & 0xFFFFFF)) {
                    return false;
                }
                alphaVaries |= argb >>> 24 != first >>> 24;
            }
        }
        return alphaVaries;
    }

    private static DecodedImage samples(Path file, BufferedImage image, byte[] bytes) {
        ColorModel model = image.getColorModel();
        if (model instanceof IndexColorModel palette) {
            return expandPalette(file, image, palette, paletteEntries(bytes));
        }
        int space = model.getColorSpace().getType();
        if (space == ColorSpace.TYPE_GRAY) {
            return planes(image, 1);
        }
        if (space == ColorSpace.TYPE_RGB) {
            return planes(image, 3);
        }
        throw new InvalidDataException(file, "unsupported colour space (type " + space + " with "
                + model.getNumColorComponents() + " components); convert the image to RGB or greyscale first");
    }

    /** @return whether the first bytes are printable text (UTF-8 or ASCII, with line ends and tabs) */
    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(512, bytes.length);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return n > 0;
    }

    private static BufferedImage read(Path file, byte[] bytes, CheckedImageReading.SizeCheck size) {
        try {
            // an in-memory stream: ImageIO's default caches in a temporary file per image and registers it with
            // its shutdown hook, which closes it under a decode in progress when a signal ends the JVM
            // without a JPEG's colour profile, which Java's reader would apply and Pillow does not (6 Dec)
            BufferedImage image = CheckedImageReading.read(file, JpegColourProfile.withoutProfile(bytes), null, size,
                    reader -> reader.read(0));
            if (image == null) {
                java.util.Optional<String> kind = dev.augment.io.FileMagic.kind(java.util.Arrays.copyOf(bytes,
                        Math.min(64, bytes.length)));
                throw new InvalidDataException(file, "unreadable image: " + kind.filter(k -> k.endsWith(" image"))
                        .map(k -> "it is " + k + ", whatever its name says; augment reads PNG and JPEG: convert it "
                                + "first (e.g. mogrify -format png on a copy)")
                        // a text file named .jpg was told nothing to do (a fresh user, 7 Dec)
                        .orElse("not a PNG or JPEG that Java can decode" + kind.map(k -> " (it is " + k + ")")
                                .orElse(looksLikeText(bytes) ? " (it is text)" : "") + "; delete it or move it out of "
                                + "the data, or copy the image again"));
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidDataException bad) {
                throw bad;
            }
            // a PNG without its end chunk or a JPEG without its end marker was "Error skipping PNG metadata" or
            // "missing SOS marker", with no advice (a fresh user, 6 Dec)
            throw new InvalidDataException(file, "unreadable image: " + e.getMessage() + (cutShort(bytes)
                    ? "; the file is cut short (" + bytes.length + " bytes, without its end marker), as after an "
                    + "interrupted copy or download: copy it again or delete it" : ""), e);
        }
    }

    /** @return whether a PNG lacks its IEND chunk, or a JPEG its end-of-image marker (FF D9), at its end */
    static boolean cutShort(byte[] bytes) {
        byte[] head = java.util.Arrays.copyOf(bytes, Math.min(8, bytes.length));
        java.util.Optional<String> kind = dev.augment.io.FileMagic.kind(head);
        if (kind.equals(java.util.Optional.of("a PNG image"))) {
            // IEND: its length (0), type, and CRC make the last 12 bytes; a tool may add nothing after it
            String tail = new String(bytes, Math.max(0, bytes.length - 8), Math.min(8, bytes.length),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            return !tail.startsWith("IEND");
        }
        if (kind.equals(java.util.Optional.of("a JPEG image"))) {
            for (int i = bytes.length - 1; i > 0 && i >= bytes.length - 64; i--) {
                if ((bytes[i - 1] & 0xff) == 0xff && (bytes[i] & 0xff) == 0xd9) {
                    return false; // a camera may pad after the marker
                }
            }
            return true;
        }
        return false;
    }

    /**
     * @return how many entries a PNG file's PLTE chunk holds, or -1 when there is none (Java's reader pads a short
     *     palette by repeating its last colour, so its colour model cannot tell)
     */
    static int paletteEntries(byte[] png) {
        int at = 8;
        while (at + 8 <= png.length) {
            long length = java.nio.ByteBuffer.wrap(png, at, 4).getInt() & 0xffffffffL;
            String type = new String(png, at + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("PLTE")) {
                return (int) (length / 3);
            }
            if (type.equals("IDAT") || type.equals("IEND") || length > png.length) {
                return -1;
            }
            at += 12 + (int) length;
        }
        return -1;
    }

    private static DecodedImage expandPalette(Path file, BufferedImage image, IndexColorModel palette, int entries) {
        boolean grey = true;
        for (int i = 0; i < palette.getMapSize() && grey; i++) {
            grey = palette.getRed(i) == palette.getGreen(i) && palette.getGreen(i) == palette.getBlue(i);
        }
        int width = image.getWidth();
        int area = width * image.getHeight();
        int channels = grey ? 1 : 3;
        byte[] out = new byte[channels * area];
        Raster raster = image.getRaster();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int index = raster.getSample(x, y, 0);
                if (entries > 0 && index >= entries) {
                    // Java's reader gave such pixels the palette's last colour without a word; libpng refuses the
                    // file (a fresh user, 5 Dec)
                    throw new InvalidDataException(file, "the pixel at row " + y + ", column " + x + " uses palette "
                            + "entry " + index + ", but the palette holds " + entries + " (an invalid PNG); save the "
                            + "image again with a program that writes a complete palette, or as RGB");
                }
                int at = y * width + x;
                out[at] = (byte) palette.getRed(index);
                if (!grey) {
                    out[area + at] = (byte) palette.getGreen(index);
                    out[2 * area + at] = (byte) palette.getBlue(index);
                }
            }
        }
        return new DecodedImage(width, image.getHeight(), channels, out);
    }

    /** Reads the first {@code channels} bands (grey, or red, green, blue), scaled to 8 bits. */
    private static DecodedImage planes(BufferedImage image, int channels) {
        Raster raster = image.getRaster();
        ColorModel model = image.getColorModel();
        int width = image.getWidth();
        int height = image.getHeight();
        int area = width * height;
        byte[] out = new byte[channels * area];
        boolean wide = false;
        int largest = 0;
        int widest = 8;
        for (int c = 0; c < channels; c++) {
            int bits = model.getComponentSize(c);
            wide |= bits > 8;
            widest = Math.max(widest, bits);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int sample = raster.getSample(x, y, c);
                    largest = Math.max(largest, sample);
                    out[c * area + y * width + x] = (byte) toEightBits(sample, bits);
                }
            }
        }
        // 12-bit data in a 16-bit file kept 16 levels, and 0..255 in one turned black, without a word (5 Dec)
        boolean narrow = wide && largest < 1 << (widest - 4);
        return new DecodedImage(width, height, channels, out, false, false, narrow);
    }

    /**
     * @param sample an unsigned sample of {@code bits} bits
     * @param bits 1..16
     * @return the sample on 0..255: the high byte of wider samples, narrower ones scaled so that their
     *         maximum becomes 255
     */
    static int toEightBits(int sample, int bits) {
        if (bits == 8) {
            return sample;
        }
        if (bits > 8) {
            return sample >>> (bits - 8);
        }
        return sample * 255 / ((1 << bits) - 1);
    }
}

package dev.augment.data;

import dev.augment.errors.InvalidDataException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * Runs one of Java's ImageIO readers on an image file's bytes with two checks ImageIO's {@code read} does not make:
 * the size in the file's header is checked before any pixel is decoded (the caller's check, and at most
 * {@value #MAX_PIXELS} pixels: a 20 000 × 20 000 PNG of 1.1 MB among 8 × 8 images filled the heap before the size
 * mismatch could be told), and a JPEG that ends before its end-of-image marker is refused (ImageIO only warns, and
 * fills the missing part with grey; Pillow raises "image file is truncated").
 */
final class CheckedImageReading {

    /** The most pixels an image may have: 8192 × 8192. */
    static final long MAX_PIXELS = 1L << 26;

    /** Checks an image's size before it is decoded. */
    @FunctionalInterface
    interface SizeCheck {
        /** Accepts every size. */
        SizeCheck ANY = (width, height) -> { };

        /**
         * @param width the image's width in pixels
         * @param height its height in pixels
         * @throws InvalidDataException when the size is not acceptable
         */
        void check(int width, int height);
    }

    /** What to read once the reader has its input and the size was checked. */
    @FunctionalInterface
    interface Read<T> {
        T read(ImageReader reader) throws IOException;
    }

    private CheckedImageReading() {
    }

    /**
     * @param file the image file, for messages
     * @param bytes its bytes
     * @param format ImageIO's format name to use ("jpeg"), or null for the reader the bytes call for
     * @param size the caller's size check
     * @param read the decoding
     * @return what {@code read} returned, or null when no reader knows the bytes
     * @throws InvalidDataException from the size checks, or when a JPEG's data ends early
     * @throws IOException from the reader
     */
    static <T> T read(Path file, byte[] bytes, String format, SizeCheck size, Read<T> read) throws IOException {
        return read(file, bytes, format, true, size, read);
    }

    /**
     * As {@link #read(Path, byte[], String, SizeCheck, Read)}.
     *
     * @param ignoreMetadata whether the reader skips the file's metadata, as ImageIO's {@code read} does (a PNG text
     *     chunk that does not parse is then no error, as for Pillow)
     */
    static <T> T read(Path file, byte[] bytes, String format, boolean ignoreMetadata, SizeCheck size, Read<T> read)
            throws IOException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return withReader(in, format, ignoreMetadata, reader -> {
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                size.check(width, height);
                if ((long) width * height > MAX_PIXELS) {
                    throw new InvalidDataException(file, "image is " + width + "x" + height + " (width x height), "
                            + "more than the " + MAX_PIXELS + " pixels augment decodes; resize the images first");
                }
                T decoded = read.read(reader);
                for (String warning : warnings) {
                    // libjpeg warns once per kind: "premature end of data segment" (a scan cut short, the rest grey)
                    // may hide behind an earlier harmless warning, and a progressive file cut between scans gives
                    // only "missing EOI marker"; a file without its end marker was cut, so both are refused
                    String lower = warning.toLowerCase(Locale.ROOT);
                    if (lower.contains("premature end of data") || lower.contains("missing eoi")) {
                        throw new InvalidDataException(file, "truncated or damaged JPEG: its image data ends early ("
                                + warning + "; ImageIO would decode what is there and fill the rest with grey); copy "
                                + "it again or delete it");
                    }
                }
                return decoded;
            });
        }
    }

    /**
     * Runs {@code read} with the first ImageIO reader that knows the stream (or the named format), given the stream
     * as its input, and disposes of the reader afterwards.
     *
     * @param in the image's stream, positioned at its start
     * @param format ImageIO's format name to use ("jpeg"), or null for the reader the stream calls for
     * @param ignoreMetadata whether the reader skips the file's metadata
     * @param read what to read
     * @return what {@code read} returned, or null when no reader knows the stream
     * @throws IOException from the reader
     */
    static <T> T withReader(ImageInputStream in, String format, boolean ignoreMetadata, Read<T> read)
            throws IOException {
        Iterator<ImageReader> readers = format == null ? ImageIO.getImageReaders(in)
                : ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try {
            reader.setInput(in, true, ignoreMetadata);
            return read.read(reader);
        } finally {
            reader.dispose();
        }
    }
}

package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;

import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * Writes an 8-bit gray or RGB image as a PNG file whose pixels are stored, not compressed, straight
 * into one byte array: the signature, an {@code IHDR} chunk, one {@code IDAT} chunk holding a zlib stream
 * of a single stored deflate block (every row with filter type 0, "none"), and {@code IEND}. These are
 * the bytes the JDK's encoder ({@code javax.imageio}) writes at compression quality 1 for the same image
 * (checked by {@code StoredPngTest}), made without its per-image streams, rasters and deflater: about
 * 20 times faster for a 28x28 image.
 *
 * <p>File layout (all integers big-endian): 8 signature bytes; IHDR (4 length + 4 type + 13 data + 4 CRC);
 * IDAT (4 length + 4 type + zlib + 4 CRC) where zlib is {@code 78 01}, the block header {@code 01}, LEN
 * and its complement (little-endian), the filtered rows ({@code height x (1 + width x channels)} bytes)
 * and their Adler-32; IEND (12 bytes). One stored block holds at most {@value #MAX_STORED} bytes of rows.
 *
 * <p>An instance keeps only the schema's geometry, so one can serve many threads.
 */
final class StoredPng {

    /** Most bytes of filtered rows one stored deflate block can hold. */
    static final int MAX_STORED = 65_535;

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xAE, 0x42, 0x60, (byte) 0x82};
    private static final int IHDR_LENGTH = 25;
    private static final int ZLIB_OVERHEAD = 2 + 5 + 4;

    private final int width;
    private final int height;
    private final int channels;
    private final double min;
    private final double max;
    private final int rowBytes;
    private final int rawBytes;
    private final int fileBytes;
    private final byte[] header;

    /**
     * @param schema an image schema with 1 or 3 channels whose filtered rows fit in one stored block
     * @throws IllegalArgumentException when the channel count is not 1 or 3, or the image is too large
     */
    StoredPng(SampleSchema schema) {
        if (schema.channels() != 1 && schema.channels() != 3) {
            throw new IllegalArgumentException("png needs 1 or 3 channels, the schema has " + schema.channels());
        }
        this.width = schema.width();
        this.height = schema.height();
        this.channels = schema.channels();
        this.min = schema.minValue();
        this.max = schema.maxValue();
        this.rowBytes = 1 + width * channels;
        long raw = (long) height * rowBytes;
        if (raw > MAX_STORED) {
            throw new IllegalArgumentException("a " + width + "x" + height + " image needs " + raw
                    + " bytes, more than one stored block holds (" + MAX_STORED + ")");
        }
        this.rawBytes = (int) raw;
        this.fileBytes = SIGNATURE.length + IHDR_LENGTH + 12 + ZLIB_OVERHEAD + rawBytes + IEND.length;
        this.header = header(width, height, channels == 1 ? 0 : 2);
    }

    /** @return whether a schema's image fits in one stored block (and so can be encoded here) */
    static boolean fits(SampleSchema schema) {
        return (long) schema.height() * (1 + (long) schema.width() * schema.channels()) <= MAX_STORED;
    }

    /** @return the size in bytes of every file this encoder makes */
    int fileBytes() {
        return fileBytes;
    }

    /**
     * Encodes one sample.
     *
     * @param samples samples in the schema's scale, channel-first (CHW)
     * @param offset index of the sample's first value
     * @return the PNG file's bytes
     */
    byte[] encode(float[] samples, int offset) {
        byte[] file = new byte[fileBytes];
        System.arraycopy(header, 0, file, 0, header.length);
        int rows = header.length;
        int plane = width * height;
        for (int y = 0; y < height; y++) {
            int row = rows + y * rowBytes;
            file[row] = 0;
            int source = offset + y * width;
            if (channels == 1) {
                for (int x = 0; x < width; x++) {
                    file[row + 1 + x] = (byte) Batches.toUnsignedByte(samples[source + x], min, max);
                }
            } else {
                for (int x = 0; x < width; x++) {
                    int target = row + 1 + 3 * x;
                    file[target] = (byte) Batches.toUnsignedByte(samples[source + x], min, max);
                    file[target + 1] = (byte) Batches.toUnsignedByte(samples[source + plane + x], min, max);
                    file[target + 2] = (byte) Batches.toUnsignedByte(samples[source + 2 * plane + x], min, max);
                }
            }
        }
        int end = rows + rawBytes;
        Adler32 adler = new Adler32();
        adler.update(file, rows, rawBytes);
        putInt(file, end, (int) adler.getValue());
        int idatType = SIGNATURE.length + IHDR_LENGTH + 4;
        CRC32 crc = new CRC32();
        crc.update(file, idatType, end + 4 - idatType);
        putInt(file, end + 4, (int) crc.getValue());
        System.arraycopy(IEND, 0, file, end + 8, IEND.length);
        return file;
    }

    /** Everything before the first row: signature, IHDR, the IDAT length and type, zlib and block headers. */
    private byte[] header(int imageWidth, int imageHeight, int colourType) {
        byte[] bytes = new byte[SIGNATURE.length + IHDR_LENGTH + 8 + 2 + 5];
        System.arraycopy(SIGNATURE, 0, bytes, 0, SIGNATURE.length);
        int at = SIGNATURE.length;
        putInt(bytes, at, 13);
        putAscii(bytes, at + 4, "IHDR");
        putInt(bytes, at + 8, imageWidth);
        putInt(bytes, at + 12, imageHeight);
        bytes[at + 16] = 8;
        bytes[at + 17] = (byte) colourType;
        // compression method, filter method and interlace method: all 0
        CRC32 crc = new CRC32();
        crc.update(bytes, at + 4, 17);
        putInt(bytes, at + 21, (int) crc.getValue());
        at += IHDR_LENGTH;
        putInt(bytes, at, ZLIB_OVERHEAD + rawBytes);
        putAscii(bytes, at + 4, "IDAT");
        bytes[at + 8] = 0x78;
        bytes[at + 9] = 0x01;
        bytes[at + 10] = 0x01;
        bytes[at + 11] = (byte) rawBytes;
        bytes[at + 12] = (byte) (rawBytes >>> 8);
        bytes[at + 13] = (byte) ~rawBytes;
        bytes[at + 14] = (byte) (~rawBytes >>> 8);
        return bytes;
    }

    private static void putInt(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >>> 24);
        bytes[at + 1] = (byte) (value >>> 16);
        bytes[at + 2] = (byte) (value >>> 8);
        bytes[at + 3] = (byte) value;
    }

    private static void putAscii(byte[] bytes, int at, String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, bytes, at, ascii.length);
    }
}

package dev.augment.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * The mark {@code augment generate} puts in every PNG file it writes: a {@code tEXt} chunk right after the
 * {@code IHDR} chunk (PNG specification, 11.3.4.3) with the keyword {@value #KEYWORD} and the text {@value #TEXT}.
 * A folder's {@link GenerationRecord} is lost when its files are moved: generated PNGs copied into a real class
 * folder were read as real, without a note (a fresh user, 5 Dec). The mark travels with each file (and is found
 * wherever a tool moved it among the chunks), so the image-folder
 * source counts the generated images of each class wherever they lie ({@link GeneratedOutput}). Image viewers and
 * decoders ignore the chunk; the pixels are unchanged.
 */
public final class GeneratedPng {

    /** The chunk's keyword, PNG's registered one for the program that made the image. */
    public static final String KEYWORD = "Software";
    /** The chunk's text. */
    public static final String TEXT = "augment generate";

    /**
     * The Tribuo example metadata key an image-folder source sets (to {@value #TEXT}) on the example of a marked file,
     * so that {@code augment oversample} marks the file it writes of it: its copies of marked files among real ones
     * were written unmarked and flagged real, and the next reader said nothing (a fresh user, 5 Dec).
     */
    public static final String METADATA_KEY = "augment.generated";

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** The signature and the IHDR chunk: 4 length, 4 type, 13 data and 4 CRC bytes. */
    private static final int AFTER_HEADER = SIGNATURE.length + 25;
    private static final byte[] CHUNK = chunk();

    private GeneratedPng() {
    }

    private static byte[] chunk() {
        byte[] data = (KEYWORD + '\0' + TEXT).getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        return chunk.array();
    }

    /**
     * @param png a PNG file's bytes whose first chunk is IHDR, as every encoder writes it
     * @return the file with the mark after IHDR
     * @throws IllegalArgumentException when the bytes are not such a file
     */
    public static byte[] marked(byte[] png) {
        if (!startsWithHeader(png)) {
            throw new IllegalArgumentException("not a PNG file starting with its IHDR chunk");
        }
        byte[] out = new byte[png.length + CHUNK.length];
        System.arraycopy(png, 0, out, 0, AFTER_HEADER);
        System.arraycopy(CHUNK, 0, out, AFTER_HEADER, CHUNK.length);
        System.arraycopy(png, AFTER_HEADER, out, AFTER_HEADER + CHUNK.length, png.length - AFTER_HEADER);
        return out;
    }

    /**
     * @param bytes an image file's bytes
     * @return whether it is a PNG file carrying the mark right after its IHDR chunk
     */
    public static boolean isMarked(byte[] bytes) {
        if (!startsWithHeader(bytes)) {
            return false;
        }
        // any tEXt chunk before IEND: a tool that adds a chunk (pHYs) or moves text after IDAT keeps the mark
        byte[] text = Arrays.copyOfRange(CHUNK, 8, CHUNK.length - 4);
        int at = SIGNATURE.length;
        while (at + 12 <= bytes.length) {
            long length = ByteBuffer.wrap(bytes, at, 4).getInt() & 0xffffffffL;
            String type = new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IEND") || at + 12 + length > bytes.length) {
                return false;
            }
            if (type.equals("tEXt") && length == text.length
                    && Arrays.equals(bytes, at + 8, at + 8 + text.length, text, 0, text.length)) {
                return true;
            }
            at += 12 + (int) length;
        }
        return false;
    }

    private static boolean startsWithHeader(byte[] bytes) {
        return bytes.length > AFTER_HEADER && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)
                && bytes[12] == 'I' && bytes[13] == 'H' && bytes[14] == 'D' && bytes[15] == 'R';
    }
}

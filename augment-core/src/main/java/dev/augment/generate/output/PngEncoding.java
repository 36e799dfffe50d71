package dev.augment.generate.output;

import dev.augment.schema.SampleSchema;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Encodes samples as PNG files in memory. An image whose pixels fit in {@value #STORED_UP_TO} bytes (one
 * block of a typical file system, e.g. 28x28 gray or 32x32 RGB) is written with its pixels stored, not
 * compressed: it takes the same one block on disk as a compressed file, and encoding is far faster
 * (Fashion-MNIST: 880 bytes a file instead of 556). Such files are assembled directly by
 * {@link StoredPng}, byte for byte what the JDK's encoder ({@code javax.imageio}) writes at compression
 * quality 1. Larger images go through the JDK's encoder at its default level, one {@link ImageWriter}
 * and one image buffer per batch. One channel gives 8-bit grayscale, three channels (CHW order) give
 * 8-bit RGB; values are mapped from the schema range onto 0..255 by {@link Batches#toUnsignedByte}.
 * Thread-safe: every call has its own writer and buffers.
 */
final class PngEncoding {

    /** Largest pixel count in bytes (width x height x channels) written without compression. */
    static final int STORED_UP_TO = 4096;

    private PngEncoding() {
    }

    /**
     * @param schema an image schema with 1 or 3 channels
     * @param samples {@code count} samples, row-major
     * @param count how many
     * @return one PNG file's bytes per sample, in order
     * @throws IllegalStateException when the JDK has no PNG encoder
     */
    static List<byte[]> encode(SampleSchema schema, float[] samples, int count) {
        boolean stored = schema.featureCount() <= STORED_UP_TO;
        if (!stored || !StoredPng.fits(schema)) {
            return encodeWithImageIo(schema, samples, count, stored);
        }
        StoredPng png = new StoredPng(schema);
        List<byte[]> files = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            files.add(png.encode(samples, s * schema.featureCount()));
        }
        return files;
    }

    /**
     * The JDK's encoder, used for images larger than {@value #STORED_UP_TO} bytes and, in tests, as the
     * reference for {@link StoredPng}.
     *
     * @param schema an image schema with 1 or 3 channels
     * @param samples {@code count} samples, row-major
     * @param count how many
     * @param stored whether to store the pixels uncompressed (compression quality 1) rather than use the
     *     encoder's default level
     * @return one PNG file's bytes per sample, in order
     * @throws IllegalStateException when the JDK has no PNG encoder
     */
    static List<byte[]> encodeWithImageIo(SampleSchema schema, float[] samples, int count, boolean stored) {
        List<byte[]> files = new ArrayList<>(count);
        if (count == 0) {
            return files;
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) {
            throw new IllegalStateException("no PNG encoder available in this JVM");
        }
        ImageWriter writer = writers.next();
        int channels = schema.channels();
        BufferedImage image = new BufferedImage(schema.width(), schema.height(),
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (stored) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(1f);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try {
            for (int s = 0; s < count; s++) {
                fill(pixels, schema, samples, s * schema.featureCount());
                bytes.reset();
                try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                    writer.setOutput(out);
                    writer.write(null, new IIOImage(image, null, null), param);
                }
                files.add(bytes.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed in memory", e);
        } finally {
            writer.dispose();
        }
        return files;
    }

    /** Writes one sample's pixels into the image buffer: gray bytes, or interleaved blue, green, red. */
    private static void fill(byte[] pixels, SampleSchema schema, float[] samples, int offset) {
        int plane = schema.height() * schema.width();
        int channels = schema.channels();
        double min = schema.minValue();
        double max = schema.maxValue();
        for (int p = 0; p < plane; p++) {
            for (int c = 0; c < channels; c++) {
                int target = channels == 1 ? p : p * 3 + (2 - c);
                pixels[target] = (byte) Batches.toUnsignedByte(samples[offset + c * plane + p], min, max);
            }
        }
    }
}

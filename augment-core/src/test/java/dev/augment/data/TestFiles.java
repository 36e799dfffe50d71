package dev.augment.data;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX, CIFAR-10 and image files for tests. */
final class TestFiles {

    /** The checked-in Fashion-MNIST sample; Maven runs tests with the module folder as working folder. */
    static final Path SAMPLE = Path.of("..", "datasets", "fashion-mnist-sample");

    private TestFiles() {
    }

    /** @return the bytes of an IDX file: magic 0,0,type,rank, the dims, then the payload */
    static byte[] idx(int type, int[] dims, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
        buffer.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
        for (int d : dims) {
            buffer.putInt(d);
        }
        return buffer.put(payload).array();
    }

    /** @return a ubyte IDX images file of {@code count} images of rows x columns, pixel i of image n = (n + i) % 256 */
    static byte[] idxImages(int count, int rows, int columns) {
        byte[] payload = new byte[count * rows * columns];
        for (int n = 0; n < count; n++) {
            for (int i = 0; i < rows * columns; i++) {
                payload[n * rows * columns + i] = (byte) ((n + i) % 256);
            }
        }
        return idx(0x08, new int[] {count, rows, columns}, payload);
    }

    /** @return a ubyte IDX labels file */
    static byte[] idxLabels(int... labels) {
        byte[] payload = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            payload[i] = (byte) labels[i];
        }
        return idx(0x08, new int[] {labels.length}, payload);
    }

    static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Grows a file to {@code length} bytes of zeros after what it holds, sparse: no disk is filled. */
    static Path growSparse(Path file, long length) {
        try (java.io.RandomAccessFile open = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            open.setLength(length);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * @param labels one label byte per record
     * @return CIFAR-10 records whose pixel j of record n is (n * 7 + j) % 256
     */
    static byte[] cifar(int... labels) {
        byte[] bytes = new byte[labels.length * Cifar10Source.RECORD_BYTES];
        for (int n = 0; n < labels.length; n++) {
            int offset = n * Cifar10Source.RECORD_BYTES;
            bytes[offset] = (byte) labels[n];
            for (int j = 0; j < Cifar10Source.IMAGE_BYTES; j++) {
                bytes[offset + 1 + j] = (byte) ((n * 7 + j) % 256);
            }
        }
        return bytes;
    }

    /** Writes a gray PNG whose pixel (x, y) is {@code base + 10 * y + x}. */
    static Path grayPng(Path file, int width, int height, int base) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.getRaster().setSample(x, y, 0, base + 10 * y + x);
            }
        }
        return png(file, image);
    }

    /** Writes an RGB PNG filled with one colour. */
    static Path rgbPng(Path file, int width, int height, int rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return png(file, image);
    }

    private static Path png(Path file, BufferedImage image) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

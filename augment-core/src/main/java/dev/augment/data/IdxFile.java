package dev.augment.data;

import dev.augment.errors.InvalidDataException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The checked header of one IDX file (gzip or raw, detected by its magic bytes as Tribuo does), and the
 * checks themselves: magic number, type byte, number of dimensions, and a payload exactly as long as the
 * header promises. Images files have 3 dimensions (count, rows, columns) or 4 (count, channels, rows,
 * columns), as {@code augment generate --format idx} writes colour images; labels files have 1 (count).
 *
 * @param file the file
 * @param type the IDX element type byte (0x08 ubyte ... 0x0E double)
 * @param dims the dimensions; {@code dims[0]} is the number of items
 */
record IdxFile(Path file, int type, int[] dims) {

    static final int UBYTE = 0x08;
    static final int BYTE = 0x09;
    static final int SHORT = 0x0B;
    static final int INT = 0x0C;
    static final int FLOAT = 0x0D;
    static final int DOUBLE = 0x0E;

    /** @return the number of items (images or labels) */
    int count() {
        return dims[0];
    }

    /** @return the channels of an images file: 1 for (count, rows, columns), else its second dimension */
    int channels() {
        return dims.length == 4 ? dims[1] : 1;
    }

    /** @return the rows of an images file */
    int rows() {
        return dims[dims.length - 2];
    }

    /** @return the columns of an images file */
    int columns() {
        return dims[dims.length - 1];
    }

    /**
     * Reads only the header of an IDX images file.
     *
     * @param file the file
     * @return its header, with 3 or 4 dimensions
     * @throws IOException when the file cannot be read
     * @throws InvalidDataException when the header is not an images file's
     */
    static IdxFile imagesHeader(Path file) throws IOException {
        try (DataInputStream data = new DataInputStream(open(file))) {
            return readHeader(file, true, data);
        }
    }

    /**
     * Checks an IDX images file from end to end.
     *
     * @param file the file
     * @return the header, with 3 or 4 dimensions
     */
    static IdxFile checkImages(Path file) {
        return read(file, true, false).header;
    }

    /**
     * Checks a labels file and decodes its labels.
     *
     * @param file the file
     * @return the labels, in file order
     */
    static int[] readLabels(Path file) {
        Read read = read(file, false, true);
        int type = read.header.type;
        if (type == FLOAT || type == DOUBLE) {
            throw new InvalidDataException(file, "labels file holds " + typeName(type)
                    + " values; class labels must be an integer IDX type (ubyte, byte, short or int)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(read.payload);
        int[] labels = new int[read.header.count()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = switch (type) {
                case UBYTE -> Byte.toUnsignedInt(buffer.get());
                case BYTE -> buffer.get();
                case SHORT -> buffer.getShort();
                default -> buffer.getInt();
            };
        }
        refuseLittleEndianLabels(read.header, labels);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new InvalidDataException(file, "label " + i + " is " + labels[i]
                        + "; class labels must not be negative");
            }
        }
        return labels;
    }

    private record Read(IdxFile header, byte[] payload) {
    }

    private static Read read(Path file, boolean images, boolean keepPayload) {
        String role = images ? "images" : "labels";
        if (Files.isDirectory(file)) {
            throw new InvalidDataException(file, "is a folder, expected an IDX " + role + " file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidDataException(file, "IDX " + role + " file not found");
        }
        try (InputStream in = open(file); DataInputStream data = new DataInputStream(in)) {
            IdxFile header = readHeader(file, images, data);
            long expected = elementSize(header.type);
            for (int d : header.dims) {
                expected = expected > Long.MAX_VALUE / d ? Long.MAX_VALUE : expected * d;
            }
            byte[] payload = null;
            long actual;
            if (keepPayload && expected < Integer.MAX_VALUE - 16) {
                payload = data.readNBytes((int) expected);
                actual = payload.length + data.transferTo(OutputStream.nullOutputStream());
            } else if (images && (header.type == FLOAT || header.type == DOUBLE)) {
                actual = readCheckingFinite(data, header);
            } else {
                actual = data.transferTo(OutputStream.nullOutputStream());
            }
            if (actual < expected) {
                throw new InvalidDataException(file, "truncated: the header promises " + expected + " bytes of "
                        + typeName(header.type) + " data for shape " + Arrays.toString(header.dims)
                        + " but the file holds only " + actual);
            }
            if (actual > expected) {
                throw new InvalidDataException(file, "trailing data: " + (actual - expected) + " bytes after the "
                        + expected + " bytes the header promises for shape " + Arrays.toString(header.dims));
            }
            return new Read(header, payload);
        } catch (EOFException e) {
            throw new InvalidDataException(file, "truncated: the gzip stream ends early", e);
        } catch (ZipException e) {
            throw new InvalidDataException(file, "corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidDataException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a float or double images payload to its end, refusing the first NaN or infinite value, or double too large
     * for a float.
     *
     * @return the number of payload bytes read
     */
    private static long readCheckingFinite(DataInputStream data, IdxFile header) throws IOException {
        int size = elementSize(header.type);
        long pixelsPerImage = (long) header.channels() * header.rows() * header.columns();
        long elements = pixelsPerImage * header.dims[0];
        byte[] buffer = new byte[size * 8192];
        long total = 0;
        long element = 0;
        int n;
        long nonZero = 0;
        long odd = 0; // values as read that real data never holds: below normal, NaN, infinite, or huge
        long oddSwapped = 0; // the same, read the other way round
        InvalidDataException firstNonFinite = null;
        while ((n = data.readNBytes(buffer, 0, buffer.length)) > 0) {
            ByteBuffer values = ByteBuffer.wrap(buffer, 0, n - n % size);
            while (values.hasRemaining() && element < elements) {
                double value = size == 4 ? values.getFloat() : values.getDouble();
                if (value != 0) {
                    nonZero++;
                    odd += odd(value, size) ? 1 : 0;
                    oddSwapped += odd(swapped(value, size), size) ? 1 : 0;
                }
                if (!Double.isFinite(value)) {
                    // the first such pixel is blamed at the end, unless the whole file reads better the other way
                    firstNonFinite = firstNonFinite != null ? firstNonFinite : nonFinite(header, element
                            / pixelsPerImage, element % pixelsPerImage, value, "NaN and infinite values cannot be "
                            + "trained on");
                    element++;
                    continue;
                }
                if (Math.abs(value) > Float.MAX_VALUE) {
                    // a double beyond the 32-bit floats every sample is held in would become infinite
                    throw nonFinite(header, element / pixelsPerImage, element % pixelsPerImage, value, "beyond the "
                            + "32-bit floats augment holds samples in (at most " + Float.MAX_VALUE + " in size)");
                }
                element++;
            }
            total += n;
        }
        // every value plausible read the other way round, some not as read: a big-endian file's own values read
        // swapped are mostly tiny (0.5 is 0x3F000000, swapped 0x0000003F), so this does not blame a NaN pixel's file
        if (odd > 0 && oddSwapped == 0) {
            throw littleEndian(header, odd + " of its " + nonZero + " non-zero values tiny (below normal), NaN or "
                    + "huge, and none read the other way round");
        }
        if (firstNonFinite != null) {
            throw firstNonFinite;
        }
        return total;
    }

    /** @return whether real data never holds the value: below the normal range, not finite, or beyond a billion */
    private static boolean odd(double value, int size) {
        double magnitude = Math.abs(value);
        return !Double.isFinite(value) || magnitude > SWAPPED_PLAUSIBLE
                || magnitude < (size == 4 ? Float.MIN_NORMAL : Double.MIN_NORMAL);
    }

    /** Beyond this a value is taken for a misread one (data of images and tables stays far below). */
    private static final double SWAPPED_PLAUSIBLE = 1e9;

    private static double swapped(double value, int size) {
        return size == 4 ? Float.intBitsToFloat(Integer.reverseBytes(Float.floatToRawIntBits((float) value)))
                : Double.longBitsToDouble(Long.reverseBytes(Double.doubleToRawLongBits(value)));
    }

    /**
     * A float IDX file written little-endian (numpy's {@code tofile()} on x86; IDX is big-endian) read as values near
     * 0, trained on without a word, or as one NaN pixel blamed (a fresh user, 6 Dec).
     */
    /**
     * Refuses short or int labels written little-endian: as read, every value's low byte (short) or low two bytes
     * (int) are zero and one is not zero at all, which class labels 0..K-1 written little-endian give (1 reads as
     * 16 777 216) and real codes do not. Such labels made one class per value up to the largest, and the run out of
     * Java heap, whose advice was more heap (a fresh user, 6 Dec).
     */
    private static void refuseLittleEndianLabels(IdxFile header, int[] labels) {
        if (header.type != SHORT && header.type != INT || labels.length == 0) {
            return;
        }
        int lowMask = header.type == SHORT ? 0xFF : 0xFFFF;
        boolean anyNonZero = false;
        for (int label : labels) {
            if ((label & lowMask) != 0) {
                return;
            }
            anyNonZero |= label != 0;
        }
        if (anyNonZero) {
            int first = java.util.stream.IntStream.of(labels).filter(l -> l != 0).findFirst().orElseThrow();
            int swapped = header.type == SHORT ? Short.toUnsignedInt(Short.reverseBytes((short) first))
                    : Integer.reverseBytes(first);
            String type = header.type == SHORT ? "i2" : "i4";
            throw new InvalidDataException(header.file, "its " + typeName(header.type) + " labels read as " + first
                    + " and the like, which read the other way round are " + swapped + " and the like: the file looks "
                    + "little-endian (numpy's tofile() on x86 writes so), and IDX is big-endian; write it with "
                    + "labels.astype('>" + type + "').tofile(...) after the header, or as ubyte labels (type 0x08)");
        }
    }

    private static InvalidDataException littleEndian(IdxFile header, String what) {
        String type = header.type == FLOAT ? "f4" : "f8";
        return new InvalidDataException(header.file, "its " + typeName(header.type) + " values read as " + what
                + ": the file looks little-endian (numpy's tofile() on x86 writes so), and IDX is big-endian; write "
                + "it with arr.astype('>" + type + "').tofile(...) after the header");
    }

    private static InvalidDataException nonFinite(IdxFile header, long image, long pixel, double value,
                                                  String why) {
        int columns = header.columns();
        long plane = (long) header.rows() * columns;
        long features = header.channels() * plane;
        String feature = String.format(java.util.Locale.ROOT, "%0" + Long.toString(features).length() + "d", pixel);
        String channel = header.channels() == 1 ? "" : "channel " + pixel / plane + ", ";
        return new InvalidDataException(header.file, "image " + image + ", feature '" + feature + "' (the pixel at "
                + channel + "row " + pixel % plane / columns + ", column " + pixel % columns + ") is " + value
                + "; " + why + ": fix or remove that image");
    }

    /** @return whether the file itself starts as a gzip stream (false when it cannot be read) */
    private static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return dev.augment.io.FileMagic.isGzip(in.readNBytes(2));
        } catch (IOException e) {
            return false;
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (dev.augment.io.FileMagic.isGzip(new byte[] {(byte) first, (byte) second})) {
            return new GZIPInputStream(in, 1 << 16);
        }
        return in;
    }

    private static IdxFile readHeader(Path file, boolean images, DataInputStream data) throws IOException {
        byte[] magic = data.readNBytes(4);
        if (magic.length < 4) {
            throw new InvalidDataException(file, "truncated: " + magic.length
                    + " bytes, shorter than the 4-byte IDX magic number");
        }
        int magicNumber = ByteBuffer.wrap(magic).getInt();
        if (magic[0] != 0 || magic[1] != 0) {
            byte[] head = java.util.Arrays.copyOf(magic, 64);
            int more = data.readNBytes(head, 4, 60);
            java.util.Optional<String> kind = dev.augment.io.FileMagic.kind(java.util.Arrays.copyOf(head, 4 + more));
            if (kind.isPresent()) {
                // a saved error page and a file compressed twice were named by their magic number in hex (6 Dec)
                boolean unpacked = isGzip(file);
                throw new InvalidDataException(file, "is " + (kind.get().equals("gzip-compressed") && unpacked
                        ? "gzip-compressed twice (a download the server compressed again?): decompress it once more "
                        + "(gunzip), then give the IDX file" : kind.get() + (unpacked ? " inside its gzip" : "")
                        + ", not IDX data" + (kind.get().equals(dev.augment.io.FileMagic.WEB_PAGE) ? " (a download "
                        + "that saved an error page?): download the file again" : kind.get().endsWith("compressed")
                        ? "; decompress it first (" + (kind.get().startsWith("xz") ? "unxz" : kind.get()
                        .startsWith("bzip2") ? "bunzip2" : "its own tool") + "), or as gzip, which augment reads"
                        : "; give the IDX file itself")));
            }
            throw new InvalidDataException(file, String.format("wrong magic number 0x%08X: not an IDX file "
                    + "(its first two bytes must be 0)", magicNumber));
        }
        int type = Byte.toUnsignedInt(magic[2]);
        if (elementSize(type) == 0) {
            throw new InvalidDataException(file, String.format("wrong magic number 0x%08X: unknown IDX type byte "
                    + "0x%02X (known: 08 ubyte, 09 byte, 0B short, 0C int, 0D float, 0E double)", magicNumber, type));
        }
        int rank = Byte.toUnsignedInt(magic[3]);
        if (images ? rank != 3 && rank != 4 : rank != 1) {
            throw new InvalidDataException(file, "IDX " + (images ? "images" : "labels") + " file must be "
                    + (images ? "3-dimensional (count, rows, columns) or 4-dimensional (count, channels, rows, columns)"
                    : "1-dimensional (count)") + " but is " + rank + "-dimensional" + swappedHint(images, rank));
        }
        byte[] shape = data.readNBytes(4 * rank);
        if (shape.length < 4 * rank) {
            throw new InvalidDataException(file, "truncated: the header ends inside its " + rank + " dimensions");
        }
        int[] dims = new int[rank];
        ByteBuffer buffer = ByteBuffer.wrap(shape);
        for (int i = 0; i < rank; i++) {
            dims[i] = buffer.getInt();
            if (dims[i] < 1) {
                throw new InvalidDataException(file, "dimension " + i + " of the header is " + dims[i]
                        + "; every dimension must be positive");
            }
        }
        if (images && rank == 4 && dims[3] <= 4 && dims[1] > 4 && dims[2] > 4) {
            // NumPy's and Keras's arrays are (count, height, width, channels): (N, 32, 32, 3) was read as 32 channels
            // of 32×3 images without a word, and only generate's PNG writer balked (a fresh user, 4 Dec)
            throw new InvalidDataException(file, "images of shape " + Arrays.toString(Arrays.copyOfRange(dims, 1, 4))
                    + " look like (height, width, channels), as NumPy and Keras store them, but IDX images here are "
                    + "(channels, height, width); transpose the array first (numpy: x.transpose(0, 3, 1, 2))");
        }
        return new IdxFile(file, type, dims);
    }

    /** @return the size in bytes of one element of an IDX type, or 0 for an unknown type byte */
    static int elementSize(int type) {
        return switch (type) {
            case UBYTE, BYTE -> 1;
            case SHORT -> 2;
            case INT, FLOAT -> 4;
            case DOUBLE -> 8;
            default -> 0;
        };
    }

    /** @return the IDX name of a type byte */
    static String typeName(int type) {
        return switch (type) {
            case UBYTE -> "ubyte";
            case BYTE -> "byte";
            case SHORT -> "short";
            case INT -> "int";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            default -> String.format("0x%02X", type);
        };
    }

    /**
     * @return a hint when an images file has a labels file's one dimension (the pair given swapped, "labels,images",
     *     or two files renamed into each other's place, which the dimension count alone did not name: a fresh user, 4
     *     Dec), or a labels file is an images file (read after the images file, so an images file given twice)
     */
    private static String swappedHint(boolean images, int rank) {
        if (images && rank == 1) {
            return ": it looks like a labels file; were the images and labels files swapped? give the images file "
                    + "first (\"images,labels\") or check which file is which";
        }
        if (!images && (rank == 3 || rank == 4)) {
            // the images file is read first, so here it was one too: not a swap but images given twice (a fresh
            // user's "images,images" was asked whether the files were swapped, 5 Dec)
            return ": it is an images file, not a labels file (its one dimension, the count, holding a label per "
                    + "image); give the labels file (idx1) second: \"images,labels\"";
        }
        return "";
    }
}

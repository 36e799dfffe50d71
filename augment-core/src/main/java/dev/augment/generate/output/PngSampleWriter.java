package dev.augment.generate.output;

import dev.augment.data.ClassMap;
import dev.augment.schema.SampleSchema;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one PNG per sample to {@code DIR/<class folder>/000001.png}, {@code 000002.png}, … numbered
 * per class from 1 (six digits at least, more when needed). Folder names come from
 * {@link ClassDirectoryNames#sanitise}; a folder the file system refuses to create falls back to the
 * name's {@linkplain ClassDirectoryNames#escapedAscii escaped ASCII form}. {@link #finish()} writes the
 * {@link ClassMap} ({@code DIR/classes.csv}: index, label, name and folder of each class written), which
 * the image-folder source reads back. One channel gives 8-bit grayscale, three channels (CHW order)
 * give 8-bit RGB; values are mapped from the schema range [minValue, maxValue] onto 0..255, rounded
 * half up and clamped.
 */
public final class PngSampleWriter implements SampleWriter {

    private final Path dir;
    private final SampleSchema schema;
    private final List<String> folders;
    private final long[] written;
    private final boolean[] created;
    private boolean done;

    /**
     * @param dir the folder to write into; created when missing
     * @param schema the image schema, with 1 or 3 channels
     * @throws IllegalArgumentException when the schema is not an image with 1 or 3 channels
     */
    public PngSampleWriter(Path dir, SampleSchema schema) {
        if (!schema.isImage()) {
            throw new IllegalArgumentException("png needs image data; use idx or csv");
        }
        if (schema.channels() != 1 && schema.channels() != 3) {
            throw new IllegalArgumentException("png needs 1 or 3 channels, the schema has "
                    + schema.channels() + "; use idx or csv");
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.schema = schema;
        this.folders = new ArrayList<>(ClassDirectoryNames.sanitise(schema.classNames(),
                ClassDirectoryNames.acceptedBy(this.dir.getFileSystem())));
        this.written = new long[schema.classCount()];
        this.created = new boolean[schema.classCount()];
    }

    @Override
    public void write(int classIndex, float[] samples, int count) throws IOException {
        if (done) {
            throw new IllegalStateException("png writer is finished or closed");
        }
        Batches.check(schema, classIndex, samples, count);
        if (count == 0) {
            return;
        }
        Path classDir = classFolder(classIndex);
        int features = schema.featureCount();
        for (int s = 0; s < count; s++) {
            BufferedImage image = toImage(samples, s * features);
            written[classIndex]++;
            Path file = classDir.resolve(fileName(written[classIndex]));
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IOException("no PNG encoder available to write " + file);
            }
        }
    }

    /** @return the file name of the n-th image of a class: six digits at least, e.g. "000001.png" */
    static String fileName(long n) {
        return String.format(Locale.ROOT, "%06d.png", n);
    }

    private BufferedImage toImage(float[] samples, int offset) {
        int height = schema.height();
        int width = schema.width();
        int plane = height * width;
        int channels = schema.channels();
        BufferedImage image = new BufferedImage(width, height,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_3BYTE_BGR);
        WritableRaster raster = image.getRaster();
        int[] pixel = new int[channels];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    float value = samples[offset + c * plane + y * width + x];
                    pixel[c] = Batches.toUnsignedByte(value, schema.minValue(), schema.maxValue());
                }
                raster.setPixel(x, y, pixel);
            }
        }
        return image;
    }

    /** Creates a class's folder on its first batch, falling back to the escaped ASCII name if refused. */
    private Path classFolder(int classIndex) throws IOException {
        if (!created[classIndex]) {
            try {
                Files.createDirectories(inside(folders.get(classIndex)));
            } catch (FileSystemException e) {
                if (e instanceof AccessDeniedException || e instanceof NoSuchFileException) {
                    throw e;
                }
                List<String> others = new ArrayList<>(folders);
                others.remove(classIndex);
                folders.set(classIndex, ClassDirectoryNames.unique(
                        ClassDirectoryNames.escapedAscii(schema.classNames().get(classIndex)), classIndex, others));
                Files.createDirectories(inside(folders.get(classIndex)));
            }
            created[classIndex] = true;
        }
        return inside(folders.get(classIndex));
    }

    /**
     * @param classIndex a class
     * @return the folder its PNGs go to, relative to the output folder (after any fallback to an escaped name)
     */
    public String folder(int classIndex) {
        return folders.get(classIndex);
    }

    private Path inside(String folder) {
        Path classDir = dir.resolve(folder).normalize();
        if (!dir.equals(classDir.getParent())) {
            throw new IllegalStateException("class folder " + classDir + " is not directly inside " + dir);
        }
        return classDir;
    }

    /** Each PNG is complete once written; this writes the class map and stops further writes. */
    @Override
    public void finish() throws IOException {
        if (done) {
            throw new IllegalStateException("png writer is finished or closed");
        }
        done = true;
        ClassMap.of(schema, created, folders).write(dir);
    }

    @Override
    public void close() {
        done = true;
    }
}

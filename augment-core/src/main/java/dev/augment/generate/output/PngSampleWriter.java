package dev.augment.generate.output;

import dev.augment.data.ClassMap;
import dev.augment.io.PhysicalPaths;
import dev.augment.schema.SampleSchema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    /** The options of {@link Files#write(Path, byte[], java.nio.file.OpenOption...)} without options. */
    private static final Set<StandardOpenOption> CREATE_AND_WRITE = EnumSet.of(StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);

    private final Path dir;
    private final SampleSchema schema;
    private final List<String> folders;
    private final long[] written;
    private final boolean[] created;
    private final boolean markGenerated;
    private boolean done;

    /**
     * A writer of unmarked files (oversample's, which hold real images too).
     *
     * @param dir the folder to write into; created when missing
     * @param schema the image schema, with 1 or 3 channels
     * @throws dev.augment.errors.InvalidSettingException (setting {@code format}) when the schema is not an image
     *     with 1 or 3 channels
     */
    public PngSampleWriter(Path dir, SampleSchema schema) {
        this(dir, schema, false);
    }

    /**
     * @param dir the folder to write into; created when missing
     * @param schema the image schema, with 1 or 3 channels
     * @param markGenerated whether every file carries {@link dev.augment.data.GeneratedPng}'s mark (generate's output)
     * @throws dev.augment.errors.InvalidSettingException (setting {@code format}) when the schema is not an image
     *     with 1 or 3 channels
     */
    public PngSampleWriter(Path dir, SampleSchema schema, boolean markGenerated) {
        this.markGenerated = markGenerated;
        if (!schema.isImage()) {
            throw new dev.augment.errors.InvalidSettingException("format", "png needs image data; use idx or csv");
        }
        if (schema.channels() != 1 && schema.channels() != 3) {
            throw new dev.augment.errors.InvalidSettingException("format", "png needs 1 or 3 channels, the schema has "
                    + schema.channels() + "; use idx or csv");
        }
        this.dir = PhysicalPaths.absolute(dir);
        this.schema = schema;
        this.folders = new ArrayList<>(ClassDirectoryNames.sanitise(schema.classNames(),
                ClassDirectoryNames.acceptedBy(this.dir.getFileSystem())));
        this.written = new long[schema.classCount()];
        this.created = new boolean[schema.classCount()];
    }

    @Override
    public EncodedBatch encode(int classIndex, float[] samples, int count) {
        Batches.check(schema, classIndex, samples, count);
        List<byte[]> files = PngEncoding.encode(schema, samples, count);
        if (markGenerated) {
            files.replaceAll(dev.augment.data.GeneratedPng::marked);
        }
        return new EncodedBatch(classIndex, count, files);
    }

    @Override
    public void write(EncodedBatch batch) throws IOException {
        if (done) {
            throw new IllegalStateException("png writer is finished or closed");
        }
        if (batch.count() == 0) {
            return;
        }
        int classIndex = batch.classIndex();
        Path classDir = classFolder(classIndex);
        for (byte[] png : batch.chunks()) {
            written[classIndex]++;
            writeFile(classDir.resolve(fileName(written[classIndex])), png);
        }
    }

    /**
     * Creates (or truncates) a file and writes the bytes, as {@link Files#write(Path, byte[],
     * java.nio.file.OpenOption...)} does without options, with one channel and no stream around it.
     */
    private static void writeFile(Path file, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, CREATE_AND_WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    /** @return the file name of the n-th image of a class: six digits at least, e.g. "000001.png" */
    static String fileName(long n) {
        String digits = Long.toString(n);
        return digits.length() >= 6 ? digits + ".png" : "000000".substring(digits.length()) + digits + ".png";
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
        requireEveryFileThere();
        ClassMap.of(schema, created, folders).write(dir);
    }

    /**
     * A {@code rm -rf} of the temporary folder that lost its race with this writer left the folder (and its file
     * key) with some of the images: 15 675 of 20 000 were moved into place with "wrote 20000 samples" (a re-check,
     * 7 Dec). One listing of each class folder, cheap beside encoding and writing the images.
     *
     * @throws IOException when a class folder holds fewer files than were written into it
     */
    private void requireEveryFileThere() throws IOException {
        for (int c = 0; c < written.length; c++) {
            if (!created[c]) {
                continue;
            }
            // by name: a count of the folder's entries took a stray file added (a thumbnailer's) for a lost image,
            // and one removed beside one added for none (a re-check, 7 Dec)
            long missing = 0;
            Path folder = inside(folders.get(c));
            for (long n = 1; n <= written[c]; n++) {
                if (!Files.isRegularFile(folder.resolve(fileName(n)))) {
                    missing++;
                }
            }
            if (missing > 0) {
                throw new IOException(missing + " of the " + written[c] + " images written into the temporary "
                        + "folder's " + folders.get(c) + " are gone: files were removed while this run wrote them (by "
                        + "another program, or a clean-up of hidden folders?); nothing is moved into place; run again");
            }
        }
    }

    @Override
    public void close() {
        done = true;
    }
}

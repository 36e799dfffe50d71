package dev.augment.generate.output;

import dev.augment.data.ClassMap;
import dev.augment.schema.SampleSchema;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file side of the CSV writers ({@link CsvSampleWriter}, {@link TableCsvSampleWriter}): creates
 * {@code DIR/samples.csv} with its header line, appends encoded batches in order, and on
 * {@link #finish()} writes the {@link ClassMap} ({@code DIR/classes.csv}) of the classes written. What a row
 * holds is the writers' business.
 */
final class CsvFile implements AutoCloseable {

    private final SampleSchema schema;
    private final Path dir;
    private final boolean[] classesWritten;
    private final BufferedOutputStream out;
    /** The file itself: closed even when closing the writer fails (the JDK's encoder skips it on a full disk). */
    private final OutputStream file;
    private boolean done;

    /**
     * @param dir the folder to write into; created when missing
     * @param schema the samples' schema (its classes, for the class map)
     * @param header the header line without its line break
     * @throws IOException when the file cannot be created or the header written; nothing stays open then
     */
    CsvFile(Path dir, SampleSchema schema, String header) throws IOException {
        this.schema = schema;
        this.dir = dir;
        this.classesWritten = new boolean[schema.classCount()];
        Files.createDirectories(dir);
        this.file = Files.newOutputStream(dir.resolve(CsvSampleWriter.FILE));
        this.out = new BufferedOutputStream(file, 1 << 16);
        try {
            out.write((header + '\n').getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** @see SampleWriter#write */
    void write(EncodedBatch batch) throws IOException {
        if (done) {
            throw new IllegalStateException("csv writer is finished or closed");
        }
        for (byte[] chunk : batch.chunks()) {
            out.write(chunk);
        }
        classesWritten[batch.classIndex()] |= batch.count() > 0;
    }

    /** @see SampleWriter#finish */
    void finish() throws IOException {
        if (done) {
            throw new IllegalStateException("csv writer is finished or closed");
        }
        done = true;
        out.flush();
        RemovedWhileWriting.requireThere(dir, CsvSampleWriter.FILE);
        ClassMap.of(schema, classesWritten, null).write(dir);
    }

    @Override
    public void close() throws IOException {
        done = true;
        try {
            out.close();
        } finally {
            file.close();
        }
    }
}

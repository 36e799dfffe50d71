/**
 * Writes generated samples to disk for {@code augment generate --format png|idx|csv --out DIR}.
 *
 * <p>Samples arrive in batches of one class, as floats already in the schema's own feature scale,
 * row-major, {@link dev.augment.schema.SampleSchema#featureCount()} values per sample. A
 * {@link dev.augment.generate.output.SampleWriter} (opened by
 * {@link dev.augment.generate.output.SampleWriters#open}) streams them into files inside the work
 * directory of an {@link dev.augment.generate.output.AtomicOutputDirectory}, which moves the finished
 * output into place with one rename, so a failed run never leaves partial output behind. Every
 * writer's {@code finish()} adds {@code classes.csv} ({@link dev.augment.data.ClassMap}), and PNG class
 * folders are named by {@link dev.augment.generate.output.ClassDirectoryNames}. Writing a batch is two
 * steps: {@code encode} (thread-safe, the costly part) gives an
 * {@link dev.augment.generate.output.EncodedBatch}, and {@code write} appends it in order, which lets
 * {@link dev.augment.generate.GenerationPipeline} encode on several threads. A table generator's samples are
 * written by {@link dev.augment.generate.output.TableCsvSampleWriter} in the table's own columns
 * ({@link dev.augment.generate.output.SampleWriters#open(OutputFormat, java.nio.file.Path,
 * dev.augment.schema.SampleSchema, dev.augment.table.TableSchema, long)}).
 *
 * <p>Typical use:
 * <pre>{@code
 * try (AtomicOutputDirectory out = AtomicOutputDirectory.create(target, force)) {
 *     try (SampleWriter writer = SampleWriters.open(format, out.workDir(), schema, total)) {
 *         writer.write(classIndex, samples, count);   // repeatedly
 *         writer.finish();
 *     }
 *     out.commit();   // after the writer is closed, so no file is open during the rename
 * }
 * }</pre>
 */
package dev.augment.generate.output;

/**
 * Labelled image data as Tribuo {@code DataSource<Label>}s, each with the {@link dev.augment.schema.SampleSchema}
 * that describes it: IDX pairs (MNIST, Fashion-MNIST) through Tribuo's own {@code IDXDataSource}, CIFAR-10 binary
 * batches and folders of images, one folder per class.
 *
 * <p>{@link dev.augment.data.DataSources#open} picks the right source for a path. Every source checks its files
 * before reading them and reports a bad file as an {@link dev.augment.errors.InvalidDataException} that names the
 * file and the problem in one line. {@link dev.augment.data.DenseSamples} turns a (sparse) Tribuo source into dense
 * arrays in schema order, and {@link dev.augment.data.DataFingerprint} identifies such data by a stable hash.
 * {@link dev.augment.data.ClassMap} is the {@code classes.csv} that generated output carries, read back by the
 * image-folder source.
 */
package dev.augment.data;

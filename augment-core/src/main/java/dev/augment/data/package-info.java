/**
 * Labelled image data as Tribuo {@code DataSource<Label>}s, each with the {@link dev.augment.schema.SampleSchema}
 * that describes it: IDX pairs (MNIST, Fashion-MNIST) through Tribuo's own {@code IDXDataSource}, CIFAR-10 binary
 * batches and folders of images, one folder per class; and CSV tables through
 * {@link dev.augment.table.CsvTableSource} ({@link dev.augment.data.DataSources#openTable}).
 *
 * <p>{@link dev.augment.data.DataSources#open} picks the right source for a path. Every source checks its files
 * before reading them and reports a bad file as an {@link dev.augment.errors.InvalidDataException} that names the
 * file and the problem in one line; a NaN or infinite value is such a problem, named by file, example and feature.
 * {@link dev.augment.data.DenseSamples} turns a (sparse) Tribuo source into dense arrays in schema order, and
 * {@link dev.augment.data.DataFingerprint} identifies such data by a stable hash;
 * {@link dev.augment.data.SharedExamples} counts the test examples that are also training examples.
 * {@link dev.augment.data.ClassMap} is the {@code classes.csv} that generated output carries, read back by the
 * image-folder and IDX sources; {@link dev.augment.data.AddedExamples} refuses {@code augment oversample}'s output
 * read back as data while it holds added examples, whose flags no reader keeps.
 *
 * <p>Images are decoded to the values Pillow, the reference decoder, gives ({@code ImageDecoder}, with
 * {@code CmykJpegDecoder} for CMYK and YCCK JPEGs); an all-grey folder gives one channel. Every conversion to
 * Tribuo examples goes through {@link dev.augment.data.TribuoExamples}, so that an all-zero image stays a valid
 * example. {@code ImageFolderLayout} decides, from names and listings alone, which sub-folders of an image folder are
 * classes and which files their images.
 */
package dev.augment.data;

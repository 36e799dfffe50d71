package dev.augment.oversample.files;

import dev.augment.schema.SampleSchema;
import dev.augment.table.CsvTableSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * Writes Tribuo examples (real and added, as an {@code AugmentingDataSource} yields them) to a
 * {@link FlaggedSampleWriter}: each example becomes a dense row in the schema's feature order (a missing
 * feature is 0), its label a class index of the schema. Values stay doubles, as Tribuo holds them, so a CSV
 * keeps a table's numbers to the last digit. An example that is, or copies, a table row
 * ({@link CsvTableSource#ROW_KEY}) is written with that row's index, so that a table writer can spell it as the CSV
 * did.
 */
public final class OversampledFiles {

    private OversampledFiles() {
    }

    /**
     * @param examples the examples, in the order to write
     * @param schema their schema: feature names and labels
     * @param isSynthetic which examples were added
     * @param writer where they go; finished here
     * @param progress told after each example, with 1
     * @return per class index, {real, added} counts written
     * @throws IOException when a file cannot be written
     * @throws IllegalArgumentException when an example has a label or feature the schema does not know
     */
    public static long[][] write(Iterable<Example<Label>> examples, SampleSchema schema,
                                 Predicate<Example<Label>> isSynthetic, FlaggedSampleWriter writer,
                                 LongConsumer progress) throws IOException {
        long[][] counts = write(examples, schema, isSynthetic, e -> false, writer, progress);
        return java.util.Arrays.stream(counts).map(c -> java.util.Arrays.copyOf(c, 2)).toArray(long[][]::new);
    }

    /**
     * As {@link #write(Iterable, SampleSchema, Predicate, FlaggedSampleWriter, LongConsumer)}, with the examples that
     * are generated data given as data written by {@link FlaggedSampleWriter#writeGenerated} (a PNG writer marks them).
     *
     * @param examples the examples, in the order to write
     * @param schema their schema: feature names and labels
     * @param isSynthetic which examples were added
     * @param isGenerated which examples are generated data (a marked PNG file's, or all of generate's output)
     * @param writer where they go; finished here
     * @param progress told after each example, with 1
     * @return per class index, {real, added, generated, generated flagged real} counts written (generated: those
     *     {@code isGenerated} names, flagged real or added: a reader of the output without its flags takes every one
     *     for real; the last, those of them flagged real, synthetic 0, as data the run was given)
     * @throws IOException when a file cannot be written
     * @throws IllegalArgumentException when an example has a label or feature the schema does not know
     */
    public static long[][] write(Iterable<Example<Label>> examples, SampleSchema schema,
                                 Predicate<Example<Label>> isSynthetic, Predicate<Example<Label>> isGenerated,
                                 FlaggedSampleWriter writer, LongConsumer progress) throws IOException {
        Map<String, Integer> classIndex = indexOf(schema.labels().toArray(String[]::new));
        Map<String, Integer> featureIndex = indexOf(schema.featureNames().toArray(String[]::new));
        long[][] counts = new long[schema.classCount()][4];
        double[] row = new double[schema.featureCount()];
        double[] absent = new double[row.length];
        for (int d = 0; d < absent.length; d++) {
            absent[d] = writer.absentValue(d);
        }
        for (Example<Label> example : examples) {
            Integer c = classIndex.get(example.getOutput().getLabel());
            if (c == null) {
                throw new IllegalArgumentException("example label '" + example.getOutput().getLabel()
                        + "' is not among the schema's labels " + schema.labels());
            }
            System.arraycopy(absent, 0, row, 0, row.length);
            for (Feature feature : example) {
                Integer d = featureIndex.get(feature.getName());
                if (d == null) {
                    throw new IllegalArgumentException("example feature '" + feature.getName()
                            + "' is not a feature of the schema");
                }
                row[d] = feature.getValue();
            }
            boolean synthetic = isSynthetic.test(example);
            java.util.Optional<String> sourceRow = example.getMetadataValue(CsvTableSource.ROW_KEY)
                    .map(Object::toString);
            boolean generated = isGenerated.test(example);
            writer.nextSource(example.getMetadataValue(dev.augment.data.ImageFolderSource.FILE_KEY)
                    .map(Object::toString).orElse(null));
            if (sourceRow.isPresent()) {
                writer.write(c, row, synthetic, Integer.parseInt(sourceRow.get()));
            } else if (generated) {
                writer.writeGenerated(c, row, synthetic);
            } else {
                writer.write(c, row, synthetic);
            }
            counts[c][synthetic ? 1 : 0]++;
            counts[c][2] += generated ? 1 : 0;
            counts[c][3] += generated && !synthetic ? 1 : 0;
            progress.accept(1);
        }
        writer.finish();
        return counts;
    }

    private static Map<String, Integer> indexOf(String[] names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
        return index;
    }
}

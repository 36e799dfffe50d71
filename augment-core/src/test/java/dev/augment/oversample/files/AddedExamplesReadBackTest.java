package dev.augment.oversample.files;

import dev.augment.data.AddedExamples;
import dev.augment.data.DataSources;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.errors.InvalidDataException;
import dev.augment.generate.output.OutputFormat;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import dev.augment.schema.SampleSchema;
import dev.augment.table.TableReader;
import dev.augment.tribuo.AugmentationPolicy;
import dev.augment.tribuo.AugmentingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * oversample's output read back as data ({@link AddedExamples}): refused while it holds added examples, in every
 * format, and read as real data when every flag is 0.
 */
class AddedExamplesReadBackTest {

    @TempDir
    Path dir;

    private static SampleSchema schema() {
        List<String> features = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            features.add(Integer.toString(i));
        }
        return new SampleSchema(features, List.of(1, 2, 2), 0, 255, List.of("a", "b"), List.of("a", "b"));
    }

    /** Writes 2 real examples of each class and {@code added} added ones of class b. */
    private Path write(OutputFormat format, int added) throws IOException {
        Path out = dir.resolve(format.name() + added);
        Files.createDirectories(out);
        try (FlaggedSampleWriter writer = FlaggedSampleWriters.open(format, out, schema(), 4L + added)) {
            for (int i = 0; i < 4; i++) {
                writer.write(i % 2, new double[] {10 * i, 1, 2, 3}, false);
            }
            for (int i = 0; i < added; i++) {
                writer.write(1, new double[] {7, 7, 7, 7}, true);
            }
            writer.finish();
        }
        return out;
    }

    /** Reads an output as any command's --data does: the folder, or a CSV as a table with label column "label". */
    private static SchemaDataSource read(OutputFormat format, Path out) {
        return format == OutputFormat.CSV
                ? DataSources.open(out.resolve("samples.csv"), Split.TRAIN, null, "label", Map.of())
                : DataSources.open(out, Split.TRAIN, null);
    }

    @ParameterizedTest
    @EnumSource(OutputFormat.class)
    void outputWithAddedExamplesIsRefusedAndWithoutIsRead(OutputFormat format) throws IOException {
        Path flagged = write(format, 3);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> read(format, flagged));
        assertTrue(e.getMessage().contains(": this is augment oversample's output: ")
                && (e.getMessage().contains(" flags 3 of 7 examples as added") // a flags file beside
                || e.getMessage().contains("3 of its 7 rows were added")), e.getMessage());

        Path realOnly = write(format, 0);
        SchemaDataSource back = read(format, realOnly);
        long examples = 0;
        for (var ignored : back) {
            examples++;
        }
        assertEquals(4, examples, "every flag 0: the real examples, read as data");
    }

    /**
     * The refusal's own fix, the flags deleted, left an IDX or PNG output that the next reader called generate's
     * output, "every example in it generated", though no generator had run (a fresh user, 6 Dec): it names the class
     * map too, and without both the output is read as real data without that word.
     */
    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"IDX", "PNG"})
    void theRefusalsFixLeavesNoLayoutThatReadsAsGeneratesOutput(OutputFormat format) throws IOException {
        Path flagged = write(format, 3);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> read(format, flagged));
        assertTrue(e.getMessage().contains(" and classes.csv (beside "), e.getMessage());
        Files.deleteIfExists(flagged.resolve(dev.augment.data.AddedExamples.IDX_FLAGS));
        Files.deleteIfExists(flagged.resolve(dev.augment.data.AddedExamples.CSV_FLAGS));
        assertTrue(dev.augment.data.GeneratedOutput.describe(flagged).isPresent(), "the class map alone still looks "
                + "like generate's layout, which the message says");
        Files.delete(flagged.resolve("classes.csv"));
        assertEquals(java.util.Optional.empty(), dev.augment.data.GeneratedOutput.describe(flagged));
    }

    /** samples.csv copied on its own, without its classes.csv: its added rows were read as real (a re-check, 6 Dec). */
    @Test
    void anImageCsvCopiedWithoutItsClassMapIsRefusedToo(@org.junit.jupiter.api.io.TempDir Path elsewhere)
            throws IOException {
        Path flagged = write(OutputFormat.CSV, 3);
        Path alone = Files.copy(flagged.resolve("samples.csv"), elsewhere.resolve("samples.csv"));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> DataSources.open(alone, Split.TRAIN,
                null, "label", Map.of()));
        assertTrue(e.getMessage().contains("3 of its 7 rows were added"), e.getMessage());
    }

    @Test
    void tribuosOwnIdxReaderOverTheOutputIsRefusedByThePlugin() throws IOException {
        // a fresh user (4 Dec): IDXDataSource over oversample's IDX output, wrapped again, counted the copies as real
        Path out = write(OutputFormat.IDX, 3);
        org.tribuo.datasource.IDXDataSource<org.tribuo.classification.Label> idx =
                new org.tribuo.datasource.IDXDataSource<>(out.resolve("images-idx3-ubyte"),
                        out.resolve("labels-idx1-ubyte"), new org.tribuo.classification.LabelFactory());
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new AugmentingDataSource(idx,
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
        assertTrue(e.getMessage().contains(": this is augment oversample's output: its synthetic-idx1-ubyte "
                + "flags 3 of 7"),
                e.getMessage());

        // a copy in a ListDataSource (the README's advice for one-shot sources) and an AggregateDataSource keep the
        // IDX source's provenance, so they are refused too
        List<org.tribuo.Example<org.tribuo.classification.Label>> copied = new ArrayList<>();
        idx.forEach(copied::add);
        org.tribuo.datasource.ListDataSource<org.tribuo.classification.Label> copy =
                new org.tribuo.datasource.ListDataSource<>(copied, new org.tribuo.classification.LabelFactory(),
                        idx.getProvenance());
        org.tribuo.datasource.AggregateDataSource<org.tribuo.classification.Label> joined =
                new org.tribuo.datasource.AggregateDataSource<>(List.of(idx));
        for (org.tribuo.DataSource<org.tribuo.classification.Label> wrapper : List.of(copy, joined)) {
            InvalidDataException w = assertThrows(InvalidDataException.class, () -> new AugmentingDataSource(wrapper,
                    AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
            assertTrue(w.getMessage().contains("flags 3 of 7"), w.getMessage());
        }

        Path realOnly = write(OutputFormat.IDX, 0);
        new AugmentingDataSource(new org.tribuo.datasource.IDXDataSource<>(realOnly.resolve("images-idx3-ubyte"),
                realOnly.resolve("labels-idx1-ubyte"), new org.tribuo.classification.LabelFactory()),
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f);
    }

    @Test
    void anIdxOutputWhoseFilesWereAllGzippedIsRefusedToo() throws IOException {
        // a fresh user (4 Dec): gzip *-ubyte left synthetic-idx1-ubyte.gz, and the folder was read as real data
        Path out = write(OutputFormat.IDX, 3);
        for (String name : List.of("images-idx3-ubyte", "labels-idx1-ubyte", AddedExamples.IDX_FLAGS)) {
            try (java.io.OutputStream gz = new java.util.zip.GZIPOutputStream(Files.newOutputStream(
                    out.resolve(name + ".gz")))) {
                Files.copy(out.resolve(name), gz);
            }
            Files.delete(out.resolve(name));
        }
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> read(OutputFormat.IDX, out));
        assertTrue(e.getMessage().contains("flags 3 of 7 examples as added"), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"PNG", "IDX"})
    void deletingTheFlagsReadsEveryExampleAsReal(OutputFormat format) throws IOException {
        Path out = write(format, 3);
        Files.delete(out.resolve(format == OutputFormat.IDX ? AddedExamples.IDX_FLAGS : AddedExamples.CSV_FLAGS));
        long examples = 0;
        for (var ignored : read(format, out)) {
            examples++;
        }
        assertEquals(7, examples);
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = {"PNG"})
    void aSyntheticCsvOfAnotherLayoutIsTheUsersOwn(OutputFormat format) throws IOException {
        Path out = write(format, 3);
        Files.writeString(out.resolve(AddedExamples.CSV_FLAGS), "id,score\n1,1\n");
        long examples = 0;
        for (var ignored : read(format, out)) {
            examples++;
        }
        assertEquals(7, examples);
    }

    @org.junit.jupiter.api.Test
    void aTableWithTheFlagColumnRemovedIsRead() throws IOException {
        Path out = write(OutputFormat.CSV, 3);
        Path csv = out.resolve("samples.csv");
        List<String> lines = Files.readAllLines(csv);
        Files.write(csv, lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList());
        assertEquals(7, TableReader.read(csv, "label").rows());
    }
}

package dev.augment.generate.output;

import dev.augment.data.ClassMap;
import dev.augment.data.DataSources;
import dev.augment.data.DenseSamples;
import dev.augment.data.IdxImageSource;
import dev.augment.data.ImageFolderSource;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.data.csv.CSVIterator;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every output format carries classes.csv, so reading it back gives the generator's labels and names. */
class ClassMapRoundTripTest {

    private static final List<String> NAMES = List.of("T-shirt/top", "a,b \"q\"", "Ünïcödé", "犬", "猫", "A B");
    private static final List<String> LABELS = List.of("tee", "quoted, label", "u", "dog", "cat", "7");
    /** Classes written, out of index order; class 2 is left out. */
    private static final int[] WRITTEN = {4, 0, 1, 3, 5};

    private static SampleSchema schema() {
        SampleSchema base = TestSchemas.image(1, 2, 2, 0, 255, NAMES);
        return new SampleSchema(base.featureNames(), base.shape(), 0, 255, LABELS, NAMES);
    }

    private static Path write(OutputFormat format, Path dir) throws IOException {
        try (SampleWriter writer = SampleWriters.open(format, dir, schema(), 2L * WRITTEN.length)) {
            for (int c : WRITTEN) {
                writer.write(c, new float[] {c, 10, 20, 30, c, 11, 21, 31}, 2);
            }
            writer.finish();
        }
        return dir;
    }

    @Test
    void pngFoldersReadBackWithTheGeneratorsLabelsAndNames(@TempDir Path dir) throws IOException {
        Path out = write(OutputFormat.PNG, dir.resolve("png"));
        ImageFolderSource back = new ImageFolderSource(out);
        assertEquals(List.of("tee", "quoted, label", "dog", "cat", "7"), back.schema().labels(), "index order");
        assertEquals(List.of("T-shirt/top", "a,b \"q\"", "犬", "猫", "A B"), back.schema().classNames());
        DenseSamples samples = DenseSamples.from(back, back.schema());
        for (int i = 0; i < samples.size(); i++) {
            String label = back.schema().labels().get(samples.classIndices()[i]);
            int original = LABELS.indexOf(label);
            assertEquals(original, Math.round(samples.features()[i][0]), "pixel 0 holds the class index");
        }
    }

    @Test
    void idxLabelsMapBackThroughTheClassMap(@TempDir Path dir) throws IOException {
        Path out = write(OutputFormat.IDX, dir);
        ClassMap map = ClassMap.read(out.resolve(ClassMap.FILE));
        assertTrue(map.entries().stream().allMatch(e -> e.folder().isEmpty()));
        // the folder, as any command's --data gives it: augment's own IDX names and the classes.csv beside them
        SchemaDataSource back = DataSources.open(out, Split.TRAIN, null);
        assertTrue(back instanceof IdxImageSource, back.toString());
        List<String> labels = new ArrayList<>();
        for (Example<Label> example : back) {
            labels.add(example.getOutput().getLabel());
        }
        assertEquals(List.of("cat", "cat", "tee", "tee", "quoted, label", "quoted, label", "dog", "dog", "7", "7"),
                labels, "each byte is the map's label of that index, not the index");
        assertEquals(List.of("tee", "quoted, label", "dog", "cat", "7"), back.schema().labels(), "index order");
        assertEquals(List.of("T-shirt/top", "a,b \"q\"", "犬", "猫", "A B"), back.schema().classNames());
        // the images-file,labels-file form reads the map beside the labels file too
        IdxImageSource pair = new IdxImageSource(out.resolve(IdxSampleWriter.IMAGES_FILE),
                out.resolve(IdxSampleWriter.LABELS_FILE));
        assertEquals(back.schema().labels(), pair.schema().labels());
    }

    @Test
    void anIdxByteTheClassMapDoesNotListIsRefused(@TempDir Path dir) throws IOException {
        Path out = write(OutputFormat.IDX, dir);
        List<String> lines = Files.readAllLines(out.resolve(ClassMap.FILE), StandardCharsets.UTF_8);
        lines.removeIf(line -> line.startsWith("3,")); // class index 3, "dog", whose bytes the labels file holds
        Files.write(out.resolve(ClassMap.FILE), lines, StandardCharsets.UTF_8);
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(out, Split.TRAIN, null));
        assertTrue(e.getMessage().contains("class index 3") && e.getMessage().contains("classes.csv"), e.getMessage());
    }

    @Test
    void idxWithoutAClassMapKeepsTheBytesAsLabels(@TempDir Path dir) throws IOException {
        Path out = write(OutputFormat.IDX, dir);
        Files.delete(out.resolve(ClassMap.FILE));
        SchemaDataSource back = DataSources.open(out, Split.TRAIN, null);
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), back.schema().labels());
    }

    @Test
    void csvLabelsMapBackThroughTheClassMap(@TempDir Path dir) throws IOException {
        Path out = write(OutputFormat.CSV, dir);
        ClassMap map = ClassMap.read(out.resolve(ClassMap.FILE));
        List<String> names = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(out.resolve(CsvSampleWriter.FILE), StandardCharsets.UTF_8);
             CSVIterator rows = new CSVIterator(in, ',', '"')) {
            rows.forEachRemaining(row -> names.add(map.names().get(map.labels().indexOf(row.getRowData().get("label")))));
        }
        assertEquals(List.of("猫", "猫", "T-shirt/top", "T-shirt/top", "a,b \"q\"", "a,b \"q\"", "犬", "犬", "A B", "A B"),
                names);
    }

    @Test
    void classMapIsQuotedCsvThatOtherToolsRead(@TempDir Path dir) throws IOException {
        Path out = write(OutputFormat.PNG, dir);
        List<String> lines = Files.readAllLines(out.resolve(ClassMap.FILE), StandardCharsets.UTF_8);
        assertEquals("index,label,name,folder", lines.get(0));
        assertEquals("1,\"quoted, label\",\"a,b \"\"q\"\"\",\"a,b \"\"q\"\"\"", lines.get(2));
        assertEquals("0,\"tee\",\"T-shirt/top\",\"T-shirt_top\"", lines.get(1));
    }

    @Test
    void aFolderTheClassMapDoesNotListIsRefused(@TempDir Path dir) throws IOException {
        Path out = write(OutputFormat.PNG, dir);
        Files.createDirectories(out.resolve("stray"));
        Files.copy(out.resolve("A B").resolve("000001.png"), out.resolve("stray").resolve("x.png"));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(out));
        assertTrue(e.getMessage().contains("classes.csv") && e.getMessage().contains("'stray'"), e.getMessage());
    }

    @Test
    void aNamesListMustAgreeWithTheClassMap(@TempDir Path dir) throws IOException {
        Path out = write(OutputFormat.PNG, dir.resolve("png"));
        // the map's names in another order: each image would take another class's name
        Path swapped = Files.writeString(dir.resolve("swapped.txt"), "a,b \"q\"\nT-shirt/top\n犬\n猫\nA B\n");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> new ImageFolderSource(out, swapped.toString()));
        assertTrue(e.getMessage().contains("names class 0 'a,b \"q\"'") && e.getMessage().contains("T-shirt/top"),
                e.getMessage());
        Path idx = write(OutputFormat.IDX, dir.resolve("idx"));
        assertThrows(InvalidSettingException.class, () -> DataSources.open(idx, Split.TRAIN, swapped.toString()));
        // the map's own names (case and punctuation aside) are accepted
        Path same = Files.writeString(dir.resolve("same.txt"), "t-shirt top\na,b \"q\"\n犬\n猫\nA B\n");
        ImageFolderSource back = new ImageFolderSource(out, same.toString());
        assertArrayEquals(new String[] {"tee", "quoted, label", "dog", "cat", "7"},
                back.schema().labels().toArray(new String[0]));
    }
}

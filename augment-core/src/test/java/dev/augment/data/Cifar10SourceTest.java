package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Cifar10SourceTest {

    /** Two records of each class 0..9. */
    private static final int[] LABELS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void readsLabelsAndSchemaOfOneBatch(@TempDir Path dir) {
        Path batch = TestFiles.write(dir.resolve("data_batch_1.bin"), TestFiles.cifar(LABELS));

        Cifar10Source source = new Cifar10Source(batch);
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertEquals(20, source.size());
        assertArrayEquals(LABELS, samples.classIndices());
        assertEquals(List.of(3, 32, 32), source.schema().shape());
        assertEquals("0000", source.schema().featureNames().get(0));
        assertEquals("3071", source.schema().featureNames().get(3071));
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), source.schema().labels());
        assertEquals(ClassNames.CIFAR10, source.schema().classNames());
        assertEquals("truck", source.schema().classNames().get(9));
        assertEquals(255.0, source.schema().maxValue());
    }

    /** A batch file of GBs ran the heap out with advice to give Java more (a fresh user, 6 Dec). */
    @Test
    void aBatchFileOfGigabytesIsRefusedNamingIt(@TempDir Path dir) {
        Path batch = TestFiles.write(dir.resolve("data_batch_1.bin"), TestFiles.cifar(LABELS));
        TestFiles.growSparse(batch, 3_000_000_000L);
        InvalidDataException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidDataException.class,
                () -> new Cifar10Source(batch));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("data_batch_1.bin: 3.0 GB, more than a "
                + "CIFAR-10 batch augment reads (1024 MB; the dataset's batches are 30.7 MB each)"), e.getMessage());
    }

    @Test
    void putsKnownPixelAtItsChannelRowColumnFeature(@TempDir Path dir) {
        byte[] bytes = TestFiles.cifar(5, 2);
        Arrays.fill(bytes, 1, Cifar10Source.RECORD_BYTES, (byte) 0);
        // Record 0: green channel (1), row 5, column 7 = 200; file offset 1 (label) + 1024 + 5 * 32 + 7.
        bytes[1 + 1024 + 5 * 32 + 7] = (byte) 200;
        Path batch = TestFiles.write(dir.resolve("b.bin"), bytes);

        Cifar10Source source = new Cifar10Source(batch);
        Example<Label> first = source.iterator().next();

        assertEquals("5", first.getOutput().getLabel());
        assertEquals(1, first.size(), "zero pixels are left out, as in Tribuo's IDX reader");
        Feature pixel = first.iterator().next();
        assertEquals("1191", pixel.getName());
        assertEquals(200.0, pixel.getValue());
        float[] dense = DenseSamples.from(source, source.schema()).features()[0];
        assertEquals(200f, dense[1191]);
        assertEquals(0f, dense[1190]);
    }

    /**
     * Batches of apple and pear were given CIFAR-10's names, their batches.meta.txt ignored (a fresh user, 5 Dec); then
     * refused, told to give 10 names and to allow 8 empty classes (a fresh user, 7 Dec): the meta file's classes are
     * the data's, when its labels are all among them; else the refusal stands.
     */
    @Test
    void aMetaFileNamingOtherClassesGivesThemAndCifarTensIsRead(@TempDir Path dir) throws Exception {
        Path batch = TestFiles.write(dir.resolve("data_batch_1.bin"), TestFiles.cifar(0, 1, 0, 1));
        java.nio.file.Files.writeString(dir.resolve(Cifar10Source.META), "apple\npear\n\n");
        Cifar10Source fruit2 = new Cifar10Source(batch);
        assertEquals(List.of("apple", "pear"), fruit2.schema().classNames());
        assertEquals(List.of("0", "1"), fruit2.schema().labels());
        Path beyond = TestFiles.write(dir.resolve("data_batch_2.bin"), TestFiles.cifar(0, 1, 2));
        dev.augment.errors.InvalidDataException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidDataException.class, () -> new Cifar10Source(beyond));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("names 2 classes (labels 0 to 1) but the "
                + "batches hold label 2; add a line naming each label up to 2"), "a label beyond its names: "
                + e.getMessage());
        // --names names the meta file's classes: they were 10 again with it (a re-check, 7 Dec)
        Path two = java.nio.file.Files.writeString(dir.resolve("two.txt"), "Apple\nPear\n");
        assertEquals(List.of("Apple", "Pear"), new Cifar10Source(List.of(batch), two.toString()).schema().classNames());
        java.nio.file.Files.writeString(dir.resolve(Cifar10Source.META), String.join("\n", ClassNames.CIFAR10)
                + "\n\n");
        assertEquals(ClassNames.CIFAR10, new Cifar10Source(batch).schema().classNames(), "CIFAR-10's own meta file");
        // another data set's meta file, its names in another order given as --names: classes swapped without a word
        List<String> fruit = List.of("apple", "pear", "plum", "fig", "kiwi", "lime", "date", "grape", "melon", "peach");
        java.nio.file.Files.writeString(dir.resolve(Cifar10Source.META), String.join("\n", fruit));
        Path names = dir.resolve("names.txt");
        List<String> swapped = new java.util.ArrayList<>(fruit);
        java.util.Collections.swap(swapped, 2, 3);
        java.nio.file.Files.writeString(names, String.join("\n", swapped));
        dev.augment.errors.InvalidDataException reordered = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidDataException.class, () -> new Cifar10Source(List.of(batch),
                        names.toString()));
        org.junit.jupiter.api.Assertions.assertTrue(reordered.getMessage().contains("names the classes of --names in "
                + "another order (label 2 is 'plum' there, 'fig' in --names)"), reordered.getMessage());
        java.nio.file.Files.writeString(names, String.join("\n", fruit));
        assertEquals(fruit, new Cifar10Source(List.of(batch), names.toString()).schema().classNames());
    }

    @Test
    void readsBatchesInTheOrderGiven(@TempDir Path dir) {
        Path one = TestFiles.write(dir.resolve("one.bin"), TestFiles.cifar(1, 1));
        Path two = TestFiles.write(dir.resolve("two.bin"), TestFiles.cifar(7, 7, 7));

        Cifar10Source source = new Cifar10Source(List.of(two, one), null);

        assertArrayEquals(new int[] {7, 7, 7, 1, 1}, DenseSamples.from(source, source.schema()).classIndices());
    }

    @Test
    void iteratesAgainWithEqualExamples(@TempDir Path dir) {
        Path batch = TestFiles.write(dir.resolve("b.bin"), TestFiles.cifar(LABELS));
        Cifar10Source source = new Cifar10Source(batch);

        DataFingerprint first = DataFingerprint.of(DenseSamples.from(source, source.schema()));
        DataFingerprint second = DataFingerprint.of(DenseSamples.from(source, source.schema()));

        assertEquals(first, second);
        Iterator<Example<Label>> it = source.iterator();
        for (int i = 0; i < LABELS.length; i++) {
            it.next();
        }
        assertFalse(it.hasNext());
    }

    @Test
    void refusesMissingFileNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("data_batch_9.bin");

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new Cifar10Source(missing));

        assertTrue(e.getMessage().contains("data_batch_9.bin") && e.getMessage().contains("not found"),
                e.getMessage());
    }

    @Test
    void refusesSizeThatIsNotWholeRecords(@TempDir Path dir) {
        byte[] bytes = TestFiles.cifar(LABELS);
        Path batch = TestFiles.write(dir.resolve("cut.bin"), Arrays.copyOf(bytes, bytes.length - 100));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new Cifar10Source(batch));

        assertTrue(e.getMessage().contains("cut.bin") && e.getMessage().contains("truncated")
                && e.getMessage().contains("2973 bytes left over"), e.getMessage());
    }

    @Test
    void refusesLabelByteAboveNine(@TempDir Path dir) {
        Path batch = TestFiles.write(dir.resolve("hundred.bin"), TestFiles.cifar(3, 10));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new Cifar10Source(batch));

        assertTrue(e.getMessage().contains("hundred.bin") && e.getMessage().contains("record 1")
                && e.getMessage().contains("label byte 10"), e.getMessage());
    }
}

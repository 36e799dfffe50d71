package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxImageSourceTest {

    private static final Path IMAGES = TestFiles.SAMPLE.resolve("train-images-idx3-ubyte.gz");
    private static final Path LABELS = TestFiles.SAMPLE.resolve("train-labels-idx1-ubyte.gz");

    @Test
    void readsCheckedInSampleAsHundredImagesPerClass() {
        IdxImageSource source = new IdxImageSource(IMAGES, LABELS);
        SampleSchema schema = source.schema();
        DenseSamples samples = DenseSamples.from(source, schema);

        assertEquals(1000, source.size());
        assertEquals(1000, samples.size());
        int[] hundreds = new int[10];
        Arrays.fill(hundreds, 100);
        assertArrayEquals(hundreds, samples.countsPerClass());
        assertEquals(List.of(1, 28, 28), schema.shape());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), schema.labels());
        assertEquals(ClassNames.FASHION_MNIST, schema.classNames(), "path contains 'fashion'");
        assertEquals(0.0, schema.minValue());
        assertEquals(255.0, schema.maxValue());
    }

    @Test
    void featureNamesAreThoseTribuosIdxDataSourceProduces() throws Exception {
        SampleSchema schema = new IdxImageSource(IMAGES, LABELS).schema();
        IDXDataSource<Label> tribuo = new IDXDataSource<>(IMAGES, LABELS, new LabelFactory());

        assertEquals(784, schema.featureCount());
        assertEquals("000", schema.featureNames().get(0));
        assertEquals("783", schema.featureNames().get(783));
        int seen = 0;
        for (Example<Label> example : tribuo) {
            for (Feature feature : example) {
                // Tribuo names pixel i "%03d" of i: it must sit at index i of the schema.
                assertEquals(feature.getName(), schema.featureNames().get(Integer.parseInt(feature.getName())));
                seen++;
            }
        }
        assertTrue(seen > 100_000, "the sample has non-zero pixels");
    }

    /**
     * Labels 0–2 of a folder named after fashion take Fashion-MNIST's names only in its 28×28 shape: a shop's own 8×8
     * set in fashion-shop/ was called T-shirts and trousers (a re-check, 6 Dec night).
     */
    @Test
    void aSubsetTakesFashionNamesOnlyInFashionMnistsShape(@TempDir Path dir) {
        Path shop = dir.resolve("fashion-shop");
        Path images = TestFiles.write(shop.resolve("train-images-idx3-ubyte"), TestFiles.idxImages(3, 2, 5));
        Path labels = TestFiles.write(shop.resolve("train-labels-idx1-ubyte"), TestFiles.idxLabels(2, 0, 1));
        assertEquals(List.of("0", "1", "2"), new IdxImageSource(images, labels).schema().classNames());
        Path fashion = dir.resolve("fashion-subset");
        Path big = TestFiles.write(fashion.resolve("train-images-idx3-ubyte"), TestFiles.idxImages(3, 28, 28));
        Path bigLabels = TestFiles.write(fashion.resolve("train-labels-idx1-ubyte"), TestFiles.idxLabels(2, 0, 1));
        assertEquals(ClassNames.FASHION_MNIST.subList(0, 3), new IdxImageSource(big, bigLabels).schema().classNames());
    }

    @Test
    void readsRawFilesWithPixelValuesInPlace(@TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("images.idx"), TestFiles.idxImages(3, 2, 5));
        Path labels = TestFiles.write(dir.resolve("labels.idx"), TestFiles.idxLabels(2, 0, 2));

        IdxImageSource source = new IdxImageSource(images, labels);
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertEquals(List.of("00", "01", "02", "03", "04", "05", "06", "07", "08", "09"),
                source.schema().featureNames());
        assertEquals(List.of("0", "1", "2"), source.schema().labels(), "K = largest label + 1");
        assertEquals(List.of("0", "1", "2"), source.schema().classNames(), "digits when not fashion");
        assertArrayEquals(new int[] {2, 0, 2}, samples.classIndices());
        assertArrayEquals(new float[] {2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, samples.features()[2]);
    }

    @Test
    void imagesInNumpysHeightWidthChannelsOrderAreRefusedNotReadAsManyChannels(@TempDir Path dir) {
        // a fresh user (4 Dec): (N, 32, 32, 3) from NumPy trained a model of 32 channels of 32×3 images
        Path images = TestFiles.write(dir.resolve("images.idx"), TestFiles.idx(0x08, new int[] {2, 8, 8, 3},
                new byte[2 * 8 * 8 * 3]));
        Path labels = TestFiles.write(dir.resolve("labels.idx"), TestFiles.idxLabels(1, 0));
        dev.augment.errors.InvalidDataException e = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> new IdxImageSource(images, labels));
        assertTrue(e.getMessage().contains("images of shape [8, 8, 3] look like (height, width, channels)"),
                e.getMessage());
    }

    @Test
    void readsFourDimensionalImagesAsChannelsRowsColumns(@TempDir Path dir) {
        // 2 images of 3 channels x 2 rows x 2 columns (the layout generate --format idx writes for colour);
        // pixel i of image n is (n + i) % 256, so image 1 holds 1..12.
        byte[] payload = new byte[2 * 12];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i / 12 + i % 12);
        }
        Path images = TestFiles.write(dir.resolve("images.idx"), TestFiles.idx(0x08, new int[] {2, 3, 2, 2}, payload));
        Path labels = TestFiles.write(dir.resolve("labels.idx"), TestFiles.idxLabels(1, 0));

        IdxImageSource source = new IdxImageSource(images, labels);
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertEquals(List.of(3, 2, 2), source.schema().shape());
        assertEquals(List.of("00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"),
                source.schema().featureNames());
        assertEquals(0.0, source.schema().minValue());
        assertEquals(255.0, source.schema().maxValue());
        assertArrayEquals(new int[] {1, 0}, samples.classIndices());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, samples.features()[1]);
    }

    @Test
    void nonFinitePixelOfAColourImageIsNamedWithItsChannel(@TempDir Path dir) {
        java.nio.ByteBuffer payload = java.nio.ByteBuffer.allocate(2 * 3 * 2 * 2 * 4);
        for (int i = 0; i < 24; i++) {
            payload.putFloat(i == 12 + 4 + 3 ? Float.NaN : i);
        }
        Path images = TestFiles.write(dir.resolve("images.idx"),
                TestFiles.idx(0x0D, new int[] {2, 3, 2, 2}, payload.array()));
        Path labels = TestFiles.write(dir.resolve("labels.idx"), TestFiles.idxLabels(0, 1));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(images, labels));

        assertTrue(e.getMessage().startsWith(images + ": image 1, feature '07' (the pixel at channel 1, row 1, "
                + "column 1) is NaN"), e.getMessage());
    }

    /** Pixels of 0..255 stored as int32 gave a model of range ±2.1e9, generating values far beyond (5 Dec). */
    @Test
    void shortAndIntImagesTakeTheObservedRange(@TempDir Path dir) {
        java.nio.ByteBuffer ints = java.nio.ByteBuffer.allocate(2 * 2 * 2 * 4);
        java.nio.ByteBuffer shorts = java.nio.ByteBuffer.allocate(2 * 2 * 2 * 2);
        for (int i = 0; i < 8; i++) {
            ints.putInt(i * 30 - 50);
            shorts.putShort((short) (i * 10));
        }
        Path labels = TestFiles.write(dir.resolve("labels.idx"), TestFiles.idxLabels(0, 1));
        IdxImageSource int32 = new IdxImageSource(TestFiles.write(dir.resolve("int.idx"),
                TestFiles.idx(0x0C, new int[] {2, 2, 2}, ints.array())), labels);
        assertEquals(-50.0, int32.schema().minValue());
        assertEquals(160.0, int32.schema().maxValue());
        IdxImageSource int16 = new IdxImageSource(TestFiles.write(dir.resolve("short.idx"),
                TestFiles.idx(0x0B, new int[] {2, 2, 2}, shorts.array())), labels);
        assertEquals(0.0, int16.schema().minValue());
        assertEquals(70.0, int16.schema().maxValue());
    }

    /** A float's largest value as a missing-value marker set the range to 3.4e38, silently (a fresh user, 5 Dec). */
    @Test
    void oneValueAThousandTimesBeyondTheRestIsRefused(@TempDir Path dir) {
        java.nio.ByteBuffer payload = java.nio.ByteBuffer.allocate(2 * 2 * 2 * 4);
        for (int i = 0; i < 8; i++) {
            payload.putFloat(i == 5 ? Float.MAX_VALUE : i * 30.5f + 1);
        }
        Path images = TestFiles.write(dir.resolve("images.idx"), TestFiles.idx(0x0D, new int[] {2, 2, 2},
                payload.array()));
        Path labels = TestFiles.write(dir.resolve("labels.idx"), TestFiles.idxLabels(0, 1));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(images, labels));
        assertTrue(e.getMessage().startsWith(images + ": image 1 holds 3.4028234663852886E38, the largest value, "
                + "more than 1000 times beyond every other (the next is 214.5)"), e.getMessage());
    }

    /**
     * The rule's floor of 1 let data all below 1 keep a far value: [0, 0.01] and one 50.0 set the range to 50 (a fresh
     * user, 5 Dec). Far beyond the others' whole range is refused too; a value a few ranges out is kept.
     */
    @Test
    void oneValueFarBeyondTheRangeOfSmallDataIsRefused(@TempDir Path dir) {
        Path labels = TestFiles.write(dir.resolve("labels.idx"), TestFiles.idxLabels(0, 1));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(
                floats(dir.resolve("far.idx"), 50f, 0), labels));
        assertTrue(e.getMessage().contains("image 0 holds 50.0, the largest value, more than 1000 times beyond every "
                + "other (the next is 0.007") && e.getMessage().contains("; the others lie in [0.001"), e.getMessage());
        // the same marker in two cells is as far beyond the rest (a re-check, 5 Dec)
        assertThrows(InvalidDataException.class, () -> new IdxImageSource(floats(dir.resolve("twice.idx"), 50f, 0, 5),
                labels));
        IdxImageSource near = new IdxImageSource(floats(dir.resolve("near.idx"), 0.05f, 0), labels);
        assertEquals(0.05, near.schema().maxValue(), 1e-6);
    }

    /** A float IDX file written little-endian (numpy's tofile) read as values near 0, trained on (6 Dec). */
    @Test
    void aLittleEndianFloatFileIsRefusedAsSuch(@TempDir Path dir) {
        Path labels = TestFiles.write(dir.resolve("labels.idx"), TestFiles.idxLabels(0, 1));
        for (float scale : new float[] {255f, 1f}) {
            java.nio.ByteBuffer payload = java.nio.ByteBuffer.allocate(2 * 2 * 2 * 4)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 8; i++) {
                payload.putFloat(scale * (i + 1) / 9.3f);
            }
            Path file = TestFiles.write(dir.resolve("le" + scale + ".idx"), TestFiles.idx(0x0D, new int[] {2, 2, 2},
                    payload.array()));
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(file, labels));
            assertTrue(e.getMessage().contains("the file looks little-endian"), scale + ": " + e.getMessage());
        }
        // a NaN pixel in a big-endian file is that pixel's fault (bad input 16)
        InvalidDataException nan = assertThrows(InvalidDataException.class, () -> new IdxImageSource(floats(
                dir.resolve("nan.idx"), Float.NaN, 3), labels));
        assertTrue(nan.getMessage().contains("is NaN"), nan.getMessage());
    }

    /** @return a float IDX file of two 2x2 images, values i × 0.001, those at {@code at} replaced by {@code marker} */
    private static Path floats(Path file, float marker, int... at) {
        java.nio.ByteBuffer payload = java.nio.ByteBuffer.allocate(2 * 2 * 2 * 4);
        for (int i = 0; i < 8; i++) {
            int index = i;
            payload.putFloat(java.util.Arrays.stream(at).anyMatch(a -> a == index) ? marker : i * 0.001f);
        }
        return TestFiles.write(file, TestFiles.idx(0x0D, new int[] {2, 2, 2}, payload.array()));
    }

    /**
     * A hand-written classes.csv naming labels 0 and 1 "1" and "0" was taken as given, and --counts 1=2 then grew label
     * 0 (a fresh user, 5 Dec): refused as --names is.
     */
    @Test
    void aClassesCsvWhoseNamesAreOtherClassesLabelsIsRefused(@TempDir Path dir) throws java.io.IOException {
        TestFiles.write(dir.resolve(DataSources.IDX_IMAGES), TestFiles.idxImages(4, 3, 3));
        TestFiles.write(dir.resolve(DataSources.IDX_LABELS), TestFiles.idxLabels(0, 1, 0, 1));
        java.nio.file.Files.writeString(dir.resolve(ClassMap.FILE), "index,label,name,folder\n0,\"0\",\"1\",\"\"\n"
                + "1,\"1\",\"0\",\"\"\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(
                dir.resolve(DataSources.IDX_IMAGES), dir.resolve(DataSources.IDX_LABELS)));
        assertTrue(e.getMessage().startsWith(dir.resolve(ClassMap.FILE) + ": names class 0 (label '0') '1', the label "
                + "of class 1, which would swap their classes"), e.getMessage());
        java.nio.file.Files.writeString(dir.resolve(ClassMap.FILE), "index,label,name,folder\n0,\"0\",\"zero\","
                + "\"\"\n1,\"1\",\"one\",\"\"\n");
        assertEquals(List.of("zero", "one"), new IdxImageSource(dir.resolve(DataSources.IDX_IMAGES),
                dir.resolve(DataSources.IDX_LABELS)).schema().classNames());
    }

    static Stream<Arguments> badPairs() {
        byte[] images = TestFiles.idxImages(4, 3, 3);
        byte[] labels = TestFiles.idxLabels(0, 1, 0, 1);
        return Stream.of(
                bad("missing images", null, labels, "images.idx", "not found"),
                bad("missing labels", images, null, "labels.idx", "not found"),
                bad("magic bytes not zero", patch(images, 0, 0x1F), labels, "images.idx", "wrong magic number"),
                bad("unknown type byte", patch(images, 2, 0x07), labels, "images.idx", "unknown IDX type byte 0x07"),
                bad("images 2-dimensional", TestFiles.idx(0x08, new int[] {4, 9}, new byte[36]), labels,
                        "images.idx", "must be 3-dimensional"),
                bad("images 5-dimensional", TestFiles.idx(0x08, new int[] {4, 1, 1, 3, 3}, new byte[36]), labels,
                        "images.idx", "or 4-dimensional (count, channels, rows, columns) but is 5-dimensional"),
                bad("labels 2-dimensional", images, TestFiles.idx(0x08, new int[] {4, 1}, new byte[4]),
                        "labels.idx", "must be 1-dimensional"),
                bad("pair swapped: labels given as images", labels, labels, "images.idx",
                        "it looks like a labels file; were the images and labels files swapped?"),
                bad("images given twice", images, images, "labels.idx",
                        "it is an images file, not a labels file (its one dimension, the count, holding a label per "
                                + "image); give the labels file (idx1) second: \"images,labels\""),
                bad("truncated images", Arrays.copyOf(images, images.length - 5), labels, "images.idx",
                        "truncated"),
                bad("truncated gzip images", TestFiles.gzip(Arrays.copyOf(images, images.length - 1)), labels,
                        "images.idx", "truncated"),
                bad("gzip stream cut short", cut(TestFiles.gzip(images)), labels, "images.idx", "truncated"),
                bad("truncated labels", images, Arrays.copyOf(labels, labels.length - 1), "labels.idx", "truncated"),
                bad("trailing data", Arrays.copyOf(images, images.length + 3), labels, "images.idx",
                        "trailing data: 3 bytes"),
                bad("float labels", images, TestFiles.idx(0x0D, new int[] {4}, new byte[16]), "labels.idx",
                        "integer IDX type"));
    }

    private static Arguments bad(String name, byte[] images, byte[] labels, String file, String problem) {
        return Arguments.of(name, images, labels, file, problem);
    }

    private static byte[] patch(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) value;
        return copy;
    }

    private static byte[] cut(byte[] bytes) {
        return Arrays.copyOf(bytes, bytes.length - 12);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPairs")
    void refusesBadFileNamingItAndTheProblem(String name, byte[] images, byte[] labels, String file,
                                             String problem, @TempDir Path dir) {
        Path imagesFile = dir.resolve("images.idx");
        Path labelsFile = dir.resolve("labels.idx");
        if (images != null) {
            TestFiles.write(imagesFile, images);
        }
        if (labels != null) {
            TestFiles.write(labelsFile, labels);
        }

        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> new IdxImageSource(imagesFile, labelsFile));

        assertTrue(e.getMessage().contains(file), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertEquals(file, e.file().getFileName().toString());
    }

    @Test
    void refusesCountMismatchNamingBothFilesAndCounts(@TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("imgs.idx"), TestFiles.idxImages(4, 3, 3));
        Path labels = TestFiles.write(dir.resolve("lbls.idx"), TestFiles.idxLabels(0, 1, 0));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(images, labels));

        List<String> parts = new ArrayList<>(List.of("imgs.idx", "lbls.idx", "4 images", "3 labels"));
        parts.removeIf(e.getMessage()::contains);
        assertTrue(parts.isEmpty(), "missing " + parts + " in: " + e.getMessage());
    }

    @Test
    void usesNamesFileWhenGiven(@TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("images.idx"), TestFiles.idxImages(2, 2, 2));
        Path labels = TestFiles.write(dir.resolve("labels.idx"), TestFiles.idxLabels(0, 1));
        Path names = TestFiles.write(dir.resolve("names.txt"), "cat\ndog\n".getBytes());

        IdxImageSource source = new IdxImageSource(images, labels, names.toString());

        assertEquals(List.of("cat", "dog"), source.schema().classNames());
        assertEquals(List.of("0", "1"), source.schema().labels());
    }

    /** Digits under fashion-lab/mnist/ were named as Fashion-MNIST's classes: any folder above counted (5 Dec). */
    @Test
    void fashionNamesComeFromTheFileAndItsFolderOnly() {
        assertTrue(IdxImageSource.namesFashion(
                Path.of("/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz")));
        assertTrue(IdxImageSource.namesFashion(Path.of("/d/fashion/train-images-idx3-ubyte/train-images-idx3-ubyte")),
                "Kaggle's folder of the file's own name: the folder above counts");
        assertTrue(IdxImageSource.namesFashion(Path.of("/d/x/fashion-train-images-idx3-ubyte")));
        org.junit.jupiter.api.Assertions.assertFalse(IdxImageSource.namesFashion(
                Path.of("/home/u/fashion-lab/mnist/train-images-idx3-ubyte")));
    }
}

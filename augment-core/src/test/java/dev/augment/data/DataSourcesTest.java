package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataSourcesTest {

    private static int size(SchemaDataSource source) {
        return DenseSamples.from(source, source.schema()).size();
    }

    @Test
    void opensCheckedInSampleForEachSplit() {
        SchemaDataSource train = DataSources.open(TestFiles.SAMPLE, Split.TRAIN, null);
        SchemaDataSource test = DataSources.open(TestFiles.SAMPLE, Split.TEST, null);

        assertInstanceOf(IdxImageSource.class, train);
        assertEquals(1000, size(train));
        assertEquals(500, size(test));
        assertEquals("Sneaker", test.schema().classNames().get(7));
    }

    @Test
    void defaultsToDigitNamesWhenPathDoesNotSayFashion(@TempDir Path dir) throws Exception {
        Path digits = Files.createDirectories(dir.resolve("digits"));
        for (String name : List.of("t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            Files.copy(TestFiles.SAMPLE.resolve(name), digits.resolve(name));
        }

        SchemaDataSource source = DataSources.open(digits, Split.TEST, null);
        SchemaDataSource named = DataSources.open(digits, Split.TEST, "fashion-mnist");

        assertEquals(ClassNames.MNIST, source.schema().classNames());
        assertEquals(ClassNames.FASHION_MNIST, named.schema().classNames());
    }

    /** Split.TEST of flat class folders read the training examples again, silently (a fresh user, 6 Dec). */
    /**
     * generate's output for classes named train and test (PASCAL VOC has a class train) was refused by every reader
     * as a broken split layout, its classes.csv notwithstanding (a fresh user, 6 Dec).
     */
    @Test
    void classFoldersNamedAsSplitsThatTheClassMapListsAreClasses(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("gv4");
        for (String folder : List.of("bus", "test", "train")) {
            for (int i = 1; i <= 2; i++) {
                TestFiles.grayPng(out.resolve(folder).resolve(String.format("%06d.png", i)), 4, 4, 10 * i);
            }
        }
        Files.writeString(out.resolve("classes.csv"), "index,label,name,folder\n0,\"bus\",\"bus\",\"bus\"\n"
                + "1,\"test\",\"test\",\"test\"\n2,\"train\",\"train\",\"train\"\n");
        SchemaDataSource source = DataSources.open(out, Split.TRAIN, null);
        assertEquals(List.of("bus", "test", "train"), source.schema().classNames());
        assertEquals(6, size(source));
        assertFalse(DataSources.hasTestSplit(out), "no test split of its own");
    }

    @Test
    void aLayoutWithoutATestPartIsToldApart(@TempDir Path dir) throws Exception {
        assertTrue(DataSources.hasTestSplit(TestFiles.SAMPLE), "t10k-* files");
        TestFiles.grayPng(dir.resolve("flat").resolve("a").resolve("0.png"), 2, 2, 1);
        TestFiles.grayPng(dir.resolve("flat").resolve("b").resolve("0.png"), 2, 2, 2);
        assertFalse(DataSources.hasTestSplit(dir.resolve("flat")), "class folders only");
        for (String split : List.of("train", "test")) {
            TestFiles.grayPng(dir.resolve("split").resolve(split).resolve("a").resolve("0.png"), 2, 2, 1);
        }
        assertTrue(DataSources.hasTestSplit(dir.resolve("split")), "train/ and test/");
        TestFiles.write(dir.resolve("own").resolve("images-idx3-ubyte"), TestFiles.idxImages(2, 2, 2));
        TestFiles.write(dir.resolve("own").resolve("labels-idx1-ubyte"), TestFiles.idxLabels(1, 0));
        assertFalse(DataSources.hasTestSplit(dir.resolve("own")), "generate's one IDX pair");
    }

    @Test
    void opensIdxFilesNamedWithADotBeforeTheTypeAsKaggleCopiesAre(@TempDir Path dir) {
        TestFiles.write(dir.resolve("train-images.idx3-ubyte"), TestFiles.idxImages(3, 2, 2));
        TestFiles.write(dir.resolve("train-labels.idx1-ubyte"), TestFiles.idxLabels(0, 1, 1));
        TestFiles.write(dir.resolve("t10k-images.idx3-ubyte"), TestFiles.idxImages(2, 2, 2));
        TestFiles.write(dir.resolve("t10k-labels.idx1-ubyte"), TestFiles.idxLabels(1, 0));

        assertEquals(3, size(DataSources.open(dir, Split.TRAIN, null)));
        assertEquals(2, size(DataSources.open(dir, Split.TEST, null)));
    }

    /**
     * Class folders of images beside an IDX pair, augment's own IDX output or CIFAR-10's batches were left out without
     * a word (a fresh user, 6 Dec, had added a folder of their own photos beside Fashion-MNIST's files).
     */
    @Test
    void classFoldersOfImagesBesideDataFilesAreRefusedNotLeftOut(@TempDir Path dir) {
        Path mnist = dir.resolve("mnist");
        TestFiles.write(mnist.resolve("train-images-idx3-ubyte"), TestFiles.idxImages(3, 2, 2));
        TestFiles.write(mnist.resolve("train-labels-idx1-ubyte"), TestFiles.idxLabels(0, 1, 1));
        TestFiles.grayPng(mnist.resolve("my shoes").resolve("a.png"), 2, 2, 10);
        InvalidDataException idx = assertThrows(InvalidDataException.class,
                () -> DataSources.open(mnist, Split.TRAIN, null));
        assertTrue(idx.getMessage().contains("holds the IDX files train-images-idx3-ubyte and train-labels-idx1-ubyte "
                + "and also folders of images (my shoes/), which would be left out"), idx.getMessage());
        Path own = dir.resolve("own");
        TestFiles.write(own.resolve("images-idx3-ubyte"), TestFiles.idxImages(2, 2, 2));
        TestFiles.write(own.resolve("labels-idx1-ubyte"), TestFiles.idxLabels(1, 0));
        TestFiles.grayPng(own.resolve("extra").resolve("b.png"), 2, 2, 10);
        assertThrows(InvalidDataException.class, () -> DataSources.open(own, Split.TRAIN, null));
        Path cifar = dir.resolve("cifar");
        TestFiles.write(cifar.resolve("data_batch_1.bin"), TestFiles.cifar(0));
        TestFiles.rgbPng(cifar.resolve("cat").resolve("c.png"), 32, 32, 0x808080);
        assertThrows(InvalidDataException.class, () -> DataSources.open(cifar, Split.TRAIN, null));
        // a folder without images beside the files (an evaluation's output, notes) is no class folder
        Path plain = dir.resolve("plain");
        TestFiles.write(plain.resolve("train-images-idx3-ubyte"), TestFiles.idxImages(3, 2, 2));
        TestFiles.write(plain.resolve("train-labels-idx1-ubyte"), TestFiles.idxLabels(0, 1, 1));
        TestFiles.write(plain.resolve("notes").resolve("readme.txt"), new byte[] {'x'});
        assertEquals(3, size(DataSources.open(plain, Split.TRAIN, null)));
    }

    /** training_set/ and test_set/ (Kaggle's Cat and Dog) got the circular "give the folder" advice (6 Dec). */
    @Test
    void splitFoldersNamedWithSetOrDataAreTheSplits(@TempDir Path dir) {
        for (String split : List.of("training_set", "test_set")) {
            TestFiles.grayPng(dir.resolve("kx").resolve(split).resolve("cats").resolve("a.png"), 2, 2, 10);
            TestFiles.grayPng(dir.resolve("kx").resolve(split).resolve("dogs").resolve("b.png"), 2, 2, 20);
        }
        assertEquals(2, size(DataSources.open(dir.resolve("kx"), Split.TRAIN, null)));
        assertTrue(DataSources.hasTestSplit(dir.resolve("kx")));
        assertTrue(Split.TEST.isFolderName("Test_Images") && Split.TRAIN.isFolderName("trainset")
                && Split.TRAIN.isFolderName("train_imgs") && !Split.TRAIN.isFolderName("trainer"));
    }

    /** --names of another data set's classes were taken: airplanes called T-shirts (a fresh user, 6 Dec). */
    @Test
    void aBuiltInNamesListOfAnotherImageShapeIsRefused(@TempDir Path dir) {
        TestFiles.write(dir.resolve("cifar").resolve("data_batch_1.bin"), TestFiles.cifar(0, 1));
        dev.augment.errors.InvalidSettingException cifar = assertThrows(
                dev.augment.errors.InvalidSettingException.class, () -> DataSources.open(dir.resolve("cifar"),
                        Split.TRAIN, "fashion-mnist"));
        assertTrue(cifar.getMessage().contains("fashion-mnist names the classes of Fashion-MNIST, whose images are "
                + "1×28×28 grey, but this data's images are 3×32×32"), cifar.getMessage());
        assertThrows(dev.augment.errors.InvalidSettingException.class, () -> DataSources.open(
                Path.of("..", "datasets", "fashion-mnist-sample"), Split.TRAIN, "cifar10"));
        assertEquals(10, DataSources.open(Path.of("..", "datasets", "fashion-mnist-sample"), Split.TRAIN,
                "fashion-mnist").schema().classCount());
    }

    /**
     * EMNIST's prefixed IDX names, the test split's files alone, CIFAR-10's test batch alone, its Python version and a
     * web address were each "no data set found" or "data not found" (a fresh user, 6 Dec).
     */
    @Test
    void dataNoLayoutPairsIsNamedWithTheWayToReadIt(@TempDir Path dir) {
        TestFiles.write(dir.resolve("emnist").resolve("emnist-letters-train-images-idx3-ubyte"),
                TestFiles.idxImages(2, 2, 2));
        TestFiles.write(dir.resolve("emnist").resolve("emnist-letters-train-labels-idx1-ubyte"),
                TestFiles.idxLabels(1, 2));
        InvalidDataException emnist = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir.resolve("emnist"), Split.TRAIN, null));
        assertTrue(emnist.getMessage().contains("holds IDX files under names augment does not pair as a training "
                + "split") && emnist.getMessage()
                .endsWith("emnist-letters-train-images-idx3-ubyte," + dir.resolve("emnist")
                        .resolve("emnist-letters-train-labels-idx1-ubyte")), emnist.getMessage());
        // bzip2 files were offered as a pair (the test split's) that was then refused as bzip2 (a fresh user, 6 Dec)
        for (String name : List.of("train-images-idx3-ubyte.bz2", "train-labels-idx1-ubyte.bz2",
                "t10k-images-idx3-ubyte.bz2")) {
            TestFiles.write(dir.resolve("bz").resolve(name), new byte[] {'B', 'Z', 'h', '9'});
        }
        InvalidDataException bz = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir.resolve("bz"), Split.TRAIN, null));
        assertTrue(bz.getMessage().contains("holds compressed IDX files (t10k-images-idx3-ubyte.bz2, ") && bz
                .getMessage().endsWith("which augment reads only as gzip (.gz) or plain; decompress them here "
                + "(bunzip2) and give the folder again"), bz.getMessage());
        TestFiles.write(dir.resolve("cifar").resolve("test_batch.bin"), TestFiles.cifar(1));
        InvalidDataException test = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir.resolve("cifar"), Split.TRAIN, null));
        assertTrue(test.getMessage().contains("holds CIFAR-10's test batch but no training batches"),
                test.getMessage());
        TestFiles.write(dir.resolve("py").resolve("data_batch_1"), new byte[] {(byte) 0x80, 2});
        InvalidDataException python = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir.resolve("py"), Split.TRAIN, null));
        assertTrue(python.getMessage().contains("CIFAR-10's Python version"), python.getMessage());
        InvalidDataException web = assertThrows(InvalidDataException.class,
                () -> DataSources.open(Path.of("https://example.com/fashion.zip"), Split.TRAIN, null));
        assertTrue(web.getMessage().contains("a web or cloud address"), web.getMessage());
    }

    /** A folder holding only the downloaded archive got the list of layouts, never naming the archive (6 Dec). */
    @Test
    void aFolderHoldingOnlyAnArchiveSaysToUnpackIt(@TempDir Path dir) {
        TestFiles.write(dir.resolve("downloads").resolve("fashion.zip"), new byte[] {'P', 'K', 3, 4});
        TestFiles.write(dir.resolve("downloads").resolve("notes.txt"), new byte[] {'x'});
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir.resolve("downloads"), Split.TRAIN, null));
        assertTrue(e.getMessage().endsWith("holds no data set but an archive, fashion.zip; unpack it here (for example "
                + "unzip, or tar -xzf) and give the folder it makes"), e.getMessage());
    }

    @Test
    void opensCommaJoinedImagesAndLabels(@TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("x-images"), TestFiles.idxImages(3, 2, 2));
        Path labels = TestFiles.write(dir.resolve("x-labels"), TestFiles.idxLabels(0, 1, 1));

        SchemaDataSource source = DataSources.open(Path.of(images + "," + labels), Split.TRAIN, null);

        assertEquals(3, size(source));
    }

    @Test
    void opensCifarFolderTrainBatchesInNumericOrderAndTestBatch(@TempDir Path dir) {
        Path cifar = dir.resolve("cifar-10-batches-bin");
        for (int n = 1; n <= 10; n++) {
            // batch n holds one image of class n - 1, batch 2 two: numeric order puts batch 10 last
            TestFiles.write(cifar.resolve("data_batch_" + n + ".bin"), n == 2 ? TestFiles.cifar(1, 1)
                    : TestFiles.cifar(n - 1));
        }
        TestFiles.write(cifar.resolve("test_batch.bin"), TestFiles.cifar(4, 5, 6));

        SchemaDataSource train = DataSources.open(dir, Split.TRAIN, null);
        SchemaDataSource test = DataSources.open(cifar, Split.TEST, null);
        SchemaDataSource single = DataSources.open(cifar.resolve("data_batch_2.bin"), Split.TEST, null);

        assertArrayEquals(new int[] {0, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                DenseSamples.from(train, train.schema()).classIndices());
        assertArrayEquals(new int[] {4, 5, 6}, DenseSamples.from(test, test.schema()).classIndices());
        assertEquals(2, size(single));
    }

    @Test
    void anIdxFileBesideItsGzipWithOtherBytesIsRefusedAndWithTheSameIsRead(@TempDir Path dir) throws Exception {
        // a fresh user (4 Dec): labels unpacked and edited beside the .gz; the .gz was read without a word
        Path sample = Path.of("..", "datasets", "fashion-mnist-sample");
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte")) {
            Files.copy(sample.resolve(name + ".gz"), dir.resolve(name + ".gz"));
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(
                    sample.resolve(name + ".gz")))) {
                Files.write(dir.resolve(name), in.readAllBytes());
            }
        }
        assertEquals(1000, size(DataSources.open(dir, Split.TRAIN, null)), "the same bytes: read as before");
        byte[] labels = Files.readAllBytes(dir.resolve("train-labels-idx1-ubyte"));
        labels[labels.length - 1] = (byte) ((labels[labels.length - 1] + 1) % 10);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> DataSources.open(dir, Split.TRAIN,
                null));
        assertTrue(e.getMessage().contains("holds both train-labels-idx1-ubyte and train-labels-idx1-ubyte.gz, and "
                + "they differ"), e.getMessage());
    }

    @Test
    void aMissingCifarBatchIsRefusedNotSkipped(@TempDir Path dir) {
        // a fresh user (4 Dec): data_batch_4.bin lost in a copy, and a fifth of the data was dropped without a word
        Path cifar = dir.resolve("cifar-10-batches-bin");
        for (int n : new int[] {1, 2, 3, 5}) {
            TestFiles.write(cifar.resolve("data_batch_" + n + ".bin"), TestFiles.cifar(n));
        }
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> DataSources.open(dir, Split.TRAIN,
                null));
        assertTrue(e.getMessage().contains("data_batch_4.bin is missing, but data_batch_5.bin is there"),
                e.getMessage());
    }

    @Test
    void opensImageFolderSplitSubFolders(@TempDir Path dir) {
        splitFolders(dir, "train", "test");

        SchemaDataSource train = DataSources.open(dir, Split.TRAIN, null);
        SchemaDataSource test = DataSources.open(dir, Split.TEST, null);
        SchemaDataSource plain = DataSources.open(dir.resolve("test"), Split.TRAIN, null);

        assertInstanceOf(ImageFolderSource.class, train);
        assertEquals(6, size(train));
        assertEquals(4, size(test));
        assertEquals(4, size(plain));
        assertEquals(List.of("ant", "bee"), train.schema().labels());
    }

    /**
     * A classes.csv beside train/ and test/ (where the refusal of numbered folders led a user to put one) was ignored
     * without a word (a re-check, 6 Dec): it maps both splits; a split's own map must then agree with it.
     */
    @Test
    void aClassMapAboveTheSplitsMapsBothAndMustAgreeWithASplitsOwn(@TempDir Path dir) throws java.io.IOException {
        for (String split : List.of("train", "test")) {
            for (String cls : List.of("0", "1")) {
                TestFiles.grayPng(dir.resolve(split).resolve(cls).resolve("0.png"), 2, 2, cls.equals("0") ? 1 : 9);
            }
        }
        java.nio.file.Files.writeString(dir.resolve(ClassMap.FILE),
                "index,label,name,folder\n0,bee,bee,1\n1,ant,ant,0\n");
        for (Split split : List.of(Split.TRAIN, Split.TEST)) {
            ImageFolderSource source = (ImageFolderSource) DataSources.open(dir, split, null);
            assertEquals(List.of("bee", "ant"), source.schema().labels(), split.name());
            assertTrue(source.skippedNote().isEmpty(), "the map is read, not listed as left out: "
                    + source.skippedNote());
        }
        java.nio.file.Files.copy(dir.resolve(ClassMap.FILE), dir.resolve("train").resolve(ClassMap.FILE));
        assertEquals(List.of("bee", "ant"), DataSources.open(dir, Split.TRAIN, null).schema().labels());
        java.nio.file.Files.writeString(dir.resolve("test").resolve(ClassMap.FILE),
                "index,label,name,folder\n0,ant,ant,0\n1,bee,bee,1\n");
        // a split folder given itself (evaluate --train DIR/train --test DIR/test) reads the map beside it too
        assertEquals(List.of("bee", "ant"), DataSources.open(dir.resolve("train"), Split.TRAIN, null).schema()
                .labels());
        InvalidDataException differ = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TEST, null));
        assertTrue(differ.getMessage().contains("maps the classes otherwise than " + dir.resolve("test")
                .resolve(ClassMap.FILE).toAbsolutePath().normalize()), differ.getMessage());
    }

    /** A train/ folder alone used to be read as a class named "train" and refused as an empty class folder. */
    @Test
    void aTrainFolderAloneIsTheTrainingSplitAndTheTestSplitIsRefusedByName(@TempDir Path dir) {
        for (String cls : List.of("ant", "bee")) {
            TestFiles.grayPng(dir.resolve("train").resolve(cls).resolve("0.png"), 2, 2, 1);
        }
        SchemaDataSource train = DataSources.open(dir, Split.TRAIN, null);
        assertEquals(List.of("ant", "bee"), train.schema().labels());
        assertEquals(2, size(train));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TEST, null));
        assertTrue(e.getMessage().contains("has a train/ folder of classes but no test/ folder for the test split"),
                e.getMessage());

        // a fresh user (4 Dec): the Keras layout's val/ beside train/ was dropped without a word
        for (String cls : List.of("ant", "bee")) {
            TestFiles.grayPng(dir.resolve("val").resolve(cls).resolve("0.png"), 2, 2, 1);
        }
        ImageFolderSource withVal = (ImageFolderSource) DataSources.open(dir, Split.TRAIN, null);
        String note = withVal.skippedNote().orElseThrow();
        assertTrue(note.contains("(../val/)") && note.contains("a validation folder is not read: name it test/ to use "
                + "it as the test split"), note);
        InvalidDataException noTest = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TEST, null));
        assertTrue(noTest.getMessage().contains("no test/ folder for the test split (or a testing/ folder); its val/ "
                + "folder is not read: "
                + "rename it test/ to use it as the test split"), noTest.getMessage());
        assertTrue(!e.getMessage().contains("val/"), "no val/ hint without a val/ folder: " + e.getMessage());
    }

    /**
     * Train/ and Test/ (as many downloads spell them) were read as two classes named "Train" and "Test", refused as an
     * empty class folder although they held every image.
     */
    @Test
    void splitFoldersAreFoundInAnyCase(@TempDir Path dir) throws java.io.IOException {
        splitFolders(dir, "Train", "TEST");
        SchemaDataSource train = DataSources.open(dir, Split.TRAIN, null);
        assertEquals(List.of("ant", "bee"), train.schema().labels());
        assertEquals(6, size(train));
        assertEquals(4, size(DataSources.open(dir, Split.TEST, null)));

        TestFiles.grayPng(dir.resolve("train").resolve("ant").resolve("0.png"), 2, 2, 0);
        InvalidDataException both = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TRAIN, null));
        assertTrue(both.getMessage().contains("has 2 folders for the train split (Train/, train/); keep one"),
                "neither is dropped silently: " + both.getMessage());
        try (var tree = java.nio.file.Files.walk(dir.resolve("train"))) {
            tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        TestFiles.grayPng(dir.resolve("Test").resolve("ant").resolve("0.png"), 2, 2, 0);
        InvalidDataException twice = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TEST, null));
        assertTrue(twice.getMessage().contains("has 2 folders for the test split (TEST/, Test/); keep one"),
                twice.getMessage());
    }

    /**
     * training/ and testing/ (MNIST-as-PNG downloads) were read as two classes whose folders held no images; train/ and
     * training/ together are refused, as two spellings of one split are.
     */
    @Test
    void splitFoldersSpelledTrainingAndTestingAreTheSplits(@TempDir Path dir) {
        splitFolders(dir, "Training", "testing");
        SchemaDataSource train = DataSources.open(dir, Split.TRAIN, null);
        assertEquals(List.of("ant", "bee"), train.schema().labels());
        assertEquals(6, size(train));
        assertEquals(4, size(DataSources.open(dir, Split.TEST, null)));
        assertEquals(List.of(), ((ImageFolderSource) train).skipped(), "the splits are not entries beside the splits");

        TestFiles.grayPng(dir.resolve("train").resolve("ant").resolve("0.png"), 2, 2, 0);
        InvalidDataException both = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TRAIN, null));
        assertTrue(both.getMessage().contains("has 2 folders for the train split (Training/, train/); keep one"),
                both.getMessage());
    }

    /** With test/ there, val/ is not "to be named test/" (a fresh user, 5 Dec, had train/, test/ and val/). */
    @Test
    void aValidationFolderBesideTrainAndTestIsNamedAsNotReadWithoutTheRenameAdvice(@TempDir Path dir) {
        splitFolders(dir, "train", "test");
        TestFiles.grayPng(dir.resolve("val").resolve("ant").resolve("0.png"), 2, 2, 0);
        String note = ((ImageFolderSource) DataSources.open(dir, Split.TRAIN, null)).skippedNote().orElseThrow();
        assertTrue(note.contains("(../val/)") && note.contains("a validation folder is not read (augment uses train/ "
                + "and test/ only): move its images into train/ to train on them"), note);
        assertTrue(!note.contains("name it test/"), note);
    }

    /** Kaggle's MNIST zip: each IDX file in a folder of its own name, which were read as image classes. */
    @Test
    void idxFilesEachInAFolderOfTheirOwnNameAreRead(@TempDir Path dir) {
        for (String name : List.of("train-images-idx3-ubyte", "train-images.idx3-ubyte", "TRAIN-IMAGES-IDX3-UBYTE")) {
            Path root = dir.resolve(name.contains(".") ? "dotted" : name.startsWith("T") ? "upper" : "dashed");
            String labels = name.replace("images", "labels").replace("IMAGES", "LABELS").replace("idx3", "idx1")
                    .replace("IDX3", "IDX1");
            TestFiles.write(root.resolve(name).resolve(name), TestFiles.idxImages(3, 2, 2));
            TestFiles.write(root.resolve(labels).resolve(labels), TestFiles.idxLabels(0, 1, 1));
            SchemaDataSource source = DataSources.open(root, Split.TRAIN, null);
            assertTrue(source instanceof IdxImageSource, name + ": " + source);
            assertEquals(3, size(source), name);
        }
        // one of those folders given alone holds half the pair: the folder above is named
        Path half = dir.resolve("dashed").resolve("train-images-idx3-ubyte");
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(half, Split.TRAIN, null));
        InvalidDataException noTest = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir.resolve("dashed"), Split.TEST, null));
        assertTrue(noTest.getMessage().contains("has the training split's IDX files (train-*) but no test split's"),
                "not read as image class folders: " + noTest.getMessage());
        assertTrue(e.getMessage().contains("holds one file of an IDX pair, in a folder of its own name")
                && e.getMessage().contains("(" + dir.resolve("dashed").toAbsolutePath().normalize() + ")"),
                e.getMessage());
    }

    /**
     * Kaggle's zip holds a flat {@code t10k-images.idx3-ubyte} and a folder {@code t10k-images-idx3-ubyte/}: a
     * differing copy in one was passed over without a word (a fresh user, 5 Dec); identical copies are read.
     */
    @Test
    void twoDifferingCopiesOfAnIdxFileInKagglesTwoPlacesAreRefused(@TempDir Path dir) {
        TestFiles.write(dir.resolve("t10k-images-idx3-ubyte").resolve("t10k-images-idx3-ubyte"),
                TestFiles.idxImages(2, 2, 2));
        TestFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), TestFiles.gzip(TestFiles.idxLabels(1, 0)));
        TestFiles.write(dir.resolve("t10k-labels.idx1-ubyte"), TestFiles.idxLabels(1, 0));
        TestFiles.write(dir.resolve("t10k-images.idx3-ubyte"), TestFiles.idxImages(2, 2, 2));
        assertEquals(2, size(DataSources.open(dir, Split.TEST, null)), "same bytes, packed or not: read");

        TestFiles.write(dir.resolve("t10k-images.idx3-ubyte"), TestFiles.idxImages(5, 2, 2));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TEST, null));
        assertTrue(e.getMessage().contains("holds two copies of the t10k-images file that differ, "
                + Path.of("t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte") + " and t10k-images.idx3-ubyte; remove "
                + "the one you do not mean to read"), e.getMessage());

        // a flat gzipped file of the folder's own name beside it: the folder's copy was not looked at
        Path gz = TestFiles.write(dir.resolve("t10k-images-idx3-ubyte.gz"),
                TestFiles.gzip(TestFiles.idxImages(2, 2, 2)));
        TestFiles.write(dir.resolve("t10k-images.idx3-ubyte"), TestFiles.idxImages(2, 2, 2));
        TestFiles.write(dir.resolve("t10k-images-idx3-ubyte").resolve("t10k-images-idx3-ubyte"),
                TestFiles.idxImages(7, 2, 2));
        InvalidDataException beside = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TEST, null));
        assertTrue(beside.getMessage().contains("holds two copies of the t10k-images file that differ, "
                + dir.relativize(gz) + " and " + Path.of("t10k-images-idx3-ubyte", "t10k-images-idx3-ubyte")),
                beside.getMessage());
    }

    /** Upper-case IDX names (Windows and zip tools) were "no data set found"; one file of a pair, a generic list. */
    @Test
    void idxFilesNamedInUpperCaseAreReadAndOneFileOfAPairIsNamedSo(@TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("TRAIN-IMAGES-IDX3-UBYTE"), TestFiles.idxImages(3, 2, 2));
        TestFiles.write(dir.resolve("Train-Labels-Idx1-Ubyte.GZ"), TestFiles.gzip(TestFiles.idxLabels(0, 1, 1)));
        assertEquals(3, size(DataSources.open(dir, Split.TRAIN, null)));

        InvalidDataException one = assertThrows(InvalidDataException.class,
                () -> DataSources.open(images, Split.TRAIN, null));
        assertTrue(one.getMessage().contains("is one file of an IDX pair; give the images file and its labels file "
                + "together, as --data images,labels"), one.getMessage());
    }

    /** "images," read the empty path as the current folder; "a,b,c" joined b and c (a fresh user, 5 Dec). */
    @Test
    void anIdxPairWithAnEmptyOrAThirdEntryIsRefusedAsNotAPair(@TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("i"), TestFiles.idxImages(3, 2, 2));
        Path labels = TestFiles.write(dir.resolve("l"), TestFiles.idxLabels(0, 1, 1));
        for (String pair : List.of(images + ",", "," + labels, images + ", ", images + "," + labels + "," + labels)) {
            dev.augment.errors.InvalidSettingException e = assertThrows(
                    dev.augment.errors.InvalidSettingException.class, () -> DataSources.open(Path.of(pair), Split.TRAIN,
                            null));
            assertEquals("data", e.setting());
            assertTrue(e.getMessage().contains("is not a pair of files: give exactly the images file and its labels "
                    + "file, as images,labels"), e.getMessage());
        }
        assertEquals(3, size(DataSources.open(Path.of(images + "," + labels), Split.TRAIN, null)));
        InvalidDataException twice = assertThrows(InvalidDataException.class,
                () -> DataSources.open(Path.of(labels + "," + labels), Split.TRAIN, null));
        assertTrue(twice.getMessage().contains("is given as both the images and the labels file"), twice.getMessage());
    }

    /**
     * Class folders named training/ and testing/ that hold images say why they are refused; one image given as the
     * data, and one class's folder of GIFs, name what they are (a fresh user, 5 Dec).
     */
    @Test
    void classesNamedLikeSplitsAnImageAndAFolderOfGifsAreNamed(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes");
        Path image = TestFiles.grayPng(classes.resolve("training").resolve("0.png"), 2, 2, 0);
        TestFiles.grayPng(classes.resolve("testing").resolve("0.png"), 2, 2, 1);
        // read as the splits, as unlabelled train/ and test/ folders would be: refused, saying how to keep them classes
        InvalidDataException splits = assertThrows(InvalidDataException.class,
                () -> DataSources.open(classes, Split.TRAIN, null));
        assertTrue(splits.getMessage().contains("no class folders; expected one sub-folder of images per class (a "
                + "folder named training/ beside its pair is read as a split; if training is a class, rename its "
                + "folder)"), splits.getMessage());

        InvalidDataException one = assertThrows(InvalidDataException.class,
                () -> DataSources.open(image, Split.TRAIN, null));
        assertTrue(one.getMessage().contains("is one image; give the folder that holds one sub-folder of images per "
                + "class (perhaps " + classes.toAbsolutePath().normalize() + ")"), one.getMessage());

        // an IDX data set one level down, an archive, and "." for one class's folder (a third fresh user, 5 Dec)
        Path wrapper = dir.resolve("wrapper");
        TestFiles.write(wrapper.resolve("fm").resolve("train-images-idx3-ubyte.gz"),
                TestFiles.gzip(TestFiles.idxImages(3, 2, 2)));
        InvalidDataException idx = assertThrows(InvalidDataException.class,
                () -> size(DataSources.open(wrapper, Split.TRAIN, null)));
        assertTrue(idx.getMessage().contains("holds IDX files, so it is a data set's folder, not a class folder: give "
                + wrapper.resolve("fm") + " as the data"), idx.getMessage());
        Path zip = TestFiles.write(dir.resolve("data.zip"), new byte[] {'P', 'K', 3, 4});
        InvalidDataException archive = assertThrows(InvalidDataException.class,
                () -> DataSources.open(zip, Split.TRAIN, null));
        assertTrue(archive.getMessage().contains("is an archive; unpack it"), archive.getMessage());
        Path cat = dir.resolve("cat");
        TestFiles.grayPng(cat.resolve("0.png"), 2, 2, 0);
        InvalidDataException dot = assertThrows(InvalidDataException.class,
                () -> DataSources.open(cat.resolve("."), Split.TRAIN, null));
        assertTrue(dot.getMessage().contains("(perhaps " + dir.toAbsolutePath().normalize() + ")"), dot.getMessage());

        Path gifs = Files.createDirectories(dir.resolve("gifs"));
        Files.write(gifs.resolve("a.gif"), new byte[] {'G', 'I', 'F'});
        InvalidDataException unread = assertThrows(InvalidDataException.class,
                () -> DataSources.open(gifs, Split.TRAIN, null));
        assertTrue(unread.getMessage().contains("holds 1 image in formats augment does not read"), unread.getMessage());
    }

    /**
     * 12 of a class's 20 JPEGs saved without an extension were skipped with the general note, and the class trained
     * on the other 8 (a fresh user, 7 Dec). A file without an extension that is a PNG or JPEG is refused; one that is
     * not (a README) is still only skipped.
     */
    @Test
    void imagesNamedWithoutAnExtensionAreRefusedNotSkipped(@TempDir Path dir) throws java.io.IOException {
        for (String c : List.of("cat", "dog")) {
            TestFiles.grayPng(dir.resolve(c).resolve("0.png"), 2, 2, 0);
            TestFiles.grayPng(dir.resolve(c).resolve("1.png"), 2, 2, 1);
        }
        Files.writeString(dir.resolve("cat").resolve("README"), "not an image");
        assertEquals(4, size(DataSources.open(dir, Split.TRAIN, null)));
        Files.copy(dir.resolve("dog").resolve("1.png"), dir.resolve("dog").resolve("0002"));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> size(DataSources.open(dir, Split.TRAIN, null)));
        assertTrue(e.getMessage().contains("class folder holds 1 PNG or JPEG image named without an extension "
                + "(first: 0002, a PNG)") && e.getMessage().contains(dir.resolve("dog").toString()), e.getMessage());
        // the fix renames that file alone, by its content: a loop over every file without an extension renamed a
        // README into a .jpg (a re-check, 7 Dec)
        Path dog = dir.resolve("dog");
        assertTrue(e.getMessage().contains("(mv -n -- " + dog.resolve("0002") + " " + dog.resolve("0002.png") + ")"),
                e.getMessage());
        // never over a file of that name: photo beside photo.png replaced it (a re-check, 7 Dec)
        Files.copy(dog.resolve("0.png"), dog.resolve("0002.png"));
        InvalidDataException taken = assertThrows(InvalidDataException.class,
                () -> size(DataSources.open(dir, Split.TRAIN, null)));
        assertTrue(taken.getMessage().contains("(mv -n -- " + dog.resolve("0002") + " " + dog.resolve("0002-1.png")
                + ")"),
                taken.getMessage());
        // two renames were given one name: 0002 beside 0002.png, and 0002-1 (a re-check, 7 Dec)
        Files.copy(dog.resolve("0.png"), dog.resolve("0002-1"));
        InvalidDataException twice = assertThrows(InvalidDataException.class,
                () -> size(DataSources.open(dir, Split.TRAIN, null)));
        assertTrue(twice.getMessage().contains(dog.resolve("0002-1.png") + "; mv -n -- " + dog.resolve("0002-1") + " "
                + dog.resolve("0002-1-1.png")), twice.getMessage());
        Files.delete(dog.resolve("0002-1"));
        Files.delete(dog.resolve("0002.png"));
        for (int i = 3; i < 7; i++) {
            Files.copy(dog.resolve("1.png"), dog.resolve("000" + i));
        }
        Files.writeString(dog.resolve("NOTES"), "text");
        InvalidDataException many = assertThrows(InvalidDataException.class,
                () -> size(DataSources.open(dir, Split.TRAIN, null)));
        assertTrue(many.getMessage().contains("holds 5 PNG or JPEG images") && many.getMessage().contains("file -L -b "
                + "--mime-type"), many.getMessage());
    }

    /** One class's folder given as the data was "no data set found in this folder". */
    @Test
    void aFolderOfImagesWithoutClassFoldersIsNamedAsOneClasssFolder(@TempDir Path dir) {
        Path cat = dir.resolve("cat");
        TestFiles.grayPng(cat.resolve("0.png"), 2, 2, 0);
        TestFiles.grayPng(cat.resolve("1.png"), 2, 2, 1);
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(cat, Split.TRAIN, null));
        assertTrue(e.getMessage().contains("holds 2 images but no class folders; augment reads a folder with one "
                + "sub-folder of images per class") && e.getMessage().contains("(perhaps " + dir.toAbsolutePath()
                + ")"), e.getMessage());
    }

    /** IDX files in D/train and D/test were told only of class folders (a fresh user, 5 Dec). */
    @Test
    void idxFilesInSplitFoldersAreNamedWithTheLayoutThatReadsThem(@TempDir Path dir) throws java.io.IOException {
        for (String split : List.of("train", "test")) {
            TestFiles.write(dir.resolve(split).resolve("images-idx3-ubyte"), TestFiles.idxImages(2, 2, 2));
            TestFiles.write(dir.resolve(split).resolve("labels-idx1-ubyte"), TestFiles.idxLabels(0, 1));
        }
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TRAIN, null));
        assertTrue(e.getMessage().contains("(it holds IDX files: train/ and test/ folders are read as image class "
                + "folders; put IDX splits in one folder as train-images-idx3-ubyte"), e.getMessage());
        assertEquals(2, size(DataSources.open(dir.resolve("train"), Split.TRAIN, null)), "as the data itself: read");
    }

    /** generate --format csv's folder (samples.csv beside classes.csv) as the data got the layouts alone (5 Dec). */
    @Test
    void aFolderHoldingATableNamesIt(@TempDir Path dir) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("samples.csv"), "p0,label\n1,a\n");
        java.nio.file.Files.writeString(dir.resolve("classes.csv"), "index,label,name,folder\n0,\"a\",\"a\",\"\"\n");
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TRAIN, null));
        assertTrue(e.getMessage().contains("holds no image data set but a CSV table, samples.csv; a table is read as "
                + "the file itself, with its label column named (--data " + dir.resolve("samples.csv")
                + " --label COLUMN)"), e.getMessage());
        // Spark's parts: giving the first one trained on half the rows (a re-check, 7 Dec)
        java.nio.file.Path spark = java.nio.file.Files.createDirectories(dir.resolve("out.csv"));
        java.nio.file.Files.writeString(spark.resolve("part-00000-a.csv"), "x,label\n1,a\n");
        java.nio.file.Files.writeString(spark.resolve("part-00001-a.csv"), "x,label\n2,b\n");
        InvalidDataException parts = assertThrows(InvalidDataException.class,
                () -> DataSources.open(spark, Split.TRAIN, null));
        assertTrue(parts.getMessage().contains("holds the 2 part files of one table, as Spark writes a CSV "
                + "(part-00000-a.csv, …); join them into one file"), parts.getMessage());
    }

    /** train/ given as the data was read as its own test split (a fresh user, 5 Dec); as training data it is fine. */
    @Test
    void theTrainingSplitsFolderGivenAsTheDataIsRefusedForTheTestSplit(@TempDir Path dir) {
        splitFolders(dir, "train", "test");
        Path train = dir.resolve("train");
        assertEquals(6, size(DataSources.open(train, Split.TRAIN, null)));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(train, Split.TEST, null));
        assertTrue(e.getMessage().contains("is the training split of " + dir.toAbsolutePath().normalize() + ", whose "
                + "test split is test/: give"), e.getMessage());
    }

    /** Classes ant and bee, 3 images each in the training folder and 2 in the test folder. */
    private static void splitFolders(Path dir, String trainName, String testName) {
        for (String split : List.of(trainName, testName)) {
            for (String cls : List.of("ant", "bee")) {
                int count = split.equals(trainName) ? 3 : 2;
                for (int i = 0; i < count; i++) {
                    TestFiles.grayPng(dir.resolve(split).resolve(cls).resolve(i + ".png"), 2, 2, i);
                }
            }
        }
    }

    /** A wrapper folder around the class folders was called an "empty class folder". */
    @Test
    void aFolderOfClassFoldersGivenAsAClassIsNamedSo(@TempDir Path dir) {
        TestFiles.grayPng(dir.resolve("ant").resolve("0.png"), 2, 2, 0);
        TestFiles.grayPng(dir.resolve("more").resolve("bee").resolve("0.png"), 2, 2, 0);
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> size(DataSources.open(dir, Split.TRAIN, null)));
        assertTrue(e.getMessage().contains("more: holds folders but no .png, .jpg or .jpeg images, so it is not a "
                + "class folder"), e.getMessage());
    }

    /** Class folders one level too deep (data/images/{ant,bee} given as data) name the folder to give. */
    @Test
    void classFoldersOneLevelTooDeepNameTheFolderToGive(@TempDir Path dir) {
        Path images = dir.resolve("images");
        TestFiles.grayPng(images.resolve("ant").resolve("0.png"), 2, 2, 0);
        TestFiles.grayPng(images.resolve("bee").resolve("0.png"), 2, 2, 0);
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> size(DataSources.open(dir, Split.TRAIN, null)));
        assertTrue(e.getMessage().contains("its sub-folders look like the class folders: give " + images
                + " as the data"), e.getMessage());
        assertEquals(2, size(DataSources.open(images, Split.TRAIN, null)));

        // a chain of single folders: the one that holds the class folders is named, not the first of the chain
        Path chain = dir.resolve("chain");
        Path classes = chain.resolve("a").resolve("b");
        TestFiles.grayPng(classes.resolve("ant").resolve("0.png"), 2, 2, 0);
        TestFiles.grayPng(classes.resolve("bee").resolve("0.png"), 2, 2, 0);
        InvalidDataException deeper = assertThrows(InvalidDataException.class,
                () -> size(DataSources.open(chain, Split.TRAIN, null)));
        assertTrue(deeper.getMessage().contains("give " + classes + " as the data"), deeper.getMessage());
    }

    @Test
    void refusesUnrecognisedPathSayingWhatIsAccepted(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path text = TestFiles.write(dir.resolve("data.csv"), "a,b\n".getBytes());
        Path missing = dir.resolve("gone");

        for (Path path : List.of(empty, text, missing)) {
            InvalidDataException e = assertThrows(InvalidDataException.class,
                    () -> DataSources.open(path, Split.TRAIN, null));
            assertTrue(e.getMessage().contains(path.getFileName().toString())
                    && e.getMessage().contains("train-images-idx3-ubyte") && e.getMessage().contains("data_batch_")
                    && e.getMessage().contains("class sub-folders"), e.getMessage());
        }
    }

    @Test
    void refusesIdxFolderMissingItsLabelsFileNamingIt(@TempDir Path dir) {
        TestFiles.write(dir.resolve("train-images-idx3-ubyte"), TestFiles.idxImages(2, 2, 2));

        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(dir, Split.TRAIN, null));

        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte") && e.getMessage().contains("not found"),
                e.getMessage());
    }

    @Test
    void anImageFoldersClassMapGivenAsTheDataNamesTheFolderInsteadOfBeingReadAsATable(@TempDir Path dir)
            throws Exception {
        Path map = Files.writeString(dir.resolve("classes.csv"), "index,label,name,folder\n5,5,Sandal,5\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> DataSources.isTable(map));
        assertTrue(e.getMessage().contains("is the class map of the image folder " + dir.toAbsolutePath()
                + " (written by augment generate or oversample), not a table of examples"), e.getMessage());
        // a user's own table that happens to be called classes.csv is still a table
        Path own = Files.writeString(Files.createDirectories(dir.resolve("other")).resolve("classes.csv"),
                "width,height,class\n1,2,a\n");
        assertTrue(DataSources.isTable(own));
    }
}

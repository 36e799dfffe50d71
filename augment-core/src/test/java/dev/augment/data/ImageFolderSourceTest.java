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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFolderSourceTest {

    /** Writes root/bird (3 gray images) and root/ant (2 gray images), 4 wide and 3 high. */
    private static Path grayFolders(Path root) {
        for (int i = 0; i < 3; i++) {
            TestFiles.grayPng(root.resolve("bird").resolve("b" + i + ".png"), 4, 3, 100 + i);
        }
        for (int i = 0; i < 2; i++) {
            TestFiles.grayPng(root.resolve("ant").resolve("a" + i + ".png"), 4, 3, 50 + i);
        }
        return root;
    }

    /**
     * Four damaged files of an interrupted download were named one per run, four runs to find them (a fresh user,
     * 7 Dec): all are counted at once, the first with its own message; one alone keeps that message.
     */
    @Test
    void damagedImageFilesAreCountedAtOnce(@TempDir Path dir) throws Exception {
        grayFolders(dir);
        Files.write(dir.resolve("ant").resolve("a5.png"), new byte[0]);
        byte[] whole = Files.readAllBytes(dir.resolve("bird").resolve("b0.png"));
        Files.write(dir.resolve("bird").resolve("b5.png"), java.util.Arrays.copyOf(whole, whole.length / 2));
        Files.write(dir.resolve("bird").resolve("b6.png"), new byte[0]);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(e.getMessage().startsWith(dir + ": 3 image files cannot be read; the first: "
                + dir.resolve("ant").resolve("a5.png") + ": empty file (0 bytes)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; the others: bird/b5.png, bird/b6.png (copy them again, convert or delete "
                + "them)"), e.getMessage());
        // an image of another size after them names them too: they were dropped, found by the next run (7 Dec)
        TestFiles.grayPng(dir.resolve("bird").resolve("b7.png"), 5, 3, 10);
        InvalidDataException size = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(size.getMessage().startsWith(dir.resolve("bird").resolve("b7.png") + ": image is 5x3"),
                size.getMessage());
        assertTrue(size.getMessage().contains("; besides, 3 image files read before it cannot be read, the first: "
                + dir.resolve("ant").resolve("a5.png") + ": empty file (0 bytes)"), size.getMessage());
        Files.delete(dir.resolve("bird").resolve("b7.png"));
        Files.delete(dir.resolve("bird").resolve("b5.png"));
        Files.delete(dir.resolve("bird").resolve("b6.png"));
        InvalidDataException one = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertEquals(dir.resolve("ant").resolve("a5.png") + ": empty file (0 bytes), not an image; copy it again or "
                + "delete it", one.getMessage());
    }

    @Test
    void readsGrayFoldersAsOneChannelWithSortedClasses(@TempDir Path dir) {
        ImageFolderSource source = new ImageFolderSource(grayFolders(dir));
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertEquals(5, source.size());
        assertEquals(List.of(1, 3, 4), source.schema().shape());
        assertEquals(List.of("ant", "bird"), source.schema().labels());
        assertEquals(List.of("ant", "bird"), source.schema().classNames());
        assertEquals(List.of("00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11"),
                source.schema().featureNames());
        assertArrayEquals(new int[] {0, 0, 1, 1, 1}, samples.classIndices());
        // a1.png has base 51: pixel (x=3, y=2) = 51 + 20 + 3, at feature 2 * 4 + 3.
        assertEquals(74f, samples.features()[1][11]);
        assertEquals(51f, samples.features()[1][0]);
    }

    @Test
    void foldersNamedByNumberAreClassesInNumberOrderSoANamesFileByIndexFitsThem(@TempDir Path dir) throws Exception {
        // twelve folders 0..11, each image's grey level its folder's number: text order would give 0, 1, 10, 11, 2
        for (int c = 11; c >= 0; c--) {
            TestFiles.grayPng(dir.resolve("data").resolve(String.valueOf(c)).resolve("x.png"), 2, 2, 10 * c);
        }
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < 12; c++) {
            names.append("n").append(c).append('\n');
        }
        Path file = Files.writeString(dir.resolve("names.txt"), names);
        ImageFolderSource source = new ImageFolderSource(dir.resolve("data"), file.toString());
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"), source.schema().labels());
        assertEquals("n2", source.schema().classNames().get(2));
        for (int i = 0; i < samples.classIndices().length; i++) {
            assertEquals(10f * samples.classIndices()[i], samples.features()[i][0], "image " + i + " is its folder's");
        }
        List<Path> mixed = List.of(Path.of("10"), Path.of("2"), Path.of("b"));
        assertEquals(mixed, ImageFolderLayout.inNumberOrderWhenNumbered(mixed), "a name that is no number: text order");
        assertEquals(List.of(Path.of("01"), Path.of("1"), Path.of("2")),
                ImageFolderLayout.inNumberOrderWhenNumbered(List.of(Path.of("2"), Path.of("1"), Path.of("01"))),
                "equal numbers in text order");
    }

    @Test
    void namesThatContradictTheClassFoldersAreRefusedNamesThatMatchThemAreKept(@TempDir Path dir) throws Exception {
        Path root = grayFolders(dir);
        Path names = java.nio.file.Files.writeString(dir.resolve("names.txt"), "bird\nant\n");
        dev.augment.errors.InvalidSettingException e = assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> new ImageFolderSource(root, names.toString()));
        assertEquals("names", e.setting());
        assertTrue(e.getMessage().contains("names class 0 'bird', but its folder") && e.getMessage().contains("'ant'"),
                e.getMessage());
        Path spelled = java.nio.file.Files.writeString(dir.resolve("spelled.txt"), "Ant\nBird\n");
        assertEquals(List.of("Ant", "Bird"), new ImageFolderSource(root, spelled.toString()).schema().classNames(),
                "the same names, spelled otherwise, are kept");
        // a folder copied from a Mac (the accent decomposed, NFD) and --names typed elsewhere (composed, NFC)
        Path mac = dir.resolve("mac");
        TestFiles.grayPng(mac.resolve("cafe\u0301").resolve("0.png"), 2, 2, 1);
        TestFiles.grayPng(mac.resolve("dog").resolve("0.png"), 2, 2, 2);
        Path composed = java.nio.file.Files.writeString(dir.resolve("composed.txt"), "caf\u00e9\ndog\n");
        assertEquals(List.of("caf\u00e9", "dog"),
                new ImageFolderSource(mac, composed.toString()).schema().classNames());
    }

    /**
     * Numbered folders take any names, but names 2, 1, 10 for folders 1, 2, 10 swapped two classes silently (a list
     * written for another order; a fresh user, 4 Dec): a name that is another folder's number is refused.
     */
    @Test
    void aNameThatIsAnotherNumberedFoldersNumberIsRefused(@TempDir Path dir) throws Exception {
        for (String folder : List.of("1", "2", "10")) {
            TestFiles.grayPng(dir.resolve("data").resolve(folder).resolve("x.png"), 2, 2, 10);
        }
        Path swapped = Files.writeString(dir.resolve("swapped.txt"), "2\n1\n10\n");
        dev.augment.errors.InvalidSettingException e = assertThrows(dev.augment.errors.InvalidSettingException.class,
                () -> new ImageFolderSource(dir.resolve("data"), swapped.toString()));
        assertEquals("names", e.setting());
        assertTrue(e.getMessage().startsWith("names class 0 (folder '1') '2', the number of another folder"),
                e.getMessage());
        Path same = Files.writeString(dir.resolve("same.txt"), "1\n02\nten\n");
        assertEquals(List.of("1", "02", "ten"), new ImageFolderSource(dir.resolve("data"), same.toString()).schema()
                .classNames(), "its own number (any spelling) or a word is kept");
    }

    /** A FIFO named x.png was skipped without the note that names skipped entries (a fresh user, 5 Dec). */
    @Test
    void aPipeNamedLikeAnImageIsNamedAsSkipped(@TempDir Path dir) throws Exception {
        Path data = grayFolders(dir.resolve("data"));
        Process mkfifo = new ProcessBuilder("mkfifo", data.resolve("ant").resolve("pipe.png").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available here");
        ImageFolderSource source = new ImageFolderSource(data);
        assertEquals(5, source.size());
        assertEquals(List.of("ant/pipe.png (not a regular file)"), source.skipped());
    }

    /** CLASS/train and CLASS/test were told to give the folder that holds the class folders: the one given (6 Dec). */
    @Test
    void splitsInsideEachClassFolderAreNamedWithTheRearrangement(@TempDir Path dir) throws Exception {
        for (String c : List.of("cat", "dog")) {
            for (String split : List.of("train", "test")) {
                TestFiles.grayPng(dir.resolve("data").resolve(c).resolve(split).resolve("0.png"), 2, 2, 7);
            }
        }
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir.resolve(
                "data")));
        assertTrue(e.getMessage().contains("its sub-folders are splits (test, train), one set per class; augment reads "
                + "the splits above the classes, train/CLASS and test/CLASS"), e.getMessage());
    }

    /** A .jfif image, as browsers on Windows save JPEGs, was skipped as a format augment does not read (6 Dec). */
    @Test
    void aJpegNamedJfifIsRead(@TempDir Path dir) throws Exception {
        Path data = grayFolders(dir.resolve("data"));
        int before = new ImageFolderSource(data).size();
        java.awt.image.BufferedImage grey = new java.awt.image.BufferedImage(4, 3,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        javax.imageio.ImageIO.write(grey, "jpeg", data.resolve("ant").resolve("saved.jfif").toFile());
        assertEquals(before + 1, new ImageFolderSource(data).size());
    }

    /** Icons drawn in alpha over one colour all read black, and only a wrong duplicates note said anything (6 Dec). */
    @Test
    void imagesWhoseShapeIsOnlyInAlphaAreNamed(@TempDir Path dir) throws Exception {
        for (String shape : List.of("circle", "square")) {
            for (int i = 0; i < 3; i++) {
                java.awt.image.BufferedImage icon = new java.awt.image.BufferedImage(6, 6,
                        java.awt.image.BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < 6; y++) {
                    for (int x = 0; x < 6; x++) {
                        boolean inside = shape.equals("square") ? x > i && y > i : (x - 3) * (x - 3) + (y - 3) * (y - 3)
                                < 2 + i;
                        icon.setRGB(x, y, inside ? 0xFF000000 : 0x00000000); // black, opaque or transparent
                    }
                }
                Path file = dir.resolve("icons").resolve(shape).resolve(i + ".png");
                java.nio.file.Files.createDirectories(file.getParent());
                javax.imageio.ImageIO.write(icon, "png", file.toFile());
            }
        }
        ImageFolderSource source = new ImageFolderSource(dir.resolve("icons"));
        String note = source.depthNote().orElseThrow();
        assertTrue(source.notes().stream().anyMatch(n -> n.contains("shape only in the alpha channel")),
                "code reading the folder gets the note too: " + source.notes());
        assertTrue(note.contains("6 of 6 images have their shape only in the alpha channel, over one colour")
                && note.endsWith("flatten them onto a background first (e.g. mogrify -background white "
                        + "-flatten)"), note);
        assertEquals(java.util.Optional.empty(), new ImageFolderSource(grayFolders(dir.resolve("plain"))).depthNote());
    }

    /** The same for palette icons, whose transparency is a PNG tRNS chunk: they read blank without a word (6 Dec). */
    @Test
    void paletteImagesWhoseShapeIsOnlyInAlphaAreNamed(@TempDir Path dir) throws Exception {
        // two palette entries of one colour, one transparent and one opaque
        java.awt.image.IndexColorModel palette = new java.awt.image.IndexColorModel(8, 2, new byte[] {0, 0},
                new byte[] {0, 0}, new byte[] {0, 0}, new byte[] {0, (byte) 255});
        for (String shape : List.of("bar", "dot")) {
            for (int i = 0; i < 3; i++) {
                java.awt.image.BufferedImage icon = new java.awt.image.BufferedImage(6, 6,
                        java.awt.image.BufferedImage.TYPE_BYTE_INDEXED, palette);
                for (int y = 0; y < 6; y++) {
                    for (int x = 0; x < 6; x++) {
                        boolean inside = shape.equals("bar") ? x == i : x == i && y == i;
                        icon.getRaster().setSample(x, y, 0, inside ? 1 : 0);
                    }
                }
                Path file = dir.resolve("icons").resolve(shape).resolve(i + ".png");
                java.nio.file.Files.createDirectories(file.getParent());
                javax.imageio.ImageIO.write(icon, "png", file.toFile());
            }
        }
        String note = new ImageFolderSource(dir.resolve("icons")).depthNote().orElseThrow();
        assertTrue(note.contains("6 of 6 images have their shape only in the alpha channel, over one colour"), note);
    }

    /** A class folder copied under another name trained as both classes without a word (a re-check, 5 Dec). */
    @Test
    void imagesInTwoClassFoldersAreNamed(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 3; i++) {
            TestFiles.grayPng(dir.resolve("data").resolve("a").resolve(i + ".png"), 2, 2, 10 + i);
            TestFiles.grayPng(dir.resolve("data").resolve("b").resolve(i + ".png"), 2, 2, 50 + i);
            TestFiles.grayPng(dir.resolve("data").resolve("c").resolve(i + ".png"), 2, 2, 50 + i);
        }
        String note = new ImageFolderSource(dir.resolve("data")).sharedImagesNote().orElseThrow();
        // 3 images copied were "6 images found in the other", and no file was named (a fresh user, 7 Dec)
        assertTrue(note.endsWith("class folders 'b' and 'c' share 3 images pixel for pixel (6 examples of the two; "
                + "first: b/0.png and c/0.png) (the same pixels in both): each such image is an example of "
                + "more than one class, which no classifier can learn; remove the copies from the folder they do not "
                + "belong to"), note);
        // images counted, not pairs of them: 4 blank images in each of two folders were "16 shared" (6 Dec)
        for (int i = 0; i < 4; i++) {
            TestFiles.grayPng(dir.resolve("blank").resolve("x").resolve(i + ".png"), 2, 2, 0);
            TestFiles.grayPng(dir.resolve("blank").resolve("y").resolve(i + ".png"), 2, 2, 0);
        }
        assertTrue(new ImageFolderSource(dir.resolve("blank")).sharedImagesNote().orElseThrow().contains("'x' and 'y' "
                + "share 1 image pixel for pixel (8 examples of the two; first: x/0.png and y/0.png)"));
        assertEquals(java.util.Optional.empty(), new ImageFolderSource(grayFolders(dir.resolve("plain")))
                .sharedImagesNote());
    }

    /** A float TIFF named .png was read as black under a note about 16-bit samples (a fresh user, 5 Dec). */
    @Test
    void aTiffNamedPngIsRefused(@TempDir Path dir) throws Exception {
        TestFiles.grayPng(dir.resolve("data").resolve("a").resolve("x.png"), 2, 2, 10);
        TestFiles.grayPng(dir.resolve("data").resolve("b").resolve("x.png"), 2, 2, 10);
        Path tiff = dir.resolve("data").resolve("b").resolve("y.png");
        java.nio.file.Files.write(tiff, new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0});
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> new ImageFolderSource(dir.resolve("data")));
        assertTrue(e.getMessage().contains(tiff + ": is a TIFF file, whatever its name says; augment reads PNG and "
                + "JPEG images"), e.getMessage());
    }

    /** A class folder linked to another made its images examples of both classes (a re-check, 5 Dec). */
    @Test
    void aClassFolderThatIsALinkToAnotherIsRefused(@TempDir Path dir) throws Exception {
        for (String folder : List.of("a", "b")) {
            TestFiles.grayPng(dir.resolve("data").resolve(folder).resolve("x.png"), 2, 2, 10);
        }
        java.nio.file.Files.createSymbolicLink(dir.resolve("data").resolve("c"), Path.of("b"));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> new ImageFolderSource(dir.resolve("data")));
        assertTrue(e.getMessage().endsWith("class folders 'b' and 'c' are one folder ('c' is a link to 'b'): each "
                + "image would be an example of both classes; remove the link, or give each class its own folder"),
                e.getMessage());
    }

    /** Folders 1 and "1 " trained as two classes without a word (a fresh user, 4 Dec): look-alikes get a note. */
    @Test
    void classFoldersThatDifferOnlyInCaseSpacesOrLeadingZerosGetANote(@TempDir Path dir) throws Exception {
        // and cat. beside cat, dog_1 beside dog-1 (a fresh user, 5 Dec: four classes without a word)
        for (String folder : List.of("01", "1", "1 ", "Cat", "cat", "dog", "bird", "bird.", "dog_1", "dog-1")) {
            TestFiles.grayPng(dir.resolve("data").resolve(folder).resolve("x.png"), 2, 2, 10);
        }
        ImageFolderSource source = new ImageFolderSource(dir.resolve("data"));
        assertEquals(10, source.schema().classCount(), "still ten classes: the note only says so");
        String note = source.lookalikeNote().orElseThrow();
        assertTrue(note.contains("class folders '01' and '1' and '1 '; 'Cat' and 'cat'; 'bird' and 'bird.'; "
                + "'dog-1' and 'dog_1' differ only in case"), note);
        assertFalse(note.contains("'dog'"), note);
        assertEquals(java.util.Optional.empty(), new ImageFolderSource(grayFolders(dir.resolve("plain")))
                .lookalikeNote());
        // a fresh user (4 Dec): café from macOS (e and a combining accent) beside café from Linux, without a word
        for (String folder : List.of("caf\u00e9", "cafe\u0301")) {
            TestFiles.grayPng(dir.resolve("accents").resolve(folder).resolve("x.png"), 2, 2, 10);
        }
        String accents = new ImageFolderSource(dir.resolve("accents")).lookalikeNote().orElseThrow();
        assertTrue(accents.contains("'cafe\\u0301' and 'caf\u00e9'") || accents.contains("'caf\u00e9' and "
                + "'cafe\\u0301'"), accents);
        // a no-break or zero-width space inside, or fullwidth letters: no note, and the lists showed them alike (5 Dec)
        for (String folder : List.of("cat", "cat\u00a0", "ca\u200bt", "\uff43\uff41\uff54")) {
            TestFiles.grayPng(dir.resolve("invisible").resolve(folder).resolve("x.png"), 2, 2, 10);
        }
        String invisible = new ImageFolderSource(dir.resolve("invisible")).lookalikeNote().orElseThrow();
        for (String shown : List.of("'cat'", "'cat\\u00a0'", "'ca\\u200bt'", "'\uff43\uff41\uff54'")) {
            assertTrue(invisible.contains(shown), shown + " in " + invisible);
        }
        // an emoji with and without its presentation selector (U+FE0F), as keyboards type it (a fresh user, 6 Dec)
        for (String folder : List.of("\u2764 love", "\u2764\ufe0f love")) {
            TestFiles.grayPng(dir.resolve("emoji").resolve(folder).resolve("x.png"), 2, 2, 10);
        }
        String emoji = new ImageFolderSource(dir.resolve("emoji")).lookalikeNote().orElseThrow();
        assertTrue(emoji.contains("\\ufe0f"), "the selector is shown escaped: " + emoji);
    }

    /** 12-bit data in 16-bit PNG files kept 16 levels, and 0..255 in them read black, without a note (5 Dec). */
    @Test
    void sixteenBitImagesWhoseSamplesSitLowAreNamed(@TempDir Path dir) throws Exception {
        java.util.Random random = new java.util.Random(29);
        for (String cls : List.of("a", "b")) {
            for (int i = 0; i < 3; i++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(4, 4,
                        java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
                for (int p = 0; p < 16; p++) {
                    image.getRaster().setSample(p % 4, p / 4, 0, random.nextInt(i == 2 && cls.equals("b") ? 65536
                            : 4096));
                }
                Files.createDirectories(dir.resolve("data").resolve(cls));
                javax.imageio.ImageIO.write(image, "png", dir.resolve("data").resolve(cls).resolve(i + ".png")
                        .toFile());
            }
        }
        String note = new ImageFolderSource(dir.resolve("data")).depthNote().orElseThrow();
        assertTrue(note.contains(": 5 of 6 images are 16-bit with every sample below 4096 (the first: a/0.png)"), note);
        assertEquals(java.util.Optional.empty(), new ImageFolderSource(grayFolders(dir.resolve("plain"))).depthNote());
    }

    @Test
    void jpegsWithAnExifOrientationAreNamedAsReadUnturned(@TempDir Path dir) throws Exception {
        // a fresh user (4 Dec): phone photos stored sideways with EXIF orientation 6 trained sideways without a word
        for (String cls : List.of("cat", "dog")) {
            for (int i = 0; i < 2; i++) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                        java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D paint = image.createGraphics();
                paint.setColor(new java.awt.Color(0x336699)); // in colour: black would be grey stored as RGB
                paint.fillRect(0, 0, 8, 8);
                paint.dispose();
                java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
                javax.imageio.ImageIO.write(image, "jpg", jpeg);
                byte[] bytes = jpeg.toByteArray();
                Path file = Files.createDirectories(dir.resolve(cls)).resolve(i + ".jpg");
                Files.write(file, cls.equals("dog") && i == 1 ? withOrientation(bytes, 6) : bytes);
            }
        }
        ImageFolderSource source = new ImageFolderSource(dir);
        String note = source.orientationNote().orElseThrow();
        assertEquals(java.util.Optional.empty(), source.colourNote(), "all in colour: no colour note");
        assertTrue(note.contains("1 of 4 images carries an EXIF orientation (the first: dog/1.jpg), which is not "
                + "applied"), note);
        Files.write(dir.resolve("dog/1.jpg"), withOrientation(Files.readAllBytes(dir.resolve("dog/0.jpg")), 1));
        assertEquals(java.util.Optional.empty(), new ImageFolderSource(dir).orientationNote(),
                "orientation 1: upright");
    }

    /** A portrait photo stored landscape with orientation 6 is refused for its size, and the line says why. */
    @Test
    void anImageOfTheOtherSizeTurnedByItsExifOrientationIsNamedSo(@TempDir Path dir) throws Exception {
        byte[] landscape = null;
        for (int i = 0; i < 3; i++) {
            boolean stored = i == 2;
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(stored ? 12 : 8, stored ? 8 : 12,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "jpg", jpeg);
            Path file = Files.createDirectories(dir.resolve("a")).resolve(i + ".jpg");
            landscape = jpeg.toByteArray();
            Files.write(file, stored ? withOrientation(landscape, 6) : landscape);
        }
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(e.getMessage().contains("image is 12x8 (width x height) but ") && e.getMessage().contains(
                "; 2.jpg carries an EXIF orientation (6) that turns it a quarter"), e.getMessage());
        Files.write(dir.resolve("a/2.jpg"), withOrientation(landscape, 1));
        InvalidDataException upright = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(!upright.getMessage().contains("EXIF"), upright.getMessage());
    }

    /** An image file of GBs (an unfinished copy) ran the heap out with advice to give Java more, naming no file. */
    @Test
    void anImageFileOfGigabytesIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 2; i++) {
            TestFiles.grayPng(dir.resolve("a").resolve(i + ".png"), 2, 2, i);
            TestFiles.grayPng(dir.resolve("b").resolve(i + ".png"), 2, 2, 10 + i);
        }
        TestFiles.growSparse(dir.resolve("b/1.png"), 3_000_000_000L); // the PNG then zeros
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(e.getMessage().contains("1.png: an image file of 3.0 GB, more than augment reads (1024 MB"),
                e.getMessage());
    }

    /** Mixed sizes were refused one pair at a time: a user resized, ran again and met the next pair (6 Dec). */
    @Test
    void everySizeOfAMixedFolderIsNamedAtOnce(@TempDir Path dir) throws Exception {
        int[] sizes = {28, 28, 32, 30, 28, 64};
        for (int i = 0; i < sizes.length; i++) {
            TestFiles.grayPng(dir.resolve(i % 2 == 0 ? "a" : "b").resolve(i + ".png"), sizes[i], sizes[i], i);
        }
        // a file of GBs among them (an unfinished copy) is counted by its header, not read whole (a re-check, 6 Dec)
        TestFiles.grayPng(dir.resolve("b").resolve("zz.png"), 64, 64, 9);
        TestFiles.growSparse(dir.resolve("b/zz.png"), 3_000_000_000L);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        Files.delete(dir.resolve("b/zz.png"));
        assertTrue(e.getMessage().contains("64x64 (2, the first b"), e.getMessage());
        e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(e.getMessage().contains("; the sizes of the 6 images: 28x28 (3, the first a" + java.io.File.separator
                + "0.png), ") && e.getMessage().contains("32x32 (1: a" + java.io.File.separator + "2.png)")
                && e.getMessage().contains("64x64 (1: b") && e.getMessage().endsWith("resize every image to one size "
                + "(e.g. mogrify -resize 28x28! on copies) or remove the others"), e.getMessage());
        for (int i = 2; i < sizes.length; i++) {
            Files.delete(dir.resolve(i % 2 == 0 ? "a" : "b").resolve(i + ".png"));
        }
        TestFiles.grayPng(dir.resolve("b/5.png"), 30, 30, 5);
        InvalidDataException pair = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(pair.getMessage().contains("the sizes of the 3 images: 28x28 (2, the first")
                && !pair.getMessage().contains("resize every image"), pair.getMessage());
    }

    /** @return the JPEG with an APP1 Exif segment after its SOI holding one IFD entry: orientation (little-endian) */
    private static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0, 0, 0,
                0, 0, 0, 0};
        byte[] exif = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + exif.length + tiff.length;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(tiff, 0, tiff.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void noClassNameMayBeGivenTwiceByANamesFileOrAClassMap(@TempDir Path dir) throws Exception {
        Path root = grayFolders(dir);
        java.nio.file.Files.writeString(root.resolve(ClassMap.FILE),
                "index,label,name,folder\n0,ant,Ant,ant\n1,bird,Bird,bird\n");
        Path twice = java.nio.file.Files.writeString(dir.resolve("twice.txt"), "Ant\nAnt\n");
        assertTrue(assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> new ImageFolderSource(root, twice.toString())).getMessage().contains("lists the name 'Ant' twice"));
        java.nio.file.Files.writeString(root.resolve(ClassMap.FILE),
                "index,label,name,folder\n0,ant,Ant,ant\n1,bird,Ant,bird\n");
        assertTrue(assertThrows(dev.augment.errors.InvalidDataException.class, () -> new ImageFolderSource(root))
                .getMessage().contains("lists name 'Ant' twice"));
    }

    /**
     * Generate's own classes.csv for classes {@code Cat} and {@code cat} (folders Cat and cat_1) was refused as a swap,
     * since each name reads as the other's label too (a fresh user, 7 Dec); a real swap is still refused.
     */
    @Test
    void classesWhoseLabelsReadAlikeKeepTheirOwnNamesButNotEachOthers(@TempDir Path dir) throws Exception {
        for (String folder : List.of("Cat", "cat_1")) {
            for (int i = 0; i < 2; i++) {
                TestFiles.grayPng(dir.resolve(folder).resolve(i + ".png"), 4, 3, 10 * i);
            }
        }
        java.nio.file.Files.writeString(dir.resolve(ClassMap.FILE),
                "index,label,name,folder\n0,Cat,Cat,Cat\n1,cat,cat,cat_1\n");
        assertEquals(List.of("Cat", "cat"), new ImageFolderSource(dir).schema().classNames());
        java.nio.file.Files.writeString(dir.resolve(ClassMap.FILE),
                "index,label,name,folder\n0,Cat,cat,Cat\n1,cat,Cat,cat_1\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir)).getMessage()
                .contains("names class 0 (label 'Cat') 'cat', the label of class 1, which would swap"),
                "the two look-alike names swapped exactly");
        java.nio.file.Files.writeString(dir.resolve(ClassMap.FILE),
                "index,label,name,folder\n0,one,two,Cat\n1,two,one,cat_1\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir)).getMessage()
                .contains("names class 0 (label 'one') 'two', the label of class 1, which would swap"));
    }

    @Test
    void readsRgbWhenAnyImageIsColouredRepeatingGrayImages(@TempDir Path dir) {
        grayFolders(dir);
        TestFiles.rgbPng(dir.resolve("cat").resolve("c.png"), 4, 3, 0x0A141E);

        ImageFolderSource source = new ImageFolderSource(dir);
        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertEquals(List.of(3, 3, 4), source.schema().shape());
        assertEquals("35", source.schema().featureNames().get(35));
        float[] cat = samples.features()[5];
        assertEquals(10f, cat[0], "red plane first");
        assertEquals(20f, cat[12], "then green");
        assertEquals(30f, cat[24 + 11], "then blue");
        float[] ant = samples.features()[0];
        assertEquals(50f, ant[0]);
        assertEquals(50f, ant[12]);
        assertEquals(50f, ant[24]);
    }

    @Test
    void refusesImageOfOtherSizeNamingItAndBothSizes(@TempDir Path dir) {
        grayFolders(dir);
        TestFiles.grayPng(dir.resolve("bird").resolve("odd.png"), 5, 3, 0);

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));

        assertTrue(e.getMessage().contains("odd.png") && e.getMessage().contains("5x3")
                && e.getMessage().contains("4x3"), e.getMessage());
    }

    @Test
    void anImageOfOtherSizeIsRefusedFromItsHeaderBeforeItsPixelsAreDecoded(@TempDir Path dir) throws Exception {
        grayFolders(dir);
        // a header of 20 000 x 20 000 and no pixel data: decoding first filled the heap (a real one of 1.1 MB did)
        Files.write(dir.resolve("bird").resolve("huge.png"), pngHeaderOnly(20_000, 20_000));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));

        assertTrue(e.getMessage().contains("huge.png") && e.getMessage().contains("image is 20000x20000 (width x "
                + "height) but") && e.getMessage().contains("4x3"), e.getMessage());
    }

    @Test
    void anImageOfMoreThanTheLargestSizeIsRefusedFromItsHeader(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.write(dir.resolve("a").resolve("first.png"), pngHeaderOnly(9000, 9000));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));

        assertTrue(e.getMessage().contains("first.png: image is 9000x9000 (width x height), more than the 67108864 "
                + "pixels augment decodes; resize the images first"), e.getMessage());
    }

    @Test
    void aTruncatedJpegIsRefusedNotReadWithItsLowerPartGrey(@TempDir Path dir) throws Exception {
        Path cifar = Path.of("..", "datasets", "cifar10-sample", "train");
        for (String c : List.of("cat", "dog")) {
            Files.createDirectories(dir.resolve(c));
            try (var files = Files.list(cifar.resolve(c))) {
                for (Path jpeg : files.sorted().limit(3).toList()) {
                    Files.copy(jpeg, dir.resolve(c).resolve(jpeg.getFileName()));
                }
            }
        }
        assertEquals(6, new ImageFolderSource(dir).size(), "the whole files are read");
        Path cut;
        try (var files = Files.list(dir.resolve("dog"))) {
            cut = files.sorted().findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(cut);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length * 8 / 10));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));

        assertTrue(e.getMessage().contains(cut.getFileName().toString()) && e.getMessage().contains("truncated or damaged JPEG"),
                e.getMessage());
    }

    @Test
    void aJpegCutAfterAHarmlessWarningOrBetweenScansIsRefusedToo(@TempDir Path dir) throws Exception {
        // libjpeg warns once per kind, so "extraneous bytes" hid "premature end"; a cut between progressive scans
        // and a missing end marker warn only "Missing EOI marker"
        Path jpeg;
        try (var files = Files.list(Path.of("..", "datasets", "cifar10-sample", "train", "dog"))) {
            jpeg = files.sorted().findFirst().orElseThrow();
        }
        byte[] whole = Files.readAllBytes(jpeg);
        int scan = indexOf(whole, new byte[] {(byte) 0xFF, (byte) 0xDA});
        java.io.ByteArrayOutputStream junk = new java.io.ByteArrayOutputStream();
        junk.write(whole, 0, scan);
        junk.writeBytes(new byte[] {1, 2, 3, 4});
        junk.write(whole, scan, whole.length - scan);
        byte[] withJunk = junk.toByteArray();
        List<byte[]> cut = List.of(java.util.Arrays.copyOf(withJunk, withJunk.length - 60),
                java.util.Arrays.copyOf(whole, whole.length - 2));
        for (byte[] bytes : cut) {
            Path folder = Files.createTempDirectory(dir, "set");
            Files.createDirectories(folder.resolve("a"));
            Files.copy(jpeg, folder.resolve("a").resolve("whole.jpg"));
            Files.write(folder.resolve("a").resolve("cut.jpg"), bytes);
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(folder));
            assertTrue(e.getMessage().contains("cut.jpg: truncated or damaged JPEG"), e.getMessage());
        }
        Path folder = Files.createTempDirectory(dir, "junk-only");
        Files.createDirectories(folder.resolve("a"));
        Files.write(folder.resolve("a").resolve("junk.jpg"), withJunk);
        assertEquals(1, new ImageFolderSource(folder).size(), "extraneous bytes alone are harmless");
    }

    @Test
    void aPngWhoseTextChunkDoesNotParseIsStillReadAsImageIoReadsIt(@TempDir Path dir) throws Exception {
        // reading the metadata (ImageIO's read skips it) refused such a file: "Error reading PNG metadata"
        grayFolders(dir);
        Path png = dir.resolve("bird").resolve("b0.png");
        byte[] whole = Files.readAllBytes(png);
        int afterHeader = 8 + 25;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(whole, 0, afterHeader);
        chunk(out, "zTXt", "Comment\0\0notzlibdata".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        out.write(whole, afterHeader, whole.length - afterHeader);
        Files.write(png, out.toByteArray());

        assertEquals(5, new ImageFolderSource(dir).size());
    }

    private static int indexOf(byte[] bytes, byte[] marker) {
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("marker not found");
    }

    /** @return a grey 8-bit PNG's signature, header chunk and end chunk, without pixel data */
    private static byte[] pngHeaderOnly(int width, int height) {
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put(new byte[] {8, 0, 0, 0, 0});
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", header.array());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** What is not read is listed for a note: a hidden folder would have been a class, a .bmp looks like data. */
    @Test
    void listsWhatItSkippedHiddenFoldersSubFoldersAndFilesThatAreNotImages(@TempDir Path dir) throws Exception {
        TestFiles.grayPng(dir.resolve("a/0.png"), 2, 2, 11); // a class of one PNG and one BMP is refused
        TestFiles.grayPng(dir.resolve("a/1.png"), 2, 2, 10);
        TestFiles.grayPng(dir.resolve("a/.h.png"), 2, 2, 10);
        TestFiles.grayPng(dir.resolve("a/sub/3.png"), 2, 2, 10);
        Files.writeString(dir.resolve("a/x.bmp"), "not read");
        Files.writeString(dir.resolve("a/.DS_Store"), "noise, not listed");
        TestFiles.grayPng(dir.resolve(".hidden/2.png"), 2, 2, 10);
        // what unzipping a macOS-made archive leaves beside the class folders (a fresh user, 4 Dec, was refused)
        Files.createDirectories(dir.resolve("__MACOSX/a"));
        Files.writeString(dir.resolve("__MACOSX/a/._1.png"), "AppleDouble");
        // a Synology share's thumbnails and a drive's lost+found were classes (a fresh user, 6 Dec)
        TestFiles.grayPng(dir.resolve("@eaDir/0.png@SYNOPHOTO_THUMB_S.png"), 2, 2, 10);
        Files.createDirectories(dir.resolve("lost+found"));
        TestFiles.grayPng(dir.resolve("b/2.png"), 2, 2, 20);
        ImageFolderSource source = new ImageFolderSource(dir);
        assertEquals(3, source.size(), "a/0.png, a/1.png and b/2.png");
        assertEquals(List.of(".hidden/", "@eaDir/", "__MACOSX/", "a/.h.png", "a/sub/", "a/x.bmp", "lost+found/"),
                source.skipped());
        Path clean = dir.resolve("clean");
        TestFiles.grayPng(clean.resolve("c/1.png"), 2, 2, 10);
        Files.writeString(clean.resolve("c/.DS_Store"), "noise");
        assertEquals(List.of(), new ImageFolderSource(clean).skipped(), "hidden non-images are not listed");
    }

    /**
     * A class folder named 'recycled' (waste sorting) was skipped as Windows' recycle bin, images and all, and
     * training went on with fewer classes (a fresh user, 6 Dec): only a bin holding the bin's own files is skipped.
     */
    @Test
    void aClassNamedRecycledIsReadAndOnlyARealRecycleBinIsSkipped(@TempDir Path dir) throws Exception {
        for (String c : List.of("compost", "recycled", "Recycler")) {
            TestFiles.grayPng(dir.resolve(c).resolve("0.png"), 2, 2, c.length());
        }
        ImageFolderSource source = new ImageFolderSource(dir);
        assertEquals(List.of("Recycler", "compost", "recycled"), source.schema().classNames()); // in code-point order
        assertEquals(List.of(), source.skipped());
        // Windows writes a desktop.ini into ordinary folders too (an icon): still a class (a re-check, 6 Dec)
        Files.writeString(dir.resolve("recycled").resolve("desktop.ini"), "[.ShellClassInfo]\nIconResource=x.ico,0");
        assertEquals(3, new ImageFolderSource(dir).schema().classCount());
        Files.writeString(dir.resolve("Recycler").resolve("desktop.ini"),
                "[.ShellClassInfo]\nCLSID={645FF040-5081-101B-9F08-00AA002F954E}");
        ImageFolderSource withBin = new ImageFolderSource(dir);
        assertEquals(List.of("compost", "recycled"), withBin.schema().classNames());
        assertEquals(List.of("Recycler/", "recycled/desktop.ini"), withBin.skipped());
    }

    /**
     * A class that files its photos by year (cat/2019/, cat/2020/) was told to give the folder it had given, and one
     * with most of them in a sub-folder lost them while ROS grew it with copies (a fresh user, 6 Dec).
     */
    @Test
    void imagesFiledInAClassFoldersSubFoldersAreNamedWithTheWayToMoveThemUp(@TempDir Path dir) throws Exception {
        TestFiles.grayPng(dir.resolve("all/cat/2019/0.png"), 2, 2, 11);
        TestFiles.grayPng(dir.resolve("all/cat/2020/1.png"), 2, 2, 12);
        TestFiles.grayPng(dir.resolve("all/dog/2.png"), 2, 2, 20);
        InvalidDataException all = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(
                dir.resolve("all")));
        assertTrue(all.getMessage().contains("its images are in its sub-folders (2019/, 2020/, 2 images), while only "
                + "images directly in a class folder are read; move them up, each named by its path"),
                all.getMessage());
        TestFiles.grayPng(dir.resolve("most/cat/0.png"), 2, 2, 11);
        TestFiles.grayPng(dir.resolve("most/cat/2019/1.png"), 2, 2, 12);
        TestFiles.grayPng(dir.resolve("most/cat/2019/2.png"), 2, 2, 13);
        TestFiles.grayPng(dir.resolve("most/dog/3.png"), 2, 2, 20);
        InvalidDataException most = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(
                dir.resolve("most")));
        assertTrue(most.getMessage().contains("holds 1 image and 2 more in its sub-folders (2019/), which are not "
                + "read"), most.getMessage());

        // fewer below than beside: read, and the note counts them with the advice (it named cat/2019/ like a stray
        // folder while ROS added a copy of the rest: a re-check, 7 Dec)
        for (int i = 0; i < 4; i++) {
            TestFiles.grayPng(dir.resolve("fewer/cat/" + i + ".png"), 2, 2, 30 + i);
        }
        TestFiles.grayPng(dir.resolve("fewer/cat/2019/a.png"), 2, 2, 40);
        TestFiles.grayPng(dir.resolve("fewer/cat/2019/b.png"), 2, 2, 41);
        TestFiles.grayPng(dir.resolve("fewer/cat/2019/deeper/c.png"), 2, 2, 42);
        TestFiles.grayPng(dir.resolve("fewer/dog/d.png"), 2, 2, 20);
        java.nio.file.Files.createDirectories(dir.resolve("fewer/dog/empty"));
        // a NAS's thumbnails and a hidden folder's are no images of the class (a re-check, 7 Dec)
        TestFiles.grayPng(dir.resolve("fewer/cat/@eaDir/0.png/SYNOPHOTO_THUMB_S.png"), 2, 2, 43);
        TestFiles.grayPng(dir.resolve("fewer/cat/.thumbs/0.png"), 2, 2, 44);
        ImageFolderSource fewer = new ImageFolderSource(dir.resolve("fewer"));
        String note = fewer.skippedNote().orElseThrow();
        assertTrue(note.contains("; 3 images are in class folders' sub-folders (cat/2019/ 3), which are not read: if "
                + "they belong to the class, move them up, each named by its path"), note);
        assertTrue(note.contains("! -ipath '*/@eadir/*'"), "the advised command leaves the thumbnails: " + note);
        assertTrue(!note.contains("dog/empty/ 0"), "a folder without images is no count: " + note);
        TestFiles.grayPng(dir.resolve("fewer/dog/old/e.png"), 2, 2, 45);
        TestFiles.grayPng(dir.resolve("fewer/dog/f.png"), 2, 2, 46);
        String two = new ImageFolderSource(dir.resolve("fewer")).skippedNote().orElseThrow();
        assertTrue(two.contains("(cat/2019/ 3, dog/old/ 1), which are not read: if they belong to the class, in each "
                + "of those 2 class folders (the command for cat/ here) move them up"), two);
    }

    /**
     * The advice to move a class's images up from its sub-folders used {@code mv -n}: photos of the same name in two
     * years stayed behind and the same advice came again; and sub-folders named like the classes (a second batch
     * filed by class, or generate's output) were to be moved up into one class of cats and dogs (a fresh user, 7 Dec).
     */
    @Test
    void theAdvisedMoveUpKeepsEveryImageAndClassNamedSubFoldersAreNotMovedUp(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 3; i++) {
            TestFiles.grayPng(dir.resolve("years/cat/2019/" + i + ".png"), 2, 2, 10 + i);
            TestFiles.grayPng(dir.resolve("years/cat/2020/" + i + ".png"), 2, 2, 20 + i);
            TestFiles.grayPng(dir.resolve("years/dog/" + i + ".png"), 2, 2, 30 + i);
        }
        // names that clash once joined with _ (2019/0_a.png, 2019_0/a.png), a folder named like an option, and a
        // macOS ._ file, which must stay hidden where it is (a re-check, 7 Dec)
        TestFiles.grayPng(dir.resolve("years/cat/2019/0_a.png"), 2, 2, 40);
        TestFiles.grayPng(dir.resolve("years/cat/2019_0/a.png"), 2, 2, 41);
        TestFiles.grayPng(dir.resolve("years/cat/-old/b.png"), 2, 2, 42);
        Files.writeString(dir.resolve("years/cat/2019/._0.png"), "AppleDouble");
        String message = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(
                dir.resolve("years"))).getMessage();
        String command = message.substring(message.indexOf(", e.g. ") + ", e.g. ".length());
        Process move = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String printed = new String(move.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, move.waitFor(), command + "\n" + printed);
        ImageFolderSource moved = new ImageFolderSource(dir.resolve("years"));
        assertEquals(12, moved.size(), "every photo is read: " + command);
        assertTrue(Files.isRegularFile(dir.resolve("years/cat/2020_2.png")));
        assertTrue(Files.isRegularFile(dir.resolve("years/cat/2019/._0.png")), "the hidden file stays where it was");

        for (String c : List.of("cat", "dog")) {
            TestFiles.grayPng(dir.resolve("batch/" + c + "/0.png"), 2, 2, 40);
            TestFiles.grayPng(dir.resolve("batch/extra/" + c + "/0.png"), 2, 2, 50);
            TestFiles.grayPng(dir.resolve("deeper/" + c + "/0.png"), 2, 2, 40);
            TestFiles.grayPng(dir.resolve("deeper/extra/batch2/" + c.toUpperCase(java.util.Locale.ROOT) + "/0.png"),
                    2, 2, 50);
            TestFiles.grayPng(dir.resolve("mixed/" + c + "/0.png"), 2, 2, 60);
            TestFiles.grayPng(dir.resolve("mixed/gen/" + c + "x/0.png"), 2, 2, 70);
        }
        String batch = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir.resolve("batch")))
                .getMessage();
        assertTrue(batch.contains("folders in it are named like the class folders beside it (cat/, dog/): it looks "
                + "like a second set of the data filed by class, not one class; do not move its images up"), batch);
        assertFalse(batch.contains("mv "), batch);
        String deeper = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir.resolve("deeper")))
                .getMessage();
        assertTrue(deeper.contains("named like the class folders beside it (batch2/CAT/, batch2/DOG/)"), deeper);
        Files.writeString(dir.resolve("mixed/gen/" + GenerationRecord.FILE), "{}");
        String generated = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir.resolve("mixed")))
                .getMessage();
        assertTrue(generated.contains("it holds augment generate's output (generated.json), one folder per class, "
                + "not one class"), generated);
        assertFalse(generated.contains("mv "), generated);
        // a sub-folder that is a link was not counted, and its images went unread without a word (a re-check, 7 Dec)
        TestFiles.grayPng(dir.resolve("linked/cat/0.png"), 2, 2, 80);
        TestFiles.grayPng(dir.resolve("linked/dog/0.png"), 2, 2, 81);
        for (int i = 0; i < 3; i++) {
            TestFiles.grayPng(dir.resolve("elsewhere/" + i + ".png"), 2, 2, 90 + i);
        }
        Files.createSymbolicLink(dir.resolve("linked/cat/old"), dir.resolve("elsewhere"));
        String linked = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir.resolve("linked")))
                .getMessage();
        assertTrue(linked.contains("holds 1 image and 3 more in its sub-folders (old/)"), linked);
        // a link to another class, or back to the data folder, was told to move its images up: merged (a re-check)
        TestFiles.grayPng(dir.resolve("merge/cat/0.png"), 2, 2, 100);
        TestFiles.grayPng(dir.resolve("merge/dog/0.png"), 2, 2, 101);
        TestFiles.grayPng(dir.resolve("merge/dog/1.png"), 2, 2, 102);
        Files.createSymbolicLink(dir.resolve("merge/cat/fromdog"), Path.of("../dog"));
        String merge = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir.resolve("merge")))
                .getMessage();
        assertTrue(merge.contains("folder 'fromdog' in it is a link to " + dir.resolve("merge/dog").toRealPath()
                + ", inside the data folder: do not move its images up, which would merge the classes; remove the "
                + "link"), merge);
        assertFalse(merge.contains("mv "), merge);
        // a linked outside folder holding class folders, or a link back into the data inside it (a re-check, 7 Dec)
        TestFiles.grayPng(dir.resolve("outer/cat/0.png"), 2, 2, 110);
        TestFiles.grayPng(dir.resolve("outer/dog/0.png"), 2, 2, 111);
        TestFiles.grayPng(dir.resolve("outside/dog/0.png"), 2, 2, 112);
        TestFiles.grayPng(dir.resolve("outside/cat/0.png"), 2, 2, 113);
        Files.createSymbolicLink(dir.resolve("outer/cat/ext"), dir.resolve("outside"));
        String outer = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir.resolve("outer")))
                .getMessage();
        assertTrue(outer.contains("named like the class folders beside it (ext/dog/)"), outer);
        assertFalse(outer.contains("mv "), outer);
    }

    /**
     * Kaggle's Dogs vs Cats (train/cat.0.jpg, train/dog.0.jpg) and images/ beside labels.csv each trained a one-class
     * model named after the folder, without a word (a fresh user, 6 Dec); a single class folder of another name is
     * read.
     */
    @Test
    void aLoneFolderOfUnsortedImagesIsNotReadAsOneClass(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 3; i++) {
            TestFiles.grayPng(dir.resolve("dvc/train/cat." + i + ".png"), 2, 2, 10 + i);
            TestFiles.grayPng(dir.resolve("dvc/train/dog." + i + ".png"), 2, 2, 20 + i);
            TestFiles.grayPng(dir.resolve("lcsv/images/" + i + ".png"), 2, 2, 30 + i);
            TestFiles.grayPng(dir.resolve("one/bag/" + i + ".png"), 2, 2, 40 + i);
        }
        InvalidDataException dvc = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(
                dir.resolve("dvc")));
        assertTrue(dvc.getMessage().contains("holds one folder, 'train/', which would be read as a single class named "
                + "'train', while its images carry their class in their names (cat.* 3, dog.* 3)"), dvc.getMessage());
        InvalidDataException flat = assertThrows(InvalidDataException.class, () -> DataSources.open(
                dir.resolve("dvc/train"), Split.TRAIN, null));
        assertTrue(flat.getMessage().contains("holds 6 images whose names carry their class (cat.* 3, dog.* 3)"),
                flat.getMessage());
        Files.writeString(dir.resolve("lcsv/labels.csv"), "file,label\n0.png,cat\n1.png,dog\n2.png,cat\n");
        InvalidDataException labels = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(
                dir.resolve("lcsv")));
        assertTrue(labels.getMessage().contains("holds one folder, 'images/', which would be read as a single class, "
                + "while labels.csv beside it names its images"), labels.getMessage());
        assertEquals(3, new ImageFolderSource(dir.resolve("one")).size(), "one class of its own name is read");
        // one class's photos from two cameras, and a credits file naming them, are no labels (a re-check, 6 Dec)
        for (int i = 0; i < 3; i++) {
            TestFiles.grayPng(dir.resolve("cams/roses/IMG_" + i + ".png"), 2, 2, 50 + i);
            TestFiles.grayPng(dir.resolve("cams/roses/DSC_" + i + ".png"), 2, 2, 60 + i);
        }
        Files.writeString(dir.resolve("cams/credits.csv"), "file,photographer\nIMG_0.png,Ann\n");
        assertEquals(6, new ImageFolderSource(dir.resolve("cams")).size(), "one class from two cameras");
    }

    /** A Latin-1 folder name became the class 'caf\uFFFD' without a word (a fresh user, 6 Dec). */
    @Test
    void aClassFolderWhoseNameIsNotUtf8IsNamed(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "file names are decoded as UTF-8 here");
        TestFiles.grayPng(dir.resolve("dog/a.png"), 2, 2, 10);
        // the byte 0xE9 (é in Latin-1) alone: made with a shell, since Java cannot name such a file itself
        Process mkdir = new ProcessBuilder("sh", "-c", "mkdir \"$(printf 'caf\\351')\" && cp dog/a.png \"$(printf "
                + "'caf\\351')/b.png\"").directory(dir.toFile()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkdir.waitFor() == 0, "a shell made the folder");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(e.getMessage().contains("the folder's name is not UTF-8 text"), e.getMessage());
    }

    /**
     * Latin-1 file names were read but recorded as 'caf\uFFFD.png', a file that does not exist, two files under one
     * name (a fresh user, 7 Dec).
     */
    @Test
    void imageFilesWhoseNamesAreNotUtf8AreNamedWithTheirCount(@TempDir Path dir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding")),
                "file names are decoded as UTF-8 here");
        TestFiles.grayPng(dir.resolve("dog/a.png"), 2, 2, 10);
        TestFiles.grayPng(dir.resolve("cat/a.png"), 2, 2, 20);
        Process cp = new ProcessBuilder("sh", "-c", "cp cat/a.png \"cat/$(printf 'caf\\350').png\" && cp cat/a.png "
                + "\"cat/$(printf 'caf\\351').png\"").directory(dir.toFile()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(cp.waitFor() == 0, "a shell made the files");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(e.getMessage().contains("the file's name is not UTF-8 text (bytes of another encoding, as unzip "
                + "leaves the names of a zip made on Windows), nor is 1 other image file's, so it cannot be "
                + "named in what augment writes; rename them, e.g. convmv -f cp1252 -t utf8 -r --notest " + dir),
                e.getMessage());
    }

    /** Grey photos saved as RGB PNGs trained a 3-channel GAN without a word (a fresh user, 6 Dec). */
    @Test
    void greyImagesStoredAsRgbAreNamed(@TempDir Path dir) {
        TestFiles.rgbPng(dir.resolve("all/a/0.png"), 2, 2, 0x808080);
        TestFiles.rgbPng(dir.resolve("all/b/1.png"), 2, 2, 0x404040);
        String all = new ImageFolderSource(dir.resolve("all")).colourNote().orElseThrow();
        assertTrue(all.contains("every image is grey stored as RGB (R = G = B in every pixel"), all);
        TestFiles.grayPng(dir.resolve("one/a/0.png"), 2, 2, 10);
        TestFiles.rgbPng(dir.resolve("one/b/1.png"), 2, 2, 0x404040);
        String one = new ImageFolderSource(dir.resolve("one")).colourNote().orElseThrow();
        assertTrue(one.contains("1 of 2 images are grey stored as RGB"), one);
        TestFiles.rgbPng(dir.resolve("colour/a/0.png"), 2, 2, 0x804020);
        TestFiles.rgbPng(dir.resolve("colour/b/1.png"), 2, 2, 0x404048);
        assertTrue(new ImageFolderSource(dir.resolve("colour")).colourNote().isEmpty(), "colour data: no note");
    }

    /** A file name holding a newline was skipped though it ends .png and broke the one-line note (4 Dec). */
    @Test
    void anImageWhoseNameHoldsANewlineIsReadAndASkippedOneIsShownOnOneLine(@TempDir Path dir) throws Exception {
        TestFiles.grayPng(dir.resolve("a/bad\nname.png"), 2, 2, 10);
        TestFiles.grayPng(dir.resolve("b/2.png"), 2, 2, 20);
        Files.writeString(dir.resolve("b/notes\nmore.txt"), "not read");
        ImageFolderSource source = new ImageFolderSource(dir);
        assertEquals(2, source.size(), "a/bad<newline>name.png is an image");
        String note = source.skippedNote().orElseThrow();
        assertEquals(1, note.lines().count(), note);
        assertTrue(note.contains("(b/notes\\u000amore.txt)"), note);
    }

    @Test
    void refusesMissingRoot(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere");

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(missing));

        assertTrue(e.getMessage().contains("nowhere") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void refusesRootWithoutClassFolders(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("flat"));
        TestFiles.grayPng(root.resolve("loose.png"), 2, 2, 0);

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(root));

        assertTrue(e.getMessage().contains("flat") && e.getMessage().contains("no class folders"), e.getMessage());
    }

    @Test
    void refusesEmptyClassFolderNamingIt(@TempDir Path dir) throws Exception {
        grayFolders(dir);
        Files.createDirectories(dir.resolve("cow"));
        Files.writeString(dir.resolve("cow").resolve("notes.txt"), "no images here");

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));

        // a fresh user (4 Dec): a folder of GIFs was called "empty"; the files are why, and now named
        assertTrue(e.getMessage().contains("cow") && e.getMessage().contains("class folder holds 1 file but no .png, "
                + ".jpg or .jpeg image (first: notes.txt)"), e.getMessage());
        Files.delete(dir.resolve("cow").resolve("notes.txt"));
        InvalidDataException empty = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(empty.getMessage().contains("cow") && empty.getMessage().contains("empty class folder"),
                empty.getMessage());
        // macOS's ._ files alone: "empty: no .jpg images" beside an ls listing .jpg files (a fresh user, 7 Dec)
        Files.writeString(dir.resolve("cow").resolve("._moo.jpg"), "resource fork");
        InvalidDataException forks = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(forks.getMessage().contains("class folder holds no images but hidden files named like images "
                + "(first: ._moo.jpg), which are never read: '._' files are macOS metadata"), forks.getMessage());
        // a hidden image that is no macOS file is told to drop its '.' (a fresh user, 7 Dec)
        Files.delete(dir.resolve("cow").resolve("._moo.jpg"));
        TestFiles.grayPng(dir.resolve("cow").resolve(".000.png"), 2, 2, 0);
        InvalidDataException hidden = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(hidden.getMessage().contains("(first: .000.png), which are never read: a name starting with '.' "
                + "is hidden; rename the images without the leading '.'") && !hidden.getMessage().contains("macOS"),
                hidden.getMessage());
    }

    /**
     * A class mostly in GIF or WebP trained on its few PNGs with only the general note (a fresh user, 5 Dec): it is
     * refused when its unread images are as many as its read ones; fewer are counted in the note.
     */
    /**
     * GIFs converted in place as advised (mogrify keeps the originals) were counted again and refused again (a fresh
     * user, 7 Dec): an unread image beside a PNG of its name is taken as converted.
     */
    @Test
    void unreadImagesBesideTheirConvertedCopiesAreNotRefusedAgain(@TempDir Path dir) throws Exception {
        for (String c : List.of("a", "b")) {
            for (int i = 0; i < 2; i++) {
                TestFiles.grayPng(dir.resolve(c).resolve("c" + i + ".png"), 2, 2, i);
                Files.write(dir.resolve(c).resolve("c" + i + ".gif"), new byte[] {'G', 'I', 'F'});
            }
        }
        int examples = 0;
        for (var example : new ImageFolderSource(dir)) {
            examples += example.getOutput() != null ? 1 : 0;
        }
        assertEquals(4, examples, "the four PNGs, the GIFs left out");
        String note = new ImageFolderSource(dir).skippedNote().orElseThrow();
        assertTrue(note.contains("4 of them are images in a format augment does not read (GIF, BMP, WebP, TIFF, "
                + "HEIC …), in 2 folders, 4 beside a PNG or JPEG of their name (converted copies? then move the "
                + "originals out)"), note);
        // other pictures sharing names do not hide the GIFs that have no PNG: all are counted (a re-check, 7 Dec)
        for (int i = 2; i < 5; i++) {
            Files.write(dir.resolve("a").resolve("c" + i + ".gif"), new byte[] {'G', 'I', 'F'});
        }
        InvalidDataException refused = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(refused.getMessage().contains("class folder holds 5 images in formats augment does not read"),
                refused.getMessage());
    }

    @Test
    void aClassMostlyInFormatsNotReadIsRefusedAFewAreCountedInTheNote(@TempDir Path dir) throws Exception {
        grayFolders(dir);
        Files.write(dir.resolve("bird").resolve("x.GIF"), new byte[] {'G', 'I', 'F'});
        for (String other : List.of("a.pgm", "a.apng", "a.jpeg", "a.jfif", "a.JPE")) { // JPEG's names are read
            boolean jpeg = other.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(jpeg|jfif|jpe)");
            assertEquals(!jpeg, ImageFolderLayout.isUnreadImageName(other), other);
            assertEquals(jpeg, ImageFolderLayout.isImageName(other), other);
        }
        String note = new ImageFolderSource(dir).skippedNote().orElseThrow();
        assertTrue(note.contains("(bird/x.GIF)") && note.contains("1 of them is an image in a format augment does not "
                + "read (GIF, BMP, WebP, TIFF, HEIC …), in 1 folder: convert them to PNG or JPEG"), note);

        long read;
        try (var files = Files.list(dir.resolve("bird"))) {
            read = files.filter(p -> p.toString().endsWith(".png")).count();
        }
        for (int i = 1; i < read; i++) {
            Files.write(dir.resolve("bird").resolve(i + ".webp"), new byte[] {'R', 'I', 'F', 'F'});
        }
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(e.getMessage().contains("bird: class folder holds " + read + " images in formats augment does not "
                + "read (.gif, .webp; first: ") && e.getMessage().contains("beside only " + read + " .png/.jpg/.jpeg")
                && e.getMessage().contains("convert the others to PNG or JPEG and move the originals out (for example "
                + "cd " + dir.resolve("bird") + " && mogrify -format png *.webp *.GIF, then move *.webp *.GIF out of "
                + "the folder)"), e.getMessage());
        // the commonest first, each as spelled (a glob is case-sensitive)
        Files.write(dir.resolve("bird").resolve("b0.webp"), new byte[] {'R', 'I', 'F', 'F'});
        InvalidDataException clash = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        // into another folder only: the in-place command came first, and overwrote real PNGs (a fresh user, 7 Dec)
        assertTrue(clash.getMessage().contains("convert the others into another folder, since 'b0' is also the name "
                + "of a PNG or JPEG here") && !clash.getMessage().contains("mogrify -format png *.webp *.GIF,"),
                "converting in place would overwrite b0.png: " + clash.getMessage());
        assertTrue(!clash.getMessage().contains("so do"), clash.getMessage());
        // a second class mostly unread: the refusal names it too (it named the first alone)
        for (int i = 0; i < 2; i++) {
            Files.write(dir.resolve("ant").resolve("x" + i + ".bmp"), new byte[] {'B', 'M'});
        }
        InvalidDataException both = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));
        assertTrue(both.getMessage().startsWith(dir.resolve("ant") + ": class folder holds 2 images")
                && both.getMessage().endsWith("; so does the class folder bird"), both.getMessage());
    }

    @Test
    void refusesUnreadableImageNamingIt(@TempDir Path dir) throws Exception {
        grayFolders(dir);
        Files.writeString(dir.resolve("bird").resolve("broken.png"), "this is not a png");

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(dir));

        assertTrue(e.getMessage().contains("broken.png") && e.getMessage().contains("unreadable image"),
                e.getMessage());
    }

    /** A class folder or an image that is a link to nothing (an unmounted drive) was left out without a word. */
    @Test
    void aLinkToNothingIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        Path root = grayFolders(dir.resolve("data"));
        Path horse = java.nio.file.Files.createSymbolicLink(root.resolve("horse"), dir.resolve("unmounted/horse"));
        dev.augment.errors.InvalidDataException folder = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> new ImageFolderSource(root));
        assertTrue(folder.getMessage().startsWith(horse + ": is a link to " + dir.resolve("unmounted/horse")
                + ", which does not exist"), folder.getMessage());
        java.nio.file.Files.delete(horse);
        java.nio.file.Files.createSymbolicLink(root.resolve("ant/gone.png"), dir.resolve("unmounted/gone.png"));
        dev.augment.errors.InvalidDataException image = assertThrows(dev.augment.errors.InvalidDataException.class,
                () -> new ImageFolderSource(root));
        assertTrue(image.getMessage().contains("gone.png: is a link to"), image.getMessage());
    }

    /** An image beside the class folders belongs to no class; it is named as skipped, as a sub-folder's are. */
    @Test
    void filesBesideTheClassFoldersAreNamedAsSkipped(@TempDir Path dir) throws Exception {
        Path root = grayFolders(dir);
        TestFiles.grayPng(root.resolve("stray_cat.png"), 4, 3, 7);
        java.nio.file.Files.writeString(root.resolve(".hidden"), "x");
        ImageFolderSource source = new ImageFolderSource(root);
        assertEquals(5, source.size(), "the stray image is not read");
        assertEquals(List.of("stray_cat.png"), source.skipped());
        assertTrue(source.skippedNote().orElseThrow().contains("files beside the class folders belong to no class"));
    }

    /** A preview image beside images/{cat,dog} was called one class's folder (a fresh user, 5 Dec). */
    @Test
    void anImageBesideTheOneFolderThatHoldsTheClassFoldersNamesThatFolder(@TempDir Path dir) {
        Path root = dir.resolve("project");
        TestFiles.grayPng(root.resolve("preview.png"), 4, 3, 1);
        for (String name : List.of("cat", "dog")) {
            TestFiles.grayPng(root.resolve("images").resolve(name).resolve("x.png"), 4, 3, 2);
        }
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(root));
        assertTrue(e.getMessage().contains("holds 1 image itself beside the folder 'images', whose sub-folders look "
                + "like the class folders: give " + root.resolve("images") + " as the data"), e.getMessage());
    }

    /** One class's folder with a sub-folder of its own given as the data: refused, not trained as that sub-folder. */
    @Test
    void aClassFolderWithASubFolderIsRefusedNotReadAsOneClass(@TempDir Path dir) {
        Path cats = dir.resolve("My Cats");
        for (int i = 0; i < 4; i++) {
            TestFiles.grayPng(cats.resolve("c" + i + ".png"), 4, 3, i);
        }
        for (int i = 0; i < 2; i++) {
            TestFiles.grayPng(cats.resolve("nested").resolve("n" + i + ".png"), 4, 3, i);
        }
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(cats));
        assertTrue(e.getMessage().contains("holds 4 images itself beside its sub-folder 'nested' (2): it looks like "
                + "one class's folder"), e.getMessage());

        Path rejects = dir.resolve("Dogs");
        TestFiles.grayPng(rejects.resolve("d0.png"), 4, 3, 1);
        for (int i = 0; i < 3; i++) {
            TestFiles.grayPng(rejects.resolve("rejected").resolve("r" + i + ".png"), 4, 3, i);
        }
        e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(rejects));
        assertTrue(e.getMessage().contains("holds 1 image itself beside its sub-folder 'rejected' (3)"), e.getMessage());

        Path root = grayFolders(dir.resolve("two"));
        TestFiles.grayPng(root.resolve("a.png"), 4, 3, 1);
        TestFiles.grayPng(root.resolve("b.png"), 4, 3, 2);
        e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(root));
        assertTrue(e.getMessage().contains("holds 2 images itself beside 2 sub-folders (the smallest with 2)"),
                e.getMessage());
    }

    /** Oversample's image output read back as data: its flags file is named, and what reading it means. */
    @Test
    void oversamplesFlagsFileIsNamedAsNotKept(@TempDir Path dir) throws Exception {
        Path root = grayFolders(dir);
        java.nio.file.Files.writeString(root.resolve("synthetic.csv"), "file,label,synthetic\n");
        String note = new ImageFolderSource(root).skippedNote().orElseThrow();
        assertTrue(note.contains("synthetic.csv flags the examples augment oversample added, and a folder read as "
                + "data keeps no flags: every image here counts as real"), note);
    }

    /** Beside train/ and test/, a class folder or a file belongs to neither split: each split's note names it. */
    @Test
    void entriesBesideTrainAndTestAreNamedAsSkipped(@TempDir Path dir) throws Exception {
        grayFolders(dir.resolve("train"));
        grayFolders(dir.resolve("test"));
        TestFiles.grayPng(dir.resolve("frog").resolve("f0.png"), 4, 3, 9);
        java.nio.file.Files.writeString(dir.resolve("notes.txt"), "x");
        java.nio.file.Files.writeString(dir.resolve(".DS_Store"), "x");
        for (Split split : Split.values()) {
            SchemaDataSource source = DataSources.open(dir, split, null);
            ImageFolderSource images = (ImageFolderSource) source;
            assertEquals(List.of("../frog/", "../notes.txt"), images.skipped(), split.name());
            assertTrue(images.skippedNote().orElseThrow().contains("entries beside train/ and test/ (../) belong to "
                    + "neither split"), images.skippedNote().orElseThrow());
            assertEquals(List.of("ant", "bird"), source.schema().classNames(), "frog is no class");
        }
        // beside the training split's note, the test split's leaves them out (score and evaluate said them twice)
        SchemaDataSource train = DataSources.open(dir, Split.TRAIN, null);
        ImageFolderSource test = (ImageFolderSource) DataSources.open(dir, Split.TEST, null);
        assertTrue(test.skippedNote(train).isEmpty(), test.skippedNote(train).toString());
        assertTrue(test.skippedNote(test).isPresent(), "the same split is not the other one");
        TestFiles.grayPng(dir.resolve("test").resolve("ant").resolve("sub").resolve("s.png"), 4, 3, 9);
        String own = ((ImageFolderSource) DataSources.open(dir, Split.TEST, null)).skippedNote(train).orElseThrow();
        assertTrue(own.contains("(ant/sub/)") && !own.contains("../"), own);
    }

    /** One colour image makes a grey folder RGB, as documented; the note names it, since a grey model then refuses. */
    @Test
    void aFewColourImagesInAGreyFolderAreNamed(@TempDir Path dir) {
        Path root = grayFolders(dir);
        assertTrue(new ImageFolderSource(root).colourNote().isEmpty(), "all grey");
        TestFiles.rgbPng(root.resolve("ant").resolve("z.png"), 4, 3, 0x336699);
        ImageFolderSource mixed = new ImageFolderSource(root);
        assertEquals(3, mixed.schema().channels());
        assertEquals("note: " + root + ": 1 of 6 images is in colour (the first: " + Path.of("ant", "z.png")
                + "), so every image is read as 3-channel RGB, the grey ones repeated in each channel; convert it to "
                + "greyscale if the data is grey", mixed.colourNote().orElseThrow());
    }

    /** A link self -> . among the class folders was told to give the folder the user had given (7 Dec). */
    @Test
    void aLinkBackToTheDataFolderIsNamedAsALoop(@TempDir Path dir) throws java.io.IOException {
        Path root = grayFolders(dir.resolve("data"));
        java.nio.file.Files.createSymbolicLink(root.resolve("self"), Path.of("."));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new ImageFolderSource(root));
        assertTrue(e.getMessage().startsWith(root.resolve("self") + ": holds folders but no .png, .jpg or .jpeg "
                + "images, so it is not a class folder; it is a link back to the data folder or one holding it (a "
                + "loop): remove the link"), e.getMessage());
    }

    /** A class of grey scans beside a class of colour photos got only the count (a fresh user, 7 Dec). */
    @Test
    void classesThatDifferInColourAloneAreNamed(@TempDir Path dir) throws java.io.IOException {
        Path root = grayFolders(dir);
        for (int i = 0; i < 3; i++) {
            java.nio.file.Files.delete(root.resolve("bird").resolve("b" + i + ".png"));
            TestFiles.rgbPng(root.resolve("bird").resolve("b" + i + ".png"), 4, 3, 0x336699 + i);
        }
        assertTrue(new ImageFolderSource(root).colourNote().orElseThrow().endsWith("greyscale if the data is grey; "
                + "every image of class 'ant' is grey and every image of class 'bird' in colour, so a classifier or "
                + "generator can learn the colour as the class: make the classes alike in colour"));
        TestFiles.grayPng(root.resolve("bird").resolve("g.png"), 4, 3, 7);
        assertTrue(new ImageFolderSource(root).colourNote().orElseThrow().endsWith("if the data is grey"),
                "a class of both is no class told by colour");
        // the grey class's photos saved as RGB (R = G = B): every file is RGB, and there was no note (7 Dec)
        java.nio.file.Files.delete(root.resolve("bird").resolve("g.png"));
        for (int i = 0; i < 2; i++) {
            java.nio.file.Files.delete(root.resolve("ant").resolve("a" + i + ".png"));
            TestFiles.rgbPng(root.resolve("ant").resolve("a" + i + ".png"), 4, 3, 0x505050 + 0x010101 * i);
        }
        assertEquals("note: " + root + ": every image of class 'ant' is grey and every image of class 'bird' in "
                + "colour, so a classifier or generator can learn the colour as the class: make the classes alike in "
                + "colour (the grey ones stored as RGB, R = G = B)",
                new ImageFolderSource(root).colourNote().orElseThrow());
    }

    @Test
    void imagesWhosePixelsExceedTheHeapAreRefusedFromTheFirstOneWithTheAdviceToResize(@TempDir Path dir)
            throws Exception {
        // a fresh user's 80 phone photos (4032 x 3024, colour) ran out of a 2.5 GB heap after a minute's decoding
        long heap = 2_684_354_560L;
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> ImageFolderSource.requireHeapFor(dir, 80, 4032, 3024, 3, heap));
        assertTrue(e.getMessage().contains("80 images, the first of 4032 x 3024 pixels, need about 8.4 GB at that "
                + "size (a byte per pixel value and a Tribuo feature name per value), more than Java's whole heap "
                + "(-Xmx, 2.7 GB); resize copies of them first"), e.getMessage());
        // copies of any file name: '*/*.jpg' matched no camera's DSC_0001.JPG and resized the originals (7 Dec)
        assertTrue(e.getMessage().contains("e.g. cp -r " + ImageFolderSource.shellQuoted(dir.toString()) + " "
                + ImageFolderSource.shellQuoted(dir + "-32") + " && mogrify -resize 32x32! "
                + ImageFolderSource.shellQuoted(dir + "-32") + "/*/*)"), e.getMessage());
        // a whole path, and both splits of a layout (a re-check, 7 Dec: 'cp -r . .-32' failed inside the data)
        InvalidDataException here = assertThrows(InvalidDataException.class,
                () -> ImageFolderSource.requireHeapFor(Path.of("."), 80, 4032, 3024, 3, heap));
        Path cwd = Path.of("").toAbsolutePath();
        assertTrue(here.getMessage().contains("e.g. cp -r " + ImageFolderSource.shellQuoted(cwd.toString()) + " "),
                here.getMessage());
        // a lone class folder named train is no split: its parent is not copied (a re-check, 7 Dec)
        Files.createDirectories(dir.resolve("train"));
        InvalidDataException lone = assertThrows(InvalidDataException.class,
                () -> ImageFolderSource.requireHeapFor(dir.resolve("train"), 80, 4032, 3024, 3, heap));
        assertTrue(lone.getMessage().contains("e.g. cp -r " + ImageFolderSource.shellQuoted(dir.resolve("train")
                .toString()) + " "), lone.getMessage());
        Files.createDirectories(dir.resolve("test"));
        InvalidDataException split = assertThrows(InvalidDataException.class,
                () -> ImageFolderSource.requireHeapFor(dir.resolve("train"), 80, 4032, 3024, 3, heap));
        assertTrue(split.getMessage().contains("e.g. cp -r " + ImageFolderSource.shellQuoted(dir.toString()) + " "
                + ImageFolderSource.shellQuoted(dir + "-32") + " && mogrify -resize 32x32! "
                + ImageFolderSource.shellQuoted(dir + "-32") + "/*/*/*)"), split.getMessage());
        // need and heap told apart: "0.1 GB, more than the heap's 0.1 GB" (a re-check, 7 Dec)
        InvalidDataException close = assertThrows(InvalidDataException.class,
                () -> ImageFolderSource.requireHeapFor(dir, 101, 500, 500, 1, 58_100_000L));
        assertTrue(close.getMessage().contains("need about 0.063 GB at that size") && close.getMessage()
                .contains("(-Xmx, 0.058 GB)"), close.getMessage());
        assertEquals("'my photos'", ImageFolderSource.shellQuoted("my photos"));
        assertEquals("'it'\\''s'", ImageFolderSource.shellQuoted("it's"));
        // 50 photos of 3000 x 2000 (0.9 GB of pixels) ran out of heap in their 18 million feature names
        InvalidDataException names = assertThrows(InvalidDataException.class,
                () -> ImageFolderSource.requireHeapFor(dir, 50, 3000, 2000, 3, heap));
        assertTrue(names.getMessage().contains("need about 3.6 GB"), names.getMessage());
        // a thousand 64 x 64 colour images (12 MB of pixels, 1.8 MB of names) fit
        ImageFolderSource.requireHeapFor(dir, 1000, 64, 64, 3, heap);
        // and the heap bounds the count: 2 600 such images of 1000 x 1000 do not fit, 2 000 do
        assertThrows(InvalidDataException.class, () -> ImageFolderSource.requireHeapFor(dir, 2600, 1000, 1000, 1,
                heap));
        ImageFolderSource.requireHeapFor(dir, 2000, 1000, 1000, 1, heap);
    }

    @Test
    void aFolderOfImagesTooLargeForTheHeapIsRefusedBeforeItsOtherImagesAreDecoded(@TempDir Path dir) throws Exception {
        grayFolders(dir);
        // a damaged image after the first: decoded, it would be the error; the heap check comes first
        Files.write(dir.resolve("bird").resolve("b1.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> ImageFolderSource.read(dir, null, 60 + 12 * ImageFolderSource.BYTES_PER_FEATURE_NAME - 1));
        assertTrue(e.getMessage().contains("5 images, the first of 4 x 3 pixels, need about"), e.getMessage());
        // with room for the pixels, the damaged image is what stops the read
        InvalidDataException damaged = assertThrows(InvalidDataException.class,
                () -> ImageFolderSource.read(dir, null, 60 + 12 * ImageFolderSource.BYTES_PER_FEATURE_NAME));
        assertTrue(damaged.getMessage().contains("b1.png"), damaged.getMessage());
    }
}

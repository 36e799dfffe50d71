package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassNamesTest {

    private static final List<String> THREE = List.of("0", "1", "2");

    /** Fashion-MNIST's names sorted by name were taken silently for data known as Fashion-MNIST (6 Dec). */
    @Test
    void theDataSOwnNamesInAnotherOrderAreRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.util.List<String> sorted = new java.util.ArrayList<>(FASHION);
        java.util.Collections.sort(sorted);
        java.nio.file.Path file = java.nio.file.Files.write(dir.resolve("alpha.txt"), sorted);
        java.util.List<String> labels = java.util.stream.IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        dev.augment.errors.InvalidDataException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidDataException.class, () -> ClassNames.resolve(file.toString(), labels,
                        FASHION));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("class 0 would be called 'Ankle boot' "
                + "where the data calls it 'T-shirt/top'"), e.getMessage());
        java.nio.file.Path same = java.nio.file.Files.write(dir.resolve("same.txt"), FASHION);
        org.junit.jupiter.api.Assertions.assertEquals(FASHION, ClassNames.resolve(same.toString(), labels, FASHION));
        org.junit.jupiter.api.Assertions.assertEquals(sorted, ClassNames.resolve(file.toString(), labels, labels),
                "data without names of its own takes any order");
    }

    private static final java.util.List<String> FASHION = ClassNames.FASHION_MNIST;

    /** A labels.txt of "index name" lines, sorted by name, gave every class another's name (a fresh user, 6 Dec). */
    @Test
    void aNamesFileOfIndexedLinesIsReadByTheIndices(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path sorted = java.nio.file.Files.writeString(dir.resolve("labels.txt"),
                "2 Pullover\n0 T-shirt/top\n1,Trouser\n");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("T-shirt/top", "Trouser", "Pullover"),
                ClassNames.read(sorted));
        java.nio.file.Path fromOne = java.nio.file.Files.writeString(dir.resolve("one.txt"), "1 cat\n2 dog\n");
        dev.augment.errors.InvalidDataException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidDataException.class, () -> ClassNames.read(fromOne));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("not the indices 0 to 1 once each"),
                e.getMessage());
        java.nio.file.Path plain = java.nio.file.Files.writeString(dir.resolve("plain.txt"), "4 wheel drive\ncoupe\n");
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("4 wheel drive", "coupe"),
                ClassNames.read(plain), "a name that starts with a number, among others that do not");
    }

    @Test
    void knowsTheBuiltInLists() {
        assertEquals("Ankle boot", ClassNames.builtIn("fashion-mnist").orElseThrow().get(9));
        assertEquals("T-shirt/top", ClassNames.builtIn("Fashion_MNIST").orElseThrow().get(0));
        assertEquals("7", ClassNames.builtIn("mnist").orElseThrow().get(7));
        assertEquals("airplane", ClassNames.builtIn("cifar10").orElseThrow().get(0));
        assertEquals(ClassNames.CIFAR10, ClassNames.builtIn("CIFAR-10").orElseThrow());
        assertTrue(ClassNames.builtIn("imagenet").isEmpty());
    }

    @Test
    void readsUtf8NamesFileInOrderSkippingBlankLines(@TempDir Path dir) {
        Path file = TestFiles.write(dir.resolve("names.txt"),
                "Äpfel\r\n  Birne \n\nKirsche\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("Äpfel", "Birne", "Kirsche"), ClassNames.resolve(file.toString(), THREE, THREE));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName(@TempDir Path dir) {
        // Windows Notepad's UTF-8 files start with one; it became the first class's name ("\uFEFFzero", folder _zero)
        Path file = TestFiles.write(dir.resolve("names.txt"),
                "\uFEFFzero\r\none\r\ntwo\r\n".getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("zero", "one", "two"), ClassNames.resolve(file.toString(), THREE, THREE));
    }

    /** Names a user cannot tell apart were taken silently; generate's folders then told them apart (5 Dec). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Cat\ncat\nx\n", "cat\ncat\u00a0\nx\n",
            "caf\u00e9\ncafe\u0301\nx\n", "cat\nca\u200bt\nx\n", "cat\n\uff43\uff41\uff54\nx\n"})
    void namesThatDifferOnlyInWhatAReaderCannotSeeAreRefused(String names, @TempDir Path dir) {
        Path file = TestFiles.write(dir.resolve("names.txt"), names.getBytes(StandardCharsets.UTF_8));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> ClassNames.resolve(file.toString(), THREE, THREE));
        assertTrue(e.getMessage().contains("(names 1 and 2), which differ only in case, accents' encoding, width or "
                + "invisible characters"), e.getMessage());
        assertFalse(e.getMessage().contains("\u00a0") || e.getMessage().contains("\u200b"), "shown escaped: "
                + e.getMessage());
    }

    /** Names 1, 0 for IDX labels 0, 1 were taken: every output held label 1 under the name 0 (a fresh user, 5 Dec). */
    @Test
    void aNameThatIsAnotherClasssLabelIsRefused(@TempDir Path dir) {
        Path file = TestFiles.write(dir.resolve("names.txt"), "1\n0\nx\n".getBytes(StandardCharsets.UTF_8));
        List<String> names = ClassNames.resolve(file.toString(), THREE, THREE);
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> ClassNames.requireNoLabelSwap(file.toString(), names, THREE));
        assertTrue(e.getMessage().contains("names class 0 (label '0') '1', the label of class 1, which would swap "
                + "their classes"), e.getMessage());
        for (String spelled : List.of("01\n00\nx\n", "1.0\n0.0\nx\n", "\uff11\n0\nx\n")) {
            Path other = TestFiles.write(dir.resolve("spelled.txt"), spelled.getBytes(StandardCharsets.UTF_8));
            List<String> read = ClassNames.resolve(other.toString(), THREE, THREE);
            assertThrows(InvalidDataException.class, () -> ClassNames.requireNoLabelSwap(other.toString(), read,
                    THREE), "another spelling of the number: " + spelled);
        }
        Path same = TestFiles.write(dir.resolve("same.txt"), "0\none\n2\n".getBytes(StandardCharsets.UTF_8));
        List<String> kept = ClassNames.resolve(same.toString(), THREE, THREE);
        ClassNames.requireNoLabelSwap(same.toString(), kept, THREE);
        assertEquals(List.of("0", "one", "2"), kept);
    }

    @Test
    void aWrongCountSaysWhenBlankLinesWereLeftOut(@TempDir Path dir) {
        Path file = TestFiles.write(dir.resolve("names.txt"), "a\n\nb\n".getBytes(StandardCharsets.UTF_8));

        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> ClassNames.resolve(file.toString(), THREE, THREE));

        assertTrue(e.getMessage().contains("lists 2 class names but the data has 3 classes [0, 1, 2] (1 blank line was "
                + "left out: a blank line names no class)"), e.getMessage());
    }

    @Test
    void refusesNamesFileWithWrongCountNamingIt(@TempDir Path dir) {
        Path file = TestFiles.write(dir.resolve("two-names.txt"), "a\nb\n".getBytes(StandardCharsets.UTF_8));

        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> ClassNames.resolve(file.toString(), THREE, THREE));

        assertTrue(e.getMessage().contains("two-names.txt") && e.getMessage().contains("2 class names")
                && e.getMessage().contains("3 classes"), e.getMessage());
    }

    @Test
    void refusesMissingNamesFileNamingIt(@TempDir Path dir) throws java.io.IOException {
        Path file = dir.resolve("absent.txt");

        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> ClassNames.resolve(file.toString(), THREE, THREE));

        assertTrue(e.getMessage().contains("absent.txt") && e.getMessage().contains("not found"), e.getMessage());
        // a NUL went into the model, which every command then refused as edited (a fresh user, 6 Dec)
        Path nul = java.nio.file.Files.writeString(dir.resolve("nul.txt"), "a\nb\u0000\nc\n");
        InvalidDataException withNul = assertThrows(InvalidDataException.class,
                () -> ClassNames.resolve(nul.toString(), THREE, THREE));
        assertTrue(withNul.getMessage().contains("line 2 of the class names file holds a NUL"), withNul.getMessage());
        // a device exists: it is named as what it is, not as missing (a fresh user, 6 Dec)
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/dev/zero")));
        InvalidDataException device = assertThrows(InvalidDataException.class,
                () -> ClassNames.resolve("/dev/zero", THREE, THREE));
        assertTrue(device.getMessage().contains("is not a regular file (a pipe, device or socket)"),
                device.getMessage());
    }

    @Test
    void refusesBuiltInListOfWrongSize() {
        List<String> named = List.of("ant", "bee", "cat");
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> ClassNames.resolve("cifar10", named, named));

        assertTrue(e.getMessage().contains("10 names") && e.getMessage().contains("3 classes"), e.getMessage());
    }

    /**
     * Folders cat, dog and ship with {@code --names cifar10} (the model card's option, on three of its classes) were
     * refused, "give a names file instead" (a fresh user, 7 Dec): labels that are the list's own names keep them, and
     * the ten in another order do too, rather than being called a swap.
     */
    @Test
    void labelsThatAreNamesOfTheBuiltInListKeepThem() {
        List<String> some = List.of("cat", "dog", "ship");
        assertEquals(some, ClassNames.resolve("cifar10", some, some));
        List<String> sorted = new java.util.ArrayList<>(ClassNames.FASHION_MNIST);
        java.util.Collections.sort(sorted);
        assertEquals(sorted, ClassNames.resolve("fashion-mnist", sorted, sorted));
        // as generate writes its folders, and in other case: the list's own names (a re-check, 7 Dec)
        List<String> folders = List.of("Coat", "T-shirt_top", "sneaker");
        assertEquals(List.of("Coat", "T-shirt/top", "Sneaker"), ClassNames.resolve("fashion-mnist", folders, folders));
        // a label that is not one of its names is still refused, and named
        InvalidSettingException cow = assertThrows(InvalidSettingException.class, () -> ClassNames.resolve("cifar10",
                List.of("cat", "cow"), List.of("cat", "cow")));
        assertTrue(cow.getMessage().contains("of which [cow] is not among its names; leave --names out"),
                cow.getMessage());
        // two labels that take one name are named so (they were "of which [] are not among its names": a re-check)
        InvalidSettingException twice = assertThrows(InvalidSettingException.class, () -> ClassNames.resolve(
                "fashion-mnist", List.of("Bag", "Coat", "coat"), List.of("Bag", "Coat", "coat")));
        assertTrue(twice.getMessage().contains("and its labels [Coat, coat] all take its name 'Coat'; merge them"),
                twice.getMessage());
    }

    @Test
    void fallsBackToLabelsWhenDefaultsDoNotFit() {
        List<String> named = List.of("ant", "bee", "cat");
        assertEquals(named, ClassNames.resolve(null, named, ClassNames.FASHION_MNIST));
        // labels that are class numbers of the built-in list take its names (labelsThatAreSomeOf…)
        assertEquals(ClassNames.FASHION_MNIST.subList(0, 3), ClassNames.resolve(null, THREE, ClassNames.FASHION_MNIST));
        assertEquals(List.of("x", "y", "z"), ClassNames.resolve(null, THREE, List.of("x", "y", "z")));
    }

    /** A names file saved by Notepad as "Unicode", or with one Latin-1 letter, was only "not UTF-8 text" (6 Dec). */
    @Test
    void aNamesFileNotInUtf8SaysWhatItIsAndWhere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path utf16 = java.nio.file.Files.write(dir.resolve("n16.txt"),
                "T-shirt/top\r\nTrouser\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        byte[] withBom = new byte[(int) java.nio.file.Files.size(utf16) + 2];
        withBom[0] = (byte) 0xff;
        withBom[1] = (byte) 0xfe;
        System.arraycopy(java.nio.file.Files.readAllBytes(utf16), 0, withBom, 2, withBom.length - 2);
        java.nio.file.Files.write(utf16, withBom);
        dev.augment.errors.InvalidDataException sixteen = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidDataException.class, () -> ClassNames.read(utf16));
        org.junit.jupiter.api.Assertions.assertTrue(sixteen.getMessage().contains("it is UTF-16 (Notepad's "
                + "\"Unicode\"); save it as UTF-8"), sixteen.getMessage());
        java.nio.file.Path latin = java.nio.file.Files.write(dir.resolve("l1.txt"), new byte[] {'a', '\n', 'b',
                (byte) 0xe9, '\n'});
        dev.augment.errors.InvalidDataException one = org.junit.jupiter.api.Assertions.assertThrows(
                dev.augment.errors.InvalidDataException.class, () -> ClassNames.read(latin));
        org.junit.jupiter.api.Assertions.assertTrue(one.getMessage().contains("line 2 holds a byte UTF-8 does not "
                + "allow"), one.getMessage());
    }

    /**
     * Fashion-MNIST without its ankle boots (labels 0–8) lost its names, and --names fashion-mnist was refused for its
     * ten names (a fresh user, 6 Dec): each label that is a class number takes that class's name.
     */
    @Test
    void labelsThatAreSomeOfABuiltInSetsClassNumbersTakeTheirNames() {
        List<String> nine = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8");
        List<String> fashion = ClassNames.builtIn("fashion-mnist").orElseThrow();
        assertEquals(fashion.subList(0, 9), ClassNames.resolve(null, nine, fashion));
        assertEquals(fashion.subList(0, 9), ClassNames.resolve("fashion-mnist", nine, nine));
        assertEquals(List.of("Trouser", "Bag"), ClassNames.resolve("fashion-mnist", List.of("1", "8"),
                List.of("1", "8")));
        // labels that are no class numbers of the set keep the refusal, and the defaults fall back to the labels
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> ClassNames.resolve("fashion-mnist", List.of("1", "12"), List.of("1", "12")));
        assertTrue(e.getMessage().contains("which are not among its names or its class numbers 0-9"), e.getMessage());
        assertEquals(List.of("01", "2"), ClassNames.resolve(null, List.of("01", "2"), fashion));
    }
}

package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassNamesTest {

    private static final List<String> THREE = List.of("0", "1", "2");

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
    void refusesMissingNamesFileNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("absent.txt");

        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> ClassNames.resolve(file.toString(), THREE, THREE));

        assertTrue(e.getMessage().contains("absent.txt") && e.getMessage().contains("not found"), e.getMessage());
    }

    @Test
    void refusesBuiltInListOfWrongSize() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> ClassNames.resolve("cifar10", THREE, THREE));

        assertTrue(e.getMessage().contains("10 names") && e.getMessage().contains("3 classes"), e.getMessage());
    }

    @Test
    void fallsBackToLabelsWhenDefaultsDoNotFit() {
        assertEquals(THREE, ClassNames.resolve(null, THREE, ClassNames.FASHION_MNIST));
        assertEquals(List.of("x", "y", "z"), ClassNames.resolve(null, THREE, List.of("x", "y", "z")));
    }
}

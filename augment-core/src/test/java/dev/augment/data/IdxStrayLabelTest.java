package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One damaged IDX label byte far above the others is named where the labels are read, whether the labels start at 0
 * or at 1 (EMNIST letters); a label just above the others, or a gap of a few values, is a class of its own.
 */
class IdxStrayLabelTest {

    private static final int COUNT = 40;

    @Test
    void aLabelFarAboveLabelsStartingAtOneIsNamed(@TempDir Path dir) throws IOException {
        Path[] files = idx(dir, i -> i == 17 ? 200 : 1 + i % 10);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(files[0],
                files[1]));
        assertTrue(e.getMessage().contains("example 17 has label 200, beyond the other examples' labels (1 to 10) "
                + "with 189 label values between them unused: a damaged label byte?"), e.getMessage());
        assertTrue(e.getMessage().contains("classes.csv"), "names the way to keep labels that are right");
    }

    @Test
    void aLabelJustAboveTheOthersOrAFewUnusedValuesAreClassesOfTheirOwn(@TempDir Path dir) throws IOException {
        Path[] adjacent = idx(Files.createDirectory(dir.resolve("adjacent")), i -> i == 17 ? 10 : i % 10);
        assertEquals(11, new IdxImageSource(adjacent[0], adjacent[1]).schema().classCount());
        Path[] gap = idx(Files.createDirectory(dir.resolve("gap")), i -> i % 4 == 3 ? 8 : i % 4);
        assertEquals(9, new IdxImageSource(gap[0], gap[1]).schema().classCount(), "labels 0-2 and 8: 5 unused");
    }

    /**
     * Labels that are codes (1000, 1100, …, 1900 as int) made 1 901 classes, 1 891 empty, and oversample said only
     * that class 0 had no examples; int labels 0–9 written little-endian (1 reads as 16 777 216) ran out of heap, with
     * the advice to give Java more (a fresh user, 6 Dec).
     */
    @Test
    void labelCodesAndLittleEndianIntLabelsAreNamed(@TempDir Path dir) throws IOException {
        Path[] codes = intIdx(Files.createDirectory(dir.resolve("codes")), i -> 1000 + 100 * (i % 10), false);
        InvalidDataException c = assertThrows(InvalidDataException.class, () -> new IdxImageSource(codes[0],
                codes[1]));
        assertTrue(c.getMessage().contains("its labels are 10 distinct values (1000, 1100, 1200, 1300, …) up to 1900, "
                + "which leaves 1891 classes from 0 to 1900 without examples: IDX labels are class indices 0..K-1; "
                + "renumber them 0 to 9"), c.getMessage());
        Path[] swapped = intIdx(Files.createDirectory(dir.resolve("le")), i -> i % 10, true);
        InvalidDataException le = assertThrows(InvalidDataException.class, () -> new IdxImageSource(swapped[0],
                swapped[1]));
        assertTrue(le.getMessage().contains("its int labels read as 16777216 and the like, which read the other way "
                + "round are 1 and the like: the file looks little-endian"), le.getMessage());
        // the same labels big-endian are read; a subset of classes with a few gaps stays classes of its own
        Path[] right = intIdx(Files.createDirectory(dir.resolve("be")), i -> i % 10, false);
        assertEquals(10, new IdxImageSource(right[0], right[1]).schema().classCount());
        Path[] subset = intIdx(Files.createDirectory(dir.resolve("subset")), i -> 5 + i % 5, false);
        assertEquals(10, new IdxImageSource(subset[0], subset[1]).schema().classCount(), "5 unused of 0-9");
        // Fashion-MNIST's footwear, 5, 7 and 9, are classes of a small set, some empty (a re-check, 6 Dec)
        Path[] shoes = intIdx(Files.createDirectory(dir.resolve("shoes")), i -> 5 + 2 * (i % 3), false);
        assertEquals(10, new IdxImageSource(shoes[0], shoes[1]).schema().classCount());
    }

    /** @return raw IDX images and int (type 0x0C) labels files, the labels big- or little-endian */
    private static Path[] intIdx(Path dir, IntUnaryOperator label, boolean littleEndian) throws IOException {
        Path[] files = idx(dir, i -> 0);
        ByteBuffer labels = ByteBuffer.allocate(8 + 4 * COUNT).putInt(0x00000C01).putInt(COUNT);
        for (int i = 0; i < COUNT; i++) {
            int value = label.applyAsInt(i);
            labels.putInt(littleEndian ? Integer.reverseBytes(value) : value);
        }
        Files.write(files[1], labels.array());
        return files;
    }

    /** @return raw IDX images (2 x 2, all 7) and labels files of {@value #COUNT} examples */
    private static Path[] idx(Path dir, IntUnaryOperator label) throws IOException {
        ByteBuffer images = ByteBuffer.allocate(16 + COUNT * 4).putInt(0x00000803).putInt(COUNT).putInt(2).putInt(2);
        ByteBuffer labels = ByteBuffer.allocate(8 + COUNT).putInt(0x00000801).putInt(COUNT);
        for (int i = 0; i < COUNT; i++) {
            images.put(new byte[] {7, 7, 7, 7});
            labels.put((byte) label.applyAsInt(i));
        }
        return new Path[] {Files.write(dir.resolve("images-idx3-ubyte"), images.array()),
                Files.write(dir.resolve("labels-idx1-ubyte"), labels.array())};
    }
}

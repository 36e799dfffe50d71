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

package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A palette PNG whose pixels index past its palette (invalid; libpng refuses it) is refused, not padded. */
class PaletteIndexTest {

    private static byte[] chunk(String type, byte[] data) {
        ByteBuffer out = ByteBuffer.allocate(12 + data.length);
        out.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
        CRC32 crc = new CRC32();
        crc.update(out.array(), 4, 4 + data.length);
        return out.putInt((int) crc.getValue()).array();
    }

    /** @return a 4×1 palette PNG of two colours whose pixels are the indices given */
    private static byte[] png(int... indices) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        file.write(chunk("IHDR", ByteBuffer.allocate(13).putInt(indices.length).putInt(1).put((byte) 8)
                .put((byte) 3).put((byte) 0).put((byte) 0).put((byte) 0).array()));
        file.write(chunk("PLTE", new byte[] {10, 20, 30, (byte) 200, 100, 50}));
        byte[] row = new byte[indices.length + 1];
        for (int i = 0; i < indices.length; i++) {
            row[i + 1] = (byte) indices[i];
        }
        Deflater deflater = new Deflater();
        deflater.setInput(row);
        deflater.finish();
        byte[] packed = new byte[256];
        int n = deflater.deflate(packed);
        file.write(chunk("IDAT", java.util.Arrays.copyOf(packed, n)));
        file.write(chunk("IEND", new byte[0]));
        return file.toByteArray();
    }

    @Test
    void anIndexPastThePaletteIsRefusedNamingThePixel(@TempDir Path dir) throws IOException {
        Path bad = Files.write(dir.resolve("bad.png"), png(0, 1, 200, 1));
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> ImageDecoder.decode(bad, CheckedImageReading.SizeCheck.ANY));
        assertTrue(e.getMessage().contains("the pixel at row 0, column 2 uses palette entry 200, but the palette "
                + "holds 2"), e.getMessage());
        Path good = Files.write(dir.resolve("good.png"), png(0, 1, 1, 0));
        DecodedImage image = ImageDecoder.decode(good, CheckedImageReading.SizeCheck.ANY);
        assertArrayEquals(new byte[] {10, (byte) 200, (byte) 200, 10, 20, 100, 100, 20, 30, 50, 50, 30},
                image.samples());
    }
}

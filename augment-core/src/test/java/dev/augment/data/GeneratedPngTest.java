package dev.augment.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GeneratedPngTest {

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < 6; i++) {
            image.getRaster().setSample(i % 3, i / 3, 0, 40 * i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The JDK's own PNG reader finds the chunk as a tEXt entry (its CRC is right) and the same pixels. */
    @Test
    void theMarkIsAValidTextChunkAndLeavesThePixels(@TempDir Path dir) throws IOException {
        byte[] plain = png();
        byte[] marked = GeneratedPng.marked(plain);
        assertTrue(GeneratedPng.isMarked(marked));
        assertFalse(GeneratedPng.isMarked(plain));
        assertFalse(GeneratedPng.isMarked(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}), "a JPEG");
        assertThrows(IllegalArgumentException.class, () -> GeneratedPng.marked(new byte[10]));
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(marked))) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            org.w3c.dom.Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            org.w3c.dom.NodeList entries = ((org.w3c.dom.Element) root).getElementsByTagName("tEXtEntry");
            assertEquals(1, entries.getLength());
            org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(0);
            assertEquals(GeneratedPng.KEYWORD, entry.getAttribute("keyword"));
            assertEquals(GeneratedPng.TEXT, entry.getAttribute("value"));
            BufferedImage read = reader.read(0);
            assertEquals(120, read.getRaster().getSample(0, 1, 0));
        }
        // a tool that moves text chunks after IDAT (legal) kept the mark but it was not found (a fresh user, 5 Dec)
        int chunk = marked.length - plain.length;
        byte[] moved = new byte[marked.length];
        System.arraycopy(plain, 0, moved, 0, plain.length - 12);
        System.arraycopy(marked, 33, moved, plain.length - 12, chunk);
        System.arraycopy(plain, plain.length - 12, moved, plain.length - 12 + chunk, 12);
        assertTrue(GeneratedPng.isMarked(moved));
        assertEquals(120, ImageIO.read(new ByteArrayInputStream(moved)).getRaster().getSample(0, 1, 0));
        DecodedImage a = ImageDecoder.decode(TestFiles.write(dir.resolve("a.png"), plain));
        DecodedImage b = ImageDecoder.decode(TestFiles.write(dir.resolve("b.png"), marked));
        assertArrayEquals(a.samples(), b.samples());
        assertFalse(a.generated());
        assertTrue(b.generated());
    }
}

package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every PNG colour type and bit depth and the usual JPEG kinds (grey, YCbCr with any subsampling, progressive,
 * CMYK and YCCK) decode to the values Pillow gives. The images
 * and Pillow's values ({@code <image>.txt}) are made by {@code make_decoding_images.py} in the test resources
 * folder {@code dev/augment/data/decoding/}, which documents the conversion rules.
 *
 * <p>PNG samples must be equal. JPEG samples may differ by at most {@value #JPEG_TOLERANCE}: ImageIO decodes JPEG
 * with the JDK's libjavajpeg, which Debian's OpenJDK links to the system libjpeg62-turbo, the library Pillow uses,
 * so here they are equal (measured: largest difference 0 on every JPEG); JDKs that bundle their own IJG libjpeg
 * 6b may round the IDCT or chroma upsampling differently by a step, which the JPEG standard allows.
 */
class ImageDecodingTest {

    /** Largest difference allowed between ImageIO's and Pillow's decoded JPEG samples (PNG: always 0). */
    static final int JPEG_TOLERANCE = 2;

    static Path folder() {
        try {
            return Path.of(ImageDecodingTest.class.getResource("decoding").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyImageDecodesToPillowsValues() throws IOException {
        List<Path> expected;
        try (Stream<Path> files = Files.list(folder())) {
            expected = files.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertTrue(expected.size() >= 39, "the expected-value files are there: " + expected.size());
        return expected.stream().map(txt -> DynamicTest.dynamicTest(txt.getFileName().toString(), () -> {
            String name = txt.getFileName().toString().replaceFirst("\\.txt$", "");
            Expected want = Expected.read(txt);
            DecodedImage got = ImageDecoder.decode(txt.resolveSibling(name));
            assertEquals(want.channels, got.channels(), name + ": channels");
            assertEquals(want.height, got.height(), name + ": height");
            assertEquals(want.width, got.width(), name + ": width");
            int tolerance = name.endsWith(".jpg") ? JPEG_TOLERANCE : 0;
            int worst = 0;
            for (int i = 0; i < want.samples.length; i++) {
                worst = Math.max(worst, Math.abs(want.samples[i] - Byte.toUnsignedInt(got.samples()[i])));
            }
            assertTrue(worst <= tolerance, name + ": largest difference from Pillow is " + worst + ", allowed "
                    + tolerance);
        }));
    }

    /** A phone's HEIC or a browser's WebP saved as .png was "not a PNG or JPEG that Java can decode" (6 Dec). */
    @Test
    void aWebpOrHeicNamedPngIsNamedByWhatItIs(@TempDir Path dir) throws IOException {
        byte[] webp = "RIFF\u0024\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] heic = "\0\0\0\u0018ftypheic\0\0\0\0mif1heic".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        for (byte[] bytes : List.of(webp, heic)) {
            Path file = Files.write(dir.resolve("photo.png"), Arrays.copyOf(bytes, 64));
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> ImageDecoder.decode(file));
            assertTrue(e.getMessage().contains("photo.png: unreadable image: it is " + (bytes == webp ? "a WebP"
                    : "a HEIC") + " image, whatever its name says; augment reads PNG and JPEG"), e.getMessage());
        }
    }

    /** A text file named .jpg was "not a PNG or JPEG that Java can decode", without a fix (a fresh user, 7 Dec). */
    @Test
    void aTextFileNamedJpgIsNamedAsTextWithTheFix(@TempDir Path dir) throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.jpg"), "this is not a jpeg\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> ImageDecoder.decode(notes));
        assertTrue(e.getMessage().contains("notes.jpg: unreadable image: not a PNG or JPEG that Java can decode (it is "
                + "text); delete it or move it out of the data"), e.getMessage());
    }

    @Test
    void fourComponentJpegsAreFoundByTheirHeaders() throws IOException {
        assertEquals(new JpegHeader(4, 0), JpegHeader.read(Files.readAllBytes(folder().resolve("jpeg-cmyk.jpg"))));
        assertEquals(new JpegHeader(4, JpegHeader.ADOBE_YCCK),
                JpegHeader.read(Files.readAllBytes(folder().resolve("jpeg-ycck.jpg"))));
        assertEquals(3, JpegHeader.read(Files.readAllBytes(folder().resolve("jpeg-420.jpg"))).components());
        assertEquals(0, JpegHeader.read(Files.readAllBytes(folder().resolve("rgb-8.png"))).components());
    }

    @Test
    void undecodableCmykJpegIsRefusedNamingTheFileAndTheFix(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(folder().resolve("jpeg-cmyk.jpg"));
        int scan = 2;
        while (!((whole[scan] & 0xFF) == 0xFF && (whole[scan + 1] & 0xFF) == 0xDA)) {
            scan += 2 + (((whole[scan + 2] & 0xFF) << 8) | (whole[scan + 3] & 0xFF));
        }
        byte[] headersOnly = Arrays.copyOf(whole, scan + 2);
        headersOnly[scan + 1] = (byte) 0xD9;
        Path broken = Files.write(dir.resolve("no-scan.jpg"), headersOnly);

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> ImageDecoder.decode(broken));
        assertTrue(e.getMessage().startsWith(broken + ": a CMYK or YCCK JPEG"), e.getMessage());
        assertTrue(e.getMessage().contains("convert it to an RGB or greyscale PNG or JPEG"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void narrowAndWideSamplesScaleToEightBits() {
        assertEquals(255, ImageDecoder.toEightBits(1, 1));
        assertEquals(170, ImageDecoder.toEightBits(2, 2));
        assertEquals(17 * 9, ImageDecoder.toEightBits(9, 4));
        assertEquals(0xAB, ImageDecoder.toEightBits(0xABFF, 16));
        assertEquals(77, ImageDecoder.toEightBits(77, 8));
    }

    /** One expected-value file: see make_decoding_images.py for the format. */
    private record Expected(int channels, int height, int width, int[] samples) {

        static Expected read(Path txt) {
            try {
                List<String> lines = Files.readAllLines(txt).stream().filter(l -> !l.startsWith("#")).toList();
                String[] header = lines.get(0).split(" ");
                int channels = Integer.parseInt(header[1]);
                int height = Integer.parseInt(header[3]);
                int width = Integer.parseInt(header[5]);
                int[] samples = lines.subList(1, lines.size()).stream()
                        .flatMap(l -> Stream.of(l.trim().split(" "))).mapToInt(Integer::parseInt).toArray();
                assertEquals(channels * height * width, samples.length, txt + " holds every sample");
                return new Expected(channels, height, width, samples);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * A PNG or JPEG cut short was described in the decoder's words ("Error skipping PNG metadata", "missing SOS
     * marker") with no advice (a fresh user, 6 Dec); a whole file is not called cut short.
     */
    @Test
    void anImageCutShortIsSaidToBeCutShort(@TempDir Path dir) throws IOException {
        byte[] png = Files.readAllBytes(TestFiles.grayPng(dir.resolve("whole.png"), 8, 8, 40));
        assertFalse(ImageDecoder.cutShort(png));
        byte[] jpeg;
        try (Stream<Path> files = Files.list(folder())) {
            jpeg = Files.readAllBytes(files.filter(p -> p.toString().endsWith(".jpg")).sorted().findFirst()
                    .orElseThrow());
        }
        assertFalse(ImageDecoder.cutShort(jpeg));
        for (byte[] cut : List.of(Arrays.copyOf(png, 33), Arrays.copyOf(jpeg, jpeg.length / 3))) {
            Path file = TestFiles.write(dir.resolve("cut" + cut.length + ".img"), cut);
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> ImageDecoder.decode(file));
            assertTrue(e.getMessage().contains("; the file is cut short (" + cut.length + " bytes, without its end "
                    + "marker), as after an interrupted copy or download: copy it again or delete it"), e.getMessage());
        }
    }
}

package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * IDX files that are something else were named by their magic number in hex: a failed download's saved web page
 * ("wrong magic number 0x3C21444F") and a file gzip-compressed twice ("0x1F8B0800") (a fresh user, 6 Dec).
 */
class IdxOtherFormatTest {

    @TempDir
    Path dir;

    @Test
    void aWebPageSavedAsTheImagesFileIsNamedAsOne() {
        byte[] page = "<!DOCTYPE html><html><body>404 Not Found</body></html>".getBytes(StandardCharsets.US_ASCII);
        Path images = TestFiles.write(dir.resolve("web").resolve("train-images-idx3-ubyte.gz"), TestFiles.gzip(page));
        TestFiles.write(dir.resolve("web").resolve("train-labels-idx1-ubyte"), TestFiles.idxLabels(0));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(images,
                dir.resolve("web").resolve("train-labels-idx1-ubyte")));
        assertTrue(e.getMessage().contains("is a web page or XML document inside its gzip, not IDX data (a download "
                + "that saved an error page?): download the file again"), e.getMessage());
        Path plain = TestFiles.write(dir.resolve("plain-page"), page);
        InvalidDataException raw = assertThrows(InvalidDataException.class, () -> IdxFile.readLabels(plain));
        assertTrue(raw.getMessage().contains("is a web page or XML document, not IDX data"), raw.getMessage());
    }

    @Test
    void aFileCompressedTwiceIsNamedSo() {
        Path twice = TestFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"),
                TestFiles.gzip(TestFiles.gzip(TestFiles.idxLabels(0, 1))));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> IdxFile.readLabels(twice));
        assertTrue(e.getMessage().contains("is gzip-compressed twice (a download the server compressed again?): "
                + "decompress it once more (gunzip), then give the IDX file"), e.getMessage());
        Path png = TestFiles.grayPng(dir.resolve("labels.png"), 2, 2, 0);
        InvalidDataException image = assertThrows(InvalidDataException.class, () -> IdxFile.readLabels(png));
        assertTrue(image.getMessage().contains("is a PNG image, not IDX data; give the IDX file itself"),
                image.getMessage());
    }
}

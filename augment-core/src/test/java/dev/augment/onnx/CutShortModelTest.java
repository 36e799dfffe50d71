package dev.augment.onnx;

import dev.augment.errors.ModelContractException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CutShortModelTest {

    private static final Path SHIPPED = Path.of("..", "models", "fashion-mnist.onnx");

    @Test
    void aModelCutAnywhereIsCutShortTheWholeOneAndOtherBytesAreNot() throws Exception {
        byte[] whole = Files.readAllBytes(SHIPPED);
        assertFalse(CutShortModel.isCutShort(whole));
        for (int length : new int[] {whole.length - 1, whole.length / 2, whole.length / 3}) {
            assertTrue(CutShortModel.isCutShort(Arrays.copyOf(whole, length)), "cut at " + length);
        }
        assertFalse(CutShortModel.isCutShort("not a model".getBytes()), "text is broken, not cut short");
        assertFalse(CutShortModel.isCutShort(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    }

    /** A gzipped or zipped model was told to be trained again (a fresh user, 6 Dec). */
    @Test
    void aCompressedModelAnImageOrAWebAddressIsNamedForWhatItIs(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("fm.onnx.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(SHIPPED));
        }
        for (var load : java.util.List.<org.junit.jupiter.api.function.Executable>of(
                () -> MetadataReader.properties(gz),
                () -> dev.augment.generate.OnnxGenerator.load(gz, dev.augment.generate.ExecutionDevice.CPU))) {
            ModelContractException e = assertThrows(ModelContractException.class, load);
            assertTrue(e.getMessage().endsWith("fm.onnx.gz: is a gzip-compressed file: decompress it first (gunzip -k "
                    + "FILE.gz) and give the .onnx, not an ONNX model"), e.getMessage());
        }
        Path png = Files.write(dir.resolve("m.onnx"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        assertTrue(assertThrows(ModelContractException.class, () -> dev.augment.generate.OnnxGenerator.load(png,
                dev.augment.generate.ExecutionDevice.CPU)).getMessage().contains("is an image (PNG or JPEG)"));
        ModelContractException url = assertThrows(ModelContractException.class, () -> dev.augment.generate.OnnxGenerator
                .load(Path.of("https://example.com/fm.onnx"), dev.augment.generate.ExecutionDevice.CPU));
        assertTrue(url.getMessage().contains("a web address, not a file; download the model first"), url.getMessage());
    }

    @Test
    void theMetadataReaderSaysACutShortFileIsCutShort(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(SHIPPED);
        Path cut = Files.write(dir.resolve("cut.onnx"), Arrays.copyOf(whole, whole.length / 3));
        ModelContractException e = assertThrows(ModelContractException.class, () -> MetadataReader.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": the ONNX file is cut short (" + whole.length / 3 + " bytes;"),
                e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(CutShortModel.message(cut, 1).contains("(1 byte; its last part"), "not \"1 bytes\"");
    }
}

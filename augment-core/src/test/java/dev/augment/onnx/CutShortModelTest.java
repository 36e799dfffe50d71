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
            assertTrue(e.getMessage().endsWith("fm.onnx.gz: is a gzip-compressed file, not an ONNX model: decompress "
                    + "it first (gunzip -k FILE.gz) and give the .onnx"), e.getMessage());
        }
        Path png = Files.write(dir.resolve("m.onnx"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        assertTrue(assertThrows(ModelContractException.class, () -> dev.augment.generate.OnnxGenerator.load(png,
                dev.augment.generate.ExecutionDevice.CPU)).getMessage().contains("is an image (PNG or JPEG)"));
        ModelContractException url = assertThrows(ModelContractException.class, () -> dev.augment.generate.OnnxGenerator
                .load(Path.of("https://example.com/fm.onnx"), dev.augment.generate.ExecutionDevice.CPU));
        assertTrue(url.getMessage().contains("a web address, not a file; download the model first"), url.getMessage());
    }

    /**
     * A generate output's CSV, a model card, spark-generate's Parquet were "not a valid ONNX model; re-export it with
     * 'augment train'", and a folder "cannot read model file (Is a directory)" (a fresh user, 6 Dec).
     */
    @Test
    void aTextFileAParquetFileOrAFolderIsNamedForWhatItIs(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("samples.csv"), "label,p0,p1\n3,0.5,0.25\n");
        Path card = Files.writeString(dir.resolve("fashion-mnist.md"), "\uFEFF# Fashion-MNIST generator\n");
        Path parquet = Files.write(dir.resolve("part-0.parquet"), new byte[] {'P', 'A', 'R', '1', 21, 0, 21, 28});
        Path training = Files.createDirectories(dir.resolve("m.onnx.training"));
        Files.copy(SHIPPED, dir.resolve("m.onnx"));
        Path holder = Files.createDirectories(dir.resolve("holder"));
        Files.copy(SHIPPED, holder.resolve("g.onnx"));
        String[][] cases = {
            {csv.toString(), "samples.csv: is a text file (a CSV table, a model card?), not an ONNX model"},
            {card.toString(), "fashion-mnist.md: is a text file"},
            {parquet.toString(), "part-0.parquet: is a Parquet file (spark-generate writes them), not an ONNX model"},
            {training.toString(), "m.onnx.training: is the checkpoint folder of augment train, not a model; give the "
                    + "model beside it, " + dir.resolve("m.onnx")},
            {holder.toString(), "holder: is a folder, not a model file; give the .onnx file in it, "
                    + holder.resolve("g.onnx")},
            // a re-check, 6 Dec: UTF-8 letters, Excel's UTF-16 text, a three-byte file, a Mac's ._ file, a checkpoint
            // folder whose run never exported
            {Files.writeString(dir.resolve("umlaut.csv"), "Größe,label\n1,a\n").toString(), "is a text file"},
            {Files.write(dir.resolve("u16.csv"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a', 0, ',', 0}).toString(),
                "is a text file"},
            {Files.writeString(dir.resolve("ab.onnx"), "ab\n").toString(), "is a text file"},
            {Files.write(dir.resolve("._g.onnx"), new byte[] {0, 5, 22, 7, 0, 2, 0, 0, 77, 97, 99}).toString(),
                "is a macOS metadata file (AppleDouble, named '._' and a file's name), not an ONNX model"},
            {Files.createDirectories(dir.resolve("never.onnx.training")).toString(), "its run did not finish (there "
                    + "is no " + dir.resolve("never.onnx") + "): continue it with augment train --out "}};
        for (String[] c : cases) {
            for (var load : java.util.List.<org.junit.jupiter.api.function.Executable>of(
                    () -> MetadataReader.properties(Path.of(c[0])),
                    () -> dev.augment.generate.OnnxGenerator.load(Path.of(c[0]),
                            dev.augment.generate.ExecutionDevice.CPU))) {
                ModelContractException e = assertThrows(ModelContractException.class, load);
                assertTrue(e.getMessage().contains(c[1]), e.getMessage());
                assertTrue(e.getCause() == null, "no parse error to add after 'not an ONNX model': " + e.getCause());
            }
        }
    }

    /**
     * A copy cut exactly between two top-level parts parses: it was "No graph was found in the protobuf", or "not an
     * augment generator" of the shipped model (a fresh user, 6 Dec). Every such cut either loads (one before entries
     * that may be absent) or is said to be cut short.
     */
    @Test
    void aModelCutBetweenTwoOfItsPartsIsSaidToBeMostLikelyCutShort(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(SHIPPED);
        java.util.List<Integer> ends = new java.util.ArrayList<>();
        com.google.protobuf.CodedInputStream in = com.google.protobuf.CodedInputStream.newInstance(whole);
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            in.skipField(tag);
            ends.add(in.getTotalBytesRead());
        }
        int refused = 0;
        for (int end : ends.subList(0, ends.size() - 1)) {
            Path cut = Files.write(dir.resolve("cut-" + end + ".onnx"), Arrays.copyOf(whole, end));
            try (var loaded = dev.augment.generate.OnnxGenerator.load(cut, dev.augment.generate.ExecutionDevice.CPU)) {
                assertTrue(end > whole.length / 2, "only a cut inside the metadata may load, not one at " + end);
            } catch (ModelContractException e) {
                refused++;
                assertTrue(e.getMessage().contains(", as a copy cut short does: copy it again from its source")
                        || e.getMessage().contains("so it is most likely a copy cut short: copy it again")
                        || e.getMessage().contains("or a copy cut short before its metadata"), e.getMessage());
                assertFalse(e.getMessage().contains("/onnxruntime_src/"), "no C++ source place: " + e.getMessage());
            }
        }
        assertTrue(refused >= 3, refused + " of " + ends.size() + " cuts refused");
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

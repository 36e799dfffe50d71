package dev.augment.generate.output;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.augment.data.DenseSamples;
import dev.augment.data.IdxImageSource;
import dev.augment.data.ImageFolderSource;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.onnx.GeneratorOnnxExporter;
import dev.augment.onnx.ModelMetadata;
import dev.augment.schema.SampleSchema;
import dev.augment.train.Architecture;
import dev.augment.train.GanSettings;
import dev.augment.train.GanTrainer;
import dev.augment.train.TrainedGan;
import dev.augment.train.TrainingListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Samples of a small 3-channel generator (a conv GAN trained for two steps on the RGB CIFAR-10 sample, exported
 * to ONNX and run by ONNX Runtime, as {@code augment generate} does) written as PNG, IDX and CSV: each file holds
 * three channels of 32x32 in the documented layout, with the generator's values after the documented scaling,
 * and the project's readers read them back.
 */
class ColourSampleWritersTest {

    private static final Path CIFAR10_SAMPLE = Path.of("..", "datasets", "cifar10-sample", "train");
    private static final int PLANE = 32 * 32;
    private static final int FEATURES = 3 * PLANE;
    /** Two samples each of classes 0 (airplane) and 3 (cat), in writing order. */
    private static final int[] CLASSES = {0, 0, 3, 3};

    @TempDir
    static Path modelDir;
    private static OnnxGenerator generator;
    private static SampleSchema schema;
    private static float[] airplanes;
    private static float[] cats;

    @BeforeAll
    static void trainExportAndGenerate() throws IOException {
        ImageFolderSource source = new ImageFolderSource(CIFAR10_SAMPLE);
        DenseSamples data = DenseSamples.from(source, source.schema());
        GanSettings settings = GanSettings.builder(Architecture.CONV).steps(2).batchSize(8).seed(5).convWidth(8)
                .build();
        Path model = modelDir.resolve("g.onnx");
        try (TrainedGan gan = new GanTrainer(data.schema(), settings, TrainingListener.NONE)
                .train(data.features(), data.classIndices(), modelDir.resolve("ckpt"), false)) {
            ModelMetadata metadata = new ModelMetadata(data.schema(), settings.latentDim(),
                    JsonNodeFactory.instance.objectNode(), null);
            GeneratorOnnxExporter.write(GeneratorOnnxExporter.toModel(gan.exportGraph(), metadata, "test"), model);
        }
        generator = OnnxGenerator.load(model, ExecutionDevice.CPU);
        schema = generator.metadata().schema();
        airplanes = generator.generate(0, 9, 0, 2);
        cats = generator.generate(3, 9, 0, 2);
    }

    @AfterAll
    static void closeGenerator() {
        if (generator != null) {
            generator.close();
        }
    }

    @Test
    void generatorGivesThreeChannel32By32SamplesInTheByteRange() {
        assertEquals(List.of(3, 32, 32), schema.shape());
        assertEquals(0.0, schema.minValue());
        assertEquals(255.0, schema.maxValue());
        assertEquals(2 * FEATURES, cats.length);
        for (float v : concat(airplanes, cats)) {
            assertTrue(v >= 0 && v <= 255, "in range: " + v);
        }
    }

    @Test
    void pngFilesAreRgb32By32WithTheRoundedSampleValuesAndReadBackAsColour(@TempDir Path dir) throws IOException {
        write(OutputFormat.PNG, dir);

        float[] all = concat(airplanes, cats);
        String[] files = {"airplane/000001.png", "airplane/000002.png", "cat/000001.png", "cat/000002.png"};
        for (int s = 0; s < files.length; s++) {
            BufferedImage image = ImageIO.read(dir.resolve(files[s]).toFile());
            assertEquals(32, image.getWidth());
            assertEquals(32, image.getHeight());
            Raster raster = image.getRaster();
            assertEquals(3, raster.getNumBands(), "RGB, no alpha");
            assertEquals(8, image.getColorModel().getComponentSize(0));
            assertTrue(image.getColorModel().getColorSpace().isCS_sRGB());
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int rgb = image.getRGB(x, y);
                    int[] got = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
                    for (int c = 0; c < 3; c++) {
                        assertEquals(toByte(all[s * FEATURES + c * PLANE + y * 32 + x]), got[c],
                                files[s] + " channel " + c + " at (" + x + ", " + y + ")");
                    }
                }
            }
        }

        ImageFolderSource back = new ImageFolderSource(dir);
        DenseSamples read = DenseSamples.from(back, back.schema());
        assertEquals(List.of(3, 32, 32), back.schema().shape());
        assertEquals(List.of("airplane", "cat"), back.schema().classNames());
        assertArrayEquals(new int[] {0, 0, 1, 1}, read.classIndices());
        for (int s = 0; s < 4; s++) {
            assertArrayEquals(expectedBytes(all, s), read.features()[s], "sample " + s + " read back");
        }
    }

    @Test
    void idxIsUbyteWithChannelDimensionAndTheRoundedValuesInSampleOrder(@TempDir Path dir) throws IOException {
        write(OutputFormat.IDX, dir);

        float[] all = concat(airplanes, cats);
        Path images = dir.resolve(IdxSampleWriter.IMAGES_FILE);
        Path labels = dir.resolve(IdxSampleWriter.LABELS_FILE);
        try (DataInputStream in = new DataInputStream(Files.newInputStream(images))) {
            assertArrayEquals(new byte[] {0, 0, 0x08, 4}, in.readNBytes(4), "ubyte, 4 dimensions");
            assertArrayEquals(new int[] {4, 3, 32, 32}, new int[] {in.readInt(), in.readInt(), in.readInt(),
                    in.readInt()}, "[N, C, H, W]");
            byte[] payload = in.readAllBytes();
            assertEquals(4 * FEATURES, payload.length);
            for (int i = 0; i < payload.length; i++) {
                assertEquals(toByte(all[i]), Byte.toUnsignedInt(payload[i]), "value " + i);
            }
        }
        byte[] labelFile = Files.readAllBytes(labels);
        assertArrayEquals(new byte[] {0, 0, 0x08, 1, 0, 0, 0, 4, 0, 0, 3, 3}, labelFile);

        IDXDataSource<Label> tribuo = new IDXDataSource<>(images, labels, new LabelFactory());
        List<Example<Label>> examples = new ArrayList<>();
        tribuo.forEach(examples::add);
        assertEquals(4, examples.size());
        assertEquals("3", examples.get(2).getOutput().getLabel());
        for (Feature f : examples.get(3)) {
            int i = Integer.parseInt(f.getName());
            assertEquals(toByte(all[3 * FEATURES + i]), f.getValue(), "Tribuo's feature " + f.getName());
        }

        IdxImageSource back = new IdxImageSource(images, labels);
        DenseSamples read = DenseSamples.from(back, back.schema());
        assertEquals(List.of(3, 32, 32), back.schema().shape(), "the IDX source reads the channels back");
        for (int s = 0; s < 4; s++) {
            assertArrayEquals(expectedBytes(all, s), read.features()[s], "sample " + s + " read back");
        }
    }

    @Test
    void csvHasALabelAndThreeTimes32By32ColumnsHoldingTheWholePixels(@TempDir Path dir) throws IOException {
        write(OutputFormat.CSV, dir);

        float[] all = concat(airplanes, cats);
        List<String> lines = Files.readAllLines(dir.resolve(CsvSampleWriter.FILE), StandardCharsets.UTF_8);
        assertEquals(5, lines.size(), "header and 4 rows");
        String[] header = lines.get(0).split(",", -1);
        assertEquals(1 + FEATURES, header.length);
        assertEquals("label", header[0]);
        assertEquals("0000", header[1]);
        assertEquals("1024", header[1 + PLANE], "green plane starts after 32 x 32 red values");
        assertEquals("3071", header[FEATURES]);
        for (int s = 0; s < 4; s++) {
            String[] row = lines.get(1 + s).split(",", -1);
            assertEquals(1 + FEATURES, row.length);
            assertEquals(schema.labels().get(CLASSES[s]), row[0]);
            for (int i = 0; i < FEATURES; i++) {
                float v = Float.parseFloat(row[1 + i]);
                assertTrue(v >= 0 && v <= 255, "in range: " + v);
                assertEquals(dev.augment.schema.PixelGrid.round(all[s * FEATURES + i]), v, "row " + s + ", column "
                        + header[1 + i] + ": the whole pixel, as IDX and PNG hold it");
            }
        }
    }

    private static void write(OutputFormat format, Path dir) throws IOException {
        try (SampleWriter writer = SampleWriters.open(format, dir, schema, 4)) {
            writer.write(0, airplanes, 2);
            writer.write(3, cats, 2);
            writer.finish();
        }
    }

    /** The documented scaling from the schema range [0, 255] onto a byte: rounded half up, clamped. */
    private static int toByte(float value) {
        return (int) Math.max(0, Math.min(255, Math.floor(value + 0.5)));
    }

    private static float[] expectedBytes(float[] all, int sample) {
        float[] out = new float[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            out[i] = toByte(all[sample * FEATURES + i]);
        }
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

package dev.augment.train;

import dev.augment.data.DenseSamples;
import dev.augment.onnx.GeneratorGraph;
import dev.augment.onnx.GeneratorLayer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A few steps of the convolutional GAN on the RGB CIFAR-10 sample, at widths other than the default 64. */
class ColourConvTrainingTest {

    @ParameterizedTest(name = "conv width {0}")
    @ValueSource(ints = {16, 32})
    void fourStepsOnRgbImagesGiveAThreeChannelGeneratorOfTheAskedWidth(int width, @TempDir Path dir)
            throws IOException {
        DenseSamples data = ColourSample.train();
        GanSettings settings = ColourSample.fourConvSteps(width);
        try (TrainedGan gan = new GanTrainer(data.schema(), settings, TrainingListener.NONE)
                .train(data.features(), data.classIndices(), dir, false)) {
            assertEquals(4, gan.history().stream().mapToInt(EpochReport::steps).sum(), "steps trained");
            for (EpochReport r : gan.history()) {
                assertTrue(Double.isFinite(r.lossD()) && Double.isFinite(r.lossG()), r.toString());
            }

            GeneratorGraph graph = gan.exportGraph();
            GeneratorLayer.Dense stem = (GeneratorLayer.Dense) graph.layers().get(0);
            assertEquals(width * 8 * 8, stem.outputs(), "dense stem feeds a width x 8 x 8 image");
            List<GeneratorLayer.Conv> convs = graph.layers().stream().filter(GeneratorLayer.Conv.class::isInstance)
                    .map(GeneratorLayer.Conv.class::cast).toList();
            assertEquals(List.of(width, width / 2, width / 4), convs.stream().map(GeneratorLayer.Conv::channels).toList());
            assertEquals(List.of(width / 2 * 4, width / 4 * 4, 3),
                    convs.stream().map(GeneratorLayer.Conv::filters).toList(), "the last conv gives red, green, blue");

            float[] cats = gan.sample(3, 2, 5);
            float[] trucks = gan.sample(9, 2, 5);
            assertEquals(2 * 3 * 32 * 32, cats.length);
            for (float v : cats) {
                assertTrue(v >= 0 && v <= 255, "in the data's range 0..255: " + v);
            }
            assertNotEquals(cats[0], trucks[0], "the label conditions the output");
            assertTrue(differ(cats, 0, 1024) || differ(cats, 1024, 2048), "channels are not copies of one another");
        }
        BufferedImage grid = ImageIO.read(onlyGrid(dir).toFile());
        assertEquals(3, grid.getRaster().getNumBands(), "the sample grid is in colour");
    }

    private static boolean differ(float[] samples, int planeA, int planeB) {
        for (int i = 0; i < 1024; i++) {
            if (samples[planeA + i] != samples[planeB + i]) {
                return true;
            }
        }
        return false;
    }

    private static Path onlyGrid(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> grids = files.filter(p -> p.getFileName().toString().startsWith("samples-")).toList();
            assertFalse(grids.isEmpty(), "a sample grid was written");
            return grids.get(grids.size() - 1);
        }
    }
}

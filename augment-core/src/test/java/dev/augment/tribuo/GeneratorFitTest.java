package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generator's class means against the source's: its classes must be the source's classes. */
class GeneratorFitTest {

    private static final Path DATA = Path.of("..", "datasets", "fashion-mnist-sample");

    /**
     * @param relabel the label each example takes, from its own
     * @param pixels the image each example becomes, from its 784 pixels (index r × 28 + c)
     * @return the checked-in sample's training images so changed, named as Tribuo names their pixels (zeros left out)
     */
    private static DataSource<Label> sample(UnaryOperator<String> relabel, UnaryOperator<double[]> pixels)
            throws IOException {
        IDXDataSource<Label> idx = new IDXDataSource<>(DATA.resolve("train-images-idx3-ubyte.gz"),
                DATA.resolve("train-labels-idx1-ubyte.gz"), new LabelFactory());
        List<Example<Label>> examples = new ArrayList<>();
        for (Example<Label> example : idx) {
            double[] image = new double[784];
            for (Feature feature : example) {
                image[Integer.parseInt(feature.getName())] = feature.getValue();
            }
            double[] changed = pixels.apply(image);
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (int p = 0; p < changed.length; p++) {
                if (changed[p] != 0) {
                    names.add(String.format("%03d", p));
                    values.add(changed[p]);
                }
            }
            examples.add(new ArrayExample<>(new Label(relabel.apply(example.getOutput().getLabel())),
                    names.toArray(new String[0]), values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return new ListDataSource<>(examples, new LabelFactory(), new SimpleDataSourceProvenance("sample",
                new LabelFactory()));
    }

    private static DataSource<Label> sample(UnaryOperator<String> relabel, boolean invert) throws IOException {
        return sample(relabel, image -> invert ? java.util.Arrays.stream(image).map(v -> 255 - v).toArray() : image);
    }

    /** @return the sample's images cropped to their centre side × side, named as Tribuo names that many pixels */
    private static DataSource<Label> cropped(int side) throws IOException {
        int offset = (28 - side) / 2;
        return sample(l -> l, image -> {
            double[] crop = new double[side * side];
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    crop[r * side + c] = image[(r + offset) * 28 + c + offset];
                }
            }
            return crop;
        });
    }

    /** 20×20 and 27×27 crops reach past half the generator's pixels, and were taken for relabelled data (5 Dec). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {20, 27})
    void smallerImagesAreNamedAsSuch(int side) throws IOException {
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            DataSource<Label> small = cropped(side);
            String said;
            try {
                said = String.join(" ", augment(small, generator).warnings());
            } catch (PropertyException refused) {
                said = refused.getMessage();
            }
            assertTrue(said.contains("no real example has a pixel beyond feature '")
                    && said.contains("are the source's images of another size"), said);
        }
    }

    private static AugmentingDataSource augment(DataSource<Label> source, OnnxGenerator generator) {
        return new AugmentingDataSource(source, generator, AugmentationPolicy.counts(Map.of("4", 5)),
                MethodSettings.of(OversamplingMethod.GAN), 1L, 1f);
    }

    @Test
    void theShippedGeneratorFitsItsOwnData() throws IOException {
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            AugmentingDataSource augmented = augment(sample(l -> l, false), generator);
            assertTrue(augmented.warnings().stream().noneMatch(w -> w.contains("nearest another class")
                    || w.contains("inverted") || w.contains("beyond feature") || w.contains("transposed")),
                    augmented.warnings().toString());
            assertEquals(5, augmented.syntheticCounts().get("4"));
        }
    }

    /**
     * A source of real sneakers only (nearly all leave the last two rows blank) was asked whether its images were of
     * another size, as one of the generator's sneakers reached the last row (a re-check, 6 Dec).
     */
    @Test
    void realSneakersAloneAreNotTakenForSmallerImages() throws IOException {
        List<Example<Label>> sneakers = new ArrayList<>();
        for (Example<Label> e : sample(l -> l, false)) {
            if (e.getOutput().getLabel().equals("7")) {
                sneakers.add(e);
            }
        }
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            AugmentingDataSource augmented = new AugmentingDataSource(new ListDataSource<>(sneakers, new LabelFactory(),
                    new SimpleDataSourceProvenance("sneakers", new LabelFactory())), generator,
                    AugmentationPolicy.counts(Map.of("7", 5)), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f);
            assertTrue(augmented.warnings().stream().noneMatch(w -> w.contains("beyond feature")),
                    augmented.warnings().toString());
        }
    }

    /**
     * Grey images whose pixels were named column by column got upright GAN examples without a word, the GAN's gain
     * falling from +0.034 to +0.012 (a Tribuo user, 6 Dec).
     */
    @Test
    void imagesNamedColumnByColumnAreNamedAsTransposed() throws IOException {
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            AugmentingDataSource transposed = augment(sample(l -> l, image -> {
                double[] t = new double[784];
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        t[x * 28 + y] = image[y * 28 + x];
                    }
                }
                return t;
            }), generator);
            assertTrue(transposed.warnings().stream().anyMatch(w -> w.contains("with the generator's samples as given "
                    + "and") && w.contains("transposed: are its images' pixels named column by column")),
                    transposed.warnings().toString());
        }
    }

    /** The weaker CIFAR-10 generator on its own sample: a few class means lie a little nearer another, no warning. */
    @Test
    void theShippedCifarGeneratorFitsItsSample() {
        try (OnnxGenerator generator = OnnxGenerator.load(Path.of("..", "models", "cifar10.onnx"),
                ExecutionDevice.CPU)) {
            AugmentingDataSource augmented = new AugmentingDataSource(new dev.augment.data.ImageFolderSource(
                    Path.of("..", "datasets", "cifar10-sample", "train")), generator,
                    AugmentationPolicy.counts(Map.of("cat", 5)), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f);
            assertTrue(augmented.warnings().stream().noneMatch(w -> w.contains("nearest another class")
                    || w.contains("inverted") || w.contains("transposed")), augmented.warnings().toString());
        }
    }

    /** Labels numbered another way fit every name, shape and range: the GAN added other classes (5 Dec). */
    @Test
    void labelsNumberedAnotherWayAreRefused() throws IOException {
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            DataSource<Label> shifted = sample(l -> Integer.toString((Integer.parseInt(l) + 1) % 10), false);
            PropertyException e = assertThrows(PropertyException.class, () -> augment(shifted, generator));
            assertEquals("source", e.getProperty());
            assertTrue(e.getMessage().contains("classes lie nearest another class's real examples (class means: "
                    + "'T-shirt/top' nearest the source's 'Trouser'"), e.getMessage());
        }
    }

    /** Inverted images (white backgrounds) got black-background examples without a word (5 Dec). */
    @Test
    void invertedImagesAreNamed() throws IOException {
        try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
            DataSource<Label> inverted = sample(l -> l, true);
            String said;
            try {
                said = String.join(" ", augment(inverted, generator).warnings());
            } catch (PropertyException refused) {
                said = refused.getMessage();
            }
            assertTrue(said.contains("inverted (white-background) or otherwise differently prepared images?"), said);
        }
    }
    /**
     * CIFAR-10 images with their features in NumPy's (row, column, channel) order, named as the generator names its
     * (channel, row, column) features, passed every check (a Tribuo user, 6 Dec); in the generator's order they pass.
     */
    @Test
    void colourExamplesInNumpysPixelOrderAreRefused() {
        Path cifar = Path.of("..", "datasets", "cifar10-sample");
        try (OnnxGenerator generator = OnnxGenerator.load(Path.of("..", "models", "cifar10.onnx"),
                ExecutionDevice.CPU)) {
            dev.augment.data.DenseSamples real = dev.augment.data.DenseSamples.from(dev.augment.data.DataSources.open(
                    cifar, dev.augment.data.Split.TRAIN, null), generator.metadata().schema());
            assertTrue(GeneratorFit.check(generator, real).stream().noneMatch(w -> w.contains("channel")),
                    "the generator's own order is fine");
            int plane = 32 * 32;
            float[][] interleaved = new float[real.size()][3 * plane];
            for (int i = 0; i < real.size(); i++) {
                for (int pixel = 0; pixel < plane; pixel++) {
                    for (int ch = 0; ch < 3; ch++) {
                        interleaved[i][pixel * 3 + ch] = real.features()[i][ch * plane + pixel];
                    }
                }
            }
            dev.augment.errors.InvalidSettingException e = assertThrows(
                    dev.augment.errors.InvalidSettingException.class,
                    () -> GeneratorFit.check(generator, new dev.augment.data.DenseSamples(interleaved,
                            real.classIndices(), real.schema())));
            assertTrue(e.getMessage().contains("look ordered (row, column, channel), as NumPy and PIL hold images"),
                    e.getMessage());
            // inverted colour images were refused as NumPy-ordered (a re-check, 6 Dec): named as inverted instead
            float[][] inverted = new float[real.size()][];
            for (int i = 0; i < real.size(); i++) {
                inverted[i] = real.features()[i].clone();
                for (int f = 0; f < inverted[i].length; f++) {
                    inverted[i][f] = 255 - inverted[i][f];
                }
            }
            List<String> said = GeneratorFit.check(generator, new dev.augment.data.DenseSamples(inverted,
                    real.classIndices(), real.schema()));
            assertTrue(said.stream().noneMatch(w -> w.contains("(row, column, channel)")), said.toString());
        }
    }

    /**
     * Grey images stored as three equal channels got colour examples from the colour generator without a word, so
     * colour alone told the added examples apart (a Tribuo user, 6 Dec); the same images in colour are not named.
     */
    @Test
    void greyImagesInThreeEqualChannelsAreNamedForAColourGenerator() {
        dev.augment.data.ImageFolderSource colour = new dev.augment.data.ImageFolderSource(
                Path.of("..", "datasets", "cifar10-sample", "train"));
        int plane = 32 * 32;
        List<Example<Label>> grey = new ArrayList<>();
        for (Example<Label> example : colour) {
            double[] values = new double[3 * plane];
            Map<String, Integer> index = new java.util.HashMap<>();
            List<String> names = colour.schema().featureNames();
            for (int f = 0; f < names.size(); f++) {
                index.put(names.get(f), f);
            }
            for (Feature feature : example) {
                values[index.get(feature.getName())] = feature.getValue();
            }
            double[] greyValues = new double[3 * plane];
            for (int p = 0; p < plane; p++) {
                double mean = Math.rint((values[p] + values[p + plane] + values[p + 2 * plane]) / 3);
                greyValues[p] = greyValues[p + plane] = greyValues[p + 2 * plane] = mean;
            }
            grey.add(new ArrayExample<>(example.getOutput(), names.toArray(String[]::new), greyValues));
        }
        LabelFactory factory = new LabelFactory();
        try (OnnxGenerator generator = OnnxGenerator.load(Path.of("..", "models", "cifar10.onnx"),
                ExecutionDevice.CPU)) {
            AugmentingDataSource greyAugmented = new AugmentingDataSource(new ListDataSource<>(grey, factory,
                    new SimpleDataSourceProvenance("grey", factory)), generator,
                    AugmentationPolicy.counts(Map.of("cat", 5)), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f);
            assertTrue(greyAugmented.warnings().stream().anyMatch(w -> w.startsWith("every image of the source has "
                    + "three equal channels (a grey image stored as colour), but the generator writes colour images")),
                    greyAugmented.warnings().toString());
            // evaluate --model checks the real examples in memory, and said nothing (a re-check, 6 Dec)
            dev.augment.data.DenseSamples greyDense = dev.augment.data.DenseSamples.from(new ListDataSource<>(grey,
                    factory, new SimpleDataSourceProvenance("grey", factory)), generator.metadata().schema());
            assertTrue(GeneratorFit.check(generator, greyDense).stream().anyMatch(w -> w.startsWith("every image of "
                    + "the source has three equal channels")), GeneratorFit.check(generator, greyDense).toString());
            // one colour image among the grey ones silenced a check of exact equality (a re-check, 6 Dec)
            List<Example<Label>> oneColour = new ArrayList<>(grey);
            oneColour.set(0, colour.iterator().next());
            AugmentingDataSource mostlyGrey = new AugmentingDataSource(new ListDataSource<>(oneColour, factory,
                    new SimpleDataSourceProvenance("mostly grey", factory)), generator,
                    AugmentationPolicy.counts(Map.of("cat", 5)), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f);
            assertTrue(mostlyGrey.warnings().stream().anyMatch(w -> w.startsWith((grey.size() - 1) + " of the "
                    + grey.size() + " images of the source have three equal channels")), mostlyGrey.warnings()
                    .toString());
            AugmentingDataSource colourAugmented = new AugmentingDataSource(colour, generator,
                    AugmentationPolicy.counts(Map.of("cat", 5)), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f);
            assertTrue(colourAugmented.warnings().stream().noneMatch(w -> w.contains("three equal channels")),
                    colourAugmented.warnings().toString());
            // whole grey classes among colour ones, and grey images with one coloured stamp pixel, were not named
            // (a re-check, 6 Dec)
            List<Example<Label>> greyCats = new ArrayList<>();
            java.util.Iterator<Example<Label>> colourImages = colour.iterator();
            long cats = 0;
            for (Example<Label> greyImage : grey) {
                Example<Label> colourImage = colourImages.next();
                boolean cat = greyImage.getOutput().getLabel().equals("cat");
                cats += cat ? 1 : 0;
                greyCats.add(cat ? stamped(greyImage, 3 * plane) : colourImage);
            }
            AugmentingDataSource greyClass = new AugmentingDataSource(new ListDataSource<>(greyCats, factory,
                    new SimpleDataSourceProvenance("grey cats", factory)), generator,
                    AugmentationPolicy.counts(Map.of("cat", 5)), MethodSettings.of(OversamplingMethod.GAN), 1L, 1f);
            String expected = "the images of class 'cat' (" + cats + " of " + cats + ") have three equal channels";
            assertTrue(greyClass.warnings().stream().anyMatch(w -> w.startsWith(expected)),
                    greyClass.warnings().toString());
        }
    }

    /** @return the image with its first pixel's red channel set to 255: a coloured stamp on a grey image */
    private static Example<Label> stamped(Example<Label> image, int width) {
        String[] names = new String[width];
        double[] values = new double[width];
        int i = 0;
        for (Feature feature : image) {
            names[i] = feature.getName();
            values[i++] = feature.getValue();
        }
        values[0] = 255;
        return new ArrayExample<>(image.getOutput(), java.util.Arrays.copyOf(names, i),
                java.util.Arrays.copyOf(values, i));
    }
}

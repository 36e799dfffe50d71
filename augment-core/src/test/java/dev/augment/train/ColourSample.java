package dev.augment.train;

import dev.augment.data.DenseSamples;
import dev.augment.data.ImageFolderSource;

import java.nio.file.Path;

/** The checked-in CIFAR-10 sample's training split (200 RGB 32x32 images, 20 per class), read once per test. */
final class ColourSample {

    /** {@code datasets/cifar10-sample}; Maven runs tests with the module folder as working folder. */
    static final Path FOLDER = Path.of("..", "datasets", "cifar10-sample");

    private ColourSample() {
    }

    /** @return the training split as dense samples, values 0..255, shape (3, 32, 32) */
    static DenseSamples train() {
        ImageFolderSource source = new ImageFolderSource(FOLDER.resolve("train"));
        return DenseSamples.from(source, source.schema());
    }

    /**
     * @param convWidth the convolutional width
     * @return settings for a few seconds of conv training on the sample: 4 steps of batch 8, EMA decay 0.9
     */
    static GanSettings fourConvSteps(int convWidth) {
        return GanSettings.builder(Architecture.CONV).steps(4).batchSize(8).seed(11).emaDecay(0.9f)
                .convWidth(convWidth).build();
    }
}

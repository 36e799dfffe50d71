package dev.augment.train;

import dev.augment.image.SampleGridImage;
import dev.augment.random.SeededNoise;
import dev.augment.schema.SampleSchema;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the per-epoch PNG grid: a row per class from the averaged generator on fixed noise. */
final class SampleGrids {

    private SampleGrids() {
    }

    static void write(GanNetworks nets, SampleSchema schema, GanSettings settings, int columns, Path target)
            throws IOException {
        if (!schema.isImage() || (schema.channels() != 1 && schema.channels() != 3)) {
            return;
        }
        int k = schema.classCount();
        int n = k * columns;
        float[] z = new float[n * settings.latentDim()];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i / columns;
            SeededNoise.gaussian(z, i * settings.latentDim(), settings.latentDim(), settings.seed(), i, -2);
        }
        float[] samples = TrainedGan.generate(nets, nets.averagedGenerator, z, labels);
        SampleGridImage.write(SampleGridImage.render(schema, samples, k, columns), target);
    }
}

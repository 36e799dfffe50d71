package dev.augment.image;

import dev.augment.io.AtomicFiles;
import dev.augment.schema.SampleSchema;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A grid of image samples, one row per class, written as PNG: how the trainer shows progress after
 * every epoch and how model cards and reports show samples.
 */
public final class SampleGridImage {

    private static final int GAP = 2;

    private SampleGridImage() {
    }

    /**
     * @param schema image schema (1 or 3 channels)
     * @param samples {@code rows * columns} samples in feature scale, row by row
     * @param rows rows
     * @param columns samples per row
     * @return the grid image
     */
    public static BufferedImage render(SampleSchema schema, float[] samples, int rows, int columns) {
        if (!schema.isImage() || (schema.channels() != 1 && schema.channels() != 3)) {
            throw new IllegalArgumentException("sample grids need 1- or 3-channel images, schema shape is "
                    + schema.shape());
        }
        int f = schema.featureCount();
        if (samples.length != rows * columns * f) {
            throw new IllegalArgumentException("expected " + rows * columns + " samples");
        }
        int h = schema.height();
        int w = schema.width();
        int plane = h * w;
        BufferedImage image = new BufferedImage(columns * (w + GAP) + GAP, rows * (h + GAP) + GAP,
                BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int base = (r * columns + c) * f;
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int red = toByte(schema, samples[base + y * w + x]);
                        int green = schema.channels() == 3 ? toByte(schema, samples[base + plane + y * w + x]) : red;
                        int blue = schema.channels() == 3 ? toByte(schema, samples[base + 2 * plane + y * w + x]) : red;
                        image.setRGB(GAP + c * (w + GAP) + x, GAP + r * (h + GAP) + y, (red << 16) | (green << 8) | blue);
                    }
                }
            }
        }
        return image;
    }

    /**
     * Writes the image as PNG through a temporary file.
     *
     * @param image the image
     * @param target the PNG path
     * @throws IOException when it cannot be written
     */
    public static void write(BufferedImage image, Path target) throws IOException {
        // through a stream: ImageIO.write(File) deletes the file and makes it again, which the rename now refuses
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer for the sample grid " + target);
            }
        });
    }

    private static int toByte(SampleSchema schema, float value) {
        double unit = (value - schema.minValue()) / (schema.maxValue() - schema.minValue());
        return (int) Math.max(0, Math.min(255, Math.round(unit * 255)));
    }
}

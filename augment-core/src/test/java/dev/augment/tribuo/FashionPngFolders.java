package dev.augment.tribuo;

import dev.augment.data.DataSources;
import dev.augment.data.Split;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Class folders of real Fashion-MNIST test images as PNG files, for tests of image-folder sources. */
final class FashionPngFolders {

    private FashionPngFolders() {
    }

    /**
     * @param folder where the class folders go, named by label ({@code 0/1.png}, {@code 0/2.png}, …)
     * @param labels the classes to write
     * @param perClass the images of each, the first ones of the checked-in sample's test split
     * @return {@code folder}
     */
    static Path write(Path folder, List<String> labels, int perClass) throws IOException {
        Map<String, Integer> written = new HashMap<>();
        for (Example<Label> e : DataSources.open(Path.of("..", "datasets", "fashion-mnist-sample"), Split.TEST,
                null)) {
            String label = e.getOutput().getLabel();
            if (labels.contains(label) && written.merge(label, 1, Integer::sum) <= perClass) {
                BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
                for (Feature f : e) {
                    int p = Integer.parseInt(f.getName());
                    image.getRaster().setSample(p % 28, p / 28, 0, (int) f.getValue());
                }
                Files.createDirectories(folder.resolve(label));
                javax.imageio.ImageIO.write(image, "png", folder.resolve(label).resolve(written.get(label) + ".png")
                        .toFile());
            }
        }
        return folder;
    }
}

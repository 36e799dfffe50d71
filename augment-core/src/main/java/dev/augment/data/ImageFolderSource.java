package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.schema.SampleSchema;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import javax.imageio.ImageIO;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A folder of images, one sub-folder per class: {@code root/<class>/*.png|*.jpg|*.jpeg}.
 *
 * <p>Classes are the sub-folder names in sorted order (folders starting with "." are skipped); they are both
 * the Tribuo labels and, by default, the class names. When the root holds a {@link ClassMap}
 * ({@code classes.csv}, which {@code augment generate} writes), it decides instead: classes in its index
 * order, with its labels and names, each read from its folder. Other files are ignored. Every image must have the
 * same size. The samples are gray (one channel) when every image is gray, else RGB (three channels, a gray
 * image repeated in each); alpha is dropped. Features are the bytes in (channel, row, column) order, named
 * as Tribuo's IDX reader would name them, values 0..255; as there, zero pixels are left out of the examples.
 */
public final class ImageFolderSource implements SchemaDataSource {

    private final LabelFactory factory = new LabelFactory();
    private final Path root;
    private final PixelTable table;
    private final SampleSchema schema;
    private final DataSourceProvenance provenance;

    /**
     * Reads every image below a root folder, with the folder names as class names.
     *
     * @param root the folder holding one sub-folder per class
     */
    public ImageFolderSource(Path root) {
        this(root, null);
    }

    /**
     * Reads every image below a root folder.
     *
     * @param root the folder holding one sub-folder per class
     * @param names class names as for {@link ClassNames#resolve}; null means the folder names
     * @throws InvalidDataException when the root is missing or has no class folders, a class folder has no
     *                              images, an image cannot be read, or images differ in size
     */
    public ImageFolderSource(Path root, String names) {
        this.root = root;
        List<Path> folders = classFolders(root);
        Optional<ClassMap> classMap = ClassMap.readIfPresent(root);
        List<Path> classDirs = classMap.map(map -> mappedFolders(root, map, folders)).orElse(folders);
        List<String> labels = classMap.map(ClassMap::labels)
                .orElseGet(() -> classDirs.stream().map(d -> d.getFileName().toString()).toList());
        List<byte[]> pixels = new ArrayList<>();
        List<Integer> classes = new ArrayList<>();
        boolean allGray = true;
        Path first = null;
        int width = 0;
        int height = 0;
        for (int c = 0; c < classDirs.size(); c++) {
            for (Path file : imageFiles(classDirs.get(c))) {
                BufferedImage image = readImage(file);
                if (first == null) {
                    first = file;
                    width = image.getWidth();
                    height = image.getHeight();
                } else if (image.getWidth() != width || image.getHeight() != height) {
                    throw new InvalidDataException(file, "image is " + image.getWidth() + "x" + image.getHeight()
                            + " (width x height) but " + first + " is " + width + "x" + height
                            + "; all images must have the same size");
                }
                boolean gray = isGray(image);
                allGray &= gray;
                pixels.add(gray ? grayBytes(image) : rgbBytes(image));
                classes.add(c);
            }
        }
        int channels = allGray ? 1 : 3;
        int area = width * height;
        if (!allGray) {
            pixels.replaceAll(p -> p.length == area ? repeat(p, 3) : p);
        }
        List<String> featureNames = PixelTable.featureNames(channels * area);
        this.table = new PixelTable(featureNames.toArray(new String[0]), labels.stream().map(Label::new).toList(),
                pixels.toArray(new byte[0][]), classes.stream().mapToInt(Integer::intValue).toArray());
        this.schema = new SampleSchema(featureNames, List.of(channels, height, width), 0, 255, labels,
                ClassNames.resolve(names, labels, classMap.map(ClassMap::names).orElse(labels)));
        this.provenance = new SimpleDataSourceProvenance("image folder " + root.toAbsolutePath() + ", "
                + table.size() + " images, content sha256 " + table.sha256(), OffsetDateTime.now(), factory);
    }

    private static List<Path> classFolders(Path root) {
        if (!Files.isDirectory(root)) {
            throw new InvalidDataException(root, Files.exists(root) ? "is not a folder; expected a folder "
                    + "holding one sub-folder of images per class" : "image folder not found");
        }
        List<Path> dirs = list(root, Files::isDirectory);
        if (dirs.isEmpty()) {
            throw new InvalidDataException(root, "no class folders; expected one sub-folder of images per class");
        }
        return dirs;
    }

    /** The class folders in the class map's order; every folder must be listed and every listed one exist. */
    private static List<Path> mappedFolders(Path root, ClassMap map, List<Path> found) {
        Path file = root.resolve(ClassMap.FILE);
        Map<String, Path> byName = new HashMap<>();
        found.forEach(dir -> byName.put(dir.getFileName().toString(), dir));
        List<Path> ordered = new ArrayList<>();
        for (ClassMap.Entry entry : map.entries()) {
            Path dir = byName.remove(entry.folder());
            if (dir == null) {
                throw new InvalidDataException(file, "class '" + entry.name() + "' has folder '" + entry.folder()
                        + "', which is not a class folder of " + root + "; fix or delete " + ClassMap.FILE);
            }
            ordered.add(dir);
        }
        if (!byName.isEmpty()) {
            throw new InvalidDataException(file, "does not list folder '" + byName.keySet().iterator().next()
                    + "'; add it or delete " + ClassMap.FILE + " to use the folder names");
        }
        return ordered;
    }

    private static List<Path> imageFiles(Path classDir) {
        List<Path> files = list(classDir, p -> Files.isRegularFile(p)
                && p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.(png|jpe?g)"));
        if (files.isEmpty()) {
            throw new InvalidDataException(classDir, "empty class folder: no .png, .jpg or .jpeg images");
        }
        return files;
    }

    private static List<Path> list(Path dir, Predicate<Path> keep) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith(".")).filter(keep).sorted().toList();
        } catch (IOException e) {
            throw new InvalidDataException(dir, "folder cannot be listed: " + e.getMessage(), e);
        }
    }

    private static BufferedImage readImage(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new InvalidDataException(file, "unreadable image: not a PNG or JPEG that Java can decode");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidDataException bad) {
                throw bad;
            }
            throw new InvalidDataException(file, "unreadable image: " + e.getMessage(), e);
        }
    }

    private static boolean isGray(BufferedImage image) {
        return image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    }

    /** Reads the gray band directly: {@code getRGB} would pass it through a colour conversion. */
    private static byte[] grayBytes(BufferedImage image) {
        Raster raster = image.getRaster();
        int shift = Math.max(0, image.getColorModel().getComponentSize(0) - 8);
        int width = image.getWidth();
        byte[] out = new byte[width * image.getHeight()];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                out[y * width + x] = (byte) (raster.getSample(x, y, 0) >>> shift);
            }
        }
        return out;
    }

    private static byte[] rgbBytes(BufferedImage image) {
        int width = image.getWidth();
        int area = width * image.getHeight();
        byte[] out = new byte[3 * area];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int at = y * width + x;
                out[at] = (byte) (rgb >>> 16);
                out[area + at] = (byte) (rgb >>> 8);
                out[2 * area + at] = (byte) rgb;
            }
        }
        return out;
    }

    private static byte[] repeat(byte[] plane, int times) {
        byte[] out = new byte[plane.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(plane, 0, out, i * plane.length, plane.length);
        }
        return out;
    }

    /** @return the root folder */
    public Path root() {
        return root;
    }

    /** @return the number of images */
    public int size() {
        return table.size();
    }

    @Override
    public SampleSchema schema() {
        return schema;
    }

    @Override
    public OutputFactory<Label> getOutputFactory() {
        return factory;
    }

    @Override
    public DataSourceProvenance getProvenance() {
        return provenance;
    }

    @Override
    public Iterator<Example<Label>> iterator() {
        return table.iterator();
    }

    @Override
    public String toString() {
        return "ImageFolderSource(root=" + root + ", size=" + table.size() + ")";
    }
}

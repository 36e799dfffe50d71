package dev.augment.eval.cnn;

import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.VariableInfo;

import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Where each Tribuo feature sits in a {@code channels × height × width} image: feature names listed in
 * (channel, row, column) order. Reads an {@link Example} into a dense image, dividing each value by a
 * divisor; pixels the example leaves out are 0 (Tribuo's convention for a missing feature). Immutable.
 */
final class ImageLayout implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final int channels;
    private final int height;
    private final int width;
    private final String[] names;
    private final HashMap<String, Integer> positions;
    /** Whether the names are the pixel indices ({@link #indexNamed}), so that a larger index is a larger image's. */
    private final boolean indexNamed;

    ImageLayout(int channels, int height, int width, List<String> names) {
        if (channels < 1 || height < 1 || width < 1 || names.size() != channels * height * width) {
            throw new IllegalArgumentException("a " + channels + "×" + height + "×" + width + " image cannot hold "
                    + names.size() + " feature names");
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.names = names.toArray(String[]::new);
        this.positions = new HashMap<>();
        boolean indices = true;
        for (int i = 0; i < this.names.length; i++) {
            if (positions.put(this.names[i], i) != null) {
                throw new IllegalArgumentException("feature name '" + this.names[i] + "' appears twice in the image");
            }
            indices &= this.names[i].matches("\\d+") && Integer.parseInt(this.names[i]) == i;
        }
        this.indexNamed = indices;
    }

    /**
     * The names Tribuo's {@code IDXDataSource} and augment's sources give: the pixel index zero-padded
     * to the number of digits of the pixel count ("000".."783" for 1×28×28).
     *
     * @return the layout with those names
     */
    static ImageLayout indexNamed(int channels, int height, int width) {
        int count = channels * height * width;
        String format = "%0" + Integer.toString(count).length() + "d";
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(String.format(java.util.Locale.ROOT, format, i));
        }
        return new ImageLayout(channels, height, width, names);
    }

    /**
     * Infers a square image from the features a dataset has, in feature-id order (Tribuo sorts names, so
     * zero-padded index names come in pixel order): one channel when the count is a square, three
     * when a third of it is; names by row and column ({@link GridPixelNames}) give a grey image of their own rows
     * and columns, square or not. Features that are zero in every training example are absent from a
     * dataset's feature map, so this fails on such data; give the shape then.
     *
     * @param features the training data's features
     * @return the layout, or null when the count is neither n² nor 3n² (names by row and column: they are not every
     *     cell of their grid, from row and column 0 or 1), or the names are one prefix and a number
     *     ({@link NumberedPixelNames}, put in the numbers' order) other than exactly 0 … count − 1 or 1 … count
     *     (numbers with gaps: the image is larger than the count says)
     */
    static ImageLayout inferSquare(ImmutableFeatureMap features) {
        GridPixelNames grid = GridPixelNames.of(features);
        if (grid != null) {
            // names by row and column give the shape themselves: a 16 × 36 grid (576 = 24²) was refused as "neither
            // n² nor 3·n²" (a re-check, 7 Dec)
            List<String> ordered = grid.complete();
            if (ordered == null) {
                return null; // a cell absent, or numbers padded to several widths: never text order (7 Dec)
            }
            if (Math.min(grid.height(), grid.width()) >= 4) {
                return new ImageLayout(1, grid.height(), grid.width(), ordered);
            }
            // 1 or 3 rows of a square's pixels are channels: c0_p0..c2_p1023 was taken for a 3 × 1024 grey grid,
            // then sorted as text (c0_p10 before c0_p2) and trained on scrambled images (re-checks, 7 Dec)
            int side = (int) Math.round(Math.sqrt(grid.width()));
            return (grid.height() == 1 || grid.height() == 3) && side * side == grid.width() && side >= 4
                    ? new ImageLayout(grid.height(), side, side, ordered) : null;
        }
        int count = features.size();
        int channels = isSquare(count) ? 1 : count % 3 == 0 && isSquare(count / 3) ? 3 : 0;
        if (channels == 0) {
            return null;
        }
        int side = (int) Math.round(Math.sqrt(count / (double) channels));
        NumberedPixelNames numbered = NumberedPixelNames.of(features);
        if (numbered != null) {
            // in the order of their numbers, not Tribuo's text order (pixel10 before pixel2); numbers with gaps:
            // Tribuo left out pixels 0 in every example, and 768 of 784 Fashion-MNIST pixels were taken for a
            // 3 × 16 × 16 colour image, a model trained without a word (a fresh user, 5 Dec)
            List<String> ordered = numbered.complete(count);
            return ordered == null ? null : new ImageLayout(channels, side, side, ordered);
        }
        List<String> names = new ArrayList<>(count);
        for (VariableInfo info : features) {
            names.add(info.getName());
        }
        names.sort(null);
        // names whose text order is not their numbers' order (c0_r0_c10 before c0_r0_c2, red/green/blue channels
        // with unpadded numbers) trained on scrambled images without a word (a re-check, 7 Dec)
        List<String> byNumber = new ArrayList<>(names);
        byNumber.sort(java.util.Comparator.comparing(ImageLayout::numbersPadded));
        return byNumber.equals(names) ? new ImageLayout(channels, side, side, names) : null;
    }

    /** @return the name with every number padded to 10 digits, so that text order is the numbers' order */
    private static String numbersPadded(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{1,10}").matcher(name);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "0".repeat(10 - m.group().length()) + m.group());
        }
        return m.appendTail(out).toString();
    }

    /**
     * @param features the training data's features
     * @return why {@link #inferSquare} found no layout, for the refusal
     */
    static String whyNot(ImmutableFeatureMap features) {
        int count = features.size();
        GridPixelNames grid = GridPixelNames.of(features);
        if (grid != null) {
            return "the names give rows and columns, but not every cell of one grid numbered from 0 or 1, with one "
                    + "zero-padding (Tribuo leaves out a pixel that is 0 in every example)";
        }
        boolean shaped = isSquare(count) || count % 3 == 0 && isSquare(count / 3);
        if (!shaped) {
            return "neither n² nor 3·n²";
        }
        if (NumberedPixelNames.of(features) != null) {
            return "numbered pixels, but not 0.." + (count - 1) + " or 1.." + count + " without gaps (Tribuo leaves "
                    + "out a pixel that is 0 in every example)";
        }
        int side = (int) Math.round(Math.sqrt(count / (double) (isSquare(count) ? 1 : 3)));
        return side < 4 ? "an image under 4 × 4" : "the names' text order is not their numbers' order (pixel10 "
                + "sorts before pixel2), so the pixels' places cannot be told";
    }

    private static boolean isSquare(int n) {
        int root = (int) Math.round(Math.sqrt(n));
        return n > 0 && root * root == n;
    }

    /**
     * @param features the training data's features
     * @return the first feature that is not a pixel of this layout, or null when all are
     */
    String firstStranger(ImmutableFeatureMap features) {
        for (VariableInfo info : features) {
            if (!positions.containsKey(info.getName())) {
                return info.getName();
            }
        }
        return null;
    }

    /**
     * Writes one example's image into {@code out} at {@code offset}, in (channel, row, column) order.
     *
     * @param example the example
     * @param divisor every value is divided by it
     * @param out the destination, at least {@code offset + pixels()} long; its pixels must be zero
     * @param offset where the image starts
     * @return how many of the example's features are pixels of this layout
     */
    int fill(Example<?> example, double divisor, float[] out, int offset) {
        int used = 0;
        for (Feature feature : example) {
            Integer position = positions.get(feature.getName());
            if (position != null) {
                out[offset + position] = (float) (feature.getValue() / divisor);
                used++;
            }
        }
        return used;
    }

    /**
     * An image of another size read into this layout: a 14×14 image's features 000–195 are valid pixel names of a
     * 28×28 one, a grey 32×32 image's 0000–1023 of a 3×32×32 one, and CnnModel predicted from them as the top rows
     * (or the red channel) without a word; a larger image's names beyond this layout's were dropped (a Tribuo user and
     * a re-check, 6 Dec). Tribuo's IDX reader leaves zero pixels out, so a smaller image is told by where its pixels
     * end, not by their number: every pixel of the example lies in the first c·s² positions of this layout, for a
     * c×s×s image a quarter to a half as wide as this one (c = this layout's channels, or 1), or in its first channel,
     * and it holds at least a quarter of them. An image of this size with nothing beyond its first quarter (or its
     * first channel) is not natural data; one with blank last rows is, so a smaller image more than half as wide
     * (20×20 for 28×28) is not told from it.
     *
     * @param example the example to predict
     * @return what the example looks like instead ("a 14x14 image", "a 1x32x32 image", "a larger image (pixel 399)"),
     *     or empty when it reads as an image of this layout
     */
    java.util.Optional<String> otherImageSize(Example<?> example) {
        int count = 0;
        int highest = -1;
        for (Feature feature : example) {
            Integer position = positions.get(feature.getName());
            if (position == null) {
                if (indexNamed && feature.getName().matches("\\d{1,9}")
                        && Integer.parseInt(feature.getName()) >= names.length) {
                    return java.util.Optional.of("a larger image (pixel " + feature.getName() + ")");
                }
                continue;
            }
            count++;
            highest = Math.max(highest, position);
        }
        if (count == 0) {
            return java.util.Optional.empty();
        }
        // the smaller sizes first: a 3x16x16 colour image was named "a 1x32x32 (grey) image" (a re-check, 6 Dec)
        for (int c : channels == 1 ? new int[] {1} : new int[] {1, channels}) {
            for (int side = (width + 3) / 4; side <= width / 2; side++) {
                int region = c * side * side;
                // a region as large as the layout is no smaller image: a 4 × 16 grid read as "an 8x8 image"
                if (highest < region && 4 * count >= region && region < names.length) {
                    // blank last rows leave the side a range: a 14×14 image was named 13×13 (a Tribuo user, 6 Dec)
                    int largest = side;
                    while (largest + 1 <= width / 2 && 4 * count >= c * (largest + 1) * (largest + 1)) {
                        largest++;
                    }
                    String prefix = c == 1 && channels == 1 ? "" : c + "x";
                    return java.util.Optional.of("a " + prefix + side + "x" + side + (largest == side ? ""
                            : " to " + prefix + largest + "x" + largest) + " image");
                }
            }
        }
        if (channels > 1 && highest < height * width && 4 * count >= height * width) {
            return java.util.Optional.of("a 1x" + height + "x" + width + " (grey) image");
        }
        return java.util.Optional.empty();
    }

    /** @return channels × height × width */
    int pixels() {
        return names.length;
    }

    int channels() {
        return channels;
    }

    int height() {
        return height;
    }

    int width() {
        return width;
    }

    /** @return the feature names in pixel order */
    List<String> names() {
        return List.of(names);
    }

    @Override
    public String toString() {
        return channels + "×" + height + "×" + width;
    }
}

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
        for (int i = 0; i < this.names.length; i++) {
            if (positions.put(this.names[i], i) != null) {
                throw new IllegalArgumentException("feature name '" + this.names[i] + "' appears twice in the image");
            }
        }
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
            names.add(String.format(format, i));
        }
        return new ImageLayout(channels, height, width, names);
    }

    /**
     * Infers a square image from the features a dataset has, in feature-id order (Tribuo sorts names, so
     * zero-padded index names come in pixel order): one channel when the count is a square, three
     * when a third of it is. Features that are zero in every training example are absent from a
     * dataset's feature map, so this fails on such data; give the shape then.
     *
     * @param features the training data's features
     * @return the layout, or null when the count is neither n² nor 3n², or the names are pixel indices other than
     *     exactly 0 … count − 1 (indices with gaps: the image is larger than the count says)
     */
    static ImageLayout inferSquare(ImmutableFeatureMap features) {
        int count = features.size();
        int channels = isSquare(count) ? 1 : count % 3 == 0 && isSquare(count / 3) ? 3 : 0;
        if (channels == 0) {
            return null;
        }
        int side = (int) Math.round(Math.sqrt(count / (double) channels));
        List<String> names = new ArrayList<>(count);
        for (VariableInfo info : features) {
            names.add(info.getName());
        }
        names.sort(null);
        boolean indexNames = names.stream().allMatch(n -> n.matches("\\d+"));
        if (indexNames && !names.equals(indexNamed(channels, side, side).names())) {
            // pixel indices with gaps: Tribuo left out pixels 0 in every example, and 768 of 784 Fashion-MNIST pixels
            // were taken for a 3 × 16 × 16 colour image, a model trained without a word (a fresh user, 5 Dec)
            return null;
        }
        return new ImageLayout(channels, side, side, names);
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
     * A dense image of a smaller square size read into this layout fills its first pixels and leaves the rest 0:
     * a 14×14 image's features 000–195 are valid pixel names of a 28×28 one, and CnnModel predicted from the top
     * seven rows without a word (a Tribuo user, 6 Dec). A sparse example of this size (zero pixels left out) rarely
     * fills exactly the first c·s² positions, and never, in an image, the first half of its rows or more with every
     * other pixel 0: sides below half the width are not taken for a smaller image.
     *
     * @param example the example to predict
     * @return the side (at least half this layout's width) of the smaller square image the example is, or 0 when it
     *     is not one
     */
    int smallerSquareSide(Example<?> example) {
        int count = 0;
        int highest = -1;
        for (Feature feature : example) {
            Integer position = positions.get(feature.getName());
            if (position == null) {
                return 0;
            }
            count++;
            highest = Math.max(highest, position);
        }
        if (count == 0 || count >= names.length || highest != count - 1) {
            return 0;
        }
        for (int c : new int[] {channels, 1}) {
            int side = (int) Math.round(Math.sqrt(count / (double) c));
            if (count % c == 0 && side * side * c == count && side < width && 2 * side >= width) {
                return side;
            }
        }
        return 0;
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

package dev.augment.data;

import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Images held as unsigned bytes in (channel, row, column) order, one class index each, turned into sparse
 * Tribuo examples only when iterated: a full CIFAR-10 training set is 150 MB as bytes but several GB as
 * Tribuo examples.
 *
 * @param featureNames the feature name of each byte position
 * @param labels the Tribuo label of each class index
 * @param pixels one array of {@code featureNames.length} bytes per image
 * @param classes the class index of each image
 */
record PixelTable(String[] featureNames, List<Label> labels, byte[][] pixels, int[] classes)
        implements Iterable<Example<Label>> {

    PixelTable {
        if (pixels.length != classes.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + classes.length + " classes");
        }
    }

    /**
     * Names features the way Tribuo's {@code IDXDataSource} does: zero-padded to the number of digits of
     * the feature count, so that names sort in index order.
     *
     * @param count the number of features
     * @return "0".."9" for 10 features, "000".."783" for 784, "0000".."3071" for 3072
     */
    static List<String> featureNames(int count) {
        String format = "%0" + Integer.toString(count).length() + "d";
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(String.format(format, i));
        }
        return names;
    }

    /** @return the number of images */
    int size() {
        return pixels.length;
    }

    /** @return a SHA-256 over every class index and pixel, to tell one content from another in provenance */
    String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < pixels.length; i++) {
                digest.update((byte) (classes[i] >>> 8));
                digest.update((byte) classes[i]);
                digest.update(pixels[i]);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** @return a new sparse example for one image: zero pixels are left out, as Tribuo's IDX reader does */
    Example<Label> example(int index) {
        byte[] image = pixels[index];
        int nonZero = 0;
        for (byte b : image) {
            if (b != 0) {
                nonZero++;
            }
        }
        String[] names = new String[nonZero];
        double[] values = new double[nonZero];
        int next = 0;
        for (int j = 0; j < image.length; j++) {
            if (image[j] != 0) {
                names[next] = featureNames[j];
                values[next] = Byte.toUnsignedInt(image[j]);
                next++;
            }
        }
        return new ArrayExample<>(labels.get(classes[index]), names, values);
    }

    @Override
    public Iterator<Example<Label>> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < pixels.length;
            }

            @Override
            public Example<Label> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return example(next++);
            }
        };
    }
}

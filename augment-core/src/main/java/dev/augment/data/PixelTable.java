package dev.augment.data;

import org.tribuo.Example;
import org.tribuo.classification.Label;

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
 * @param generated the indices of images read from files carrying {@link GeneratedPng}'s mark; their examples carry
 *     the metadata {@link GeneratedPng#METADATA_KEY}, so that a writer of them (oversample) marks its copies too
 * @param files each image's file, relative to the folder it was read from (written with '/'), or null when the images
 *     came from one file (IDX, CIFAR-10); their examples carry it as the metadata
 *     {@link ImageFolderSource#FILE_KEY}
 */
record PixelTable(String[] featureNames, List<Label> labels, byte[][] pixels, int[] classes,
                  java.util.BitSet generated, String[] files) implements Iterable<Example<Label>> {

    /** Images none of which is known to be generated, from one file. */
    PixelTable(String[] featureNames, List<Label> labels, byte[][] pixels, int[] classes) {
        this(featureNames, labels, pixels, classes, new java.util.BitSet(), null);
    }

    PixelTable {
        if (pixels.length != classes.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + classes.length + " classes");
        }
        if (files != null && files.length != pixels.length) {
            throw new IllegalArgumentException(pixels.length + " images but " + files.length + " files");
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
            names.add(String.format(java.util.Locale.ROOT, format, i));
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

    /**
     * @param index an image index
     * @return a new sparse example for the image: zero pixels are left out, as Tribuo's IDX reader does, but an
     *         all-zero image keeps every feature at 0 ({@link TribuoExamples#sparse})
     */
    Example<Label> example(int index) {
        byte[] image = pixels[index];
        double[] values = new double[image.length];
        for (int j = 0; j < image.length; j++) {
            values[j] = Byte.toUnsignedInt(image[j]);
        }
        Example<Label> example = TribuoExamples.sparse(labels.get(classes[index]), featureNames, values);
        if (generated.get(index)) {
            example.setMetadataValue(GeneratedPng.METADATA_KEY, GeneratedPng.TEXT);
        }
        if (files != null) {
            example.setMetadataValue(ImageFolderSource.FILE_KEY, files[index]);
        }
        return example;
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

package dev.augment.data;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a set of samples: a SHA-256 over every sample's label and feature values, and the number of
 * samples. Equal data gives an equal fingerprint on every run and machine; any changed value, label or
 * order gives a different one.
 *
 * @param sha256 the lower-case hex SHA-256
 * @param count the number of samples
 */
public record DataFingerprint(String sha256, long count) {

    /**
     * Checks the hash is 64 hex digits and the count is not negative.
     *
     * @param sha256 the lower-case hex SHA-256
     * @param count the number of samples
     */
    public DataFingerprint {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, was " + sha256);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
    }

    /**
     * Fingerprints samples. For each sample in order it hashes the length and UTF-8 bytes of its Tribuo
     * label, then the IEEE 754 bits of each feature value, big-endian.
     *
     * @param samples the samples
     * @return their fingerprint
     */
    public static DataFingerprint of(DenseSamples samples) {
        return of(samples.features(), samples.classIndices(), samples.schema().labels());
    }

    /**
     * As {@link #of(DenseSamples)}, for samples as arrays (not checked: a trainer fingerprints what it is given).
     *
     * @param features one feature vector per sample, all of one length
     * @param classIndices each sample's class index into {@code labels}
     * @param labels the Tribuo labels, by class index
     * @return their fingerprint
     */
    public static DataFingerprint of(float[][] features, int[] classIndices, java.util.List<String> labels) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        byte[][] labelBytes = labels.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        ByteBuffer buffer = ByteBuffer.allocate(4 * Math.max(1, features.length == 0 ? 1 : features[0].length));
        for (int i = 0; i < features.length; i++) {
            byte[] label = labelBytes[classIndices[i]];
            buffer.clear();
            buffer.putInt(label.length);
            digest.update(buffer.array(), 0, 4);
            digest.update(label);
            buffer.clear();
            for (float value : features[i]) {
                buffer.putInt(Float.floatToIntBits(value));
            }
            digest.update(buffer.array(), 0, buffer.position());
        }
        return new DataFingerprint(HexFormat.of().formatHex(digest.digest()), features.length);
    }
}

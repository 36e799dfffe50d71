package dev.augment.train.table;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a table GAN trains on, as one SHA-256: the encoder's fit (every column's mixture or categories) and
 * the encoded rows with their classes. A checkpoint records it, so that a resume refits the encoder and
 * re-encodes the table (both seeded, so the same table and seed give the same fingerprint) and refuses any
 * other table, or a fit that came out differently.
 *
 * @param sha256 64 lower-case hex digits
 * @param rows training rows, not negative
 */
record TableFingerprint(String sha256, int rows) {

    /** Checks the digest's form and the count. */
    TableFingerprint {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a SHA-256 is 64 lower-case hex digits, was " + sha256);
        }
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, was " + rows);
        }
    }

    /**
     * @param encoder the fitted encoder
     * @param encoded the encoded rows, row-major {@code [rows, encoder.width()]}
     * @param classes class index of every row
     * @param classCount number of classes
     * @return the fingerprint of all of it
     */
    static TableFingerprint of(TableEncoder encoder, float[] encoded, int[] classes, int classCount) {
        MessageDigest digest = newDigest();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        buffer.putInt(classCount).putInt(classes.length).putInt(encoder.width());
        for (ColumnEncoding column : encoder.columns()) {
            if (column instanceof ColumnEncoding.Numeric n) {
                buffer = flushIfFull(digest, buffer, 64);
                buffer.put((byte) 'N').putDouble(n.median()).putDouble(n.min()).putDouble(n.max())
                        .putInt(n.mixture().modes());
                if (n.missingSlot()) { // only then, so checkpoints written before the slot existed still match
                    buffer.put((byte) 'M');
                }
                for (int k = 0; k < n.mixture().modes(); k++) {
                    buffer = flushIfFull(digest, buffer, 24);
                    buffer.putDouble(n.mixture().weights()[k]).putDouble(n.mixture().means()[k])
                            .putDouble(n.mixture().sigmas()[k]);
                }
            } else if (column instanceof ColumnEncoding.Categorical c) {
                buffer = flushIfFull(digest, buffer, 16);
                buffer.put((byte) 'C').putInt(c.categories()).put((byte) (c.missingSlot() ? 1 : 0));
            }
        }
        for (int label : classes) {
            buffer = flushIfFull(digest, buffer, 4);
            buffer.putInt(label);
        }
        for (float value : encoded) {
            buffer = flushIfFull(digest, buffer, 4);
            buffer.putInt(Float.floatToIntBits(value));
        }
        flushIfFull(digest, buffer, buffer.capacity());
        return new TableFingerprint(HexFormat.of().formatHex(digest.digest()), classes.length);
    }

    /** @return "150 rows, SHA-256 0123456789abcdef" (the digest's first 16 digits) */
    String describe() {
        return rows + " rows, SHA-256 " + sha256.substring(0, 16);
    }

    private static ByteBuffer flushIfFull(MessageDigest digest, ByteBuffer buffer, int needed) {
        if (buffer.remaining() < needed) {
            buffer.flip();
            digest.update(buffer);
            buffer.clear();
        }
        return buffer;
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

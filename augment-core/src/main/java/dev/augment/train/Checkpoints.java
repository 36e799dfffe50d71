package dev.augment.train;

import dev.augment.cancel.CancellationToken;
import dev.augment.cancel.CancelledException;
import dev.augment.io.AtomicFiles;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * Small binary helpers for checkpoints, shared by the image and the table GAN: float arrays, a CRC-32 trailer and
 * atomic file replacement that still goes through once a run is cancelled.
 */
public final class Checkpoints {

    /** File name of the latest checkpoint inside a checkpoint directory. */
    public static final String LATEST = "checkpoint.bin";

    private Checkpoints() {
    }

    /**
     * Replaces {@code target} atomically ({@link AtomicFiles}), unless the run was cancelled: a cancel
     * that arrives while the file is written waits for the rename, so the checkpoint on disk is always
     * a complete one.
     *
     * @param target the checkpoint file
     * @param cancellation refuses the write once cancelled
     * @param writer writes the body
     * @throws IOException when writing fails; the previous checkpoint then stays
     * @throws dev.augment.cancel.CancelledException when cancelled before the write started
     */
    private static void writeAtomically(Path target, CancellationToken cancellation, IoWriter writer)
            throws IOException {
        cancellation.runUnlessCancelled("saving the checkpoint " + target, () -> AtomicFiles.write(target, raw -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw));
            writer.write(out);
            out.flush();
        }));
    }

    /**
     * Replaces {@code target} atomically ({@link AtomicFiles}); a token already cancelled does not refuse the
     * write: a cancel stops training, not the saving of steps already done. The write is atomic (temporary file,
     * then a rename), so a process killed during it leaves the previous checkpoint whole, and a cancel that
     * arrives while it runs waits for the rename.
     *
     * @param target the checkpoint file
     * @param cancellation the run's token, cancelled or not
     * @param writer writes the body
     * @throws IOException when writing fails; the previous checkpoint then stays
     */
    public static void writeEvenIfCancelled(Path target, CancellationToken cancellation, IoWriter writer)
            throws IOException {
        try {
            writeAtomically(target, cancellation, writer);
        } catch (CancelledException cancelledBeforeTheWrite) {
            writeAtomically(target, new CancellationToken(), writer);
        }
    }

    /**
     * Wraps a body writer so that a CRC-32 of everything it writes follows it (8 bytes, big-endian), for
     * {@link #checksumMatches} to find truncated or damaged files on reading.
     *
     * @param body writes the checkpoint's body
     * @return a writer of the body and then its checksum
     */
    public static IoWriter withChecksum(IoWriter body) {
        return out -> {
            CheckedOutputStream checked = new CheckedOutputStream(out, new CRC32());
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(checked));
            body.write(data);
            data.flush();
            out.writeLong(checked.getChecksum().getValue());
        };
    }

    /**
     * @param bytes a whole file written through {@link #withChecksum}
     * @return whether its last 8 bytes are the CRC-32 of the others
     */
    public static boolean checksumMatches(byte[] bytes) {
        if (bytes.length < Long.BYTES) {
            return false;
        }
        int body = bytes.length - Long.BYTES;
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, body);
        return ByteBuffer.wrap(bytes, body, Long.BYTES).getLong() == crc.getValue();
    }

    /**
     * @param out the stream
     * @param values written as their count, then each value
     * @throws IOException when writing fails
     */
    public static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        out.writeInt(values.length);
        for (float v : values) {
            out.writeFloat(v);
        }
    }

    /**
     * @param in the stream
     * @param expected the count the caller's array needs
     * @return what {@link #writeFloats} wrote
     * @throws IOException when the stream ends early or holds another count
     */
    public static float[] readFloats(DataInputStream in, int expected) throws IOException {
        int n = in.readInt();
        if (n != expected) {
            throw new IOException("checkpoint array has " + n + " values, expected " + expected);
        }
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readFloat();
        }
        return values;
    }

    /** Writes a checkpoint's body. */
    @FunctionalInterface
    public interface IoWriter {
        /**
         * @param out the checkpoint stream
         * @throws IOException when writing fails
         */
        void write(DataOutputStream out) throws IOException;
    }

    /**
     * How a refused resume shows a setting's value, so that it can be typed as the option's: an empty value
     * (DiffAugment off) was shown as nothing, and enum names in capitals ({@code MLP}, {@code LOG_FREQUENCY}) where
     * the options take {@code mlp} and {@code log-frequency} (a fresh user and a re-check, 6 Dec).
     *
     * @param value the setting's value as the checkpoint's identity records it
     * @return "none" for an empty value, an enum name in lower case with hyphens, else the value
     */
    public static String shownValue(String value) {
        return value.isEmpty() ? "none" : value.matches("[A-Z_]+")
                ? value.toLowerCase(java.util.Locale.ROOT).replace('_', '-') : value;
    }
}

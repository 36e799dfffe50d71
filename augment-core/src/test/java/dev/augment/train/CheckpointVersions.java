package dev.augment.train;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Turns a checkpoint written today into one of an earlier layout, for tests that old checkpoints still resume. */
final class CheckpointVersions {

    private CheckpointVersions() {
    }

    /**
     * @return a v7 checkpoint without the data's fingerprint (a UTF string and a long) and the check's identity (a UTF
     *     string), and with its checksum redone
     */
    static byte[] asVersion6(byte[] v7) {
        byte[] magic = "augment-checkpoint-v7".getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(magic, Arrays.copyOfRange(v7, 2, 2 + magic.length))) {
            throw new AssertionError("not the layout this helper edits");
        }
        int settingsAt = 2 + magic.length;
        int settingsLength = ((v7[settingsAt] & 0xff) << 8) | (v7[settingsAt + 1] & 0xff);
        int dataAt = settingsAt + 2 + settingsLength;
        int checkAt = dataAt + 2 + 64 + Long.BYTES;
        int dataLength = 2 + 64 + Long.BYTES + 2 + (((v7[checkAt] & 0xff) << 8) | (v7[checkAt + 1] & 0xff));
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(v7, 0, dataAt);
        body.write(v7, dataAt + dataLength, v7.length - Long.BYTES - dataAt - dataLength);
        byte[] bytes = body.toByteArray();
        bytes[1 + magic.length] = '6';
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return java.nio.ByteBuffer.allocate(bytes.length + Long.BYTES).put(bytes).putLong(crc.getValue()).array();
    }

}

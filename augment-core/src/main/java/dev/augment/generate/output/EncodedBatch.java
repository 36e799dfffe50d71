package dev.augment.generate.output;

import java.util.List;

/**
 * One batch of samples already turned into file bytes by {@link SampleWriter#encode}, waiting to be
 * written in order by {@link SampleWriter#write(EncodedBatch)}. Encoding is the expensive, thread-safe
 * part (pixel conversion, PNG compression, number formatting); writing only appends bytes or creates
 * files, so batches can be encoded in parallel and written one after another in a fixed order, giving
 * the same files whatever the thread count.
 *
 * @param classIndex the class of every sample in the batch
 * @param count how many samples the batch holds, at least 0
 * @param chunks the encoded bytes: one PNG file per sample for PNG, one block for IDX images and CSV rows;
 *     the arrays are not copied and must not change afterwards
 */
public record EncodedBatch(int classIndex, int count, List<byte[]> chunks) {

    /** Checks the fields and copies the list. */
    public EncodedBatch {
        if (classIndex < 0 || count < 0) {
            throw new IllegalArgumentException("class index and count must not be negative, were " + classIndex
                    + " and " + count);
        }
        chunks = List.copyOf(chunks);
    }
}

package dev.augment.spark;

import dev.augment.errors.InvalidSettingException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a request (samples per class) into {@link GenerationSlice}s, one per Spark partition: every class is
 * cut into index ranges of at most {@code ceil(total / partitions)} samples, of near-equal size, in class order
 * then index order. So there are about {@code partitions} slices (at most {@code partitions + classes - 1}),
 * no slice mixes classes, and the plan does not depend on the cluster.
 */
public final class SlicePlan {

    /**
     * The most partitions a plan takes: each is a Spark task and a Parquet file, and a plan of millions (a fresh user
     * asked for 2 000 000 000) ran the driver out of memory before any sample was made.
     */
    public static final int MAX_PARTITIONS = 100_000;

    private SlicePlan() {
    }

    /**
     * @param counts samples per class index, in output order; each count at least 1
     * @param partitions the wanted number of partitions, 1 to {@value #MAX_PARTITIONS}
     * @return the slices, covering {@code 0 .. count-1} of each class exactly once
     * @throws InvalidSettingException (settings {@code count}, {@code partitions}) when a count or the partition
     *     count is not positive, the partition count is above {@value #MAX_PARTITIONS}, or the total overflows
     */
    public static List<GenerationSlice> plan(Map<Integer, Long> counts, int partitions) {
        if (partitions < 1) {
            throw new InvalidSettingException("partitions", "must be positive, was " + partitions);
        }
        if (partitions > MAX_PARTITIONS) {
            throw new InvalidSettingException("partitions", "must be at most " + MAX_PARTITIONS + " (each partition "
                    + "is a Spark task and a Parquet file), was " + partitions);
        }
        long total = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            long n = entry.getValue();
            if (n < 1) {
                throw new InvalidSettingException("count", "must be positive, was " + n + " for class " + entry.getKey());
            }
            if (total > Long.MAX_VALUE - n) {
                throw new InvalidSettingException("count", "adds up to more than " + Long.MAX_VALUE + " samples");
            }
            total += n;
        }
        // ceiling divisions written so that they cannot overflow, even for counts near Long.MAX_VALUE
        long perSlice = Math.max(1, ceilDiv(total, partitions));
        List<GenerationSlice> slices = new ArrayList<>();
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            long n = entry.getValue();
            long pieces = ceilDiv(n, perSlice);
            long first = 0;
            for (long piece = 0; piece < pieces; piece++) {
                long end = n / pieces * (piece + 1) + Math.min(piece + 1, n % pieces);
                slices.add(new GenerationSlice(entry.getKey(), first, end - first));
                first = end;
            }
        }
        return slices;
    }

    private static long ceilDiv(long x, long y) {
        return x / y + (x % y == 0 ? 0 : 1);
    }
}

package dev.augment.generate;

import dev.augment.cancel.CancelledException;
import dev.augment.cancel.TaskFailure;
import dev.augment.errors.InvalidSettingException;
import dev.augment.generate.output.EncodedBatch;
import dev.augment.generate.output.SampleWriter;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Generates samples of several classes into a {@link SampleWriter} with a bounded pool of worker threads.
 * A worker draws a batch's noise, runs ONNX Runtime on it ({@link OnnxGenerator#generate}) and encodes
 * the result ({@link SampleWriter#encode}); the calling thread writes the encoded batches strictly in
 * order (class by class in the given order, then by sample index). Because the noise of sample
 * {@code i} depends on (seed, class, i) alone and writing keeps the order, the files are byte for byte
 * the same whatever the thread count or batch size. At most {@code 2 * threads} batches are in flight,
 * so memory does not grow with the number of samples.
 */
public final class GenerationPipeline {

    /** How long a failing run waits for running batches before it returns, so the generator can be closed. */
    private static final long DRAIN_SECONDS = 60;

    private final OnnxGenerator generator;
    private final int batchSize;
    private final int threads;

    /**
     * @param generator the generator, which the caller keeps open until {@link #run} returns and then closes
     * @param batchSize samples per generator call, at least 1; capped to {@link OnnxGenerator#maxBatchSize()}
     *     (which does not change the output)
     * @param threads worker threads, at least 1
     * @throws InvalidSettingException (settings {@code batchSize}, {@code threads}) when one is below 1
     */
    public GenerationPipeline(OnnxGenerator generator, int batchSize, int threads) {
        if (batchSize < 1) {
            throw new InvalidSettingException("batchSize", "must be positive, was " + batchSize);
        }
        if (threads < 1) {
            throw new InvalidSettingException("threads", "must be positive, was " + threads);
        }
        this.generator = generator;
        this.batchSize = Math.min(batchSize, generator.maxBatchSize());
        this.threads = threads;
    }

    /**
     * Generates samples {@code 0 .. perClass-1} of each class, in the given order, and writes them. Does
     * not call {@link SampleWriter#finish()}.
     *
     * @param classes class indices, in output order
     * @param perClass samples per class, at least 0
     * @param seed the noise seed
     * @param writer where the samples go
     * @param beforeBatch called on the calling thread before each batch is started; may throw (for
     *     example {@link CancelledException}) to stop the run
     * @param written called on the calling thread with the sample count of each batch written
     * @throws IOException when the writer fails
     */
    public void run(List<Integer> classes, long perClass, long seed, SampleWriter writer, Runnable beforeBatch,
                    IntConsumer written) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, workerThreads());
        ArrayDeque<Future<EncodedBatch>> inFlight = new ArrayDeque<>();
        try {
            for (int classIndex : classes) {
                for (long first = 0; first < perClass; first += batchSize) {
                    beforeBatch.run();
                    if (inFlight.size() == 2 * threads) {
                        writeNext(inFlight, writer, written);
                    }
                    int c = classIndex;
                    long start = first;
                    int n = (int) Math.min(batchSize, perClass - first);
                    inFlight.add(pool.submit(() -> writer.encode(c, generator.generate(c, seed, start, n), n)));
                }
            }
            while (!inFlight.isEmpty()) {
                writeNext(inFlight, writer, written);
            }
        } finally {
            inFlight.forEach(future -> future.cancel(false));
            pool.shutdown();
            drain(pool);
        }
    }

    private static void writeNext(ArrayDeque<Future<EncodedBatch>> inFlight, SampleWriter writer,
                                  IntConsumer written) throws IOException {
        EncodedBatch batch;
        try {
            batch = inFlight.removeFirst().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("generation was interrupted; nothing complete was written");
        } catch (ExecutionException e) {
            throw TaskFailure.rethrow(e, "generating a batch");
        }
        writer.write(batch);
        written.accept(batch.count());
    }

    /** Waits for running batches, which ONNX Runtime cannot interrupt, so none outlives the generator. */
    private static void drain(ExecutorService pool) {
        try {
            pool.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory workerThreads() {
        AtomicInteger next = new AtomicInteger(1);
        return task -> {
            Thread thread = new Thread(task, "augment-generate-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}

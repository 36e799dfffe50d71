package dev.augment.spark;

import dev.augment.errors.ModelContractException;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The generators of this JVM, one per model (keyed by its {@link ModelFile}: driver path and SHA-256), built on
 * first use and shared by every task that runs here, so an executor loads a model once however many partitions
 * it computes. ONNX Runtime sessions run concurrent calls, so the tasks of one executor share the session.
 *
 * <p>Each session uses one intra-op thread: Spark already runs one task per core, and a session that also
 * spread each call over every core would make the tasks fight over them. The values do not depend on it.
 * Sessions live until {@link #closeAll()} or the end of the JVM.
 */
public final class ExecutorGenerators {

    /** ONNX Runtime threads per call: Spark's task slots are the parallelism. */
    static final int INTRA_OP_THREADS = 1;

    private static final Map<ModelFile, OnnxGenerator> GENERATORS = new ConcurrentHashMap<>();
    private static final AtomicLong LOADS = new AtomicLong();

    private ExecutorGenerators() {
    }

    /**
     * @param model the model the driver chose
     * @return this JVM's generator for it, loaded now when it is the first use
     * @throws ModelContractException when the file is missing here, breaks the contract, or differs from the
     *     driver's (another SHA-256)
     */
    public static OnnxGenerator get(ModelFile model) {
        return GENERATORS.computeIfAbsent(model, ExecutorGenerators::load);
    }

    private static OnnxGenerator load(ModelFile model) {
        Path path = model.localPath();
        OnnxGenerator generator = OnnxGenerator.load(path, ExecutionDevice.CPU, INTRA_OP_THREADS);
        if (!generator.sha256().equals(model.sha256())) {
            generator.close();
            throw new ModelContractException(path + ": this executor's copy of the model differs from the driver's "
                    + model.driverPath() + " (SHA-256 " + generator.sha256() + " instead of " + model.sha256()
                    + "); ship the same file to every executor");
        }
        LOADS.incrementAndGet();
        return generator;
    }

    /** @return how many generators this JVM has loaded since it started (for tests and diagnostics) */
    public static long loads() {
        return LOADS.get();
    }

    /** Closes and forgets every generator of this JVM; a later {@link #get} loads again. */
    public static void closeAll() {
        for (ModelFile key : GENERATORS.keySet()) {
            OnnxGenerator generator = GENERATORS.remove(key);
            if (generator != null) {
                generator.close();
            }
        }
    }
}

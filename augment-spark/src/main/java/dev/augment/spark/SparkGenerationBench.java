package dev.augment.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Measures {@link AugmentSpark#generate} on a local master, for the README's figures: every row is generated and
 * either discarded (Spark's {@code noop} sink: generation alone) or written as Parquet ({@link ParquetOutput}).
 * Prints samples/s, the process's CPU time, its peak resident memory and its peak heap use. In local mode the
 * executor is this JVM, so the memory figures are the executor's.
 *
 * <p>Arguments: {@code MASTER SAMPLES_PER_CLASS PARTITIONS noop|PARQUET_DIR [MODEL]}, all classes of the model
 * (default {@code models/fashion-mnist.onnx}), seed 42.
 */
public final class SparkGenerationBench {

    private SparkGenerationBench() {
    }

    /**
     * @param args master, samples per class, partitions, {@code noop} or a Parquet folder, optionally the model
     * @throws IOException when the Parquet folder cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: SparkGenerationBench MASTER SAMPLES_PER_CLASS PARTITIONS noop|PARQUET_DIR [MODEL]");
            System.exit(2);
        }
        String master = args[0];
        long perClass = Long.parseLong(args[1]);
        int partitions = Integer.parseInt(args[2]);
        String sink = args[3];
        Path model = Path.of(args.length > 4 ? args[4] : "models/fashion-mnist.onnx");
        // on the loopback address for a local master, as spark-generate (it bound the host's address: a fresh user)
        SparkSession.Builder builder = SparkSession.builder().master(master).appName("augment spark bench")
                .config("spark.ui.enabled", "false");
        SparkGenerateCommand.localOnly(master, new org.apache.spark.SparkConf()).forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        try {
            Dataset<Row> rows = AugmentSpark.generate(spark, model, Map.of("all", perClass), 42L, partitions);
            long total = perClass * ExecutorGenerators.get(ModelFile.of(model)).metadata().schema().classCount();
            long cpuBefore = cpuNanos();
            long started = System.nanoTime();
            if (sink.equals("noop")) {
                rows.write().format("noop").mode("overwrite").save();
            } else {
                ParquetOutput.write(rows, sink, true);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (cpuNanos() - cpuBefore) / 1e9;
            System.out.printf("master %s, %d samples, %d partitions, %s: %.1f s, %.0f samples/s, CPU %.1f s, "
                    + "peak RSS %d MB, peak heap used %d MB%n", master, total, partitions,
                    sink.equals("noop") ? "noop" : "parquet", seconds, total / seconds, cpu, peakRssMb(), peakHeapMb());
        } finally {
            spark.stop();
        }
    }

    /** CPU time of the whole process (every thread, native ONNX Runtime work included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** VmHWM of /proc/self/status, in MB; -1 where there is no /proc. */
    private static long peakRssMb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1);
    }

    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }
}

package dev.augment.spark;

import dev.augment.cli.AugmentCli;
import dev.augment.cli.CommonOptions;
import dev.augment.cli.ExitCodes;
import dev.augment.cli.OutputGuard;
import dev.augment.cli.UsageException;
import dev.augment.io.PhysicalPaths;
import dev.augment.schema.ClassResolver;
import dev.augment.schema.SampleSchema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code augment spark-generate}: {@link AugmentSpark#generate} written as Parquet by {@link ParquetOutput}. The
 * model, the classes and the output are checked before Spark starts, so a mistake is one line within a second.
 * Errors thrown in a task (a model missing on an executor) are reported as themselves, not as Spark's job failure.
 * A Spark session that already runs in this JVM is used (its master wins) and left running.
 */
@Command(name = "spark-generate", mixinStandardHelpOptions = true,
        header = "Generate labelled samples on Apache Spark into a Parquet folder.",
        description = {"Writes --n samples of each requested class as Parquet rows (label, one float column per "
                + "feature, index). The values are those of 'augment generate' with the same --seed, whatever "
                + "--partitions and the cluster are. The folder appears only when complete.",
                "Locally: --master local[N]. On a cluster: run it with spark-submit (which sets the master) and ship "
                + "the model to the executors with --files; see the README."},
        footerHeading = "%nExamples:%n",
        // each line within picocli's 80 columns, which split --out and its URI when pasted (a fresh user, 6 Dec)
        footer = {"  spark-generate --model models/fashion-mnist.onnx --class all --n 1000 \\",
                "      --out fm.parquet --master local[2]",
                "  spark-submit --files fm.onnx --class dev.augment.spark.AugmentSparkMain \\",
                "      augment-spark.jar spark-generate --model fm.onnx --class Sneaker \\",
                "      --n 1000000 --out hdfs:///synth/sneakers.parquet"})
public final class SparkGenerateCommand implements Callable<Integer> {

    /**
     * Priority of the interruption line among Hadoop's shutdown hooks: after Spark's (40) and {@link ParquetOutput}'s
     * clean-up (20), before the file systems close (10).
     */
    private static final int MESSAGE_HOOK_PRIORITY = 15;

    /** The master when neither --master nor spark-submit names one: every local core. */
    static final String DEFAULT_MASTER = "local[*]";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Generator ONNX file.")
    Path model;

    @Option(names = "--class", required = true, split = ",", paramLabel = "CLASS",
            description = "Class: name, Tribuo label or index; several separated by commas, or 'all'.")
    List<String> classes;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Samples per class.")
    long count;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Parquet folder to create: a local path or a Hadoop URI (hdfs://, ...).")
    String out;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] (default: spark-submit's, "
            + "else " + DEFAULT_MASTER + ").")
    String master;

    @Option(names = "--partitions", paramLabel = "P", description = "About how many partitions, so tasks and Parquet "
            + "files, at most " + SlicePlan.MAX_PARTITIONS + " (default: Spark's default parallelism, the core count "
            + "locally).")
    Integer partitions;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        // one line on SIGINT or SIGTERM, after Spark has stopped and ParquetOutput has deleted its temporary folder;
        // registered before any work: a signal while the model loaded ended without a line, or once with Hadoop's
        // "Shutdown in progress, cannot add a shutdownHook" (a fresh user, 6 Dec)
        AtomicBoolean complete = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicLong total = new java.util.concurrent.atomic.AtomicLong();
        Runnable interrupted = () -> System.err.println(complete.get()
                ? "augment: interrupted after " + out + " was complete (" + total.get() + " samples)"
                : "augment: interrupted; nothing was written to " + out + (force ? " (what was there is kept)" : ""));
        try {
            ShutdownHookManager.get().addShutdownHook(interrupted, MESSAGE_HOOK_PRIORITY);
        } catch (IllegalStateException shuttingDown) {
            interrupted.run();
            return ExitCodes.INTERRUPTED;
        }
        try {
            return generate(complete, total);
        } catch (Exception e) {
            if (ShutdownHookManager.get().isShutdownInProgress()) {
                // a signal: the hook says what was kept; Spark's own words ("job cancelled", "stopped SparkContext")
                // would be a second, misleading line
                return ExitCodes.INTERRUPTED;
            }
            throw e;
        } finally {
            if (!ShutdownHookManager.get().isShutdownInProgress()) {
                ShutdownHookManager.get().removeShutdownHook(interrupted);
            }
        }
    }

    private int generate(AtomicBoolean complete, java.util.concurrent.atomic.AtomicLong totalSeen) throws Exception {
        if (count <= 0) {
            throw new UsageException("--n must be positive, was " + count);
        }
        if (partitions != null && (partitions <= 0 || partitions > SlicePlan.MAX_PARTITIONS)) {
            throw new UsageException("--partitions must be " + (partitions <= 0 ? "positive" : "at most "
                    + SlicePlan.MAX_PARTITIONS + " (each partition is a Spark task and a Parquet file)") + ", was "
                    + partitions);
        }
        SampleSchema schema = ExecutorGenerators.get(ModelFile.of(model)).metadata().schema();
        // as generate: a class named twice (bag,bag) is refused, before the map below folds the two into one
        new ClassResolver(schema, model.toString()).resolveAllLearned("--class",
                classes.stream().map(String::strip).toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        classes.forEach(c -> counts.put(c.strip(), count));
        Map<Integer, Long> resolved = AugmentSpark.resolve(counts, schema, model);
        new ClassResolver(schema, model.toString()).leftOutByAll(List.copyOf(counts.keySet()))
                .ifPresent(note -> spec.commandLine().getErr().println("augment: note: --class all " + note));
        long total = totalSamples(resolved.size());
        totalSeen.set(total);
        Configuration conf = new Configuration();
        java.nio.file.Path plain = localPathTyped(out);
        if (plain != null && PhysicalPaths.namesNothing(plain)) {
            throw new UsageException("--out " + out + " names no folder: a folder before one of its '..' does not "
                    + "exist (or is a file); give a path that exists up to its last '..'");
        }
        if (plain != null && java.util.stream.StreamSupport.stream(plain.spliterator(), false)
                .anyMatch(name -> "..".equals(name.toString()))) {
            // Hadoop's Path drops "x/.." by its text: dl/../x, dl a link, wrote ./x (a re-check, 7 Dec)
            out = PhysicalPaths.absolute(plain).toString();
        }
        java.nio.file.Path local = ParquetOutput.localPath(ParquetOutput.qualify(out, conf));
        if (local != null && PhysicalPaths.tooLongName(local).isPresent()) {
            // failed after the whole job, naming a hidden temporary folder, exit 1 (a re-check, 7 Dec)
            throw new UsageException("--out " + out + ": "
                    + PhysicalPaths.tooLongName(local).get());
        }
        if (local != null) {
            // with --force the old folder is deleted once the new one is in place: never the model being read
            OutputGuard.requireApart("--out", local, model);
            // generate's put-back after a run killed between its two renames: the next run deleted both (o10's kind)
            dev.augment.generate.output.AtomicOutputDirectory.restoreInterruptedReplace(local)
                    .ifPresent(note -> spec.commandLine().getErr().println("augment: note: " + note));
        }
        ParquetOutput.checkTarget(out, force, conf);
        if (local != null) {
            dev.augment.cli.DiskSpace.requireRoomForParquetRows(local, total);
        }
        long started = System.nanoTime();
        long jobStarted;
        long written;
        boolean ours = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = startOrExplain();
        jobStarted = System.nanoTime();
        try {
            Dataset<Row> rows = partitions == null ? AugmentSpark.generate(spark, model, counts, seed)
                    : AugmentSpark.generate(spark, model, counts, seed, partitions);
            try {
                TaskFailures.rethrowAugmentCause(() -> ParquetOutput.write(rows, out, force, record(resolved)));
            } catch (RuntimeException e) {
                throw explainStopped(spark, e);
            }
            complete.set(true);
            written = System.nanoTime();
        } finally {
            if (ours) {
                spark.stop();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // the rate of the job itself: with Spark's start-up counted, 20 samples read "1.03 samples/s" (a fresh user)
        double rate = total / Math.max((written - jobStarted) / 1e9, 1e-9);
        // three significant digits: 1 sample in 5 s is 0.2 samples/s, not "0 samples/s"
        String rateShown = rate >= 100 ? String.format(java.util.Locale.ROOT, "%.0f", rate)
                : new java.math.BigDecimal(rate).round(new java.math.MathContext(3)).stripTrailingZeros()
                        .toPlainString();
        // one line whatever the folder's name: a line break in it is written \n, as in augment's other wrote lines
        spec.commandLine().getOut().printf("wrote %d %s to %s (parquet) in %.1f s (%.1f s of it starting Spark),"
                + " %s samples/s after start-up%n", total, total == 1 ? "sample" : "samples",
                AugmentCli.oneLine(out.toString()), seconds,
                (jobStarted - started) / 1e9, rateShown);
        return ExitCodes.OK;
    }

    /**
     * @param out the {@code --out} given
     * @return it as a local path, for a plain path or a {@code file:} URI (whose {@code ..} after a link went to ./x
     *     as well: a re-check, 7 Dec); null for another file system's URI
     */
    private static java.nio.file.Path localPathTyped(String out) {
        try {
            if (out.startsWith("file:")) {
                return java.nio.file.Path.of(java.net.URI.create(out));
            }
            return out.contains("://") ? null : java.nio.file.Path.of(out);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException notLocal) {
            return null;
        }
    }

    /**
     * A cluster master that does not answer makes Spark stop its own context after its retries (about a minute),
     * and the write then fails in Spark's internals ("None.get"): said as what happened instead.
     *
     * @return the failure to throw: one naming the master when Spark stopped under the write, else {@code e}
     */
    private RuntimeException explainStopped(SparkSession spark, RuntimeException e) {
        if (!spark.sparkContext().isStopped() || ShutdownHookManager.get().isShutdownInProgress()) {
            return e;
        }
        String used = spark.sparkContext().master();
        IllegalStateException stopped = new IllegalStateException("Spark stopped before " + out + " was written: the "
                + "master '" + used + "' " + (used.startsWith("spark://") ? "did not answer (Spark gives up after 3 "
                + "tries of 20 s); check that it runs at that host and port, or use --master local[N]"
                : "stopped the application; see its log") + "; nothing was written to " + out);
        stopped.addSuppressed(e); // shown by --stacktrace; as a cause, its "None.get" would end the line
        return stopped;
    }

    /** Starts Spark; a master URL Spark cannot parse is the caller's mistake (exit 2), named as such. */
    private SparkSession startOrExplain() throws Exception {
        try {
            return start();
        } catch (Exception e) { // Scala code throws SparkException undeclared
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t.getMessage() != null && t.getMessage().startsWith("Could not parse Master URL")) {
                    String lower = String.valueOf(master).toLowerCase(java.util.Locale.ROOT);
                    if (lower.equals("yarn") || lower.startsWith("k8s://") || lower.startsWith("mesos://")) {
                        // Spark parses these only with its yarn, kubernetes or mesos module on the class path
                        throw new UsageException("--master '" + master + "' needs Spark's " + (lower.equals("yarn")
                                ? "YARN" : lower.startsWith("k8s") ? "Kubernetes" : "Mesos") + " support, which "
                                + "this build does not include; run the command with that cluster's spark-submit "
                                + "(see \"On a cluster\" in the README), or use local[N] or spark://HOST:PORT");
                    }
                    throw new UsageException("--master '" + master + "' is not a Spark master URL; use local[N], "
                            + "spark://HOST:PORT, or yarn or k8s://HOST:PORT through that cluster's spark-submit");
                }
                if (t.getMessage() != null && t.getMessage().startsWith("Invalid master URL")) {
                    // spark://HOST without a port, or a port that is no number: Spark's words, the caller's mistake
                    throw new UsageException("--master '" + master + "': " + t.getMessage().lines().findFirst()
                            .orElse("") + "; write it as spark://HOST:PORT, e.g. spark://master:7077");
                }
                if (t.getMessage() != null && t.getMessage().startsWith("Asked to run locally with")) {
                    // local[0]: Spark's own words, as the caller's mistake (exit 2) rather than a failure (exit 1)
                    throw new UsageException("--master '" + master + "': " + t.getMessage() + "; use local[N] with N "
                            + "at least 1, or local[*]");
                }
            }
            throw e;
        }
    }

    private SparkSession start() {
        SparkSession.Builder builder = SparkSession.builder().appName("augment spark-generate");
        SparkConf given = new SparkConf();
        String effective = master != null ? master : given.get("spark.master", DEFAULT_MASTER);
        if (master != null) {
            builder.master(master);
        } else if (!given.contains("spark.master")) {
            builder.master(DEFAULT_MASTER);
        }
        localOnly(effective, given).forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        if (Boolean.TRUE.equals(spec.findOption("--verbose").getValue())) {
            spark.sparkContext().setLogLevel("INFO");
        }
        return spark;
    }

    /**
     * Spark's web UI listens on port 4040 of every interface, without authentication, and the driver's RPC and block
     * manager on the host's address: every local run opened them to the network for its few seconds (fresh users,
     * 6 Dec). A local master runs without the UI and binds the driver to the loopback address, each unless
     * configured; a cluster's master keeps Spark's defaults.
     *
     * @param master the master the session will use
     * @param given the configuration from spark-submit or system properties
     * @return the settings to add: {@code spark.ui.enabled} false, {@code spark.driver.bindAddress} 127.0.0.1 and
     *     {@code spark.driver.host} localhost, those not already given, for a local master; none for another
     */
    static Map<String, String> localOnly(String master, SparkConf given) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (master.startsWith("local")) {
            settings.put("spark.ui.enabled", "false");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            settings.put("spark.driver.host", "localhost");
            settings.keySet().removeIf(given::contains);
        }
        return settings;
    }

    /**
     * @return one JSON line for the output's marker file: the model's path and SHA-256, the seed, the samples per class
     *     and the classes, as generate's {@code generated.json} records them
     */
    private String record(Map<Integer, Long> resolved) {
        com.fasterxml.jackson.databind.node.ObjectNode node = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode();
        ModelFile file = ModelFile.of(model);
        node.put("model", PhysicalPaths.absolute(model).toString());
        node.put("sha256", file.sha256());
        node.put("seed", seed);
        node.put("samplesPerClass", count);
        SampleSchema schema = ExecutorGenerators.get(file).metadata().schema();
        resolved.keySet().forEach(c -> node.withArray("classes").add(schema.classNames().get(c)));
        return node.toString() + "\n";
    }

    private long totalSamples(int classCount) {
        if (count > Long.MAX_VALUE / classCount) {
            throw new UsageException("--n " + count + " for " + classCount + " classes is more than "
                    + Long.MAX_VALUE + " samples; ask for fewer");
        }
        return count * classCount;
    }
}

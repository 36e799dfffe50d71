package dev.augment.cli;

import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.generate.output.OutputFormat;
import dev.augment.train.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code augment bench}: on one generator, in one run, the speed of ONNX Runtime alone (the ceiling,
 * measured before and after the rest, since a shared machine drifts), {@code generate} to IDX, CSV and
 * PNG, an {@code AugmentingDataSource}, and GAN training steps of both architectures, each also as a share
 * of the ceiling. Prints the load average so figures from a busy machine can be read as such.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Measure generation and training speed against the bare ONNX Runtime speed.",
        description = {"Prints samples/s of ONNX Runtime alone (batch 256, one session: the ceiling), of generate "
                + "to idx, csv and png, of an AugmentingDataSource and of GAN training, with each as a share of "
                + "the ceiling. Scratch files go to a temporary folder and are deleted."},
        footerHeading = "%nExamples:%n",
        footer = {"  augment bench", "  augment bench --n 1000000 --png-n 100000 --steps 60"})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOption model;

    @Mixin
    CommonOptions common;

    @Option(names = "--n", defaultValue = "200000", paramLabel = "N",
            description = "Samples for the ceiling, idx, csv and the data source (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--png-n", defaultValue = "20000", paramLabel = "N",
            description = "Samples for png, one file each (default: ${DEFAULT-VALUE}).")
    long pngCount;

    @Option(names = "--steps", defaultValue = "30", paramLabel = "N",
            description = "Training steps per architecture, at least 3; 0 skips training (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--threads", paramLabel = "N",
            description = "generate's worker threads (default: the processor count, ${DEFAULT-VALUE}).")
    int threads = Runtime.getRuntime().availableProcessors();

    @picocli.CommandLine.ParentCommand
    AugmentCommand parent;

    /** The name bench's scratch folder in java.io.tmpdir is named after ({@link dev.augment.io.KilledRunLeftovers}). */
    static final String SCRATCH = "augment-bench";

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N",
            description = "generate's samples per ONNX Runtime call (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() throws IOException {
        requirePositive("--n", count);
        requirePositive("--png-n", pngCount);
        requirePositive("--threads", threads);
        requirePositive("--batch-size", batchSize);
        if (steps != 0 && steps < 3) {
            throw new UsageException("--steps must be 0 or at least 3, was " + steps);
        }
        PrintWriter out = spec.commandLine().getOut();
        // named after this host and process, so that a later bench deletes what a killed one left (tens to hundreds
        // of MB in the temporary folder, which no run removed: a fresh user, 6 Dec)
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        dev.augment.io.KilledRunLeftovers.delete(temporary.resolve(SCRATCH));
        Path scratch = Files.createTempDirectory(temporary, dev.augment.io.KilledRunLeftovers.prefix(SCRATCH));
        // a signal left 0.3-0.7 GB of scratch in the temporary folder, since the JVM exited after the grace without
        // reaching the finally below (a re-check, 5 Dec): a hook deletes it at exit too
        Thread deleteScratch = new Thread(() -> {
            try {
                dev.augment.io.AtomicFiles.deleteTree(scratch);
            } catch (IOException ignored) {
                // best effort, at exit
            }
        }, "augment-bench-scratch");
        Runtime.getRuntime().addShutdownHook(deleteScratch);
        try (OnnxGenerator generator = OnnxGenerator.load(model.path(), ExecutionDevice.CPU)) {
            if (generator.metadata().isTable()) {
                throw new UsageException("bench measures image generators (IDX, PNG and the image GANs' training); "
                        + model.path() + " is a table generator; use an image model such as models/fashion-mnist.onnx");
            }
            int most = GenerateCommand.THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
            if (threads > most) {
                // generate caps its threads so; bench measured a setting generate never runs (a fresh user, 5 Dec)
                spec.commandLine().getErr().printf(Locale.ROOT, "augment: note: --threads %d is capped to %d (%d per "
                        + "processor), as generate caps it%n", threads, most, GenerateCommand.THREADS_PER_PROCESSOR);
                threads = most;
            }
            if (batchSize > generator.maxBatchSize()) {
                // the header named the batch asked for, which generate caps (a fresh user, 5 Dec)
                spec.commandLine().getErr().printf(Locale.ROOT, "augment: note: --batch-size %d is capped to %d, the "
                        + "most one ONNX Runtime call of this model takes within generate's memory budget%n",
                        batchSize, generator.maxBatchSize());
                batchSize = generator.maxBatchSize();
            }
            requireRoom(scratch, generator.metadata().schema().featureCount());
            out.printf(Locale.ROOT, "augment bench: %s, %d processors, %d generate threads, batch %d, load average %s%n",
                    model.path(), Runtime.getRuntime().availableProcessors(), threads, batchSize, load());
            try {
                run(out, generator, scratch);
            } catch (IOException | java.io.UncheckedIOException e) {
                if (!AugmentCli.reportsAsFullDisk(e)) {
                    throw e;
                }
                // "write to another disk" named no folder, and bench has no --out (a fresh user, 6 Dec)
                throw new dev.augment.errors.EnvironmentException("the temporary folder " + temporary + " filled up "
                        + "while bench wrote its samples there; its temporary files are deleted; ask for fewer (--n, "
                        + "--png-n), or point TMPDIR at a larger disk", e);
            }
            out.printf(Locale.ROOT, "load average at the end: %s%n", load());
        } finally {
            dev.augment.io.AtomicFiles.deleteTree(scratch);
            try {
                Runtime.getRuntime().removeShutdownHook(deleteScratch);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; the tree is gone already
            }
        }
        return ExitCodes.OK;
    }

    /**
     * bench writes --n samples as IDX and as CSV (and --png-n as PNG) into the temporary folder: --n 1e12 would have
     * filled the disk, and the error then advised another --out, which bench has not (a fresh user, 5 Dec).
     */
    private void requireRoom(Path scratch, int features) {
        long perSample = DiskSpace.minimumBytesPerSample(OutputFormat.IDX, features)
                + DiskSpace.minimumBytesPerSample(OutputFormat.CSV, features);
        double needed = (double) count * perSample + (double) pngCount * DiskSpace.minimumBytesPerSample(
                OutputFormat.PNG, features);
        long free;
        try {
            free = Files.getFileStore(scratch).getUsableSpace();
        } catch (IOException e) {
            return; // the writes report a folder they cannot use
        }
        if (needed > free) {
            throw new dev.augment.errors.EnvironmentException(String.format(Locale.ROOT, "bench writes --n %d samples "
                    + "as IDX and as CSV and --png-n %d as PNG into the temporary folder %s, at least %.1f GB, but it "
                    + "has %.1f GB free; ask for fewer (--n, --png-n), or point TMPDIR at a larger disk", count,
                    pngCount, scratch.getParent(), needed / 1e9, free / 1e9));
        }
    }

    private void run(PrintWriter out, OnnxGenerator generator, Path scratch) throws IOException {
        GenerationBench bench = new GenerationBench(generator, () -> AugmentCommand.cancellationOf(parent)
                .throwIfCancelled("measuring; bench's temporary files are deleted"));
        bench.ceiling(Math.min(count, 20_000));
        double before = bench.ceiling(count);
        BenchTable table = new BenchTable(out);
        table.header();
        table.row("onnx runtime alone, batch " + GenerationBench.CEILING_BATCH + ", one session (before)", before, 0);
        out.flush();
        boolean pngPossible = generator.metadata().schema().isImage()
                && (generator.metadata().schema().channels() == 1 || generator.metadata().schema().channels() == 3);
        // the rows wait for the closing ceiling run, their shares' reference: a line per measurement meanwhile (the
        // table was 30 s silent at the defaults, minutes at --n 1000000; a fresh user, 5 Dec)
        measuring("generate --format idx", count);
        double idx = bench.generate(OutputFormat.IDX, count, batchSize, threads, scratch.resolve("idx"));
        measuring("generate --format csv", count);
        double csv = bench.generate(OutputFormat.CSV, count, batchSize, threads, scratch.resolve("csv"));
        double png = Double.NaN;
        double pngEncoding = Double.NaN;
        if (pngPossible) {
            measuring("generate --format png", pngCount);
            png = bench.generate(OutputFormat.PNG, pngCount, batchSize, threads, scratch.resolve("png"));
            measuring("png encoding alone", pngCount);
            pngEncoding = bench.encodeOnly(OutputFormat.PNG, pngCount, batchSize, threads,
                    scratch.resolve("png-encoding"));
        }
        measuring("file creation", pngCount);
        double files = bench.fileCreation(pngCount, 880, scratch.resolve("files"));
        measuring("AugmentingDataSource", count);
        double source = bench.augmentingDataSource(count);
        measuring("onnx runtime alone (after)", count);
        double after = bench.ceiling(count);
        double ceiling = (before + after) / 2;
        table.row("onnx runtime alone (after)", after, 0);
        table.row("ceiling: mean of before and after", ceiling, ceiling);
        table.row("generate --format idx", idx, ceiling);
        table.row("generate --format csv", csv, ceiling);
        table.row("generate --format png (--png-n samples)", png, ceiling);
        table.row("  png encoding alone (files dropped)", pngEncoding, ceiling);
        table.row("  file system alone: new 880-byte files/s, one thread", files, ceiling);
        table.row("AugmentingDataSource, GAN examples", source, ceiling);
        out.flush();
        if (steps > 0) {
            TrainingBench training = new TrainingBench(generator);
            for (Architecture architecture : Architecture.values()) {
                double perSecond = training.stepsPerSecond(architecture, steps,
                        scratch.resolve("train-" + architecture), AugmentCommand.cancellationOf(parent));
                table.row(String.format(Locale.ROOT, "train %s, batch %d: %.2f steps/s", architecture.name()
                        .toLowerCase(Locale.ROOT), TrainingBench.BATCH, perSecond), perSecond * TrainingBench.BATCH, ceiling);
                out.flush();
            }
        }
    }

    /** One progress line on stderr, before a measurement whose row waits for the table's end. */
    private void measuring(String what, long samples) {
        // a signal waited the whole 10 s grace: bench looked at no token (a re-check, 5 Dec); now between measurements
        AugmentCommand.cancellationOf(parent).throwIfCancelled("measuring; bench's temporary files are deleted");
        spec.commandLine().getErr().printf(Locale.ROOT, "augment bench: measuring %s (%d samples)...%n", what, samples);
        spec.commandLine().getErr().flush();
    }

    private static String load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static void requirePositive(String option, long value) {
        if (value <= 0) {
            throw new UsageException(option + " must be positive, was " + value);
        }
    }
}

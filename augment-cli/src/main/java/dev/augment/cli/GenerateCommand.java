package dev.augment.cli;

import dev.augment.cancel.CancellationToken;
import dev.augment.data.GenerationRecord;
import dev.augment.generate.BatchBudget;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.GenerationPipeline;
import dev.augment.generate.OnnxGenerator;
import dev.augment.generate.output.AtomicOutputDirectory;
import dev.augment.generate.output.OutputFormat;
import dev.augment.generate.output.SampleWriter;
import dev.augment.generate.output.SampleWriters;
import dev.augment.io.PhysicalPaths;
import dev.augment.table.TableSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code augment generate}: labelled samples from a generator ONNX file, streamed to PNG, IDX or CSV; a table
 * generator writes CSV in the table's own columns.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        header = "Generate labelled samples from a generator ONNX file.",
        description = {"Writes --n samples of each requested class into the --out directory. The same --seed "
                + "gives the same bytes whatever --batch-size and --threads are. Nothing is left behind on failure.",
                "Without --model, the class names choose the model: the one shipped model (models/*.onnx, see "
                + "'augment models') that knows them; exit 2 if several or none do."},
        footerHeading = "%nExamples:%n",
        footer = {"  augment generate --class sneaker --n 16 --out sneakers",
                "  augment generate --class sneaker,bag --n 5000 --format idx --out synth",
                "  augment generate --model fm.onnx --class all --n 100 --format csv --out csv"})
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AugmentCommand parent;

    @Mixin
    CommonOptions common;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Generator ONNX file (default: the one model in the shipped models/ folder that knows the "
                    + "--class names; for indices or 'all' only, models/" + ModelOption.DEFAULT_FILE + ").")
    Path model;

    @Option(names = "--class", required = true, split = ",", paramLabel = "CLASS",
            description = "Class: exact name, else Tribuo label, else index, else a unique match ignoring case "
                    + "and punctuation; several separated by commas, or 'all' (every class the model learned).")
    List<String> classes;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Samples per class.")
    long count;

    @Option(names = "--out", defaultValue = "samples", paramLabel = "DIR",
            description = "Output directory, for every format (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "png (DIR/<class>/000001.png...), idx (images + labels pair) or csv (default: png; csv, "
                    + "the table's own columns and label, for a table generator, which writes csv only).")
    String format;

    @Option(names = "--seed", defaultValue = CommonOptions.DEFAULT_SEED, paramLabel = "SEED",
            description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N",
            description = "Samples per ONNX Runtime call "
            + "(default: ${DEFAULT-VALUE}).")
    long batchSize;

    @Option(names = "--threads", paramLabel = "N", description = "Threads that generate and encode batches "
            + "(default: the processor count, ${DEFAULT-VALUE}); the output is the same whatever the count.")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEVICE",
            description = "cpu or cuda (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (count <= 0) {
            throw new UsageException("--n must be positive, was " + count);
        }
        if (classes.stream().allMatch(String::isBlank)) {
            throw new UsageException("--class names no class; give a name, label or index (several separated by "
                    + "commas), or all");
        }
        if (batchSize <= 0) {
            throw new UsageException("--batch-size must be positive, was " + batchSize);
        }
        if (threads <= 0) {
            throw new UsageException("--threads must be positive, was " + threads);
        }
        OutputFormat requested = format == null ? null : OutputFormat.parse(format);
        ExecutionDevice executionDevice = ExecutionDevice.parse(device);
        // the choice is said once the classes are known good: "using X" came before --class cat,cat's refusal, two
        // lines for one error (a fresh user, 7 Dec)
        java.io.StringWriter choice = new java.io.StringWriter();
        Path modelPath = ModelLookup.choose(model, classes, new java.io.PrintWriter(choice));
        OutputGuard.requireApart("--out", out, modelPath);
        CancellationToken cancellation = AugmentCommand.cancellationOf(parent);
        long started = System.nanoTime();
        long total;
        long written = 0;
        OutputFormat outputFormat;
        try (OnnxGenerator generator = OnnxGenerator.load(modelPath, executionDevice)) {
            TableSchema table = generator.metadata().table();
            outputFormat = requested != null ? requested : table != null ? OutputFormat.CSV : OutputFormat.PNG;
            SampleWriters.requireFits(outputFormat, table);
            java.io.StringWriter classNotes = new java.io.StringWriter();
            List<Integer> chosen = ClassSelection.resolve(classes, generator.metadata().schema(), modelPath,
                    new java.io.PrintWriter(classNotes));
            spec.commandLine().getErr().print(choice.toString() + classNotes);
            spec.commandLine().getErr().flush();
            total = totalSamples(chosen.size());
            IdxLabels.noteIfRenumbered(outputFormat, generator.metadata().schema(), chosen,
                    spec.commandLine().getOut());
            int batch = cappedBatchSize(generator);
            try (AtomicOutputDirectory target = AtomicOutputDirectory.create(out, force, cancellation,
                    LeftoverNotice.to(out, spec.commandLine().getErr()))) {
                started += target.leftoverRemovalNanos(); // not the generation's time
                FolderNamedLikeAFile.note(out, spec.commandLine().getErr()); // once the folder will be written
                target.leftoverRemovalNote().ifPresent(n -> spec.commandLine().getErr().println("augment: note: " + n));
                try (SampleWriter writer = SampleWriters.open(outputFormat, target.workDir(),
                        generator.metadata().schema(), table, total);
                     Progress progress = Progress.start(spec.commandLine().getErr(), "generate", total)) {
                    // After the writer's own checks (an IDX count beyond its header is a usage error) and the
                    // folder's creation (an --out that cannot be created says so), before any sample.
                    if (table != null) {
                        DiskSpace.requireRoomForTableRows(out, table.columns().size(), total);
                    } else {
                        DiskSpace.requireRoom(out, outputFormat, generator.metadata().schema().featureCount(), total);
                    }
                    new GenerationPipeline(generator, batch, cappedThreads()).run(chosen, count, seed, writer,
                            () -> cancellation.throwIfCancelled("generating samples; nothing was written to " + out),
                            progress::advance);
                    writer.finish();
                }
                // marks every example as generated for any reader of the folder as data (GeneratedOutput)
                new GenerationRecord(PhysicalPaths.absolute(modelPath).toString(), seed, outputFormat.id(), count,
                        chosen.stream().map(c -> generator.metadata().schema().classNames().get(c)).toList())
                        .withModelSha256(generator.sha256()).write(target.workDir());
                // the rate is the generation's: replacing a forced output of 30 GB took seconds of deletion
                written = System.nanoTime();
                target.commit();
                target.leftoverWarnings().forEach(w -> spec.commandLine().getErr().println("augment: warning: " + w));
            }
        }
        double seconds = (written - started) / 1e9;
        // --out is a folder for every format: name the CSV file itself, which an --out of x.csv would hide
        Object where = outputFormat == OutputFormat.CSV
                ? out.resolve(dev.augment.generate.output.CsvSampleWriter.FILE) : out;
        spec.commandLine().getOut().printf("wrote %d %s to %s (%s) in %.1f s, %.0f samples/s%n", total,
                total == 1 ? "sample" : "samples", AugmentCli.oneLine(where.toString()),
                outputFormat.name().toLowerCase(), seconds, total / seconds);
        return ExitCodes.OK;
    }

    /** Most threads per processor: beyond the processors, threads only add batches in flight. */
    static final int THREADS_PER_PROCESSOR = 4;

    /**
     * Caps --threads at {@value #THREADS_PER_PROCESSOR} per processor, with a note; the output does not change. Each
     * thread keeps batches in flight, and --threads 200 held 5.2 GB where 2 held 0.5 GB (a fresh user, 5 Dec).
     */
    private int cappedThreads() {
        int processors = Runtime.getRuntime().availableProcessors();
        int max = THREADS_PER_PROCESSOR * processors;
        if (threads <= max) {
            return threads;
        }
        spec.commandLine().getErr().printf("augment: note: --threads %d is capped to %d (%d per processor, of %d): "
                + "more only hold more batches in memory; the output is the same whatever the count%n", threads, max,
                THREADS_PER_PROCESSOR, processors);
        return max;
    }

    /** Caps --batch-size to the generator's memory budget, with a note; the output does not change. */
    private int cappedBatchSize(OnnxGenerator generator) {
        int max = generator.maxBatchSize();
        if (batchSize <= max) {
            return (int) batchSize;
        }
        spec.commandLine().getErr().printf("augment: note: --batch-size %d is capped to %d samples, the most that "
                + "fit %d MiB of buffers for this model; the output is the same whatever the batch size%n", batchSize,
                max, BatchBudget.BYTES >> 20);
        return max;
    }

    private long totalSamples(int classCount) {
        if (count > Long.MAX_VALUE / classCount) {
            throw new UsageException("--n " + count + " for " + classCount + " classes is more than "
                    + Long.MAX_VALUE + " samples; ask for fewer");
        }
        return count * classCount;
    }
}

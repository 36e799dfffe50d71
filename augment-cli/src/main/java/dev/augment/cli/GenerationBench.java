package dev.augment.cli;

import dev.augment.generate.GenerationPipeline;
import dev.augment.generate.OnnxGenerator;
import dev.augment.generate.output.EncodedBatch;
import dev.augment.generate.output.OutputFormat;
import dev.augment.generate.output.SampleWriter;
import dev.augment.generate.output.SampleWriters;
import dev.augment.onnx.GeneratorContract;
import dev.augment.tribuo.AugmentationPolicy;
import dev.augment.tribuo.AugmentingDataSource;
import dev.augment.tribuo.SyntheticExamples;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The generation measurements of {@code augment bench}, each in samples per second of wall time on one
 * loaded generator: the bare ONNX Runtime call, {@code generate} into each file format, and iterating an
 * {@link AugmentingDataSource}. Sample counts are rounded down to whole batches per class.
 */
final class GenerationBench {

    /** Samples per ONNX Runtime call for the ceiling, as {@code generate}'s default batch. */
    static final int CEILING_BATCH = 256;

    private final OnnxGenerator generator;
    private final List<Integer> classes;
    private final Runnable beforeBatch;

    /**
     * @param generator the generator measured
     * @param beforeBatch called before each batch of every measurement; throws to stop it (a Ctrl-C during the PNG
     *     measurement was heard only after it, past the 10 s grace, and left its files in the temporary folder: a
     *     fresh user, 6 Dec)
     */
    GenerationBench(OnnxGenerator generator, Runnable beforeBatch) {
        this.generator = generator;
        this.beforeBatch = beforeBatch;
        this.classes = IntStream.range(0, generator.metadata().schema().classCount())
                .filter(generator.metadata().schema()::learned).boxed().toList();
    }

    /**
     * The ceiling: ONNX Runtime alone, one session, one calling thread, batches of {@value #CEILING_BATCH}
     * on noise drawn once (the copy of the output into a Java array included, as any use needs it).
     */
    double ceiling(long samples) {
        int latent = generator.metadata().latentDim();
        float[] z = new float[CEILING_BATCH * latent];
        long[] labels = new long[CEILING_BATCH];
        for (int i = 0; i < CEILING_BATCH; i++) {
            GeneratorContract.noise(z, i * latent, latent, 1L, 0, i);
            labels[i] = classes.get(i % classes.size());
        }
        long batches = Math.max(1, samples / CEILING_BATCH);
        long started = System.nanoTime();
        for (long b = 0; b < batches; b++) {
            beforeBatch.run();
            generator.run(z, labels);
        }
        return rate(batches * CEILING_BATCH, started);
    }

    /** {@code generate} into a format: the same pipeline and writers as the command, without the progress bar. */
    double generate(OutputFormat format, long samples, int batchSize, int threads, Path dir) throws IOException {
        long perClass = Math.max(1, samples / classes.size());
        long total = perClass * classes.size();
        long started = System.nanoTime();
        try (SampleWriter writer = SampleWriters.open(format, dir, generator.metadata().schema(), total)) {
            new GenerationPipeline(generator, batchSize, threads).run(classes, perClass, 7L, writer, beforeBatch,
                    n -> { });
            writer.finish();
        }
        return rate(total, started);
    }

    /**
     * The pipeline of {@code generate} with a writer that encodes but drops the files: what the format
     * costs without the file system.
     */
    double encodeOnly(OutputFormat format, long samples, int batchSize, int threads, Path dir) throws IOException {
        long perClass = Math.max(1, samples / classes.size());
        long total = perClass * classes.size();
        long started = System.nanoTime();
        try (SampleWriter files = SampleWriters.open(format, dir, generator.metadata().schema(), total)) {
            SampleWriter dropping = new SampleWriter() {
                @Override
                public EncodedBatch encode(int classIndex, float[] samples, int count) {
                    return files.encode(classIndex, samples, count);
                }

                @Override
                public void write(EncodedBatch batch) {
                    // dropped: only the encoding is measured
                }

                @Override
                public void finish() {
                }

                @Override
                public void close() {
                }
            };
            new GenerationPipeline(generator, batchSize, threads).run(classes, perClass, 7L, dropping, beforeBatch,
                    n -> { });
        }
        return rate(total, started);
    }

    /**
     * Files of {@code size} bytes created one after another in one new folder, as the PNG writer does: the
     * file system's own limit for one file per sample.
     */
    double fileCreation(long files, int size, Path dir) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = new byte[size];
        long started = System.nanoTime();
        for (long i = 0; i < files; i++) {
            if (i % CEILING_BATCH == 0) {
                beforeBatch.run();
            }
            Files.write(dir.resolve(i + ".bin"), bytes);
        }
        return rate(files, started);
    }

    /**
     * Iterating an {@link AugmentingDataSource} that adds GAN examples to a source of 2 real examples a class,
     * counted from construction to the last example.
     */
    double augmentingDataSource(long samples) {
        SyntheticExamples synthetic = new SyntheticExamples(generator);
        List<Example<Label>> real = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        long perClass = Math.max(1, samples / classes.size());
        for (int c : classes) {
            // generated examples stand in for real ones: unmarked, or the source would be refused as augmented
            synthetic.stream(c, 2, 99L).forEachRemaining(e -> real.add(unmarked(e)));
            counts.put(generator.metadata().schema().labels().get(c), (int) Math.min(Integer.MAX_VALUE, perClass));
        }
        LabelFactory factory = new LabelFactory();
        long started = System.nanoTime();
        long seen = 0;
        try (AugmentingDataSource source = new AugmentingDataSource(new ListDataSource<>(real, factory,
                new SimpleDataSourceProvenance("bench", factory)), generator, AugmentationPolicy.counts(counts))) {
            for (Example<Label> ignored : source) {
                if (seen++ % CEILING_BATCH == 0) {
                    beforeBatch.run();
                }
            }
        }
        return rate(seen - real.size(), started);
    }

    private static Example<Label> unmarked(Example<Label> example) {
        List<org.tribuo.Feature> features = new ArrayList<>();
        example.forEach(features::add);
        return new org.tribuo.impl.ArrayExample<>(example.getOutput(), features);
    }

    static double rate(long samples, long startedNanos) {
        return samples / ((System.nanoTime() - startedNanos) / 1e9);
    }
}

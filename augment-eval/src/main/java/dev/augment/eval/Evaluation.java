package dev.augment.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.cancel.AbandonableCall;
import dev.augment.cancel.CancellationToken;
import dev.augment.data.DataSources;
import dev.augment.data.DenseSamples;
import dev.augment.data.GeneratedOutput;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.Split;
import dev.augment.data.SplitAgreement;
import dev.augment.errors.InvalidDataException;
import dev.augment.errors.InvalidSettingException;
import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.diagnostics.GeneratorDiagnostics;
import dev.augment.eval.embedding.EmbeddingNetwork;
import dev.augment.eval.embedding.EmbeddingTrainer;
import dev.augment.eval.metrics.ClassDiagnoser;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.FamilyArms;
import dev.augment.eval.protocol.MajorityLevel;
import dev.augment.eval.protocol.SmoteCopies;
import dev.augment.eval.protocol.FilteredSamplers;
import dev.augment.eval.protocol.ClassifierExperiment;
import dev.augment.eval.protocol.Scenario;
import dev.augment.eval.protocol.TribuoData;
import dev.augment.eval.report.EvaluationReport;
import dev.augment.eval.report.ReportImages;
import dev.augment.eval.report.SampleGrid;
import dev.augment.eval.sampler.OnnxSampler;
import dev.augment.eval.sampler.SeedFilter;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.SampleSchema;
import dev.augment.train.GanSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code augment evaluate}: classifier gains of every arm over seeds under each classifier family,
 * then the generator diagnostics per class, then the report. The families share each seed's split,
 * its GAN (trained once per seed) and the arms' training sets. Inputs are checked before any training:
 * the test source must have the training source's features and classes, every trainer must accept the
 * data, a given model must match them and pass the {@link LeakageGuard} (unless forced), the scenario must
 * fit the data, and the training examples must be of at least two classes. With {@code ganFilter} above 1 the
 * GAN arms draw filtered samples ({@link FilteredSamplers}: a logistic regression trained on each seed's real
 * training split keeps the most typical candidates); the diagnostics and sample grids always show the
 * unfiltered generator.
 */
public final class Evaluation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GRID_SAMPLES = 8;

    private Evaluation() {
    }

    /**
     * Runs the whole evaluation.
     *
     * @param settings what to run
     * @param generatorDir where trained GANs are written
     * @param progress hears a line per step
     * @return the report and its pictures
     */
    public static EvaluationOutcome run(EvaluationSettings settings, Path generatorDir, Consumer<String> progress) {
        return run(settings, generatorDir, progress, new CancellationToken());
    }

    /**
     * The GAN arms add samples of every class the scenario tops up, and the data must have the model's classes, so a
     * class the model never learned (its metadata records no training examples of it) would add noise: refused
     * before the data is read, as {@code generate} refuses such a class.
     */
    private static void requireEveryClassLearned(Path model) {
        dev.augment.schema.SampleSchema schema = dev.augment.onnx.MetadataReader.read(model).schema();
        for (int c = 0; c < schema.classCount(); c++) {
            if (!schema.learned(c)) {
                throw new InvalidSettingException("model", model + " never learned class '" + schema.classNames().get(c)
                        + "' (its metadata records no training examples of it), so its samples would be noise; pass "
                        + "a model trained on every class");
            }
        }
    }

    /**
     * Runs the whole evaluation, stoppable inside a GAN's or a CNN's training as well as at each progress line
     * (where {@code progress} may throw).
     *
     * @param settings what to run
     * @param generatorDir where trained GANs are written
     * @param progress hears a line per step
     * @param cancellation checked before every training step of each seed's GAN and every optimiser step of a
     *     {@code cnn} classifier, and watched while the data is read
     * @return the report and its pictures
     * @throws dev.augment.cancel.CancelledException when the token is cancelled while the data is read, a GAN or a
     *     CNN trains
     */
    public static EvaluationOutcome run(EvaluationSettings settings, Path generatorDir, Consumer<String> progress,
                                        CancellationToken cancellation) {
        long start = System.nanoTime();
        if (settings.model() != null) {
            requireEveryClassLearned(settings.model());
        }
        // Tribuo's readers do not look at the token; reading this way lets a cancel end the wait at once
        SchemaDataSource trainSource = AbandonableCall.call("reading " + settings.train(), cancellation,
                () -> DataSources.open(settings.train(), Split.TRAIN, settings.names()));
        SchemaDataSource testSource = AbandonableCall.call("reading " + settings.test(), cancellation,
                () -> DataSources.open(settings.test(), Split.TEST, settings.names()));
        java.util.Set<String> notes = new java.util.LinkedHashSet<>(); // one note when --train and --test are one folder
        for (SchemaDataSource source : List.of(trainSource, testSource)) {
            if (source instanceof dev.augment.data.ImageFolderSource folder) {
                // what lies beside train/ and test/ is named once, with the training split
                folder.skippedNote(source == testSource ? trainSource : null).ifPresent(notes::add);
                folder.colourNote().ifPresent(notes::add);
                folder.orientationNote().ifPresent(notes::add);
                folder.depthNote().ifPresent(notes::add);
                folder.lookalikeNote().ifPresent(notes::add);
                folder.sharedImagesNote().ifPresent(notes::add);
            }
        }
        notes.forEach(progress);
        List<String> generatedData = generatedDataCaveats(trainSource, testSource);
        generatedData.forEach(c -> progress.accept("CAVEAT: " + c));
        SampleSchema schema = trainSource.schema();
        SplitAgreement.require(schema, testSource.schema(), settings.test());
        DenseSamples train = AbandonableCall.call("reading " + settings.train(), cancellation,
                () -> DenseSamples.from(trainSource, schema));
        DenseSamples test = AbandonableCall.call("reading " + settings.test(), cancellation,
                () -> DenseSamples.from(testSource, schema));
        requireTrainingExamplesOfEveryClass(train, schema, settings.train()); // one line, before any other
        progress.accept("read " + train.size() + " training and " + test.size() + " test examples of "
                + schema.classCount() + (schema.classCount() == 1 ? " class" : " classes"));
        requireTwoClasses(train, schema, settings.train());
        if (!(trainSource instanceof dev.augment.data.ImageFolderSource)) { // whose own note says it, by folder
            // IDX images of several classes were evaluated without the note train gives (a re-check, 7 Dec)
            // and into the report's caveats, as a folder's note (a re-check, 7 Dec)
            dev.augment.data.CrossClassCopies.note(train, settings.train()).ifPresent(note -> {
                progress.accept(note);
                notes.add(note);
            });
        }
        Optional<String> overlap = TestOverlap.check(train, test, settings.test());
        overlap.ifPresent(c -> progress.accept("CAVEAT: " + c));
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < settings.seeds(); i++) {
            seeds.add(settings.seed() + i);
        }
        settings.classifiers().forEach(c -> c.create(settings.seed(), schema));
        int splitSize = settings.scenario().select(train.classIndices(), schema, seeds.get(0)).length;
        List<int[]> splitCounts = new ArrayList<>();
        for (long seed : seeds) {
            int[] counts = new int[schema.classCount()];
            for (int row : settings.scenario().select(train.classIndices(), schema, seed)) {
                counts[train.classIndices()[row]]++;
            }
            splitCounts.add(counts);
        }
        Optional<String> smoteCopies = SmoteCopies.caveat(splitCounts, true, classNames(schema), settings.arms());
        smoteCopies.ifPresent(c -> progress.accept("CAVEAT: " + c));
        Optional<String> smoteK = SmoteCopies.clampedK(splitCounts, true, classNames(schema), settings.arms(),
                "SMOTE");
        smoteK.ifPresent(c -> progress.accept("CAVEAT: " + c));
        Optional<String> fewTest = smallTestClasses(test.countsPerClass(), classNames(schema));
        fewTest.ifPresent(c -> progress.accept("CAVEAT: " + c));
        int ganBatchSize = settings.model() == null ? settings.ganBatchSizeFor(splitSize) : 0;
        GeneratorChoice choice = chooseGenerators(settings, schema, train, test, splitSize, ganBatchSize,
                generatorDir, progress, cancellation);
        try (GeneratorSource generators = choice.generators()) {
            TribuoData data = new TribuoData(schema);
            ClassifierExperiment experiment = new ClassifierExperiment(data, settings.classifiers(),
                    settings.scenario(), settings.arms());
            FilteredSamplers filtered = settings.filtersGan()
                    ? FilteredSamplers.logistic(generators, settings.ganFilter(), data) : null;
            List<FamilyArms> families = experiment.run(train.features(), train.classIndices(),
                    data.dataset("test set " + settings.test(), test.features(), test.classIndices()), seeds,
                    filtered == null ? generators : filtered, progress, cancellation);
            List<SeedFilter> filter = filtered == null ? List.of() : filtered.seeds();
            filter.forEach(f -> progress.accept("generation filter, " + f.text(classNames(schema))));
            Diagnosis diagnosis = Diagnosis.NONE;
            if (settings.hasGenerator()) {
                diagnosis = diagnose(settings, schema, train, test, generators, seeds.get(0), progress, cancellation);
            } else {
                progress.accept("no arm of this run uses a generator (" + String.join(", ", settings.arms().stream()
                        .map(Arm::id).toList()) + "), so no GAN was trained and none is diagnosed");
            }
            ObjectNode provenance = ReportProvenance.of(settings, train, test, generators.provenance(),
                    diagnosis.network(), diagnosis.embeddingAccuracy());
            List<String> caveats = new ArrayList<>(overlap.stream().toList());
            caveats.addAll(generatedData);
            // the image folders' notes reach the report too, not only the console (a fresh user, 6 Dec)
            notes.forEach(n -> caveats.add(n.replaceFirst("^note: ", "")));
            caveats.addAll(choice.caveats());
            smoteCopies.ifPresent(caveats::add);
            smoteK.ifPresent(caveats::add);
            fewTest.ifPresent(caveats::add);
            int[] testCounts = test.countsPerClass();
            for (FamilyArms family : families) {
                MajorityLevel.caveat(family, testCounts, "examples").ifPresent(c -> {
                    caveats.add(c);
                    progress.accept("CAVEAT: " + c);
                });
            }
            EvaluationReport report = new EvaluationReport(choice.warning(), caveats,
                    ReportProvenance.settings(settings, schema, train.countsPerClass(), seeds, ganBatchSize),
                    provenance, classNames(schema),
                    minorityClasses(settings.scenario(), schema), families, diagnosis.classes(),
                    (System.nanoTime() - start) / 1e9, filter);
            return new EvaluationOutcome(report, new ReportImages(ReportImages.gainsCharts(families),
                    diagnosis.grids()));
        }
    }

    /**
     * An evaluation of generate's output, given as either split (as a whole or as {@code D/train} and {@code D/test}),
     * named its arms "real" without a word (a fresh user, 5 Dec).
     *
     * @return a caveat per split that is augment generate's output ({@link GeneratedOutput}), one when both are one
     */
    private static List<String> generatedDataCaveats(SchemaDataSource trainSource, SchemaDataSource testSource) {
        Optional<String> train = GeneratedOutput.describe(trainSource);
        Optional<String> test = GeneratedOutput.describe(testSource);
        List<String> caveats = new ArrayList<>();
        // 2 generated images among 102 were "every figure measured on generated samples" (a fresh user, 5 Dec)
        train.ifPresent(t -> caveats.add(t + (whole(t) ? ", so the arm named \"real only\" trains on generated "
                + "samples and every arm adds to them" : ", so the arm named \"real only\" trains partly on generated "
                + "samples")));
        test.filter(t -> !train.equals(test)).ifPresent(t -> caveats.add(t + (whole(t) ? ", so every figure is "
                + "measured on generated samples, not on real data" : ", so the figures are measured partly on "
                + "generated samples")));
        return caveats;
    }

    /** @return whether a description of generated data says every example of it is generated */
    private static boolean whole(String description) {
        return description.contains("every example in it is generated");
    }

    /**
     * @throws InvalidDataException when the training examples are all of one class: every arm would score a
     *     trivial 1.0, and the diagnostics' embedding network cannot learn
     */
    private static void requireTwoClasses(DenseSamples train, SampleSchema schema, Path source) {
        int[] present = Arrays.stream(train.classIndices()).distinct().toArray();
        if (present.length < 2) {
            String only = present.length == 0 ? "no class" : "one class, '" + classNames(schema).get(present[0]) + "'";
            throw new InvalidDataException(source, "the training examples are of " + only + "; an evaluation compares "
                    + "classifiers, which need examples of at least two classes");
        }
    }

    /**
     * A caveat of 120 classes named every one, 1 463 characters on a line (a fresh user, 6 Dec).
     *
     * @param items what a list names
     * @return the first ten, comma-separated, and "and N more" for the rest
     */
    public static String firstOf(List<String> items) {
        return items.size() <= 10 ? String.join(", ", items)
                : String.join(", ", items.subList(0, 10)) + " and " + (items.size() - 10) + " more";
    }

    /** Test examples of a class below which its recall moves in coarse steps, as the table evaluation says. */
    static final int FEW_TEST_EXAMPLES = 5;

    /**
     * A test split of 1 image of a class gave no caveat, where the table path says so (a fresh user, 5 Dec).
     *
     * @return a caveat naming the classes with fewer than {@value #FEW_TEST_EXAMPLES} test examples, if any
     */
    static Optional<String> smallTestClasses(int[] testCounts, List<String> names) {
        List<String> few = new ArrayList<>();
        for (int c = 0; c < testCounts.length; c++) {
            if (testCounts[c] > 0 && testCounts[c] < FEW_TEST_EXAMPLES) {
                few.add("'" + names.get(c) + "' " + testCounts[c]);
            }
        }
        return few.isEmpty() ? Optional.empty() : Optional.of("the test split holds fewer than " + FEW_TEST_EXAMPLES
                + " examples of " + few.size() + (few.size() == 1 ? " class" : " classes") + " (" + firstOf(few)
                + "): each such class's recall moves in steps of 1 / its examples, so macro-F1 differences mostly "
                + "measure those few; give a test split with more of them");
    }

    /**
     * IDX labels 0, 1, 3 make a class 2 with no example: evaluate trained the first seed's GAN and then died in
     * Tribuo's evaluation ("Metric value not found: MetricID{metric==RECALL target=2}", exit 1), where train refuses
     * the same data up front (a fresh user, 5 Dec).
     */
    private static void requireTrainingExamplesOfEveryClass(DenseSamples train, SampleSchema schema, Path source) {
        int[] counts = train.countsPerClass();
        List<String> empty = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                empty.add("'" + classNames(schema).get(c) + "' (index " + c + ")");
            }
        }
        if (!empty.isEmpty()) {
            throw new InvalidDataException(source, (empty.size() == 1 ? "class " : "classes ") + String.join(", ",
                    empty.subList(0, Math.min(5, empty.size()))) + (empty.size() > 5 ? " and " + (empty.size() - 5)
                    + " more" : "") + (empty.size() == 1 ? " has" : " have") + " no training examples (a gap in the "
                    + "labels?), so no classifier can learn " + (empty.size() == 1 ? "it" : "them") + "; relabel the "
                    + "data without the gap, or add examples of " + (empty.size() == 1 ? "it" : "them"));
        }
    }

    /** The generators the GAN arms use, and what the report must say about them first. */
    private record GeneratorChoice(GeneratorSource generators, String warning, List<String> caveats) {
    }

    /** The generator diagnostics of one seed, with the embedding network that measured them. */
    private record Diagnosis(EmbeddingNetwork network, double embeddingAccuracy, List<ClassReport> classes,
                             List<SampleGrid> grids) {

        /** A run without a generator: no embedding network, no classes diagnosed, no grids. */
        static final Diagnosis NONE = new Diagnosis(null, Double.NaN, List.of(), List.of());
    }

    /**
     * The given model, checked against the data and the leakage guard, or GANs trained per seed on each
     * seed's split only.
     */
    private static GeneratorChoice chooseGenerators(EvaluationSettings settings, SampleSchema schema,
                                                    DenseSamples train, DenseSamples test, int splitSize,
                                                    int ganBatchSize, Path generatorDir, Consumer<String> progress,
                                                    CancellationToken cancellation) {
        if (settings.model() == null) {
            GanSettings gan = settings.ganSettings(ganBatchSize);
            return new GeneratorChoice(GeneratorSource.training(schema, gan, generatorDir, settings.augmentVersion(),
                    progress, cancellation), "", List.of());
        }
        OnnxGenerator model = OnnxGenerator.load(settings.model(), ExecutionDevice.CPU);
        try {
            ModelMatch.require(model, schema, "the training data", settings.names() != null);
            // its classes the data's: a generator of other classes fit every name and shape, and was reported as
            // label drift (a fresh user, 6 Dec); oversample and the plugin make the same check
            List<String> fit;
            try {
                fit = dev.augment.tribuo.GeneratorFit.check(model, train);
            } catch (InvalidSettingException e) {
                throw new InvalidSettingException("model", settings.model() + " is refused: " + e.getMessage()
                        .replaceFirst("^source does not match the generator's schema: ", ""));
            }
            Optional<String> leak = LeakageGuard.check(model.metadata(), train, test, settings.test());
            if (leak.isPresent() && !settings.forceLeakyModel()) {
                throw new InvalidSettingException("model", settings.model() + " is refused: " + leak.get()
                        + "; set forceLeakyModel to evaluate it anyway (the report will say so)");
            }
            List<String> caveats = new ArrayList<>(fit);
            if (leak.isEmpty()) {
                ModelCaveat.check(model.metadata(), settings.model(), train, settings.scenario(), splitSize)
                        .ifPresent(caveats::add);
                LeakageGuard.selectionSawTest(model.metadata(), test, settings.test()).ifPresent(caveats::add);
            }
            leak.ifPresent(w -> progress.accept("WARNING: " + w));
            caveats.forEach(c -> progress.accept("CAVEAT: " + c));
            return new GeneratorChoice(GeneratorSource.of(model), leak.orElse(""), caveats);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Diagnoses the generator of one seed per class in the embedding space, with real | synthetic grids. */
    private static Diagnosis diagnose(EvaluationSettings settings, SampleSchema schema, DenseSamples train,
                                      DenseSamples test, GeneratorSource generators, long seed,
                                      Consumer<String> progress, CancellationToken cancellation) {
        progress.accept("training the embedding network on all " + train.size() + " real training examples");
        EmbeddingNetwork network = EmbeddingTrainer.train(train.features(), train.classIndices(),
                schema.classCount(), (float) Math.max(1, schema.maxValue()), settings.embedding(), cancellation);
        double embeddingAccuracy = accuracy(network, test);
        progress.accept(String.format("embedding classifier test accuracy %.4f; diagnosing the generator of seed %d",
                embeddingAccuracy, seed));
        float[][][] training = byClass(train, settings.scenario().select(train.classIndices(), schema, seed),
                schema.classCount());
        float[][][] holdout = byClass(test, null, schema.classCount());
        OnnxSampler sampler = new OnnxSampler(generators.generator(seed));
        List<ClassReport> classes = new GeneratorDiagnostics(network, ClassDiagnoser.withDefaults(seed),
                settings.rules(), settings.diagnosticCap())
                .withPixelNoiseOf(schema).run(classNames(schema), training, holdout, sampler, seed, cancellation);
        List<SampleGrid> grids = new ArrayList<>();
        if (schema.isImage()) {
            for (int c = 0; c < schema.classCount(); c++) {
                float[][] real = firstRows(training[c], GRID_SAMPLES);
                grids.add(ReportImages.sampleGrid(schema, real, sampler.sample(c, real.length, seed)));
            }
        }
        return new Diagnosis(network, embeddingAccuracy, classes, grids);
    }

    private static List<Integer> minorityClasses(Scenario scenario, SampleSchema schema) {
        return scenario.kind() == Scenario.Kind.IMBALANCED
                ? List.copyOf(new java.util.TreeSet<>(scenario.minorityIndices(schema))) : List.of();
    }

    static List<String> classNames(SampleSchema schema) {
        return schema.classNames();
    }

    private static double accuracy(EmbeddingNetwork network, DenseSamples test) {
        int[] p = network.predict(test.features());
        int hits = 0;
        for (int i = 0; i < p.length; i++) {
            hits += p[i] == test.classIndices()[i] ? 1 : 0;
        }
        return p.length == 0 ? 0 : hits / (double) p.length;
    }

    private static float[][][] byClass(DenseSamples samples, int[] indices, int classes) {
        List<List<float[]>> lists = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            lists.add(new ArrayList<>());
        }
        int n = indices == null ? samples.size() : indices.length;
        for (int k = 0; k < n; k++) {
            int i = indices == null ? k : indices[k];
            lists.get(samples.classIndices()[i]).add(samples.features()[i]);
        }
        float[][][] out = new float[classes][][];
        for (int c = 0; c < classes; c++) {
            out[c] = lists.get(c).toArray(float[][]::new);
        }
        return out;
    }

    private static float[][] firstRows(float[][] x, int n) {
        float[][] out = new float[Math.min(n, x.length)][];
        System.arraycopy(x, 0, out, 0, out.length);
        return out;
    }
}

package dev.augment.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.augment.cancel.AbandonableCall;
import dev.augment.cancel.CancellationToken;
import dev.augment.data.DataSources;
import dev.augment.data.DenseSamples;
import dev.augment.data.SchemaDataSource;
import dev.augment.data.SharedExamples;
import dev.augment.data.Split;
import dev.augment.data.SplitAgreement;
import dev.augment.errors.InvalidDataException;
import dev.augment.eval.LeakageGuard;
import dev.augment.eval.quality.CnnQualityCheck;
import dev.augment.eval.quality.TrainingQualityCheck;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.SampleSchema;
import dev.augment.train.QualityCheck;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code augment score}: a quality check run on a generator file. The judge is either the training-time
 * check ({@link TrainingQualityCheck}: logistic regression on pixels, coverage in principal components) or
 * the CNN check of issue 9 ({@link CnnQualityCheck}: a small CNN trained here on the real training split,
 * coverage and Fréchet distance in its penultimate features); {@code auto} picks the CNN for colour images.
 * The report is JSON on standard output; progress lines go to standard error.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        header = "Run the quality check (label consistency, coverage, precision per class) on a generator file.",
        footerHeading = "%nExamples:%n",
        footer = {"  augment score --data /usr/share/datasets/fashion-mnist",
                "  augment score --data my-data/ --model mine.onnx --samples 200",
                "  augment score --data cifar10/ --model cifar.onnx --cnn-steps 1000"})
public final class ScoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    AugmentCommand parent;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOption modelOption;

    @Option(names = "--data", required = true, paramLabel = "PATH", description = "Real data with train and test "
            + "splits (the classifier is trained on train, coverage is measured against test).")
    Path data;

    @Mixin
    ClassNamesOption classNames;

    @Option(names = "--samples", defaultValue = "1000", paramLabel = "N",
            description = "Samples per class, at least 10 "
            + "(default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = CommonOptions.DEFAULT_SEED, paramLabel = "SEED",
            description = "Noise seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--classifier", defaultValue = "auto", paramLabel = "NAME", description = "The judge: pixels "
            + "(logistic regression on pixels, coverage in 50 principal components, as train's check), cnn (a small "
            + "CNN trained on the real training split; coverage and Fréchet distance in its features) or auto (cnn "
            + "for colour images, pixels otherwise) (default: ${DEFAULT-VALUE}).")
    String classifier;

    @Option(names = "--cnn-steps", paramLabel = "N", description = "Optimiser steps of the cnn judge, batch 128 "
            + "(default: 50 passes over the training split, at least " + QualityJudge.FEWEST_FITTED_CNN_STEPS
            + " and at most " + QualityJudge.DEFAULT_CNN_STEPS + " steps, as train's check).")
    Integer cnnSteps;

    @Override
    public Integer call() throws Exception {
        if (samples < 10) {
            throw new UsageException("--samples must be at least 10, was " + samples);
        }
        QualityJudge judge = QualityJudge.parse("--classifier", classifier);
        if (cnnSteps != null) {
            QualityJudge.requireCnnSteps("--cnn-steps", cnnSteps); // fails before the data is read
        }
        Path path = modelOption.path();
        if (DataSources.isTable(data)) {
            // an image generator's model with generate's --format csv output as the data was told of a "table
            // generator" it had not been given (a fresh user, 5 Dec)
            String base = "score compares an image generator's samples with image data (IDX files, CIFAR-10 batches "
                    + "or class folders of images; generate --format idx or png writes those), and " + data + " is a "
                    + "CSV table";
            // with an image model (its samples written as CSV), the table route offered was no way on: evaluate
            // trains a table GAN on pixel columns, and refuses oversample's output (a fresh user, 6 Dec)
            // one load of the model for both questions (a review, 7 Dec)
            java.util.Optional<String> tableLabel = tableLabelColumn(path);
            throw new UsageException(tableLabel.isEmpty() ? base + "; write the images as IDX or PNG (generate or "
                    + "oversample --format idx or png) and score those" : base + "; a table generator cannot be "
                    + "scored yet: augment evaluate --data "
                    + dev.augment.generate.output.AtomicOutputDirectory.shellWord(data.toString())
                    + " --label " + tableLabel.get() + " trains its own table GAN on each seed's split and reports "
                    + "the table diagnostics (column distances, DCR memorisation, coverage) of those");
        }
        try (OnnxGenerator generator = OnnxGenerator.load(path, ExecutionDevice.CPU)) {
            SampleSchema schema = generator.metadata().schema();
            QualityJudge.requireSamplesFit("--samples", samples, schema); // before the judge's training
            if (schema.classCount() < 2) {
                // the judge is a classifier of the model's classes; with one there is nothing to tell apart
                throw new InvalidDataException(path, "generates one class ('" + schema.classNames().get(0) + "'), "
                        + "and score's judge learns to tell a model's classes apart, so it needs at least two; "
                        + "judge a one-class model with augment evaluate's diagnostics instead");
            }
            QualityJudge resolved = judge.resolve(schema, "--classifier", path + " generates");
            CancellationToken cancellation = AugmentCommand.cancellationOf(parent);
            String reading = "reading " + data; // Tribuo's readers do not look at the token, so a signal ends the wait
            SchemaDataSource train = AbandonableCall.call(reading, cancellation,
                    () -> DataSources.open(data, Split.TRAIN, classNames.names));
            // stdout holds the JSON report alone; notes go with the progress lines to stderr
            SkippedImages.note(train, spec.commandLine().getErr());
            SchemaDataSource test;
            try {
                test = AbandonableCall.call(reading, cancellation,
                        () -> DataSources.open(data, Split.TEST, classNames.names));
            } catch (InvalidDataException e) {
                // the training split opened, so what is missing is the test split (t10k-* files, test/, test_batch)
                throw new InvalidDataException(e.file(), "score compares generated samples with the test split of "
                        + "--data (t10k-* IDX files, a test/ folder or test_batch.bin), which cannot be used: "
                        + e.getMessage().substring(Math.min(e.getMessage().length(), (e.file() + ": ").length())), e);
            }
            if (!test.location().equals(train.location())) {
                SkippedImages.note(test, train, spec.commandLine().getErr());
            }
            SplitAgreement.require(train.schema(), test.schema(), test.location()); // classes are matched by index
            ShippedModelMatch.require(generator, train.schema(), "--data " + data, classNames.names != null);
            // after the model is matched with the data: a grey model on colour data was told its --cnn-steps is unread
            // (auto picks the pixel judge for the grey model) before the mismatch itself (a fresh user, 5 Dec)
            picocli.CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
            judge.refuseUnreadCnnSteps(parsed != null && parsed.hasMatchedOption("--cnn-steps"), "--cnn-steps",
                    "--classifier", resolved);
            DenseSamples trainSamples = AbandonableCall.call(reading, cancellation,
                    () -> DenseSamples.from(train, train.schema()));
            SchemaDataSource testSource = test;
            DenseSamples testSamples = AbandonableCall.call(reading, cancellation,
                    () -> DenseSamples.from(testSource, testSource.schema()));
            requireLearnedOrPresent(schema, trainSamples, testSamples);
            QualityJudge.requireExamplesOfEveryClass(data, trainSamples, testSamples, "test", "score compares "
                    + "generated samples with real ones of each class; give data with more of that class");
            List<String> notes = new ArrayList<>();
            // each split on its own: generate's outputs put in D/train and D/test were scored 0.97 without a word
            java.util.Set<String> generated = new java.util.LinkedHashSet<>();
            for (SchemaDataSource split : List.of(train, test)) {
                dev.augment.data.GeneratedOutput.describe(split).ifPresent(generated::add);
            }
            generated.forEach(g -> notes.add(g + ", so the figures compare generated samples with generated "
                    + "samples, not with real data"));
            // a test split of copies of training images (all or some) is judged by a judge that learned them
            SharedExamples.judgeNote(trainSamples, testSamples, train.location(), test.location())
                    .ifPresent(notes::add);
            trainedOnTheTestSplit(generator, trainSamples, testSamples, test.location()).ifPresent(notes::add);
            classesWithFewerTestExamples(testSamples).ifPresent(notes::add);
            unlearnedClasses(schema, path).ifPresent(notes::add);
            notes.forEach(note -> spec.commandLine().getErr().println("augment: note: " + note));
            // the CNN judge's training checks the token before every step; the pixel judge's set-up (a PCA's
            // eigendecomposition, a minute on a few colour images) and the scoring do not: a signal abandons them
            // 4 000 steps on a 30-image set ran more than 10 minutes without a line (a fresh user, 5 Dec): as train's
            // check, the default is 50 passes over the training split, at least 500 steps, at most 4 000
            int judgeSteps = cnnSteps != null ? cnnSteps : QualityJudge.fittedCnnSteps(trainSamples.size());
            if (cnnSteps == null && resolved == QualityJudge.CNN
                    && judgeSteps < Integer.parseInt(QualityJudge.DEFAULT_CNN_STEPS)) {
                spec.commandLine().getErr().printf("augment: the CNN judge trains %d steps of 128 (50 passes over its "
                        + "%d training images, at least %d); --cnn-steps sets it%n", judgeSteps, trainSamples.size(),
                        QualityJudge.FEWEST_FITTED_CNN_STEPS);
            }
            QualityCheck check = resolved == QualityJudge.CNN
                    ? resolved.build(schema, trainSamples, testSamples, "test", samples, judgeSteps, seed,
                            spec.commandLine().getErr(), cancellation)
                    : AbandonableCall.call("setting up the pixel judge", cancellation,
                            () -> resolved.build(schema, trainSamples, testSamples, "test", samples, judgeSteps, seed,
                                    spec.commandLine().getErr(), cancellation));
            QualityCheck.Score score = AbandonableCall.call("scoring generated samples", cancellation,
                    () -> check.evaluate((c, n, s) -> generator.generate(c, s, 0, n)));
            List<String> afterJudging = judgeNotes(score.details(), testSamples, samples);
            afterJudging.forEach(note -> spec.commandLine().getErr().println("augment: note: " + note));
            notes.addAll(afterJudging);
            // and what the image folders' notes said on the console (EXIF orientation, colour among grey, …), which
            // the JSON left out (a fresh user, 6 Dec)
            java.util.Set<String> folderNotes = new java.util.LinkedHashSet<>();
            for (SchemaDataSource split : List.of(train, test)) {
                if (split instanceof dev.augment.data.ImageFolderSource folder) {
                    String generatedNote = folder.generatedNote().map(g -> g.replaceFirst("^note: ", "")).orElse(null);
                    folder.notes().stream().filter(n -> !n.equals(generatedNote)).forEach(folderNotes::add);
                }
            }
            notes.addAll(folderNotes);
            // the notes travel with the figures they qualify, for a reader of the JSON alone
            score.details().putArray("notes").addAll(notes.stream()
                    .map(com.fasterxml.jackson.databind.node.TextNode::valueOf).toList());
            spec.commandLine().getOut().println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(score.details()));
        }
        return ExitCodes.OK;
    }

    /**
     * evaluate refuses a generator whose provenance shows it was trained on the test data; score said nothing, and
     * its coverage and precision then measured how well the generator kept its own training images (a fresh user,
     * 6 Dec).
     *
     * @return the note, with evaluate's guard's reason ({@link LeakageGuard}), when the model's recorded training data
     *     is the test split, the two splits together, or names the test split, or when its exported generator was
     *     picked on the test split ({@link LeakageGuard#selectionSawTest}, evaluate's caveat); empty when it records
     *     no training data
     */
    private static java.util.Optional<String> trainedOnTheTestSplit(OnnxGenerator generator, DenseSamples train,
                                                                   DenseSamples test, Path testLocation) {
        com.fasterxml.jackson.databind.JsonNode recorded = generator.metadata().provenanceField("trainingData");
        if (recorded == null || recorded.isMissingNode() || recorded.isNull()) {
            return java.util.Optional.empty(); // a generator made elsewhere: nothing to compare
        }
        java.util.Optional<String> leak = LeakageGuard.check(generator.metadata(), train, test, testLocation)
                .map(reason -> reason + ", so coverage and precision against the test split say how well it kept its "
                        + "own training images, not how well it generalises (evaluate refuses such a model); score it "
                        + "against data it did not train on");
        return leak.isPresent() ? leak : LeakageGuard.selectionSawTest(generator.metadata(), test, testLocation);
    }

    /**
     * A class the model never learned (trained with --allow-empty-classes) was scored 0.9 coverage without a word,
     * where every other command refuses it (a fresh user, 5 Dec).
     *
     * @return a note naming the classes the model's schema records as untrained, if any
     */
    static java.util.Optional<String> unlearnedClasses(SampleSchema schema, Path model) {
        List<String> unlearned = new ArrayList<>();
        for (int c = 0; c < schema.classCount(); c++) {
            if (!schema.learned(c)) {
                unlearned.add("'" + dev.augment.table.ColumnAdvice.shown(schema.classNames().get(c)) + "'");
            }
        }
        return unlearned.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(model + " had no training "
                + "examples of class" + (unlearned.size() == 1 ? " " : "es ") + String.join(", ", unlearned)
                + " (trained with --allow-empty-classes): its samples of " + (unlearned.size() == 1 ? "that class"
                : "those classes") + " come from an untrained condition, so their figures say nothing of the class, "
                + "and generate refuses " + (unlearned.size() == 1 ? "it" : "them"));
    }

    /**
     * A model trained with --allow-empty-classes, scored on its own data, was told to "give data with more of that
     * class", data of a class it never learned (a fresh user, 5 Dec): the judge compares every class of the model.
     */
    private void requireLearnedOrPresent(SampleSchema schema, DenseSamples train, DenseSamples test) {
        int[] inTrain = train.countsPerClass();
        int[] inTest = test.countsPerClass();
        for (int c = 0; c < schema.classCount(); c++) {
            if (!schema.learned(c) && (inTrain[c] == 0 || inTest[c] == 0)) {
                throw new InvalidDataException(data, "class '" + dev.augment.table.ColumnAdvice.shown(
                        schema.classNames().get(c)) + "' has no examples here, and " + modelOption.path() + " never "
                        + "learned it (trained with --allow-empty-classes); score's judge compares every class of a "
                        + "model, so it cannot score this one: relabel the data without the empty class and train "
                        + "again");
            }
        }
    }

    /** Mean recall of the judge on real test images below which its label-consistency ratios are easy to meet. */
    static final double WEAK_JUDGE_RECALL = 0.5;
    /** Test images per class below which coverage (k = 5) and Fréchet distances are rough. */
    static final int FEW_TEST_IMAGES = 50;

    /** @return whether the model loads and generates images (not a table), for the message on a CSV data set */
    /**
     * @return the table generator's label column, quoted for a shell (the advice's placeholder COLUMN, copied, was
     *     refused as a column the table lacks: a fresh user, 7 Dec), COLUMN when the model cannot be read, or empty
     *     for an image model (its samples written as CSV): the table route is no way on for it
     */
    private static java.util.Optional<String> tableLabelColumn(Path model) {
        try (OnnxGenerator generator = OnnxGenerator.load(model, ExecutionDevice.CPU)) {
            return java.util.Optional.ofNullable(generator.metadata().table()).map(t -> dev.augment.generate.output
                    .AtomicOutputDirectory.shellWord(t.labelColumn()));
        } catch (RuntimeException e) {
            return java.util.Optional.of("COLUMN"); // the refusal of the CSV comes first; the model is judged later
        }
    }

    /**
     * A score of 0.95 with most targets met came from a judge that recalled 37% of real test images, on 20 test images
     * a class, with no note (a fresh user, 5 Dec): the consistency target is 0.9 × the judge's own recall.
     *
     * @param samples --samples: the most real test images a class is compared through
     * @return notes on a weak judge and on a test split (or --samples) too small for its figures
     */
    static List<String> judgeNotes(com.fasterxml.jackson.databind.JsonNode details, DenseSamples test, int samples) {
        List<String> notes = new ArrayList<>();
        double sum = 0;
        int classes = 0;
        for (com.fasterxml.jackson.databind.JsonNode row : details.path("perClass")) {
            sum += row.path("classifierRecallOnRealTest").asDouble();
            classes++;
        }
        if (classes > 1 && sum / classes < WEAK_JUDGE_RECALL) {
            // the cnn judge's target is a ratio of 0.7, which the note called 0.9 all the same (a fresh user, 6 Dec)
            boolean cnn = details.path("perClass").findValue("consistencyRatio") != null;
            notes.add(String.format(java.util.Locale.ROOT, "the judge recalls %.2f of the real test images of a class "
                    + "on average (chance %.2f): label consistency is compared with %s times that recall, so a weak "
                    + "judge's targets are easy to meet; more real training images (or --cnn-steps for the cnn judge) "
                    + "give a stronger one", sum / classes, 1.0 / classes,
                    cnn ? dev.augment.eval.quality.CnnQualityCheck.CONSISTENCY_RATIO_TARGET : "0.9"));
        }
        // the check compares at most --samples real images a class: --samples 20 is as rough as 20 test images
        int fewest = Math.min(samples, java.util.Arrays.stream(test.countsPerClass()).min().orElse(0));
        if (fewest < FEW_TEST_IMAGES) {
            // the pixel judge computes no Fréchet distance, which the note named all the same (a fresh user, 6 Dec)
            boolean frechet = details.findValue("frechetDistance") != null;
            notes.add("a class is compared through " + fewest + " test images: coverage (k = 5 nearest neighbours)"
                    + (frechet ? " and Fréchet distances" : "") + " on so few " + (frechet ? "are" : "is")
                    + " rough, near 1 and unstable; " + FEW_TEST_IMAGES + " or more per class (test images and "
                    + "--samples) give figures that compare");
        }
        return notes;
    }

    /**
     * Precision, recall, density and coverage compare equally many real and generated samples (Naeem et al. 2020);
     * a class with fewer test examples than --samples is compared with all of them against --samples generated
     * ones, which makes its coverage optimistic (a fresh user's check: the checked-in Fashion-MNIST sample's 50 test
     * images per class against 200 generated ones gave coverage 1.0 in every class).
     *
     * @return the note naming those classes and the --samples that compares like with like, if any class has fewer
     */
    private java.util.Optional<String> classesWithFewerTestExamples(DenseSamples test) {
        int[] counts = test.countsPerClass();
        List<String> fewer = new ArrayList<>();
        int smallest = samples;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < samples) {
                fewer.add(test.schema().classNames().get(c) + " (" + counts[c] + ")");
                smallest = Math.min(smallest, counts[c]);
            }
        }
        return fewer.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(fewer.size()
                + (fewer.size() == 1 ? " class has" : " classes have") + " fewer test examples than --samples "
                + samples + ": " + String.join(", ", fewer) + "; each is compared with all of them, and with more "
                + "generated than real samples its coverage is optimistic; --samples " + smallest
                + " compares equal numbers");
    }
}

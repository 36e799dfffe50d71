package dev.augment.eval.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ArmScores;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.eval.protocol.FamilyArms;
import dev.augment.eval.protocol.MajorityLevel;
import dev.augment.eval.protocol.SmoteCopies;
import dev.augment.eval.protocol.FilteredSamplers;
import dev.augment.eval.sampler.ConditionalSampler;
import dev.augment.eval.sampler.FilteredSampler;
import dev.augment.eval.sampler.SeedFilter;
import dev.augment.table.Table;
import dev.augment.table.TableFile;
import dev.augment.table.TableReader;
import dev.augment.table.TableSchema;
import org.tribuo.Tribuo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code augment evaluate} on a table: for every seed a stratified train/test split
 * ({@link StratifiedSplit}), the generator of that seed's training split only ({@link TableGenerators}, asked
 * once per seed), every arm's training set ({@link TableArmSets}) learned by every classifier family
 * ({@link TableClassifiers}) and scored on the seed's real test rows (macro-F1, accuracy, recall per class).
 * Arms are paired by seed; the summaries and verdicts are the image evaluation's ({@link ArmSummary},
 * {@link dev.augment.eval.report.FamilyVerdict}). The first seed's generated rows (with the training split's
 * class counts, the synthetic-only set) and its SMOTE(-NC) rows (the same counts) are diagnosed against its
 * training and test rows ({@link TableDiagnostics}). With {@code ganFilter} above 1 the GAN arms draw filtered
 * rows ({@link FilteredSampler} with {@link TableClassifiers#filterClassifier}, learned on the seed's training
 * rows only); the diagnostics always describe the unfiltered generator.
 */
public final class TableEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TableEvaluation() {
    }

    /**
     * @param settings what to run
     * @param generators the GAN arms' generators, or null to run only the arms that need none
     * @param progress hears a line per finished arm
     * @return the report
     * @throws dev.augment.errors.InvalidDataException for an unreadable or invalid CSV, or one whose label column
     *     holds a single class
     * @throws dev.augment.errors.InvalidSettingException for a classifier that cannot learn tables
     */
    public static TableEvaluationReport run(TableEvaluationSettings settings, TableGenerators generators,
                                            Consumer<String> progress) {
        return run(settings, generators, progress, dev.augment.table.ColumnRemedies.LIBRARY);
    }

    /**
     * As {@link #run(TableEvaluationSettings, TableGenerators, Consumer)}, with the column notes' fixes named as the
     * caller names them (the command line: {@code --missing}, {@code --numeric}).
     *
     * @param remedies how the notes name their fixes
     */
    public static TableEvaluationReport run(TableEvaluationSettings settings, TableGenerators generators,
                                            Consumer<String> progress, dev.augment.table.ColumnRemedies remedies) {
        long start = System.nanoTime();
        // one read: the report's hash is of the bytes evaluated, and the file may change or go while the run works
        TableFile file = TableReader.readFile(settings.data(), settings.label(), settings.overrides(),
                settings.missingMarker());
        Table table = file.table();
        dev.augment.table.FloatRange.require(table, settings.data()); // every arm's rows are floats
        TableSchema schema = table.schema();
        if (schema.classCount() < 2) {
            throw new dev.augment.errors.InvalidDataException(settings.data(), "column '" + settings.label()
                    + "' holds one class, '" + schema.labels().get(0) + "'; an evaluation compares classifiers, "
                    + "which need at least two classes (is --label the class column?)");
        }
        settings.classifiers().forEach(c -> c.create(settings.seed(), schema.sampleSchema(table.examplesPerClass())));
        boolean smoteNc = dev.augment.oversample.TableFeatureRows.hasCategorical(schema);
        List<Arm> arms = generators == null ? settings.arms().stream().filter(a -> !a.needsGenerator()).toList()
                : settings.arms();
        if (arms.stream().anyMatch(Arm::needsGenerator)) {
            // --test-share 0.999 left 3 training rows, and the refusal blamed a --gan-batch-size the user never gave,
            // after the caveats and "training the table GAN" (a fresh user, 5 Dec)
            // every seed's split holds round(testShare × n_c) rows of each class: the first seed's tells
            int fewest = StratifiedSplit.of(table.classes(), schema.classCount(), settings.testShare(),
                    settings.seedList().get(0)).train().length;
            int needed = 2 * dev.augment.train.table.TableGanSettings.MIN_BATCH;
            if (fewest < needed) {
                // every class keeps a test row: where even that leaves too few, a smaller share could not help, and
                // the advice went round in a circle (a fresh user, 6 Dec)
                int most = table.rows() - (int) java.util.Arrays.stream(table.classes()).distinct().count();
                throw new dev.augment.errors.InvalidSettingException("testShare", "testShare " + settings.testShare()
                        + " leaves " + fewest + " training row" + (fewest == 1 ? "" : "s") + " of " + table.rows()
                        + ", and the GAN arms need at least " + needed + "; " + (most >= needed ? "use a smaller "
                        + "--test-share, or leave the GAN arms out (--arms)" : "no share leaves more than " + most
                        + " (each class keeps one test row): leave the GAN arms out (--arms real,class-weights,"
                        + "oversampling,smote, and no --gan-* option, which only they read), or evaluate a table with "
                        + "more rows"));
            }
        }
        long[] perClass = table.examplesPerClass();
        // 120 classes printed 120 counts on one line (a fresh user, 6 Dec): from 20 on, their range
        String counts = perClass.length < 20 ? java.util.Arrays.toString(perClass) : "(" + java.util.Arrays.stream(
                perClass).min().orElse(0) + " to " + java.util.Arrays.stream(perClass).max().orElse(0) + " rows each)";
        progress.accept(String.format("read %d rows, %d columns (%d features), %d classes %s; arms: %s",
                table.rows(), schema.columns().size(), schema.featureCount(), schema.classCount(),
                counts, arms.stream().map(Arm::id).toList()));
        List<String> notes = new ArrayList<>(dev.augment.table.ColumnAdvice.lines(table, remedies));
        notes.addAll(dev.augment.table.ColumnAdvice.thousandsDots(table, file.cellsInLayoutOrder()));
        notes.addAll(dev.augment.table.ColumnAdvice.fewCellsDecimals(table, file.cellsInLayoutOrder()));
        if (generators != null) {
            notes.addAll(dev.augment.table.ColumnAdvice.beyondFloatDigits(schema,
                    dev.augment.table.ColumnAdvice.decimalsWithoutFewCells(table, file.cellsInLayoutOrder()),
                    dev.augment.table.ColumnAdvice.largestWithoutFarCells(table)));
        }
        List<String> gappy = schema.columns().stream().filter(c -> c.isNumeric() && c.missing() > 0)
                .map(c -> c.name() + " (" + c.missing() + ")").toList();
        if (!gappy.isEmpty()) {
            notes.add("numeric column" + (gappy.size() == 1 ? " " : "s ") + String.join(", ", gappy)
                    + (gappy.size() == 1 ? " has" : " have") + " missing cells, which every arm's classifier reads as "
                    + "the value 0 (Tribuo's dense view of an absent feature" + (generators != null
                    ? "; the generator's missing cells too)" : ")"));
        }
        notes.forEach(line -> progress.accept("note: " + line));
        TableClassifiers classifiers = new TableClassifiers(schema.featureNames(), schema.labels());
        List<Map<Arm, List<ArmScores>>> scores = new ArrayList<>();
        for (int f = 0; f < settings.classifiers().size(); f++) {
            Map<Arm, List<ArmScores>> family = new EnumMap<>(Arm.class);
            arms.forEach(a -> family.put(a, new ArrayList<>()));
            scores.add(family);
        }
        Map<String, TableDiagnostics> diagnostics = new LinkedHashMap<>();
        List<SeedFilter> filter = new ArrayList<>();
        List<Long> seeds = settings.seedList();
        List<StratifiedSplit> splits = seeds.stream().map(seed -> StratifiedSplit.of(table.classes(),
                schema.classCount(), settings.testShare(), seed)).toList();
        List<String> caveats = new ArrayList<>(TableRepeats.check(table, splits, settings.data()).stream().toList());
        smallTestClasses(table, splits.get(0), settings.testShare()).ifPresent(caveats::add);
        dev.augment.data.GeneratedOutput.describe(settings.data()).ifPresent(g -> caveats.add(g + ", so the arm named "
                + "\"real only\" trains on generated rows and every figure is measured on generated rows"));
        List<int[]> trainCounts = splits.stream().map(split -> classCounts(table, split.train())).toList();
        SmoteCopies.caveat(trainCounts, false, schema.labels(), arms).ifPresent(caveats::add);
        SmoteCopies.clampedK(trainCounts, false, schema.labels(), arms, smoteNc ? "SMOTE-NC" : "SMOTE")
                .ifPresent(caveats::add);
        if (arms.contains(Arm.SMOTE) || arms.contains(Arm.HYBRID) || arms.contains(Arm.MIX)) {
            // oversample and the plugin said so, the evaluation judged the arm as SMOTE (a fresh user, 7 Dec)
            dev.augment.tribuo.CategoricalOnlySmote.caveat(schema).ifPresent(c -> caveats.add("the SMOTE-NC arms: "
                    + c));
        }
        caveats.forEach(c -> progress.accept("CAVEAT: " + c));
        for (int i = 0; i < seeds.size(); i++) {
            long seed = seeds.get(i);
            StratifiedSplit split = splits.get(i);
            Table train = table.select(split.train());
            Table test = table.select(split.test());
            LabelledRows testRows = TableRows.labelled(test);
            ConditionalSampler sampler = arms.stream().anyMatch(Arm::needsGenerator)
                    ? TableRows.missingAsAbsent(generators.generatorFor(seed, train)) : null;
            LabelledRows trainRows = TableRows.labelled(train);
            FilteredSampler filtered = sampler != null && settings.filtersGan()
                    ? new FilteredSampler(sampler, classifiers.filterClassifier(trainRows, seed), settings.ganFilter())
                    : null;
            ConditionalSampler armSampler = filtered == null ? sampler : filtered;
            TableArmSets sets = new TableArmSets(train, seed);
            if (seed == seeds.get(0)) {
                diagnose(schema, train, testRows, sets, sampler, seed, diagnostics, progress);
            }
            int titleWidth = arms.stream().mapToInt(a -> SmoteNaming.title(a, smoteNc).length()).max().orElse(1);
            for (Arm arm : arms) {
                ArmRows training = sets.build(arm, armSampler);
                for (int f = 0; f < settings.classifiers().size(); f++) {
                    ClassifierSpec spec = settings.classifiers().get(f);
                    ArmScores s = classifiers.score(spec, training, testRows, seed);
                    scores.get(f).get(arm).add(s);
                    // as wide as the longest arm's name: SMOTE-NC's ran past a fixed 28 (a fresh user, 7 Dec)
                    progress.accept(String.format("seed %d: %s: %-" + titleWidth + "s macro-F1 %.4f  accuracy %.4f  "
                            + "(%d rows, %.1f s)", seed, spec.name(), SmoteNaming.title(arm, smoteNc), s.macroF1(),
                            s.accuracy(), s.trainingSize(), s.seconds()));
                }
            }
            if (filtered != null) {
                SeedFilter f = new SeedFilter(seed, trainRows.size(), filtered.counts());
                filter.add(f);
                progress.accept("generation filter, " + f.text(schema.labels()));
            }
        }
        List<FamilyArms> families = new ArrayList<>();
        for (int f = 0; f < settings.classifiers().size(); f++) {
            Map<Arm, List<ArmScores>> family = scores.get(f);
            List<ArmSummary> summaries = new ArrayList<>();
            for (Arm arm : arms) {
                summaries.add(ArmSummary.of(arm, family.get(arm), arm == Arm.REAL ? null : family.get(Arm.REAL)));
            }
            families.add(new FamilyArms(settings.classifiers().get(f).name(), summaries));
        }
        for (FamilyArms family : families) {
            majorityLevel(family, table, splits.get(0)).ifPresent(c -> {
                caveats.add(c);
                progress.accept("CAVEAT: " + c);
            });
        }
        return new TableEvaluationReport(settingsJson(settings, arms, generators, smoteNc), provenance(settings, table,
                file.sha256(), generators), schema.labels(), families, diagnostics, (System.nanoTime() - start) / 1e9, filter,
                caveats, notes);
    }

    /**
     * Diagnoses the first seed's SMOTE(-NC) and GAN rows, a progress line (which a cancelled run ends at) after each.
     */
    private static void diagnose(TableSchema schema, Table train, LabelledRows test, TableArmSets sets,
                                 ConditionalSampler sampler, long seed, Map<String, TableDiagnostics> out,
                                 Consumer<String> progress) {
        LabelledRows real = TableRows.labelled(train);
        int[] counts = sets.counts();
        if (real.size() > TableDiagnostics.MAX_DISTANCE_ROWS) {
            // SMOTE's neighbour search over a large split (which the SMOTE arms then reuse) ran 40 s without a line,
            // and a signal waited for it (a fresh user, 5 Dec, 50 000 rows); the line also ends a cancelled run here
            progress.accept(String.format("seed %d: drawing the %s rows (each row's nearest neighbours among the %d "
                    + "training rows of its class)", seed, sets.smoteId(), real.size()));
        }
        List<TableColumnLayout> layout = TableRows.layout(schema);
        List<float[]> smote = new ArrayList<>();
        List<Integer> smoteClasses = new ArrayList<>();
        List<float[]> gan = new ArrayList<>();
        List<Integer> ganClasses = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            for (float[] row : sets.smote(c, counts[c])) {
                smote.add(row);
                smoteClasses.add(c);
            }
            if (sampler != null && counts[c] > 0) {
                for (float[] row : sampler.sample(c, counts[c], seed)) {
                    gan.add(row);
                    ganClasses.add(c);
                }
            }
        }
        Map<String, LabelledRows> sources = new LinkedHashMap<>();
        sources.put(sets.smoteId(), labelled(smote, smoteClasses));
        if (sampler != null) {
            sources.put("gan", labelled(gan, ganClasses));
        }
        if (sources.values().stream().anyMatch(rows -> TableDiagnostics.draws(real, test, rows))) {
            progress.accept(String.format("seed %d: diagnostics: coverage and DCR compare at most %d rows of each set "
                    + "(real training %d, real test %d), drawn with the seed; DCR's closest record is sought among "
                    + "every training row, and the column distances use every row",
                    seed, TableDiagnostics.MAX_DISTANCE_ROWS, real.size(), test.size()));
        }
        for (Map.Entry<String, LabelledRows> source : sources.entrySet()) {
            TableDiagnostics d = TableDiagnostics.of(layout, schema.labels(), real, test, source.getValue(), seed);
            out.put(source.getKey(), d);
            progress.accept("seed " + seed + ": diagnostics of the " + source.getKey() + " rows: "
                    + TableEvaluationReport.figures(d.overall()));
        }
    }

    private static LabelledRows labelled(List<float[]> rows, List<Integer> classes) {
        return new LabelledRows(rows.toArray(float[][]::new), classes.stream().mapToInt(Integer::intValue).toArray());
    }

    private static ObjectNode settingsJson(TableEvaluationSettings s, List<Arm> arms, TableGenerators generators,
                                           boolean smoteNc) {
        ObjectNode n = JSON.createObjectNode();
        n.put("data", dev.augment.io.PhysicalPaths.absolute(s.data()).toString());
        n.put("label", s.label());
        n.set("overrides", JSON.valueToTree(s.overrides()));
        n.put("missingMarker", s.missingMarker());
        n.put("trainer", String.join(",", s.classifiers().stream().map(ClassifierSpec::name).toList()));
        n.set("seeds", JSON.valueToTree(s.seedList()));
        n.put("testShare", s.testShare());
        n.put("split", "stratified per seed: round(testShare x n_c) rows of each class to the test split, at least "
                + "1, the rest to training");
        n.set("arms", JSON.valueToTree(arms.stream().map(Arm::id).toList()));
        n.put("generators", generators == null ? "none: the arms that need a generator were not run"
                : generators.description());
        n.put(TableEvaluationReport.SMOTE_SETTING, smoteNc ? "smote-nc" : "smote");
        n.put("augmentation", "augmenting arms bring every class up to the largest class of the training split "
                + "(when every class is that large, they double each class); "
                + "SMOTE is SMOTE-NC (k = 5) on a table with a categorical column, plain SMOTE (k = 5) otherwise, "
                + "k clamped to the class size − 1 for a class of at most 5 training rows (the caveats name them); "
                + "synthetic only draws the training split's class counts from the GAN");
        if (s.filtersGan() && generators != null) {
            n.set("ganFilter", JSON.valueToTree(FilteredSamplers.describe(s.ganFilter())));
        }
        n.put("classifierFeatures", "Tribuo-scale table features (numeric values, one-hot categories), standardised "
                + "per feature with each arm's training-set mean and deviation (constant features 0)");
        return n;
    }

    private static ObjectNode provenance(TableEvaluationSettings s, Table table, String sha256,
                                         TableGenerators generators) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode data = n.putObject("data");
        data.put("file", dev.augment.io.PhysicalPaths.absolute(s.data()).toString());
        data.put("sha256", sha256);
        data.put("rows", table.rows());
        data.set("rowsPerClass", JSON.valueToTree(table.examplesPerClass()));
        data.set("schema", table.schema().toJson());
        // ordered maps: Map.of's order changes from one JVM to the next, and so did the report's bytes (6 Dec)
        n.set("trainers", JSON.valueToTree(s.classifiers().stream().map(c -> {
            Map<String, String> trainer = new java.util.LinkedHashMap<>();
            trainer.put("name", c.name());
            trainer.put("description", c.create(s.seed()).toString());
            return trainer;
        }).toList()));
        if (generators != null) {
            n.set("generators", generators.provenance());
        }
        ObjectNode versions = n.putObject("versions");
        versions.put("augment", s.augmentVersion());
        versions.put("tribuo", Tribuo.VERSION);
        versions.put("java", Runtime.version().toString());
        return n;
    }

    /** @return {@link MajorityLevel#caveat} for the family on the split's test rows */
    static java.util.Optional<String> majorityLevel(FamilyArms family, Table table, StratifiedSplit split) {
        return MajorityLevel.caveat(family, classCounts(table, split.test()), "rows");
    }

    /**
     * @param table the table
     * @param rows row indices of it (a split's training or test rows)
     * @return those rows per class
     */
    static int[] classCounts(Table table, int[] rows) {
        int[] perClass = new int[table.schema().classCount()];
        for (int row : rows) {
            perClass[table.classes()[row]]++;
        }
        return perClass;
    }

    /** The fewest test rows a class may have before macro-F1 on the split is called noise. */
    static final int FEW_TEST_ROWS = 5;

    /**
     * @return a caveat naming the classes with fewer than {@value #FEW_TEST_ROWS} rows in the test split (the same
     *     count in every seed's split: {@code round(testShare × n_c)}, at least 1), whose recall moves in steps of
     *     1 / rows; empty when every class has enough
     */
    static java.util.Optional<String> smallTestClasses(Table table, StratifiedSplit split, double testShare) {
        int[] perClass = classCounts(table, split.test());
        List<String> few = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            if (perClass[c] > 0 && perClass[c] < FEW_TEST_ROWS) {
                few.add("'" + table.schema().labels().get(c) + "' " + perClass[c]);
            }
        }
        if (few.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("the test split holds fewer than " + FEW_TEST_ROWS + " rows of " + few.size()
                + (few.size() == 1 ? " class" : " classes") + " (" + dev.augment.eval.Evaluation.firstOf(few)
                + "; --test-share "
                + testShare + "): each such class's recall moves in steps of 1 / its rows, so macro-F1 differences "
                + "mostly measure those few rows; use a larger --test-share where the data allows, or more seeds");
    }
}

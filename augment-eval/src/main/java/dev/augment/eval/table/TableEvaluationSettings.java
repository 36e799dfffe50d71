package dev.augment.eval.table;

import dev.augment.errors.InvalidSettingException;
import dev.augment.eval.protocol.Arm;
import dev.augment.eval.protocol.ClassifierSpec;
import dev.augment.table.ColumnKind;
import dev.augment.table.TableReader;
import dev.augment.table.TableSchema;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a table evaluation runs.
 *
 * @param data the CSV file (header row, one label column)
 * @param label the label column's header
 * @param overrides column kinds forced by the caller (column name → kind); may be empty
 * @param classifiers the classifier families, at least one, names distinct; each learns every arm
 * @param seeds how many repetitions, ≥ 1 (seeds {@code seed, seed+1, …}); each draws its own stratified split
 * @param seed the first seed
 * @param testShare the share of each class in every seed's test split, in (0, 1)
 * @param arms the arms, real only first; the GAN arms need a generator
 * @param augmentVersion augment's version, for provenance
 * @param ganFilter candidates the GAN arms draw per generated row they keep, finite and ≥ 1; above 1 the rows
 *     are filtered by a classifier trained on each seed's real training split
 *     ({@link dev.augment.eval.sampler.FilteredSampler}); 1 draws exactly the rows asked for (no filter)
 * @param missingMarker the text of a missing cell in {@code data} (an empty cell is missing too), default
 *     {@value dev.augment.table.TableSchema#DEFAULT_MISSING_MARKER}; see
 *     {@link dev.augment.table.TableReader#checkMissingMarker(String)}
 */
public record TableEvaluationSettings(Path data, String label, Map<String, ColumnKind> overrides,
                                      List<ClassifierSpec> classifiers, int seeds, long seed, double testShare,
                                      List<Arm> arms, String augmentVersion, double ganFilter,
                                      String missingMarker) {

    /** The default arms of a table evaluation with a generator, real only first ({@link Arm#defaults()}). */
    public static final List<Arm> ALL_ARMS = Arm.defaults();
    /** The arms without a generator. */
    public static final List<Arm> CHEAP_ARMS = List.of(Arm.REAL, Arm.CLASS_WEIGHTS, Arm.OVERSAMPLING, Arm.SMOTE);

    /** Checks every value; messages name the setting. */
    public TableEvaluationSettings {
        if (data == null) {
            throw new InvalidSettingException("data", "data (the CSV file) is required");
        }
        if (label == null || label.isBlank()) {
            throw new InvalidSettingException("label", "label (the label column of " + data + ") is required");
        }
        // sorted: Map.copyOf's order changes from one JVM to the next
        overrides = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(overrides == null ? Map.of()
                : overrides));
        if (classifiers == null || classifiers.isEmpty()) {
            throw new InvalidSettingException("trainer", "at least one classifier family is required");
        }
        classifiers = List.copyOf(classifiers);
        dev.augment.eval.protocol.SeedRange.check(seed, seeds);
        if (!(testShare > 0 && testShare < 1)) {
            throw new InvalidSettingException("testShare", "testShare must be in (0, 1), was " + testShare);
        }
        if (arms == null || arms.isEmpty() || arms.get(0) != Arm.REAL) {
            throw new IllegalArgumentException("the arms must start with real only");
        }
        arms = List.copyOf(arms);
        dev.augment.oversample.filter.GenerationFilter.requireFactor(ganFilter);
        TableReader.checkMissingMarker(missingMarker);
    }

    /** The settings with the default missing marker. */
    public TableEvaluationSettings(Path data, String label, Map<String, ColumnKind> overrides,
                                   List<ClassifierSpec> classifiers, int seeds, long seed, double testShare,
                                   List<Arm> arms, String augmentVersion, double ganFilter) {
        this(data, label, overrides, classifiers, seeds, seed, testShare, arms, augmentVersion, ganFilter,
                TableSchema.DEFAULT_MISSING_MARKER);
    }

    /** The settings without a generation-time filter ({@code ganFilter} 1). */
    public TableEvaluationSettings(Path data, String label, Map<String, ColumnKind> overrides,
                                   List<ClassifierSpec> classifiers, int seeds, long seed, double testShare,
                                   List<Arm> arms, String augmentVersion) {
        this(data, label, overrides, classifiers, seeds, seed, testShare, arms, augmentVersion, 1);
    }

    /** @return whether the GAN arms' rows are filtered ({@code ganFilter} above 1) */
    public boolean filtersGan() {
        return ganFilter > dev.augment.oversample.filter.GenerationFilter.OFF;
    }

    /** @return the seeds, {@code seed, seed + 1, …} */
    public List<Long> seedList() {
        return java.util.stream.LongStream.range(0, seeds).map(i -> seed + i).boxed().toList();
    }

    /** @return whether an arm needs a generator */
    public boolean needsGenerator() {
        return arms.stream().anyMatch(Arm::needsGenerator);
    }
}

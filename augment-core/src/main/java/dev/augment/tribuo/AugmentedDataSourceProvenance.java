package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.augment.oversample.filter.FilterCounts;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;
import org.tribuo.provenance.DataSourceProvenance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Provenance of an {@link AugmentingDataSource}: the wrapped source's provenance, the method and its
 * parameters, the policy, seed and weight (as the configured parameters, named like the {@code @Config}
 * fields), the real and synthetic example counts of each class, the counts added by each source
 * ({@value #ADDED_COUNTS_PREFIX}{@code ros}, {@code smote} and {@code gan}), the neighbour count SMOTE
 * used for each class it oversampled and the warnings (a clamped k, a duplicated single example); with a
 * generator, also the generator file's SHA-256 and its training provenance (the JSON the file carries). With the
 * generation-time filter ({@code ganFilter} above 1, a configured parameter), also the method sentence
 * ({@value #GAN_FILTER_METHOD}), the classifier ({@value #GAN_FILTER_CLASSIFIER}) and the real examples it
 * learned ({@value #GAN_FILTER_TRAINING_ROWS}), and per label the candidates drawn, kept and dropped
 * ({@value #GAN_FILTER_DRAWN}, {@value #GAN_FILTER_KEPT}, {@value #GAN_FILTER_DROPPED}) and the mean
 * probability of the label among kept and dropped candidates ({@value #GAN_FILTER_MEAN_KEPT},
 * {@value #GAN_FILTER_MEAN_DROPPED}; a label without dropped candidates has no mean).
 * A Tribuo model trained on augmented data carries it as its data source provenance, and it survives
 * {@code ProvenanceUtil.marshalProvenance}/{@code unmarshalProvenance}.
 *
 * <p>The wrapped source's provenance is recorded under {@value #SOURCE}: as a configured parameter when
 * it is itself a configured-object provenance (so that Tribuo can rebuild the configuration from a
 * model), otherwise as a plain value.
 */
public final class AugmentedDataSourceProvenance implements ConfiguredDataSourceProvenance {

    private static final long serialVersionUID = 1L;

    /** Key of the wrapped source's provenance. */
    public static final String SOURCE = "source";
    /** Key of the generator file's SHA-256 (present only with a generator). */
    public static final String GENERATOR_SHA256 = "generator-sha256";
    /** Key of the generator's training provenance, as JSON (present only with a generator). */
    public static final String GENERATOR_PROVENANCE = "generator-provenance";
    /** Key of the real example count of each label. */
    public static final String REAL_COUNTS = "real-counts";
    /** Key of the synthetic example count of each label, all sources together. */
    public static final String SYNTHETIC_COUNTS = "synthetic-counts";
    /** Prefix of the keys of the examples added to each label by one source: ros, smote or gan. */
    public static final String ADDED_COUNTS_PREFIX = "added-counts-";
    /** Key of the neighbour count SMOTE used for each label it oversampled (k, clamped to the class size − 1). */
    public static final String SMOTE_NEIGHBOURS = "smote-k-used";
    /** Key of the warnings: what the method had to do differently from its settings, one line each. */
    public static final String WARNINGS = "warnings";

    /** Prefix of the generation-time filter's keys (present only with {@code ganFilter} above 1). */
    public static final String GAN_FILTER_PREFIX = "gan-filter-";
    /** Key of the filter's method, one sentence. */
    public static final String GAN_FILTER_METHOD = GAN_FILTER_PREFIX + "method";
    /** Key of the filter's classifier, in words. */
    public static final String GAN_FILTER_CLASSIFIER = GAN_FILTER_PREFIX + "classifier";
    /** Key of the number of real examples the filter's classifier learned. */
    public static final String GAN_FILTER_TRAINING_ROWS = GAN_FILTER_PREFIX + "training-rows";
    /** Key of the candidates drawn for each label. */
    public static final String GAN_FILTER_DRAWN = GAN_FILTER_PREFIX + "drawn";
    /** Key of the candidates kept for each label (its GAN examples). */
    public static final String GAN_FILTER_KEPT = GAN_FILTER_PREFIX + "kept";
    /** Key of the candidates dropped for each label. */
    public static final String GAN_FILTER_DROPPED = GAN_FILTER_PREFIX + "dropped";
    /** Key of the mean probability of each label among its kept candidates. */
    public static final String GAN_FILTER_MEAN_KEPT = GAN_FILTER_PREFIX + "mean-kept-probability";
    /** Key of the mean probability of each label among its dropped candidates. */
    public static final String GAN_FILTER_MEAN_DROPPED = GAN_FILTER_PREFIX + "mean-dropped-probability";

    private static final List<String> REQUIRED_KEYS = List.of(REAL_COUNTS, SYNTHETIC_COUNTS);
    /** The key of augment's version, which made the added examples. */
    public static final String AUGMENT_VERSION = "augment-version";

    private static final List<String> OPTIONAL_KEYS = List.of(GENERATOR_SHA256, GENERATOR_PROVENANCE,
            SMOTE_NEIGHBOURS, WARNINGS, AUGMENT_VERSION);

    private final String className;
    private final Map<String, Provenance> configured;
    private final Map<String, Provenance> values;

    /**
     * @param className the host's class name
     * @param configured the host's configured parameters, by field name, without the source
     * @param source the wrapped source's provenance
     * @param generator SHA-256 (hex) and training provenance (JSON) of the generator, or null without one
     * @param realCounts real examples by label
     * @param syntheticCounts synthetic examples by label
     * @param addedBySource examples added by label, by source id (ros, smote, gan)
     * @param smoteNeighbours the neighbour count SMOTE used, by label it oversampled
     * @param warnings one line per departure from the settings
     * @param filter what the generation-time filter did, or null without one
     */
    AugmentedDataSourceProvenance(String className, Map<String, Provenance> configured, DataSourceProvenance source,
                                  String[] generator, Map<String, Integer> realCounts,
                                  Map<String, Integer> syntheticCounts, Map<String, Map<String, Integer>> addedBySource,
                                  Map<String, Integer> smoteNeighbours, List<String> warnings, GanFilterRecord filter) {
        this.className = className;
        this.configured = new HashMap<>(configured);
        this.values = new HashMap<>();
        (source instanceof ConfiguredObjectProvenance ? this.configured : this.values).put(SOURCE, source);
        if (generator != null) {
            values.put(GENERATOR_SHA256, new HashProvenance(DEFAULT_HASH_TYPE, GENERATOR_SHA256, generator[0]));
            values.put(GENERATOR_PROVENANCE, new StringProvenance(GENERATOR_PROVENANCE, generator[1]));
        }
        values.put(AUGMENT_VERSION, new StringProvenance(AUGMENT_VERSION, AugmentVersion.VERSION));
        values.put(REAL_COUNTS, countsProvenance(realCounts));
        values.put(SYNTHETIC_COUNTS, countsProvenance(syntheticCounts));
        addedBySource.forEach((id, counts) -> values.put(ADDED_COUNTS_PREFIX + id, countsProvenance(counts)));
        if (!smoteNeighbours.isEmpty()) {
            values.put(SMOTE_NEIGHBOURS, countsProvenance(smoteNeighbours));
        }
        values.put(WARNINGS, new ListProvenance<>(warnings.stream().map(w -> new StringProvenance(WARNINGS, w))
                .toList()));
        if (filter != null) {
            putFilter(filter);
        }
    }

    private void putFilter(GanFilterRecord filter) {
        values.put(GAN_FILTER_METHOD, new StringProvenance(GAN_FILTER_METHOD, filter.method()));
        values.put(GAN_FILTER_CLASSIFIER, new StringProvenance(GAN_FILTER_CLASSIFIER, filter.classifier()));
        values.put(GAN_FILTER_TRAINING_ROWS, new IntProvenance(GAN_FILTER_TRAINING_ROWS, filter.trainingRows()));
        values.put(GAN_FILTER_DRAWN, countsProvenance(perLabel(filter, c -> Math.toIntExact(c.drawn()))));
        values.put(GAN_FILTER_KEPT, countsProvenance(perLabel(filter, c -> Math.toIntExact(c.kept()))));
        values.put(GAN_FILTER_DROPPED, countsProvenance(perLabel(filter, c -> Math.toIntExact(c.dropped()))));
        values.put(GAN_FILTER_MEAN_KEPT, meansProvenance(perLabel(filter, FilterCounts::meanKeptProbability)));
        values.put(GAN_FILTER_MEAN_DROPPED, meansProvenance(perLabel(filter, FilterCounts::meanDroppedProbability)));
    }

    private static <T> Map<String, T> perLabel(GanFilterRecord filter, Function<FilterCounts, T> value) {
        Map<String, T> map = new HashMap<>();
        filter.byLabel().forEach((label, counts) -> {
            T v = value.apply(counts);
            if (v != null) {
                map.put(label, v);
            }
        });
        return map;
    }

    private static MapProvenance<DoubleProvenance> meansProvenance(Map<String, Double> means) {
        Map<String, DoubleProvenance> map = new HashMap<>();
        means.forEach((label, p) -> map.put(label, new DoubleProvenance(label, p)));
        return new MapProvenance<>(map);
    }

    /**
     * Rebuilds a provenance from its marshalled form.
     *
     * @param map the provenance's entries, as {@code ProvenanceUtil.unmarshalProvenance} passes them
     */
    public AugmentedDataSourceProvenance(Map<String, Provenance> map) {
        Map<String, Provenance> rest = new HashMap<>(map);
        String name = getClass().getSimpleName();
        this.className = ObjectProvenance.checkAndExtractProvenance(rest, CLASS_NAME, StringProvenance.class, name)
                .getValue();
        this.values = new HashMap<>();
        for (String key : REQUIRED_KEYS) {
            values.put(key, ObjectProvenance.checkAndExtractProvenance(rest, key, Provenance.class, name));
        }
        for (String key : List.copyOf(rest.keySet())) {
            if (OPTIONAL_KEYS.contains(key) || key.startsWith(ADDED_COUNTS_PREFIX)
                    || key.startsWith(GAN_FILTER_PREFIX)) {
                values.put(key, rest.remove(key));
            }
        }
        DataSourceProvenance source = ObjectProvenance.checkAndExtractProvenance(rest, SOURCE,
                DataSourceProvenance.class, name);
        this.configured = rest;
        (source instanceof ConfiguredObjectProvenance ? configured : values).put(SOURCE, source);
    }

    /** @return augment's version that added the examples, or null in a record made before it was kept (5 Dec) */
    public String getAugmentVersion() {
        return values.get(AUGMENT_VERSION) instanceof StringProvenance version ? version.getValue() : null;
    }

    private static MapProvenance<IntProvenance> countsProvenance(Map<String, Integer> counts) {
        Map<String, IntProvenance> map = new HashMap<>();
        counts.forEach((label, n) -> map.put(label, new IntProvenance(label, n)));
        return new MapProvenance<>(map);
    }

    private Map<String, Integer> counts(String key) {
        Map<String, Integer> counts = new TreeMap<>();
        if (!values.containsKey(key)) {
            return counts;
        }
        for (Pair<String, ? extends Provenance> p : (MapProvenance<?>) values.get(key)) {
            counts.put(p.getA(), ((IntProvenance) p.getB()).getValue());
        }
        return counts;
    }

    /** @return the wrapped source's provenance */
    public DataSourceProvenance getSourceProvenance() {
        return (DataSourceProvenance) (configured.containsKey(SOURCE) ? configured : values).get(SOURCE);
    }

    /** @return SHA-256 of the generator file, hex, or null when no generator was used */
    public String getGeneratorSha256() {
        return values.get(GENERATOR_SHA256) instanceof HashProvenance hash ? hash.getValue() : null;
    }

    /** @return the generator's training provenance, as the JSON the file carries, or null without a generator */
    public String getGeneratorProvenance() {
        return values.get(GENERATOR_PROVENANCE) instanceof StringProvenance json ? json.getValue() : null;
    }

    /**
     * @param sourceId ros, smote or gan, any case; on a table with a categorical column SMOTE's counts are recorded
     *     as smote-nc, and either spelling finds them
     * @return the examples that source added to each label, sorted by label; empty when it added none
     * @throws dev.augment.errors.InvalidSettingException (setting {@code sourceId}) for another id, e.g. hybrid, which
     *     is a method, not a source (as {@link AugmentingDataSource#addedCounts} does: a typo used to read as
     *     "nothing added")
     */
    public Map<String, Integer> getAddedCounts(String sourceId) {
        String id = sourceId == null ? "" : sourceId.strip().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("ros", "smote", OversampledExamples.SMOTE_NC, "gan").contains(id)) {
            throw new dev.augment.errors.InvalidSettingException("sourceId", "sourceId must be ros, smote "
                    + "(smote-nc) or gan, the sources of added examples, was '" + sourceId + "'");
        }
        sourceId = id;
        Map<String, Integer> counts = counts(ADDED_COUNTS_PREFIX + sourceId);
        if (counts.isEmpty() && ("smote".equals(sourceId) || OversampledExamples.SMOTE_NC.equals(sourceId))) {
            return counts(ADDED_COUNTS_PREFIX + ("smote".equals(sourceId) ? OversampledExamples.SMOTE_NC : "smote"));
        }
        return counts;
    }

    /**
     * @return the generation-time filter's factor (the configured {@code ganFilter}): candidates drawn per GAN
     *     example kept; 1 when nothing was filtered
     */
    public double getGanFilter() {
        return configured.get("ganFilter") instanceof DoubleProvenance factor ? factor.getValue() : 1.0;
    }

    /** @return the filter's method in one sentence, or null when nothing was filtered */
    public String getGanFilterMethod() {
        return values.get(GAN_FILTER_METHOD) instanceof StringProvenance method ? method.getValue() : null;
    }

    /** @return the filter's classifier in words, or null when nothing was filtered */
    public String getGanFilterClassifier() {
        return values.get(GAN_FILTER_CLASSIFIER) instanceof StringProvenance classifier ? classifier.getValue() : null;
    }

    /** @return the real examples the filter's classifier learned, or -1 when nothing was filtered */
    public int getGanFilterTrainingRows() {
        return values.get(GAN_FILTER_TRAINING_ROWS) instanceof IntProvenance rows ? rows.getValue() : -1;
    }

    /**
     * @param key {@link #GAN_FILTER_DRAWN}, {@link #GAN_FILTER_KEPT} or {@link #GAN_FILTER_DROPPED}
     * @return those candidates of each label, sorted by label; empty when nothing was filtered
     * @throws IllegalArgumentException for another key, naming the keys this getter takes
     */
    public Map<String, Integer> getGanFilterCounts(String key) {
        requireKey(key, "counts", GAN_FILTER_DRAWN, GAN_FILTER_KEPT, GAN_FILTER_DROPPED);
        return counts(key);
    }

    /**
     * @param key {@link #GAN_FILTER_MEAN_KEPT} or {@link #GAN_FILTER_MEAN_DROPPED}
     * @return that mean probability of each label, sorted by label; a label without such candidates is absent
     * @throws IllegalArgumentException for another key, naming the keys this getter takes
     */
    public Map<String, Double> getGanFilterMeanProbabilities(String key) {
        requireKey(key, "mean probabilities", GAN_FILTER_MEAN_KEPT, GAN_FILTER_MEAN_DROPPED);
        Map<String, Double> means = new TreeMap<>();
        if (values.get(key) instanceof MapProvenance<?> map) {
            for (Pair<String, ? extends Provenance> p : map) {
                means.put(p.getA(), ((DoubleProvenance) p.getB()).getValue());
            }
        }
        return means;
    }

    /**
     * One getter's keys: the other getter's key gave a bare ClassCastException, an unknown one {@code {}} from one
     * getter and an IllegalArgumentException from the other, and null a NullPointerException (a Tribuo user, 7 Dec).
     */
    private static void requireKey(String key, String what, String... keys) {
        if (key == null || !List.of(keys).contains(key)) {
            throw new IllegalArgumentException((key == null ? "null" : "'" + key + "'") + " is not a key of the GAN "
                    + "filter's " + what + "; give one of " + String.join(", ", keys));
        }
    }

    /** @return the neighbour count SMOTE used for each label it oversampled, sorted by label */
    public Map<String, Integer> getSmoteNeighboursUsed() {
        return counts(SMOTE_NEIGHBOURS);
    }

    /** @return the warnings, one line each: a clamped k, a single example duplicated */
    public List<String> getWarnings() {
        List<String> warnings = new ArrayList<>();
        if (values.get(WARNINGS) instanceof ListProvenance<?> list) {
            for (Provenance p : list) {
                warnings.add(((StringProvenance) p).getValue());
            }
        }
        return warnings;
    }

    /** @return the real examples of each label, sorted by label */
    public Map<String, Integer> getRealCounts() {
        return counts(REAL_COUNTS);
    }

    /** @return the synthetic examples of each label, sorted by label */
    public Map<String, Integer> getSyntheticCounts() {
        return counts(SYNTHETIC_COUNTS);
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public Map<String, Provenance> getConfiguredParameters() {
        return Collections.unmodifiableMap(configured);
    }

    @Override
    public Iterator<Pair<String, Provenance>> iterator() {
        List<Pair<String, Provenance>> entries = new ArrayList<>();
        entries.add(new Pair<>(CLASS_NAME, new StringProvenance(CLASS_NAME, className)));
        new TreeMap<>(configured).forEach((k, v) -> entries.add(new Pair<>(k, v)));
        new TreeMap<>(values).forEach((k, v) -> entries.add(new Pair<>(k, v)));
        return Collections.unmodifiableList(entries).iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AugmentedDataSourceProvenance other && className.equals(other.className)
                && configured.equals(other.configured) && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(className, configured, values);
    }

    @Override
    public String toString() {
        return generateString("AugmentingDataSource");
    }
}

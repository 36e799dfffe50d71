package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
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

/**
 * Provenance of an {@link AugmentingDataSource}: the wrapped source's provenance, the method and its
 * parameters, the policy, seed and weight (as the configured parameters, named like the {@code @Config}
 * fields), the real and synthetic example counts of each class, the counts added by each source
 * ({@value #ADDED_COUNTS_PREFIX}{@code ros}, {@code smote} and {@code gan}), the neighbour count SMOTE
 * used for each class it oversampled and the warnings (a clamped k, a duplicated single example); with a
 * generator, also the generator file's SHA-256 and its training provenance (the JSON the file carries).
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

    private static final List<String> REQUIRED_KEYS = List.of(REAL_COUNTS, SYNTHETIC_COUNTS);
    private static final List<String> OPTIONAL_KEYS = List.of(GENERATOR_SHA256, GENERATOR_PROVENANCE,
            SMOTE_NEIGHBOURS, WARNINGS);

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
     */
    AugmentedDataSourceProvenance(String className, Map<String, Provenance> configured, DataSourceProvenance source,
                                  String[] generator, Map<String, Integer> realCounts,
                                  Map<String, Integer> syntheticCounts, Map<String, Map<String, Integer>> addedBySource,
                                  Map<String, Integer> smoteNeighbours, List<String> warnings) {
        this.className = className;
        this.configured = new HashMap<>(configured);
        this.values = new HashMap<>();
        (source instanceof ConfiguredObjectProvenance ? this.configured : this.values).put(SOURCE, source);
        if (generator != null) {
            values.put(GENERATOR_SHA256, new HashProvenance(DEFAULT_HASH_TYPE, GENERATOR_SHA256, generator[0]));
            values.put(GENERATOR_PROVENANCE, new StringProvenance(GENERATOR_PROVENANCE, generator[1]));
        }
        values.put(REAL_COUNTS, countsProvenance(realCounts));
        values.put(SYNTHETIC_COUNTS, countsProvenance(syntheticCounts));
        addedBySource.forEach((id, counts) -> values.put(ADDED_COUNTS_PREFIX + id, countsProvenance(counts)));
        if (!smoteNeighbours.isEmpty()) {
            values.put(SMOTE_NEIGHBOURS, countsProvenance(smoteNeighbours));
        }
        values.put(WARNINGS, new ListProvenance<>(warnings.stream().map(w -> new StringProvenance(WARNINGS, w))
                .toList()));
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
            if (OPTIONAL_KEYS.contains(key) || key.startsWith(ADDED_COUNTS_PREFIX)) {
                values.put(key, rest.remove(key));
            }
        }
        DataSourceProvenance source = ObjectProvenance.checkAndExtractProvenance(rest, SOURCE,
                DataSourceProvenance.class, name);
        this.configured = rest;
        (source instanceof ConfiguredObjectProvenance ? configured : values).put(SOURCE, source);
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
     * @param sourceId ros, smote or gan
     * @return the examples that source added to each label, sorted by label; empty when it added none
     */
    public Map<String, Integer> getAddedCounts(String sourceId) {
        return counts(ADDED_COUNTS_PREFIX + sourceId);
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

package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
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
 * Provenance of an {@link AugmentingDataSource}: the wrapped source's provenance, the generator file's
 * SHA-256 and its training provenance (the JSON the file carries), the policy, seed and weight (as the
 * configured parameters, named like the {@code @Config} fields) and the real and synthetic example
 * counts of each class. A Tribuo model trained on augmented data carries it as its data source
 * provenance, and it survives {@code ProvenanceUtil.marshalProvenance}/{@code unmarshalProvenance}.
 *
 * <p>The wrapped source's provenance is recorded under {@value #SOURCE}: as a configured parameter when
 * it is itself a configured-object provenance (so that Tribuo can rebuild the configuration from a
 * model), otherwise as a plain value.
 */
public final class AugmentedDataSourceProvenance implements ConfiguredDataSourceProvenance {

    private static final long serialVersionUID = 1L;

    /** Key of the wrapped source's provenance. */
    public static final String SOURCE = "source";
    /** Key of the generator file's SHA-256. */
    public static final String GENERATOR_SHA256 = "generator-sha256";
    /** Key of the generator's training provenance, as JSON. */
    public static final String GENERATOR_PROVENANCE = "generator-provenance";
    /** Key of the real example count of each label. */
    public static final String REAL_COUNTS = "real-counts";
    /** Key of the synthetic example count of each label. */
    public static final String SYNTHETIC_COUNTS = "synthetic-counts";

    private static final List<String> VALUE_KEYS = List.of(GENERATOR_SHA256, GENERATOR_PROVENANCE, REAL_COUNTS,
            SYNTHETIC_COUNTS);

    private final String className;
    private final Map<String, Provenance> configured;
    private final Map<String, Provenance> values;

    /**
     * @param className the host's class name
     * @param configured the host's configured parameters, by field name, without the source
     * @param source the wrapped source's provenance
     * @param generatorSha256 SHA-256 of the generator file, hex
     * @param generatorProvenance the generator's training provenance, as JSON
     * @param realCounts real examples by label
     * @param syntheticCounts synthetic examples by label
     */
    AugmentedDataSourceProvenance(String className, Map<String, Provenance> configured, DataSourceProvenance source,
                                  String generatorSha256, String generatorProvenance,
                                  Map<String, Integer> realCounts, Map<String, Integer> syntheticCounts) {
        this.className = className;
        this.configured = new HashMap<>(configured);
        this.values = new HashMap<>();
        (source instanceof ConfiguredObjectProvenance ? this.configured : this.values).put(SOURCE, source);
        values.put(GENERATOR_SHA256, new HashProvenance(DEFAULT_HASH_TYPE, GENERATOR_SHA256, generatorSha256));
        values.put(GENERATOR_PROVENANCE, new StringProvenance(GENERATOR_PROVENANCE, generatorProvenance));
        values.put(REAL_COUNTS, countsProvenance(realCounts));
        values.put(SYNTHETIC_COUNTS, countsProvenance(syntheticCounts));
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
        for (String key : VALUE_KEYS) {
            values.put(key, ObjectProvenance.checkAndExtractProvenance(rest, key, Provenance.class, name));
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
        for (Pair<String, ? extends Provenance> p : (MapProvenance<?>) values.get(key)) {
            counts.put(p.getA(), ((IntProvenance) p.getB()).getValue());
        }
        return counts;
    }

    /** @return the wrapped source's provenance */
    public DataSourceProvenance getSourceProvenance() {
        return (DataSourceProvenance) (configured.containsKey(SOURCE) ? configured : values).get(SOURCE);
    }

    /** @return SHA-256 of the generator file, hex */
    public String getGeneratorSha256() {
        return ((HashProvenance) values.get(GENERATOR_SHA256)).getValue();
    }

    /** @return the generator's training provenance, as the JSON the file carries */
    public String getGeneratorProvenance() {
        return ((StringProvenance) values.get(GENERATOR_PROVENANCE)).getValue();
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

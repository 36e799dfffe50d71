package dev.augment.data;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Provenance of one of augment's configurable data sources that reads a file or a folder: its {@code @Config} fields,
 * and as instance values the SHA-256 of what was read, the source's own counts, and when it was read. Shaped as
 * Tribuo's own data source provenances, so OLCUT's {@code ProvenanceUtil} marshals it and {@code extractConfiguration}
 * turns it back into the configuration; a subclass needs a constructor from the marshalled map, as OLCUT requires.
 */
public abstract class ReadDataProvenance extends SkeletalConfiguredObjectProvenance
        implements ConfiguredDataSourceProvenance {

    private static final long serialVersionUID = 1L;

    private final Map<String, PrimitiveProvenance<?>> read;

    /**
     * @param host the source, whose {@code @Config} fields are recorded
     * @param sha256Hex the SHA-256 of what it read, as hexadecimal
     * @param counts its own instance values (a row or image count, a description), by name
     */
    protected ReadDataProvenance(Configurable host, String sha256Hex, Map<String, PrimitiveProvenance<?>> counts) {
        super(host, "DataSource");
        read = new LinkedHashMap<>();
        read.put(RESOURCE_HASH, new HashProvenance(DEFAULT_HASH_TYPE, RESOURCE_HASH, sha256Hex));
        read.putAll(counts);
        read.put(DATASOURCE_CREATION_TIME, new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now()));
    }

    /**
     * Used by a subclass's unmarshalling constructor.
     *
     * @param map the marshalled fields
     * @param counts the subclass's own instance values: name and provenance type
     * @throws com.oracle.labs.mlrg.olcut.provenance.ProvenanceException when a field is missing or of another type
     */
    protected ReadDataProvenance(Map<String, Provenance> map,
                                 Map<String, Class<? extends PrimitiveProvenance<?>>> counts) {
        this(extract(map, counts));
    }

    private ReadDataProvenance(ExtractedInfo info) {
        super(info);
        read = new LinkedHashMap<>(info.instanceValues);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map,
                                         Map<String, Class<? extends PrimitiveProvenance<?>>> counts) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String name = ReadDataProvenance.class.getSimpleName();
        String className = ObjectProvenance.checkAndExtractProvenance(configured, CLASS_NAME, StringProvenance.class,
                name).getValue();
        String hostName = ObjectProvenance.checkAndExtractProvenance(configured, HOST_SHORT_NAME,
                StringProvenance.class, name).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new LinkedHashMap<>();
        instance.put(RESOURCE_HASH, ObjectProvenance.checkAndExtractProvenance(configured, RESOURCE_HASH,
                HashProvenance.class, name));
        counts.forEach((key, type) -> instance.put(key, ObjectProvenance.checkAndExtractProvenance(configured, key,
                type, name)));
        instance.put(DATASOURCE_CREATION_TIME, ObjectProvenance.checkAndExtractProvenance(configured,
                DATASOURCE_CREATION_TIME, DateTimeProvenance.class, name));
        return new ExtractedInfo(className, hostName, configured, instance);
    }

    /** @return the SHA-256 of what was read, as hexadecimal */
    public String sha256() {
        return ((HashProvenance) read.get(RESOURCE_HASH)).getValue();
    }

    /**
     * @param key the instance value's name
     * @return that instance value
     */
    protected PrimitiveProvenance<?> value(String key) {
        return read.get(key);
    }

    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.putAll(read);
        return map;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o != null && o.getClass() == getClass() && super.equals(o) && read.equals(((ReadDataProvenance) o).read);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + read.hashCode();
    }
}

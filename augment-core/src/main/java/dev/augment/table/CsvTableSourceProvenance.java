package dev.augment.table;

import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.SkeletalConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import org.tribuo.provenance.ConfiguredDataSourceProvenance;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Provenance of a {@link CsvTableSource} read from its configuration: the {@code @Config} fields (file, label column,
 * forced column kinds, missing marker), and as instance values the SHA-256 of the file's bytes, the row count and
 * when the source was made. Shaped as Tribuo's own {@code CSVDataSource.CSVDataSourceProvenance}, so OLCUT's
 * {@code ProvenanceUtil} marshals it and {@code extractConfiguration} turns it back into the configuration.
 */
public final class CsvTableSourceProvenance extends SkeletalConfiguredObjectProvenance
        implements ConfiguredDataSourceProvenance {

    private static final long serialVersionUID = 1L;

    /** Instance value: the number of rows (examples) read. */
    public static final String ROWS = "rows";

    private final HashProvenance sha256;
    private final IntProvenance rows;
    private final DateTimeProvenance created;

    CsvTableSourceProvenance(CsvTableSource host, String sha256Hex, int rowCount) {
        super(host, "DataSource");
        this.sha256 = new HashProvenance(DEFAULT_HASH_TYPE, RESOURCE_HASH, sha256Hex);
        this.rows = new IntProvenance(ROWS, rowCount);
        this.created = new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now());
    }

    /**
     * Used by OLCUT's provenance unmarshalling.
     *
     * @param map the marshalled fields
     * @throws com.oracle.labs.mlrg.olcut.provenance.ProvenanceException when a field is missing or of another type
     */
    public CsvTableSourceProvenance(Map<String, Provenance> map) {
        this(extract(map));
    }

    private CsvTableSourceProvenance(ExtractedInfo info) {
        super(info);
        this.sha256 = (HashProvenance) info.instanceValues.get(RESOURCE_HASH);
        this.rows = (IntProvenance) info.instanceValues.get(ROWS);
        this.created = (DateTimeProvenance) info.instanceValues.get(DATASOURCE_CREATION_TIME);
    }

    private static ExtractedInfo extract(Map<String, Provenance> map) {
        Map<String, Provenance> configured = new HashMap<>(map);
        String name = CsvTableSourceProvenance.class.getSimpleName();
        String className = ObjectProvenance.checkAndExtractProvenance(configured, CLASS_NAME,
                com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance.class, name).getValue();
        String hostName = ObjectProvenance.checkAndExtractProvenance(configured, HOST_SHORT_NAME,
                com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance.class, name).getValue();
        Map<String, PrimitiveProvenance<?>> instance = new HashMap<>();
        instance.put(RESOURCE_HASH, ObjectProvenance.checkAndExtractProvenance(configured, RESOURCE_HASH,
                HashProvenance.class, name));
        instance.put(ROWS, ObjectProvenance.checkAndExtractProvenance(configured, ROWS, IntProvenance.class, name));
        instance.put(DATASOURCE_CREATION_TIME, ObjectProvenance.checkAndExtractProvenance(configured,
                DATASOURCE_CREATION_TIME, DateTimeProvenance.class, name));
        return new ExtractedInfo(className, hostName, configured, instance);
    }

    /** @return the SHA-256 of the file's bytes, as hexadecimal */
    public String sha256() {
        return sha256.getValue();
    }

    /** @return the number of rows read */
    public int rows() {
        return rows.getValue();
    }

    @Override
    public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
        Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
        map.put(RESOURCE_HASH, sha256);
        map.put(ROWS, rows);
        map.put(DATASOURCE_CREATION_TIME, created);
        return map;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CsvTableSourceProvenance other) || !super.equals(o)) {
            return false;
        }
        return sha256.equals(other.sha256) && rows.equals(other.rows) && created.equals(other.created);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), sha256, rows, created);
    }
}

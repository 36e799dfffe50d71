package dev.augment.table;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;

import java.util.Map;

/**
 * Provenance of a {@link CsvTableSource} read from its configuration: the {@code @Config} fields (file, label column,
 * forced column kinds, missing marker), and as instance values the SHA-256 of the file's bytes, the row count and
 * when the source was made. Shaped as Tribuo's own {@code CSVDataSource.CSVDataSourceProvenance}, so OLCUT's
 * {@code ProvenanceUtil} marshals it and {@code extractConfiguration} turns it back into the configuration.
 */
public final class CsvTableSourceProvenance extends dev.augment.data.ReadDataProvenance {

    private static final long serialVersionUID = 1L;

    /** Instance value: the number of rows (examples) read. */
    public static final String ROWS = "rows";

    CsvTableSourceProvenance(CsvTableSource host, String sha256Hex, int rowCount) {
        super(host, sha256Hex, Map.of(ROWS, new IntProvenance(ROWS, rowCount)));
    }

    /**
     * Used by OLCUT's provenance unmarshalling.
     *
     * @param map the marshalled fields
     * @throws com.oracle.labs.mlrg.olcut.provenance.ProvenanceException when a field is missing or of another type
     */
    public CsvTableSourceProvenance(Map<String, Provenance> map) {
        super(map, Map.of(ROWS, IntProvenance.class));
    }

    /** @return the number of rows read */
    public int rows() {
        return ((IntProvenance) value(ROWS)).getValue();
    }
}

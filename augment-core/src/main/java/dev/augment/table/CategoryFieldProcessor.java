package dev.augment.table;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.data.columnar.ColumnarFeature;
import org.tribuo.data.columnar.FieldProcessor;

import java.util.List;

/**
 * A Tribuo {@link FieldProcessor} for a categorical column: like Tribuo's {@code IdentityProcessor} it turns the
 * cell {@code v} of column {@code c} into the feature {@code c@v} with the value 1, but a missing cell (the missing
 * marker, or an empty cell) gives no feature, so all of the column's one-hot features read as 0. Tribuo's own
 * {@code IdentityProcessor} would give a feature {@code c@?} that is no category of the column.
 */
public final class CategoryFieldProcessor implements FieldProcessor {

    @Config(mandatory = true, description = "The column to read.")
    private String fieldName;

    @Config(mandatory = true, description = "The text of a missing cell, which gives no feature.")
    private String missingMarker;

    /** For OLCUT's configuration system. */
    private CategoryFieldProcessor() {
    }

    /**
     * @param fieldName the column to read
     * @param missingMarker the text of a missing cell
     */
    public CategoryFieldProcessor(String fieldName, String missingMarker) {
        this.fieldName = fieldName;
        this.missingMarker = missingMarker;
    }

    @Override
    public String getFieldName() {
        return fieldName;
    }

    @Override
    public List<ColumnarFeature> process(String value) {
        if (value == null || value.isEmpty() || value.equals(missingMarker)) {
            return List.of();
        }
        return List.of(new ColumnarFeature(fieldName, value, 1.0));
    }

    @Override
    public GeneratedFeatureType getFeatureType() {
        return GeneratedFeatureType.CATEGORICAL;
    }

    @Override
    public CategoryFieldProcessor copy(String newFieldName) {
        return new CategoryFieldProcessor(newFieldName, missingMarker);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "FieldProcessor");
    }

    @Override
    public String toString() {
        return "CategoryFieldProcessor(fieldName=" + fieldName + ",missingMarker=" + missingMarker + ")";
    }
}

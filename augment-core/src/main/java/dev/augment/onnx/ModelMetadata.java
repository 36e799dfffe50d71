package dev.augment.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.schema.SampleSchema;
import dev.augment.table.TableSchema;

import java.util.List;

/**
 * What a generator file says about itself in its ONNX {@code metadata_props}: the schema of the
 * samples, the latent size, the provenance (training-data fingerprint, settings, seed, versions)
 * and the training-time quality scores.
 *
 * @param schema the sample schema
 * @param latentDim the length of the noise input z
 * @param provenance how the generator was made, as JSON
 * @param scores training-time quality scores, as JSON (an empty object when none were measured)
 * @param table the table layout of a table generator (stored under {@code augment.table}), or null for an image
 *     generator; when present, its feature names and labels are the schema's
 */
public record ModelMetadata(SampleSchema schema, int latentDim, ObjectNode provenance, ObjectNode scores,
                            TableSchema table) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when the latent size is not positive or the table disagrees with the schema
     */
    public ModelMetadata {
        if (latentDim < 1) {
            throw new IllegalArgumentException("latent size must be positive, was " + latentDim);
        }
        provenance = provenance == null ? JsonNodeFactory.instance.objectNode() : provenance;
        scores = scores == null ? JsonNodeFactory.instance.objectNode() : scores;
        if (table != null && !table.featureNames().equals(schema.featureNames())) {
            throw new IllegalArgumentException("the table's feature names " + table.featureNames()
                    + " are not the schema's " + schema.featureNames());
        }
        if (table != null && !schema.shape().equals(List.of(schema.featureCount()))) {
            throw new IllegalArgumentException("a table generator's samples must have shape [" + schema.featureCount()
                    + "], not " + schema.shape());
        }
        if (table != null && !table.labels().equals(schema.labels())) {
            throw new IllegalArgumentException("the table's labels " + table.labels() + " are not the schema's "
                    + schema.labels());
        }
        for (dev.augment.table.TableColumn column : table == null ? List.<dev.augment.table.TableColumn>of()
                : table.columns()) {
            // export takes the schema's range from the columns' (TableSchema.sampleSchema): a column beyond it was
            // written as edited, 309-digit numbers in a range of [0, 75.41] (a fresh user's edited model, 6 Dec)
            if (column.isNumeric() && (column.min() < schema.minValue() || column.max() > schema.maxValue())) {
                throw new IllegalArgumentException("the table's column '" + column.name() + "' ranges over ["
                        + column.min() + ", " + column.max() + "], beyond the schema's value range ["
                        + schema.minValue() + ", " + schema.maxValue() + "]");
            }
        }
    }

    /**
     * Metadata of an image generator (no table).
     *
     * @param schema the sample schema
     * @param latentDim the length of the noise input z
     * @param provenance how the generator was made, as JSON
     * @param scores training-time quality scores, as JSON (an empty object when none were measured)
     */
    public ModelMetadata(SampleSchema schema, int latentDim, ObjectNode provenance, ObjectNode scores) {
        this(schema, latentDim, provenance, scores, null);
    }

    /** @return true when this is a table generator ({@link #table()} is not null) */
    public boolean isTable() {
        return table != null;
    }

    /**
     * @param newScores the scores to record
     * @return a copy with these scores
     */
    public ModelMetadata withScores(ObjectNode newScores) {
        return new ModelMetadata(schema, latentDim, provenance, newScores, table);
    }

    /**
     * @param key a provenance field
     * @return its value, or a missing node
     */
    public JsonNode provenanceField(String key) {
        return provenance.path(key);
    }
}

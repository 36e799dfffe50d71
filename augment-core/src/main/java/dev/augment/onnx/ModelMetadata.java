package dev.augment.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.schema.SampleSchema;

/**
 * What a generator file says about itself in its ONNX {@code metadata_props}: the schema of the
 * samples, the latent size, the provenance (training-data fingerprint, settings, seed, versions)
 * and the training-time quality scores.
 *
 * @param schema the sample schema
 * @param latentDim the length of the noise input z
 * @param provenance how the generator was made, as JSON
 * @param scores training-time quality scores, as JSON (an empty object when none were measured)
 */
public record ModelMetadata(SampleSchema schema, int latentDim, ObjectNode provenance, ObjectNode scores) {


    /** Checks the fields. */
    public ModelMetadata {
        if (latentDim < 1) {
            throw new IllegalArgumentException("latent size must be positive, was " + latentDim);
        }
        provenance = provenance == null ? JsonNodeFactory.instance.objectNode() : provenance;
        scores = scores == null ? JsonNodeFactory.instance.objectNode() : scores;
    }

    /**
     * @param newScores the scores to record
     * @return a copy with these scores
     */
    public ModelMetadata withScores(ObjectNode newScores) {
        return new ModelMetadata(schema, latentDim, provenance, newScores);
    }

    /**
     * @param key a provenance field
     * @return its value, or a missing node
     */
    public JsonNode provenanceField(String key) {
        return provenance.path(key);
    }
}

package dev.augment.eval.quality;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.schema.SampleSchema;

/**
 * Label consistency needs a judge that can answer more than one class: trained on one class, a classifier assigns
 * every sample to it, and the consistency of 1.0 it reports says nothing about the samples. The quality checks
 * leave the measure out (JSON {@code null}, out of the score) for a one-class schema and say why.
 */
final class OneClassJudge {

    /** The reason the checks record in their details, as {@code labelConsistencyNotJudged}. */
    static final String NOTE = "one class in the real training data: a judge trained on it assigns every sample to "
            + "it, so label consistency is not measured (coverage and precision still are)";

    private OneClassJudge() {
    }

    /**
     * @param schema the generator's schema
     * @return whether label consistency can be measured: at least two classes
     */
    static boolean judgesLabels(SampleSchema schema) {
        return schema.classCount() > 1;
    }

    /**
     * Records the reason in the check's details when labels cannot be judged.
     *
     * @param schema the generator's schema
     * @param details the check's details object
     */
    static void noteIn(SampleSchema schema, ObjectNode details) {
        if (!judgesLabels(schema)) {
            details.put("labelConsistencyNotJudged", NOTE);
        }
    }
}

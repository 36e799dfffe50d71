package dev.augment.eval.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.protocol.ArmSummary;

import java.util.List;

/**
 * Everything an evaluation found, with how it was obtained.
 *
 * @param leakageWarning non-empty when a generator whose provenance shows test data was forced in;
 *     shown at the top of every output
 * @param settings the settings of the run
 * @param provenance data, generator, trainer and embedding provenance and library versions
 * @param classNames display name per class index
 * @param arms the classifier gains, real only first
 * @param diagnostics the generator diagnostics per class
 * @param seconds wall time of the evaluation
 */
public record EvaluationReport(String leakageWarning, ObjectNode settings, ObjectNode provenance,
                               List<String> classNames, List<ArmSummary> arms, List<ClassReport> diagnostics,
                               double seconds) {

    /** Requires every part; copies the lists. */
    public EvaluationReport {
        if (settings == null || provenance == null || classNames == null || arms == null || diagnostics == null) {
            throw new IllegalArgumentException("settings, provenance, class names, arms and diagnostics are required");
        }
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one arm");
        }
        leakageWarning = leakageWarning == null ? "" : leakageWarning;
        classNames = List.copyOf(classNames);
        arms = List.copyOf(arms);
        diagnostics = List.copyOf(diagnostics);
    }
}

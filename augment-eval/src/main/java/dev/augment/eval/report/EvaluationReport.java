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
 * @param caveats what a reader must know before trusting the numbers (for example a given generator
 *     trained on examples the scenario removed), shown at the top of every output; may be empty
 * @param settings the settings of the run
 * @param provenance data, generator, trainer and embedding provenance and library versions
 * @param classNames display name per class index
 * @param minorityClasses indices of the classes the scenario made rare, ascending; empty when none
 * @param arms the classifier gains, real only first
 * @param diagnostics the generator diagnostics per class
 * @param seconds wall time of the evaluation
 */
public record EvaluationReport(String leakageWarning, List<String> caveats, ObjectNode settings,
                               ObjectNode provenance, List<String> classNames, List<Integer> minorityClasses,
                               List<ArmSummary> arms, List<ClassReport> diagnostics, double seconds) {

    /** Requires every part; copies the lists; minority classes must be class indices. */
    public EvaluationReport {
        if (settings == null || provenance == null || classNames == null || arms == null || diagnostics == null) {
            throw new IllegalArgumentException("settings, provenance, class names, arms and diagnostics are required");
        }
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one arm");
        }
        leakageWarning = leakageWarning == null ? "" : leakageWarning;
        caveats = caveats == null ? List.of() : List.copyOf(caveats);
        classNames = List.copyOf(classNames);
        minorityClasses = minorityClasses == null ? List.of() : List.copyOf(minorityClasses);
        for (int c : minorityClasses) {
            if (c < 0 || c >= classNames.size()) {
                throw new IllegalArgumentException("minority class " + c + " is not one of the "
                        + classNames.size() + " classes");
            }
        }
        arms = List.copyOf(arms);
        diagnostics = List.copyOf(diagnostics);
    }

    /** @return the one-paragraph answer, computed from the arms and the diagnostics */
    public Headline headline() {
        return Headline.of(arms, diagnostics);
    }

    /**
     * @param classIndex a class index
     * @return whether the scenario made that class rare
     */
    public boolean isMinority(int classIndex) {
        return minorityClasses.contains(classIndex);
    }

    /** @return the minority classes by name, in index order */
    public List<String> minorityClassNames() {
        return minorityClasses.stream().map(classNames::get).toList();
    }
}

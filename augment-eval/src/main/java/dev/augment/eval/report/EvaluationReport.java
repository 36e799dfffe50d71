package dev.augment.eval.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augment.eval.diagnostics.ClassReport;
import dev.augment.eval.protocol.ArmSummary;
import dev.augment.eval.protocol.FamilyArms;
import dev.augment.eval.sampler.SeedFilter;

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
 * @param families the classifier gains per classifier family (trainer), in the order given; every family
 *     learned the same training sets; at least one
 * @param diagnostics the generator diagnostics per class; empty when no arm used a generator and none was given
 * @param seconds wall time of the evaluation
 * @param filter what the generation-time filter did per seed, in seed order; empty when the GAN arms were not
 *     filtered
 */
public record EvaluationReport(String leakageWarning, List<String> caveats, ObjectNode settings,
                               ObjectNode provenance, List<String> classNames, List<Integer> minorityClasses,
                               List<FamilyArms> families, List<ClassReport> diagnostics, double seconds,
                               List<SeedFilter> filter) {

    /** Requires every part; copies the lists; minority classes must be class indices. */
    public EvaluationReport {
        if (settings == null || provenance == null || classNames == null || families == null
                || diagnostics == null) {
            throw new IllegalArgumentException("settings, provenance, class names, families and diagnostics are "
                    + "required");
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one classifier family");
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
        families = List.copyOf(families);
        diagnostics = List.copyOf(diagnostics);
        filter = filter == null ? List.of() : List.copyOf(filter);
    }

    /** A report of a run without a generation-time filter. */
    public EvaluationReport(String leakageWarning, List<String> caveats, ObjectNode settings, ObjectNode provenance,
                            List<String> classNames, List<Integer> minorityClasses, List<FamilyArms> families,
                            List<ClassReport> diagnostics, double seconds) {
        this(leakageWarning, caveats, settings, provenance, classNames, minorityClasses, families, diagnostics,
                seconds, List.of());
    }

    /** @return the first family's arms, real only first (the only family's when one trainer ran) */
    public List<ArmSummary> arms() {
        return families.get(0).arms();
    }

    /**
     * @return the one-paragraph answer, computed from the first family's arms and the diagnostics; with
     *     several families it starts by naming the first family's trainer
     */
    public Headline headline() {
        Headline headline = Headline.of(arms(), diagnostics);
        return families.size() == 1 ? headline : headline.prefixed("Under " + families.get(0).trainer()
                + " (the first of " + families.size() + " classifier families): ");
    }

    /** @return each family's verdict (best cheap baseline, best policy, gains over the baseline), in order */
    public List<FamilyVerdict> verdicts() {
        return families.stream().map(f -> FamilyVerdict.of(f.trainer(), f.arms())).toList();
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

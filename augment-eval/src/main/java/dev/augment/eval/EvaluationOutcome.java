package dev.augment.eval;

import dev.augment.eval.report.EvaluationReport;
import dev.augment.eval.report.ReportImages;

/**
 * What an evaluation produced: the report and its pictures, ready for
 * {@link dev.augment.eval.report.ReportWriter}.
 *
 * @param report every number, the settings and the provenance
 * @param images the gains chart and the sample grids
 */
public record EvaluationOutcome(EvaluationReport report, ReportImages images) {

    /** Requires both parts. */
    public EvaluationOutcome {
        if (report == null || images == null) {
            throw new IllegalArgumentException("report and images are required");
        }
    }
}

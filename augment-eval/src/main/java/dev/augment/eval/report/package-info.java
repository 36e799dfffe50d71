/**
 * The evaluation report: {@link dev.augment.eval.report.EvaluationReport} holds every number, the
 * settings and the provenance; {@link dev.augment.eval.report.ReportWriter} writes
 * {@code report.json}, a self-contained {@code report.html} (JFreeChart charts and sample grids as
 * base64 PNG data URIs) and the PNG files into a folder; {@link dev.augment.eval.report.ConsoleSummary}
 * is the short text printed at the end.
 */
package dev.augment.eval.report;

/**
 * The evaluation report: {@link dev.augment.eval.report.EvaluationReport} holds every number, the
 * settings, the provenance and its caveats; {@link dev.augment.eval.report.Headline} is the
 * one-paragraph answer computed from them; {@link dev.augment.eval.report.FamilyVerdict} is each
 * classifier family's verdict (best cheap baseline, every arm's paired gain over it, best policy, what
 * the GAN adds on top of SMOTE); {@link dev.augment.eval.report.ReportWriter} writes
 * {@code report.json}, a self-contained {@code report.html} (JFreeChart chart and real | synthetic
 * sample grids as base64 PNG data URIs, laid out to fit the window) and the PNG files into a folder;
 * {@link dev.augment.eval.report.ConsoleSummary} is the short text printed at the end.
 */
package dev.augment.eval.report;

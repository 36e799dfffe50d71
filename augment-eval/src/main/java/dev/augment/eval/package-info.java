/**
 * {@code augment evaluate} as a library call: {@link dev.augment.eval.Evaluation} runs the
 * classifier arms over seeds ({@link dev.augment.eval.protocol}), diagnoses the generator per class
 * ({@link dev.augment.eval.diagnostics}) and returns an {@link dev.augment.eval.EvaluationOutcome}
 * for {@link dev.augment.eval.report.ReportWriter}. {@link dev.augment.eval.LeakageGuard} refuses
 * generators whose provenance shows test data.
 */
package dev.augment.eval;

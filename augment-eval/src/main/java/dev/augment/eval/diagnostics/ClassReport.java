package dev.augment.eval.diagnostics;

import dev.augment.eval.metrics.ClassDiagnostics;
import dev.augment.eval.metrics.ClassVerdict;

/**
 * The diagnostics of one class and the verdict they lead to, or a note saying why there are none
 * (too few real examples for k-nearest-neighbour metrics).
 *
 * @param classIndex the class
 * @param className its display name
 * @param samples how many training, hold-out and synthetic samples were compared (each)
 * @param realLabelConsistency share of real hold-out samples the embedding classifier labels as the
 *     class: the ceiling a perfect generator could reach
 * @param diagnostics the numbers, or null with a note
 * @param verdict the verdict, or null with a note
 * @param note why there are no diagnostics, or what they could not judge (label drift, when the embedding
 *     classifier does not recognise even the real hold-out examples), or empty
 */
public record ClassReport(int classIndex, String className, int samples, double realLabelConsistency,
                          ClassDiagnostics diagnostics, ClassVerdict verdict, String note) {

    /** Requires diagnostics and a verdict together, or neither with a note. */
    public ClassReport {
        if ((diagnostics == null) != (verdict == null)) {
            throw new IllegalArgumentException("diagnostics and verdict come together");
        }
        if (diagnostics == null && (note == null || note.isBlank())) {
            throw new IllegalArgumentException("a class without diagnostics needs a note");
        }
        if (!(realLabelConsistency >= 0 && realLabelConsistency <= 1)) {
            throw new IllegalArgumentException("realLabelConsistency must be in [0, 1], was " + realLabelConsistency);
        }
        note = note == null ? "" : note;
    }
}

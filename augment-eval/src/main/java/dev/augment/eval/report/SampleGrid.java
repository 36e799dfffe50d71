package dev.augment.eval.report;

/**
 * The two halves of one class's sample picture, each a single row of images enlarged twice, as PNG:
 * real examples from the training split the generator learned from, and as many synthetic samples.
 * They are separate pictures so that the report can label each half and let them wrap.
 *
 * @param real PNG of the real examples
 * @param synthetic PNG of the synthetic samples
 */
public record SampleGrid(byte[] real, byte[] synthetic) {

    /** Requires both halves. */
    public SampleGrid {
        if (real == null || synthetic == null) {
            throw new IllegalArgumentException("both the real and the synthetic picture are required");
        }
    }
}

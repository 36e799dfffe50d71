package dev.augment.train;

import ai.djl.ndarray.NDArray;

/**
 * Losses of the non-saturating GAN (Goodfellow et al. 2014) written with a numerically stable
 * softplus, and the auxiliary-classifier cross-entropy (Odena et al. 2017).
 */
final class GanLosses {

    private GanLosses() {
    }

    /** @return {@code log(1 + exp(x))}, stable for large |x| */
    static NDArray softplus(NDArray x) {
        return x.maximum(NativeScalar.of(x.getManager(), 0f)).add(x.abs().neg().exp().add(1f).log());
    }

    /** D's loss: {@code softplus(-D(real)) + softplus(D(fake))}, batch means. */
    static NDArray discriminator(NDArray realLogits, NDArray fakeLogits) {
        return softplus(realLogits.neg()).mean().add(softplus(fakeLogits).mean());
    }

    /** G's non-saturating loss: {@code softplus(-D(fake))}, batch mean. */
    static NDArray generator(NDArray fakeLogits) {
        return softplus(fakeLogits.neg()).mean();
    }

    /** Mean cross-entropy of class logits against one-hot targets. */
    static NDArray crossEntropy(NDArray classLogits, NDArray oneHot) {
        return classLogits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
    }
}

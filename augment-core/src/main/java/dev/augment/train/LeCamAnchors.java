package dev.augment.train;

import ai.djl.ndarray.NDArray;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The LeCam regulariser of the discriminator (Tseng, Jiang, Liu, Yang &amp; Yang, "Regularizing Generative
 * Adversarial Networks under Limited Data", CVPR 2021; following google/lecam-gan): with exponential
 * moving averages {@code a_R} and {@code a_F} of D's mean output on real and on fake samples,
 * {@code R = mean(relu(D(real) - a_F)^2) + mean(relu(a_R - D(fake))^2)}, added to D's loss with a weight
 * (0.3 in the paper). The anchors are training state: they are saved in checkpoints so a resume
 * continues bit for bit.
 */
final class LeCamAnchors {

    /** Decay of the anchors' moving averages, as in google/lecam-gan. */
    static final float DECAY = 0.99f;

    private boolean started;
    private float real;
    private float fake;

    /**
     * @param realLogits D's outputs on real samples, {@code [n]}
     * @param fakeLogits D's outputs on fake samples, {@code [n]}
     * @param anchorReal moving average of D's output on real samples
     * @param anchorFake moving average of D's output on fake samples
     * @return the regulariser, a scalar
     */
    static NDArray penalty(NDArray realLogits, NDArray fakeLogits, float anchorReal, float anchorFake) {
        NDArray realPart = realLogits.sub(anchorFake).maximum(NativeScalar.of(realLogits.getManager(), 0f)).square().mean();
        NDArray fakePart = fakeLogits.neg().add(anchorReal).maximum(NativeScalar.of(fakeLogits.getManager(), 0f)).square()
                .mean();
        return realPart.add(fakePart);
    }

    /** @return the penalty of these outputs against the current anchors (the first batch's means before any update) */
    NDArray penalty(NDArray realLogits, NDArray fakeLogits) {
        if (!started) {
            return penalty(realLogits, fakeLogits, realLogits.mean().getFloat(), fakeLogits.mean().getFloat());
        }
        return penalty(realLogits, fakeLogits, real, fake);
    }

    /** Moves the anchors towards this batch's mean outputs; the first batch sets them. */
    void update(float meanReal, float meanFake) {
        float decay = started ? DECAY : 0f;
        real = decay * real + (1 - decay) * meanReal;
        fake = decay * fake + (1 - decay) * meanFake;
        started = true;
    }

    void save(DataOutputStream out) throws IOException {
        out.writeBoolean(started);
        out.writeFloat(real);
        out.writeFloat(fake);
    }

    void load(DataInputStream in) throws IOException {
        started = in.readBoolean();
        real = in.readFloat();
        fake = in.readFloat();
    }
}

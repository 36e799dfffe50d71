package dev.augment.train.table;

import ai.djl.ndarray.NDArray;

/**
 * CTAB-GAN's information loss (Zhao et al. 2021, section 3.3): the distance between the first two moments of real
 * and generated rows, {@code ||mean(real) - mean(fake)||_2 + ||sd(real) - sd(fake)||_2}, with means and standard
 * deviations taken per column over a batch. CTAB-GAN takes them over the discriminator's last features; here they
 * are taken over the encoded rows themselves (every mode-normalised value and one-hot slot), because the critic
 * sees packs of 10 rows (PacGAN), and a small table's batch has too few packs (glass: 7) for a spread. It adds to
 * the generator's loss, pulling the spread of its rows towards the real spread: measured on glass, where the
 * generator's classes came out narrower than the real ones (README, "train on a table (CSV)").
 */
final class InformationLoss {

    private static final int[] ROWS = {0};

    private InformationLoss() {
    }

    /**
     * @param real {@code [n, width]} encoded real rows, no gradient needed
     * @param generated {@code [m, width]} the generator's activated rows, with gradient
     * @return a scalar, not negative; 0 when both batches have the same per-column means and spreads
     */
    static NDArray of(NDArray real, NDArray generated) {
        NDArray meanGap = distance(real.mean(ROWS), generated.mean(ROWS));
        NDArray realSd = real.sub(real.mean(ROWS)).square().mean(ROWS).sqrt();
        // A small constant inside the roots keeps their gradients finite at 0 (a constant column, equal moments).
        NDArray fakeSd = generated.sub(generated.mean(ROWS)).square().mean(ROWS).add(1e-8f).sqrt();
        return meanGap.add(distance(realSd, fakeSd));
    }

    private static NDArray distance(NDArray a, NDArray b) {
        return a.sub(b).square().sum().add(1e-12f).sqrt();
    }
}

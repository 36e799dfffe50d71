package dev.augment.eval.quality;

import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * The Fréchet distance between two sets of feature vectors, each summarised as a Gaussian (its mean and
 * sample covariance): {@code ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁ Σ₂)^½)}. With an Inception network's
 * features this is FID (Heusel, Ramsauer, Unterthiner, Nessler and Hochreiter, "GANs Trained by a Two
 * Time-Scale Update Rule Converge to a Local Nash Equilibrium", NeurIPS 2017); the quality check uses its
 * own classifier's features, so its values are comparable with each other, not with published FIDs.
 *
 * <p>{@code Tr (Σ₁ Σ₂)^½} is computed with symmetric eigen decompositions only (Tribuo's
 * {@link DenseMatrix#eigenDecomposition()}): with {@code A = Σ₁^½}, {@code Σ₁ Σ₂ = A (A Σ₂ A) A⁻¹} has
 * the eigenvalues of the symmetric positive semi-definite {@code A Σ₂ A}, so the trace is the sum of
 * their square roots; eigenvalues that rounding makes slightly negative count as 0. Like FID, the value
 * is biased upward for small sets (it is not 0 for two samples of one distribution): compare it with
 * the same measure between real sets of the same sizes.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    /**
     * @param a feature vectors, one per row, at least 2
     * @param b feature vectors of the same dimension, at least 2
     * @return the Fréchet distance of their Gaussian summaries, ≥ 0
     * @throws IllegalArgumentException when a set has fewer than 2 rows or the dimensions differ
     * @throws IllegalStateException when an eigen decomposition does not converge
     */
    public static double between(float[][] a, float[][] b) {
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("the Fréchet distance needs at least 2 vectors in each set, had "
                    + a.length + " and " + b.length);
        }
        int d = a[0].length;
        if (b[0].length != d) {
            throw new IllegalArgumentException("the sets have dimensions " + d + " and " + b[0].length);
        }
        double[] meanA = mean(a, d);
        double[] meanB = mean(b, d);
        double[][] covA = covariance(a, meanA);
        double[][] covB = covariance(b, meanB);
        double meanTerm = 0;
        double traces = 0;
        for (int j = 0; j < d; j++) {
            meanTerm += (meanA[j] - meanB[j]) * (meanA[j] - meanB[j]);
            traces += covA[j][j] + covB[j][j];
        }
        DenseMatrix rootA = squareRoot(covA);
        DenseMatrix product = rootA.matrixMultiply(DenseMatrix.createDenseMatrix(covB)).matrixMultiply(rootA);
        double crossTrace = 0;
        for (double lambda : eigenvalues(symmetric(product))) {
            crossTrace += Math.sqrt(Math.max(0, lambda));
        }
        return Math.max(0, meanTerm + traces - 2 * crossTrace);
    }

    private static double[] mean(float[][] rows, int d) {
        double[] mean = new double[d];
        for (float[] row : rows) {
            if (row.length != d) {
                throw new IllegalArgumentException("rows differ in length: " + row.length + " and " + d);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= rows.length;
        }
        return mean;
    }

    /** The sample covariance (divisor {@code n − 1}), exactly symmetric. */
    private static double[][] covariance(float[][] rows, double[] mean) {
        int d = mean.length;
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                centred[j] = row[j] - mean[j];
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += centred[i] * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i][j] /= rows.length - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return cov;
    }

    /** {@code V diag(√max(λ, 0)) Vᵀ} of a symmetric positive semi-definite matrix. */
    private static DenseMatrix squareRoot(double[][] symmetric) {
        DenseMatrix.EigenDecomposition eigen = decompose(DenseMatrix.createDenseMatrix(symmetric));
        DenseMatrix vectors = eigen.eigenvectors();
        DenseVector values = eigen.eigenvalues();
        int d = symmetric.length;
        double[][] scaled = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int c = 0; c < d; c++) {
                scaled[i][c] = vectors.get(i, c) * Math.sqrt(Math.max(0, values.get(c)));
            }
        }
        return symmetric(DenseMatrix.createDenseMatrix(scaled).matrixMultiply(vectors, false, true));
    }

    /** @return {@code (M + Mᵀ) / 2}, which Tribuo's eigen decomposition accepts as symmetric */
    private static DenseMatrix symmetric(DenseMatrix m) {
        int d = m.getDimension1Size();
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                out[i][j] = (m.get(i, j) + m.get(j, i)) / 2;
                out[j][i] = out[i][j];
            }
        }
        return DenseMatrix.createDenseMatrix(out);
    }

    private static double[] eigenvalues(DenseMatrix symmetric) {
        return decompose(symmetric).eigenvalues().toArray();
    }

    private static DenseMatrix.EigenDecomposition decompose(DenseMatrix symmetric) {
        return symmetric.eigenDecomposition()
                .orElseThrow(() -> new IllegalStateException("eigen decomposition did not converge"));
    }
}

package dev.augment.eval.quality;

import org.tribuo.math.la.DenseMatrix;

/**
 * Principal components of real samples (the eigenvectors of their covariance, from Tribuo's
 * symmetric eigen decomposition), used as the quality check's feature space: the leading components
 * keep the shapes that tell samples apart and drop pixel-level noise, to which raw pixel distances
 * are very sensitive.
 */
public final class PcaProjection {

    /** Rows per block of the covariance product (a block of 784 features is about 3 MB). */
    private static final int COVARIANCE_BLOCK = 512;

    private final float[] mean;
    private final float[][] components;

    private PcaProjection(float[] mean, float[][] components) {
        this.mean = mean;
        this.components = components;
    }

    /**
     * @param data samples, one per row
     * @param count number of leading components to keep
     * @return the projection
     */
    public static PcaProjection fit(float[][] data, int count) {
        int d = data[0].length;
        if (count < 1 || count > d || data.length < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 samples and 1.." + d + " components, got "
                    + data.length + " samples and " + count + " components");
        }
        float[] mean = new float[d];
        for (float[] row : data) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / data.length;
            }
        }
        if (data.length < d) {
            return new PcaProjection(mean, fromGram(data, mean, count));
        }
        DenseMatrix covariance = covariance(data, mean);
        DenseMatrix.EigenDecomposition eigen = covariance.eigenDecomposition()
                .orElseThrow(() -> new IllegalStateException("covariance eigen decomposition did not converge"));
        DenseMatrix vectors = eigen.eigenvectors();
        float[][] components = new float[count][d];
        for (int c = 0; c < count; c++) {
            for (int j = 0; j < d; j++) {
                components[c][j] = (float) vectors.get(j, c);
            }
        }
        return new PcaProjection(mean, components);
    }

    /**
     * The leading components from the n × n Gram matrix {@code Xc Xcᵀ} of the centred rows, when there are fewer rows
     * than features (the dual form of PCA: an eigenvector u of the Gram matrix with eigenvalue λ gives the component
     * {@code Xcᵀ u / √λ}). 203 CIFAR-10 images decomposed a 3 072 × 3 072 covariance for over ten minutes (a fresh
     * user, 5 Dec); their 203 × 203 Gram matrix takes a moment. Components beyond the rows' rank are left 0.
     */
    private static float[][] fromGram(float[][] data, float[] mean, int count) {
        int n = data.length;
        int d = mean.length;
        double[][] centred = new double[n][d];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < d; j++) {
                centred[r][j] = data[r][j] - mean[j];
            }
        }
        DenseMatrix rows = DenseMatrix.createDenseMatrix(centred);
        DenseMatrix gram = rows.matrixMultiply(rows, false, true);
        DenseMatrix.EigenDecomposition eigen = gram.eigenDecomposition()
                .orElseThrow(() -> new IllegalStateException("Gram matrix eigen decomposition did not converge"));
        DenseMatrix vectors = eigen.eigenvectors();
        double[] values = eigen.eigenvalues().toArray();
        double largest = java.util.Arrays.stream(values).map(Math::abs).max().orElse(0);
        float[][] components = new float[count][d];
        for (int c = 0; c < Math.min(count, n); c++) {
            if (!(values[c] > 1e-9 * largest)) {
                continue; // beyond the rank of n centred rows: no direction to keep
            }
            double norm = Math.sqrt(values[c]);
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int r = 0; r < n; r++) {
                    sum += centred[r][j] * vectors.get(r, c);
                }
                components[c][j] = (float) (sum / norm);
            }
        }
        return components;
    }

    /**
     * The sample covariance {@code Xcᵀ Xc / (n − 1)} of the centred rows, with Tribuo's matrix product,
     * accumulated over blocks of rows so that no centred copy of the whole data is held.
     */
    private static DenseMatrix covariance(float[][] data, float[] mean) {
        int d = mean.length;
        DenseMatrix sum = new DenseMatrix(d, d);
        for (int start = 0; start < data.length; start += COVARIANCE_BLOCK) {
            int rows = Math.min(COVARIANCE_BLOCK, data.length - start);
            double[][] centred = new double[rows][d];
            for (int r = 0; r < rows; r++) {
                float[] row = data[start + r];
                for (int j = 0; j < d; j++) {
                    centred[r][j] = row[j] - mean[j];
                }
            }
            DenseMatrix block = DenseMatrix.createDenseMatrix(centred);
            sum.intersectAndAddInPlace(block.matrixMultiply(block, true, false), v -> v);
        }
        double scale = 1.0 / (data.length - 1);
        sum.foreachInPlace(v -> v * scale);
        return sum;
    }

    /** @return number of components */
    public int dimensions() {
        return components.length;
    }

    /**
     * @param data samples, one per row, in the space the projection was fitted in
     * @return their coordinates on the leading components
     */
    public float[][] project(float[][] data) {
        float[][] out = new float[data.length][components.length];
        for (int i = 0; i < data.length; i++) {
            for (int c = 0; c < components.length; c++) {
                float[] component = components[c];
                double sum = 0;
                for (int j = 0; j < mean.length; j++) {
                    sum += (data[i][j] - mean[j]) * component[j];
                }
                out[i][c] = (float) sum;
            }
        }
        return out;
    }
}

package dev.augment.oversample;

/** Shape checks and float/double conversions of vector sets. */
final class Vectors {

    private Vectors() {
    }

    /**
     * @param name the argument's name, for the message
     * @param x the vectors
     * @return their common length
     * @throws IllegalArgumentException when {@code x} is empty, or a row is null, empty or of another length
     */
    static int requireRectangular(String name, double[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one vector, was "
                    + (x == null ? "null" : "empty"));
        }
        if (x[0] == null || x[0].length == 0) {
            throw new IllegalArgumentException(name + "[0] must be a non-empty vector");
        }
        int d = x[0].length;
        for (int i = 1; i < x.length; i++) {
            if (x[i] == null || x[i].length != d) {
                throw new IllegalArgumentException(name + "[" + i + "] has length "
                        + (x[i] == null ? "null" : x[i].length) + ", expected " + d + " like " + name + "[0]");
            }
        }
        return d;
    }

    /**
     * @param name the argument's name, for the error
     * @param x vectors ({@link #requireRectangular checked} first)
     * @throws IllegalArgumentException naming the first NaN or infinite value: an interpolation with it is NaN or
     *     infinite too
     */
    static void requireFinite(String name, double[][] x) {
        for (int i = 0; i < x.length; i++) {
            for (int d = 0; d < x[i].length; d++) {
                if (!Double.isFinite(x[i][d])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + d + "] is " + x[i][d]
                            + "; SMOTE interpolates between finite values only: drop or impute it first");
                }
            }
        }
    }

    /** The same check for float vectors. */
    static int requireRectangular(String name, float[][] x) {
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(name + " must hold at least one vector, was "
                    + (x == null ? "null" : "empty"));
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length == 0 || x[i].length != x[0].length) {
                throw new IllegalArgumentException(name + "[" + i + "] has length "
                        + (x[i] == null ? "null" : x[i].length) + ", expected a non-empty vector as long as "
                        + name + "[0]");
            }
        }
        return x[0].length;
    }

    static double[][] toDouble(float[][] x) {
        if (x == null) {
            return null;
        }
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i] != null) {
                out[i] = new double[x[i].length];
                for (int d = 0; d < x[i].length; d++) {
                    out[i][d] = x[i][d];
                }
            }
        }
        return out;
    }

    static float[][] toFloat(double[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new float[x[i].length];
            for (int d = 0; d < x[i].length; d++) {
                out[i][d] = (float) x[i][d];
            }
        }
        return out;
    }

    static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
    }
}

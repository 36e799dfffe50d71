package dev.augment.eval.embedding;

/**
 * A trained embedding MLP as plain arrays: {@code h = relu(W1·x/scale + b1)},
 * {@code e = relu(W2·h + b2)} (the embedding), {@code logits = W3·e + b3}. Inputs are in the
 * source's feature scale and divided by {@code scale} (255 for pixels). Immutable and thread-safe;
 * holds no native resources.
 */
public final class EmbeddingNetwork {

    private final Dense first;
    private final Dense second;
    private final Dense head;
    private final float scale;

    EmbeddingNetwork(Dense first, Dense second, Dense head, float scale) {
        if (first.out() != second.in() || second.out() != head.in()) {
            throw new IllegalArgumentException("layer sizes do not chain: " + first.in() + "→" + first.out()
                    + ", " + second.in() + "→" + second.out() + ", " + head.in() + "→" + head.out());
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be positive, was " + scale);
        }
        this.first = first;
        this.second = second;
        this.head = head;
        this.scale = scale;
    }

    /** @return input width */
    public int inputDim() {
        return first.in();
    }

    /** @return embedding width */
    public int embeddingDim() {
        return second.out();
    }

    /** @return number of classes */
    public int classCount() {
        return head.out();
    }

    /**
     * @param x rows in feature scale
     * @return the penultimate-layer activations, one row per input
     */
    public float[][] embed(float[][] x) {
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = embedRow(x[i]);
        }
        return out;
    }

    /**
     * @param x rows in feature scale
     * @return the arg-max class of each row
     */
    public int[] predict(float[][] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            float[] logits = head.apply(embedRow(x[i]), false);
            int best = 0;
            for (int c = 1; c < logits.length; c++) {
                if (logits[c] > logits[best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * @param x rows in feature scale
     * @param classIndex the intended class
     * @return share of rows predicted as {@code classIndex}, 0 for no rows
     */
    public double agreement(float[][] x, int classIndex) {
        if (x.length == 0) {
            return 0;
        }
        int hits = 0;
        for (int p : predict(x)) {
            if (p == classIndex) {
                hits++;
            }
        }
        return hits / (double) x.length;
    }

    private float[] embedRow(float[] row) {
        if (row.length != first.in()) {
            throw new IllegalArgumentException("row has " + row.length + " features, network expects " + first.in());
        }
        float[] scaled = new float[row.length];
        for (int d = 0; d < row.length; d++) {
            scaled[d] = row[d] / scale;
        }
        return second.apply(first.apply(scaled, true), true);
    }

    /** A fully connected layer, weights row-major {@code [out][in]}. */
    record Dense(float[] weights, float[] bias, int in, int out) {

        Dense {
            if (weights.length != in * out || bias.length != out) {
                throw new IllegalArgumentException("dense layer " + in + "→" + out + " has " + weights.length
                        + " weights and " + bias.length + " biases");
            }
        }

        float[] apply(float[] x, boolean relu) {
            float[] y = new float[out];
            for (int o = 0; o < out; o++) {
                float s = bias[o];
                int base = o * in;
                for (int i = 0; i < in; i++) {
                    s += weights[base + i] * x[i];
                }
                y[o] = relu && s < 0 ? 0 : s;
            }
            return y;
        }
    }
}

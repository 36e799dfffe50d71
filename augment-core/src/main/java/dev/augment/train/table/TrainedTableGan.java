package dev.augment.train.table;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.augment.onnx.GeneratorContract;
import dev.augment.onnx.TableGeneratorGraph;
import dev.augment.train.EpochReport;

import java.util.ArrayList;
import java.util.List;

/**
 * A trained table generator with its encoder, still in DJL: draws decoded samples (batch norm in inference
 * mode, with the contract's noise, so they equal what the exported ONNX file gives) and hands the exporter a
 * framework-free {@link TableGeneratorGraph}. Close it to free the native memory.
 */
public final class TrainedTableGan implements AutoCloseable {

    private static final int CHUNK = 1024;

    private final TableNetworks nets;
    private final TableEncoder encoder;
    private final TableGanSettings settings;
    private final int classes;
    private final int batch;
    private final List<EpochReport> history;

    TrainedTableGan(TableNetworks nets, TableEncoder encoder, TableGanSettings settings, int classes, int batch,
                    List<EpochReport> history) {
        this.nets = nets;
        this.encoder = encoder;
        this.settings = settings;
        this.classes = classes;
        this.batch = batch;
        this.history = List.copyOf(history);
    }

    /**
     * @param z noise, row-major {@code [n, latentDim]}
     * @param labels class index of each row, {@code [n]}
     * @return the decoded samples {@code [n][featureWidth]} in Tribuo's feature scale
     */
    public float[][] generate(float[] z, int[] labels) {
        int n = labels.length;
        int latent = settings.latentDim();
        if (z.length != n * latent) {
            throw new IllegalArgumentException(n + " rows need " + n * latent + " noise values, got " + z.length);
        }
        float[][] out = new float[n][];
        int width = encoder.width();
        try (NDManager sub = nets.manager.newSubManager()) {
            NDArray raw = nets.generator.forward(sub.create(z, new Shape(n, latent)),
                    TableGanStep.oneHot(sub, labels, classes), false);
            float[] values = raw.toFloatArray();
            float[] row = new float[width];
            for (int i = 0; i < n; i++) {
                System.arraycopy(values, i * width, row, 0, width);
                out[i] = encoder.decode(row);
            }
        }
        return out;
    }

    /**
     * @param classIndex the class
     * @param n samples
     * @param seed the request's seed; sample i uses the contract's noise for (seed, class, i)
     * @return n decoded samples of the class
     */
    public float[][] sample(int classIndex, int n, long seed) {
        if (classIndex < 0 || classIndex >= classes) {
            throw new IllegalArgumentException("class " + classIndex + " is not in 0.." + (classes - 1));
        }
        int latent = settings.latentDim();
        List<float[]> all = new ArrayList<>(n);
        for (int start = 0; start < n; start += CHUNK) {
            int m = Math.min(CHUNK, n - start);
            float[] z = new float[m * latent];
            int[] labels = new int[m];
            for (int i = 0; i < m; i++) {
                GeneratorContract.noise(z, i * latent, latent, seed, classIndex, start + i);
                labels[i] = classIndex;
            }
            all.addAll(List.of(generate(z, labels)));
        }
        return all.toArray(new float[0][]);
    }

    /** @return the generator and decoders as plain arrays, for the ONNX exporter */
    public TableGeneratorGraph graph() {
        List<TableGeneratorGraph.ColumnDecoder> decoders = new ArrayList<>();
        for (int c = 0; c < encoder.columns().size(); c++) {
            ColumnEncoding column = encoder.columns().get(c);
            int offset = encoder.offset(c);
            if (column instanceof ColumnEncoding.Numeric n) {
                int modes = n.mixture().modes();
                float[] means = new float[modes];
                float[] scales = new float[modes];
                for (int k = 0; k < modes; k++) {
                    means[k] = (float) n.mixture().means()[k];
                    scales[k] = (float) (4 * n.mixture().sigmas()[k]);
                }
                decoders.add(new TableGeneratorGraph.ColumnDecoder.Numeric(offset, offset + 1, means, scales,
                        (float) n.min(), (float) n.max(), n.decimals(), n.missingSlot(), n.clampMin(), n.clampMax()));
            } else if (column instanceof ColumnEncoding.Categorical k) {
                decoders.add(new TableGeneratorGraph.ColumnDecoder.Categorical(offset, k.width(), k.categories()));
            }
        }
        return new TableGeneratorGraph(settings.latentDim(), classes, nets.generator.exportBlocks(),
                nets.generator.output.export(), decoders);
    }

    /** @return the encoder the generator was trained with */
    public TableEncoder encoder() {
        return encoder;
    }

    /** @return the run's settings */
    public TableGanSettings settings() {
        return settings;
    }

    /** @return rows per training step actually used */
    public int batchSize() {
        return batch;
    }

    /** @return one report per round (epoch, or {@value TableGanTrainer#ROUND_STEPS} steps) */
    public List<EpochReport> history() {
        return history;
    }

    @Override
    public void close() {
        nets.close();
    }
}

package dev.augment.onnx;

import dev.augment.random.SeededNoise;

/**
 * The ONNX generator contract in one place: what a {@code model.onnx} written by augment takes, returns
 * and says about itself, and how the noise of every sample is drawn. The exporter writes it, the
 * contract check and the ONNX Runtime generator read it, and the trainer draws its own samples with the
 * same {@link #noise} so that a trained generator and its exported file give the same samples for the
 * same seed ({@code GeneratorContractTest}).
 *
 * <ul>
 *   <li>input {@value #INPUT_Z}: float32 {@code [N, latentDim]}, standard normal;</li>
 *   <li>input {@value #INPUT_LABEL}: int64 {@code [N]}, the class index (into the schema's labels);</li>
 *   <li>output {@value #OUTPUT_SAMPLES}: float32 {@code [N, featureCount]} in the source's feature scale,
 *       in the order of the schema's feature names;</li>
 *   <li>{@code metadata_props}: {@value #KEY_CONTRACT} = {@value #VERSION}, {@value #KEY_SCHEMA},
 *       {@value #KEY_LATENT_DIM}, {@value #KEY_PROVENANCE} and {@value #KEY_SCORES} (JSON); a table generator also
 *       has {@value #KEY_TABLE} (JSON, the table layout); files written since 1 Dec 2026 also have
 *       {@value #KEY_GRAPH_SHA256}, the graph's checksum ({@link GraphChecksum}).</li>
 * </ul>
 */
public final class GeneratorContract {

    /** Version of the contract this code writes and reads. */
    public static final int VERSION = 1;
    /** Name of the noise input. */
    public static final String INPUT_Z = "z";
    /** Name of the label input. */
    public static final String INPUT_LABEL = "label";
    /** Name of the output. */
    public static final String OUTPUT_SAMPLES = "samples";
    /** Metadata key of the contract version. */
    public static final String KEY_CONTRACT = "augment.contract_version";
    /** Metadata key of the schema JSON. */
    public static final String KEY_SCHEMA = "augment.schema";
    /** Metadata key of the latent size. */
    public static final String KEY_LATENT_DIM = "augment.latent_dim";
    /** Metadata key of the provenance JSON. */
    public static final String KEY_PROVENANCE = "augment.provenance";
    /**
     * Metadata key of the SHA-256 of the graph's serialised bytes ({@link GraphChecksum}), written at export and
     * checked at load; optional, since files written before it existed lack it.
     */
    public static final String KEY_GRAPH_SHA256 = "augment.graph_sha256";
    /** Metadata key of the scores JSON. */
    public static final String KEY_SCORES = "augment.scores";

    /** Metadata key of a table generator's {@code TableSchema} (JSON); absent for image generators. */
    public static final String KEY_TABLE = "augment.table";

    private GeneratorContract() {
    }

    /**
     * Writes the noise of one sample: {@code latentDim} standard normal values keyed by
     * {@code (seed, classIndex, sampleIndex)} alone (Commons RNG, see {@link SeededNoise}), so the same
     * seed gives the same samples whatever the batch size, thread count or machine.
     *
     * @param out destination
     * @param offset first index written
     * @param latentDim values to write
     * @param seed the request's seed
     * @param classIndex the class of the sample
     * @param sampleIndex the sample's index within its class, from 0
     */
    public static void noise(float[] out, int offset, int latentDim, long seed, int classIndex, long sampleIndex) {
        SeededNoise.gaussian(out, offset, latentDim, seed, classIndex, sampleIndex);
    }
}

package dev.augment.onnx;

import java.util.List;

/**
 * A trained conditional generator as the exporter needs it: the label embedding table, the layers
 * applied to {@code concat(z, embedding[label])}, and the affine map from the network's output
 * range [-1, 1] back to the source's feature scale.
 *
 * @param latentDim length of the noise vector z
 * @param embedding row-major {@code [classes, embeddingDim]} label embedding table
 * @param classes number of classes
 * @param embeddingDim width of one embedding row
 * @param layers the layers, in order
 * @param outputScale multiplier applied to the last layer's output
 * @param outputShift added after scaling
 */
public record GeneratorGraph(int latentDim, float[] embedding, int classes, int embeddingDim,
                             List<GeneratorLayer> layers, float outputScale, float outputShift) {

    /** Checks sizes. */
    public GeneratorGraph {
        layers = List.copyOf(layers);
        if (latentDim < 1 || classes < 1 || embeddingDim < 1 || embedding.length != classes * embeddingDim) {
            throw new IllegalArgumentException("embedding table does not match " + classes + "x" + embeddingDim);
        }
    }
}

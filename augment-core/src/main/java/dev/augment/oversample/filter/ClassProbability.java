package dev.augment.oversample.filter;

/**
 * A classifier's predicted probability that rows belong to a given class; {@link GenerationFilter} ranks
 * generated candidates by it.
 */
@FunctionalInterface
public interface ClassProbability {

    /**
     * @param classIndex a class index of the schema
     * @param rows rows in the source's feature scale (as the generator makes them)
     * @return for each row, in order, the predicted probability of {@code classIndex}, in [0, 1]
     */
    double[] of(int classIndex, float[][] rows);
}

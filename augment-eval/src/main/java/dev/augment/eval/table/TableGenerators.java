package dev.augment.eval.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.augment.eval.sampler.ConditionalSampler;
import dev.augment.table.Table;

/**
 * Where the GAN arms' samples come from: the one interface the table evaluation needs from a generator.
 * The evaluation asks once per seed, with that seed's training split only (never the test rows); an
 * implementation trains a generator on it (or, for a given model, returns that model's sampler) and owns
 * whatever it opened until {@link #close()}.
 */
public interface TableGenerators extends AutoCloseable {

    /**
     * @param seed the run's seed
     * @param trainSplit the run's training rows
     * @return the run's generator, whose samples are Tribuo-scale feature vectors of the table's schema
     */
    ConditionalSampler generatorFor(long seed, Table trainSplit);

    /** @return what the generators are, for the report (e.g. "CTGAN-style GAN, 300 epochs, trained per seed") */
    String description();

    /** @return provenance of every generator used so far (file, hash, the model's own provenance) */
    ArrayNode provenance();

    /** Releases every generator opened. */
    @Override
    void close();
}

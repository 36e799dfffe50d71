package dev.augment.spark;

import dev.augment.errors.InvalidSettingException;
import dev.augment.generate.OnnxGenerator;
import dev.augment.schema.ClassResolver;
import dev.augment.schema.SampleSchema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Synthetic samples as a Spark {@code Dataset<Row>}, computed on the executors.
 *
 * <p>Rows are (label, the model's feature columns, index) as {@link SampleRowSchema} describes. The request is
 * cut into {@link GenerationSlice}s by {@link SlicePlan}, one Spark partition each (read through the data
 * source {@link GeneratorSource}), so a partition holds one
 * class and one contiguous range of sample indices, in index order. Sample {@code i} of class {@code c} takes
 * its noise from {@code (seed, c, i)} alone, which is what {@code augment generate} does, so the values equal
 * the single-machine ones (and {@code augment generate --format csv}'s) whatever the number of partitions or
 * executors. Each executor JVM loads the model once and shares it among its tasks ({@link ExecutorGenerators}).
 *
 * <p>The dataset is lazy: nothing is generated until an action (count, write, collect) runs, and each action
 * generates again (the same values); {@code cache()} it to reuse the rows.
 */
public final class AugmentSpark {

    private AugmentSpark() {
    }

    /**
     * As {@link #generate(SparkSession, Path, Map, long, int)} with Spark's default parallelism as the
     * partition count.
     *
     * @param spark the session
     * @param model the generator ONNX file
     * @param counts samples per class; keys are class names, Tribuo labels, indices or "all"
     * @param seed the noise seed
     * @return the rows
     */
    public static Dataset<Row> generate(SparkSession spark, Path model, Map<String, Long> counts, long seed) {
        return generate(spark, model, counts, seed, spark.sparkContext().defaultParallelism());
    }

    /**
     * Checks the model and the request on the driver, then describes the generation as a dataset.
     *
     * @param spark the session
     * @param model the generator ONNX file; on a cluster, reachable at the same path on every executor or shipped
     *     to them under its file name ({@code spark-submit --files}, {@code SparkContext.addFile})
     * @param counts samples per class, in output order; keys are class names, Tribuo labels, indices or "all"
     *     (every learned class), as {@link ClassResolver} resolves them; every count at least 1
     * @param seed the noise seed, as {@code augment generate --seed}
     * @param partitions about how many partitions to cut the request into ({@link SlicePlan}), at least 1
     * @return the rows, lazily generated
     * @throws dev.augment.errors.ModelContractException when the model file is missing or breaks the contract
     * @throws InvalidSettingException (settings {@code classes}, {@code count}, {@code partitions}) for an unknown
     *     or unlearned class, a class named twice (by two names, or by {@code all} and its own name, whatever the
     *     counts), an empty request, a count or a partition count below 1
     */
    public static Dataset<Row> generate(SparkSession spark, Path model, Map<String, Long> counts, long seed,
                                        int partitions) {
        if (model == null || counts == null) {
            // a bare NullPointerException (a re-check, 6 Dec)
            throw new InvalidSettingException(model == null ? "model" : "classes", model == null
                    ? "model must not be null" : "classes must not be null; give a map of class to count");
        }
        ModelFile file = ModelFile.of(model);
        OnnxGenerator generator = ExecutorGenerators.get(file);
        SampleSchema schema = generator.metadata().schema();
        Map<Integer, Long> byClass = resolve(counts, schema, model);
        List<GenerationSlice> slices = SlicePlan.plan(byClass, partitions);
        return spark.read().format(GeneratorSource.class.getName())
                .options(new GeneratorOptions(file, seed, slices).toMap())
                .load();
    }

    /**
     * Class queries to class indices, in order. Two queries that name one class ({@code 7} and {@code sneaker}) are
     * refused, as {@code generate --class} refuses them, and so is {@code all} beside a class's own name, whatever the
     * counts (the javadoc said equal counts were taken: a fresh user, 7 Dec).
     */
    static Map<Integer, Long> resolve(Map<String, Long> counts, SampleSchema schema, Path model) {
        if (counts.isEmpty()) {
            throw new InvalidSettingException("classes", "names no class; ask for at least one");
        }
        // a map filled from a lookup that missed gave a bare NullPointerException (a fresh user, 6 Dec)
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (entry.getKey() == null || entry.getKey().isBlank()) {
                throw new InvalidSettingException("classes", "holds " + (entry.getKey() == null ? "a null"
                        : "an empty") + " class name; name each class by its name, label or index");
            }
            if (entry.getValue() == null) {
                throw new InvalidSettingException("count", "is null for class '" + entry.getKey() + "'; give each "
                        + "class a positive count");
            }
        }
        ClassResolver resolver = new ClassResolver(schema, model.toString());
        // generate --class's own check: two queries naming one class are refused, all beside a named one too
        resolver.resolveAllLearned("classes", counts.keySet().stream().map(String::strip).toList());
        Map<Integer, Long> byClass = new LinkedHashMap<>();
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            long n = entry.getValue();
            if (n < 1) {
                throw new InvalidSettingException("count", "must be positive, was " + n + " for class '"
                        + entry.getKey() + "'");
            }
            for (int classIndex : resolver.resolveAllLearned("classes", List.of(entry.getKey().strip()))) {
                byClass.put(classIndex, n); // each class once: the check above refused a class named twice
            }
        }
        return byClass;
    }
}

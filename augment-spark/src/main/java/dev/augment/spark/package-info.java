/**
 * Generation on Apache Spark: {@link dev.augment.spark.AugmentSpark#generate} returns synthetic samples as a
 * {@code Dataset<Row>} (label, one column per feature, sample index) computed on the executors by the data source
 * {@link dev.augment.spark.GeneratorSource} (one input partition per {@link dev.augment.spark.GenerationSlice}), and
 * {@link dev.augment.spark.ParquetOutput} writes such a dataset as Parquet that appears all at once. Each
 * executor JVM loads a generator once ({@link dev.augment.spark.ExecutorGenerators}) and reuses it for every
 * task; noise is keyed by (seed, class, sample index) exactly as in {@code augment generate}, so the values are
 * the same as on one machine whatever the number of partitions (an 8-bit image model's as whole pixels, as
 * {@code augment generate} writes them).
 *
 * <p>{@link dev.augment.spark.SparkGenerateCommand} is {@code augment spark-generate}, run through
 * {@link dev.augment.spark.AugmentSparkMain} (locally or with {@code spark-submit}). Spark is a provided
 * dependency: the cluster (or the local launcher) puts it on the class path.
 */
package dev.augment.spark;

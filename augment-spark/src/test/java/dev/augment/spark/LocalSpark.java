package dev.augment.spark;

import org.apache.spark.sql.SparkSession;

import java.nio.file.Path;

/** The tests' Spark: a {@code local[2]} master started in the test JVM, no UI, and the shipped model. */
final class LocalSpark {

    /** The shipped Fashion-MNIST generator (784 features, 10 classes). */
    static final Path MODEL = Path.of("..", "models", "fashion-mnist.onnx");

    private LocalSpark() {
    }

    /** @return a session on {@code local[2]}; stop it after the test class */
    static SparkSession start() {
        return SparkSession.builder().master("local[2]").appName("augment-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }
}

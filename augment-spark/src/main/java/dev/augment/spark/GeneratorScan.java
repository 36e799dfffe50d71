package dev.augment.spark;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * The batch scan of {@link GeneratorSource}: its input partitions are the planned slices, in order, and each is
 * read on an executor by a {@link SliceReader} using that JVM's generator ({@link ExecutorGenerators}).
 *
 * @param schema the row schema ({@link SampleRowSchema})
 * @param options the model, seed and slices
 */
record GeneratorScan(StructType schema, GeneratorOptions options) implements Scan, Batch {

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return "augment generator " + options.model().driverPath() + ", seed " + options.seed() + ", "
                + options.slices().size() + " slices";
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        return options.slices().toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new Readers(options.model(), options.seed());
    }

    /** Serialised to the executors: opens a {@link SliceReader} per partition. */
    private record Readers(ModelFile model, long seed) implements PartitionReaderFactory {

        @Override
        public PartitionReader<InternalRow> createReader(InputPartition partition) {
            return new SliceReader(ExecutorGenerators.get(model), (GenerationSlice) partition, seed);
        }
    }
}

package dev.augment.spark;

import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.Map;
import java.util.Set;

/**
 * A Spark data source (DataSource V2) whose rows are generated samples: one input partition per
 * {@link GenerationSlice}, each read by a {@link SliceReader} on an executor. {@link AugmentSpark#generate} is the
 * way to use it (it checks the request and plans the slices); the options are {@link GeneratorOptions}. Reading
 * through the data source API lets the rows reach Spark as its own internal rows, without a boxed
 * {@code Row} per sample and its conversion.
 */
public final class GeneratorSource implements TableProvider {

    /** Spark creates sources through this constructor. */
    public GeneratorSource() {
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        GeneratorOptions read = GeneratorOptions.from(options);
        return SampleRowSchema.of(ExecutorGenerators.get(read.model()).metadata().schema(), read.model().driverPath());
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return new GeneratorTable(schema, GeneratorOptions.from(properties));
    }

    /** The generated rows as a readable table. */
    private record GeneratorTable(StructType schema, GeneratorOptions options) implements SupportsRead {

        @Override
        public String name() {
            return "augment generator " + options.model().driverPath();
        }

        @Override
        public Set<TableCapability> capabilities() {
            return Set.of(TableCapability.BATCH_READ);
        }

        @Override
        public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
            return () -> new GeneratorScan(schema, options);
        }
    }
}

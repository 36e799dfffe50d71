package dev.augment.data;

import dev.augment.schema.SampleSchema;
import org.tribuo.DataSource;
import org.tribuo.classification.Label;

import java.nio.file.Path;

/**
 * A Tribuo classification data source that also says what its samples look like: the feature names it
 * uses, the image shape, the value range and the class labels and names.
 *
 * <p>Like Tribuo's own sources, implementations are sparse: a feature whose value is zero may be absent
 * from an example (but an all-zero example keeps explicit zeros, see {@link TribuoExamples}).
 * {@link DenseSamples#from} fills absent features with zero. Implementations refuse NaN and infinite values
 * when they load, with an {@link dev.augment.errors.InvalidDataException}.
 */
public interface SchemaDataSource extends DataSource<Label> {

    /** @return the schema of every example this source yields */
    SampleSchema schema();

    /**
     * The file or folder the examples come from, for messages about them.
     *
     * @return the data's location; by default the source's {@code toString()}
     */
    default Path location() {
        return Path.of(String.valueOf(this));
    }
}

package dev.augment.data;

import dev.augment.schema.SampleSchema;
import org.tribuo.DataSource;
import org.tribuo.classification.Label;

/**
 * A Tribuo classification data source that also says what its samples look like: the feature names it
 * uses, the image shape, the value range and the class labels and names.
 *
 * <p>Like Tribuo's own sources, implementations are sparse: a feature whose value is zero may be absent
 * from an example. {@link DenseSamples#from} fills such features with zero.
 */
public interface SchemaDataSource extends DataSource<Label> {

    /** @return the schema of every example this source yields */
    SampleSchema schema();
}

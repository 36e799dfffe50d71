package dev.augment.tribuo;

import dev.augment.data.SchemaDataSource;
import dev.augment.schema.SampleSchema;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.provenance.DataSourceProvenance;

import java.util.Iterator;
import java.util.List;

/** Some examples of a schema source, keeping its schema (so class names resolve). */
record SchemaSubset(SchemaDataSource source, List<Example<Label>> examples) implements SchemaDataSource {

    @Override
    public SampleSchema schema() {
        return source.schema();
    }

    @Override
    public OutputFactory<Label> getOutputFactory() {
        return source.getOutputFactory();
    }

    @Override
    public DataSourceProvenance getProvenance() {
        return source.getProvenance();
    }

    @Override
    public Iterator<Example<Label>> iterator() {
        return examples.iterator();
    }
}

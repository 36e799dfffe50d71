package dev.augment.data;

import dev.augment.schema.SampleSchema;
import org.tribuo.Example;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.time.OffsetDateTime;
import java.util.Iterator;

/**
 * What {@link Cifar10Source} and {@link ImageFolderSource} share: images held as bytes in a {@link PixelTable},
 * their schema, and a provenance that records where they come from, how many there are and a SHA-256 of their
 * content.
 */
abstract class PixelTableSource implements SchemaDataSource {

    private final LabelFactory factory = new LabelFactory();
    private PixelTable table;
    private SampleSchema schema;
    private DataSourceProvenance provenance;

    /**
     * What a subclass read.
     *
     * @param table the images and their classes
     * @param schema their schema
     * @param description where they come from, for the provenance (e.g. "image folder /data/pets")
     */
    record Contents(PixelTable table, SampleSchema schema, String description) {
    }

    PixelTableSource(Contents contents) {
        load(contents);
    }

    /** For a source configured by OLCUT, which reads in its {@code postConfig} and then calls {@link #load}. */
    PixelTableSource() {
    }

    /** @param contents what the subclass read */
    final void load(Contents contents) {
        this.table = contents.table();
        this.schema = contents.schema();
        this.provenance = new SimpleDataSourceProvenance(contents.description() + ", " + table.size()
                + " images, content sha256 " + table.sha256(), OffsetDateTime.now(), factory);
    }

    /** @return the number of images */
    public int size() {
        return table.size();
    }

    /** @return the images and their classes, as read */
    PixelTable table() {
        return table;
    }

    @Override
    public SampleSchema schema() {
        return schema;
    }

    @Override
    public OutputFactory<Label> getOutputFactory() {
        return factory;
    }

    @Override
    public DataSourceProvenance getProvenance() {
        return provenance;
    }

    @Override
    public Iterator<Example<Label>> iterator() {
        return table.iterator();
    }
}

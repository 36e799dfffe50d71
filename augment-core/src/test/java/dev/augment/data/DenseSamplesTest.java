package dev.augment.data;

import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenseSamplesTest {

    private static final SampleSchema SCHEMA = new SampleSchema(List.of("0", "1", "2"), List.of(1, 1, 3), 0, 255,
            List.of("a", "b"), List.of("Apple", "Banana"));

    private static ListDataSource<Label> source(List<Example<Label>> examples) {
        LabelFactory factory = new LabelFactory();
        return new ListDataSource<>(examples, factory, new SimpleDataSourceProvenance("test", factory));
    }

    @Test
    void roundTripsIdxPixelValuesIncludingZeros(@TempDir Path dir) {
        // 2 images of 2x3; pixel i of image n is (n + i) % 256, so image 0 starts with a zero Tribuo leaves out.
        Path images = TestFiles.write(dir.resolve("i.idx"), TestFiles.gzip(TestFiles.idxImages(2, 2, 3)));
        Path labels = TestFiles.write(dir.resolve("l.idx"), TestFiles.idxLabels(1, 0));
        IdxImageSource source = new IdxImageSource(images, labels);

        DenseSamples samples = DenseSamples.from(source, source.schema());

        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, samples.features()[0]);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, samples.features()[1]);
        assertArrayEquals(new int[] {1, 0}, samples.classIndices());
    }

    @Test
    void placesFeaturesBySchemaNameWhateverTheirOrder() {
        Example<Label> example = new ArrayExample<>(new Label("b"), new String[] {"2", "0"}, new double[] {9, 7});

        DenseSamples samples = DenseSamples.from(source(List.of(example)), SCHEMA);

        assertArrayEquals(new float[] {7, 0, 9}, samples.features()[0]);
        assertArrayEquals(new int[] {1}, samples.classIndices());
    }

    @Test
    void refusesLabelNotInSchemaNamingIt() {
        Example<Label> example = new ArrayExample<>(new Label("zebra"), new String[] {"0"}, new double[] {1});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseSamples.from(source(List.of(example)), SCHEMA));

        assertTrue(e.getMessage().contains("'zebra'"), e.getMessage());
    }

    @Test
    void refusesFeatureNotInSchemaNamingIt() {
        Example<Label> example = new ArrayExample<>(new Label("a"), new String[] {"pixel-9"}, new double[] {1});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DenseSamples.from(source(List.of(example)), SCHEMA));

        assertTrue(e.getMessage().contains("'pixel-9'"), e.getMessage());
    }

    @Test
    void selectsOneClassAndCountsEach() {
        float[][] rows = {{1, 1, 1}, {2, 2, 2}, {3, 3, 3}};
        DenseSamples samples = new DenseSamples(rows, new int[] {1, 0, 1}, SCHEMA);

        DenseSamples bananas = samples.ofClass(1);

        assertArrayEquals(new int[] {1, 2}, samples.countsPerClass());
        assertEquals(2, bananas.size());
        assertArrayEquals(new float[] {3, 3, 3}, bananas.features()[1]);
        assertArrayEquals(new int[] {1, 1}, bananas.classIndices());
        assertThrows(IllegalArgumentException.class, () -> samples.ofClass(2));
    }

    @Test
    void refusesRowsThatDoNotFitTheSchema() {
        assertThrows(IllegalArgumentException.class,
                () -> new DenseSamples(new float[][] {{1, 2}}, new int[] {0}, SCHEMA));
        assertThrows(IllegalArgumentException.class,
                () -> new DenseSamples(new float[][] {{1, 2, 3}}, new int[] {2}, SCHEMA));
        assertThrows(IllegalArgumentException.class,
                () -> new DenseSamples(new float[][] {{1, 2, 3}}, new int[] {0, 1}, SCHEMA));
    }
}

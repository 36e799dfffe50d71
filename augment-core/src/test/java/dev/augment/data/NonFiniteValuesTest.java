package dev.augment.data;

import dev.augment.errors.InvalidDataException;
import dev.augment.schema.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * NaN and infinite values are refused when data is loaded, naming the file, the example and the feature. Only
 * float and double IDX images can hold them: CIFAR-10 batches, image files and integer IDX types hold bytes or
 * integers. {@link DenseSamples#from}, the way every source reaches training and evaluation, refuses them from
 * any other Tribuo source.
 */
class NonFiniteValuesTest {

    /** Five 3x4 images; image 3 has {@code bad} at row 1, column 2 (pixel 6, feature "06"). */
    private static byte[] imagesWith(int type, double bad) {
        int size = IdxFile.elementSize(type);
        ByteBuffer payload = ByteBuffer.allocate(5 * 12 * size);
        for (int i = 0; i < 5 * 12; i++) {
            double value = i == 3 * 12 + 6 ? bad : i % 7;
            if (type == IdxFile.FLOAT) {
                payload.putFloat((float) value);
            } else {
                payload.putDouble(value);
            }
        }
        return TestFiles.idx(type, new int[] {5, 3, 4}, payload.array());
    }

    private static void assertNamesFileImageFeatureAndValue(InvalidDataException e, Path images, String value) {
        String message = e.getMessage();
        assertTrue(message.startsWith(images + ": image 3, feature '06' (the pixel at row 1, column 2) is " + value),
                message);
        assertEquals(1, message.lines().count(), message);
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void floatIdxImagesWithANonFiniteValueAreRefusedAtLoad(double bad, @TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("images"), imagesWith(IdxFile.FLOAT, bad));
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxLabels(0, 1, 0, 1, 0));

        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> DataSources.open(Path.of(images + "," + labels), Split.TRAIN, null));
        assertNamesFileImageFeatureAndValue(e, images, Double.toString(bad));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void doubleIdxImagesWithANonFiniteValueAreRefusedEvenGzipped(double bad, @TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("images.gz"), TestFiles.gzip(imagesWith(IdxFile.DOUBLE, bad)));
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxLabels(0, 1, 0, 1, 0));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(images, labels));
        assertNamesFileImageFeatureAndValue(e, images, Double.toString(bad));
    }

    /**
     * A double beyond the float range (1e300) became Infinity in the float samples and failed later with exit 1,
     * "row 1 ... is Infinity", naming neither the file nor the value (a fresh user, 4 Dec). It is refused at load.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e300, -3.5e38})
    void doubleIdxImagesWithAValueBeyondTheFloatRangeAreRefusedAtLoad(double bad, @TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("images"), imagesWith(IdxFile.DOUBLE, bad));
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxLabels(0, 1, 0, 1, 0));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new IdxImageSource(images, labels));
        assertNamesFileImageFeatureAndValue(e, images, Double.toString(bad));
        assertTrue(e.getMessage().contains("beyond the 32-bit floats"), e.getMessage());
        Path largestFloat = TestFiles.write(dir.resolve("largest"), imagesWith(IdxFile.DOUBLE, Float.MAX_VALUE));
        // the largest float itself is within the floats, but among values up to 6 it is a marker or damage (5 Dec)
        InvalidDataException outlier = assertThrows(InvalidDataException.class,
                () -> new IdxImageSource(largestFloat, labels));
        assertTrue(outlier.getMessage().contains("more than 1000 times beyond every other")
                && !outlier.getMessage().contains("beyond the 32-bit floats"), outlier.getMessage());
    }

    @Test
    void finiteFloatImagesStillLoadWithTheirObservedRange(@TempDir Path dir) {
        Path images = TestFiles.write(dir.resolve("images"), imagesWith(IdxFile.FLOAT, 2.5));
        Path labels = TestFiles.write(dir.resolve("labels"), TestFiles.idxLabels(0, 1, 0, 1, 0));

        IdxImageSource source = new IdxImageSource(images, labels);
        assertEquals(5, source.size());
        assertEquals(0, source.schema().minValue());
        assertEquals(6, source.schema().maxValue());
    }

    @Test
    void anyOtherTribuoSourceWithANonFiniteValueIsRefusedBeforeTraining() {
        SampleSchema schema = new SampleSchema(List.of("a", "b"), List.of(1, 1, 2), 0, 1, List.of("x", "y"),
                List.of("x", "y"));
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> examples = List.of(
                new ArrayExample<>(new Label("x"), new String[] {"a", "b"}, new double[] {0.5, 1}),
                new ArrayExample<>(new Label("y"), new String[] {"a", "b"}, new double[] {0.5, Double.NaN}));
        ListDataSource<Label> source = new ListDataSource<>(examples, factory,
                new SimpleDataSourceProvenance("two rows", factory));

        InvalidDataException e = assertThrows(InvalidDataException.class, () -> DenseSamples.from(source, schema));
        assertTrue(e.getMessage().contains("example 1, feature 'b' is NaN"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void denseSamplesRefuseNonFiniteRows() {
        SampleSchema schema = new SampleSchema(List.of("a", "b"), List.of(1, 1, 2), 0, 1, List.of("x"), List.of("x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DenseSamples(
                new float[][] {{0, 1}, {Float.POSITIVE_INFINITY, 0}}, new int[] {0, 0}, schema));
        assertTrue(e.getMessage().contains("row 1, feature 'a' is Infinity"), e.getMessage());
    }
}

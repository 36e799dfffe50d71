package dev.augment.tribuo;

import dev.augment.data.TribuoExamples;
import org.junit.jupiter.api.Test;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PresortedSparseExamplesTest {

    @Test
    void buildsTheExamplesTribuoWouldBuildAndSortForUnsortedNamesZerosAndAllZeroRows() {
        String[] names = {"pixel10", "b", "pixel2", "a", "Z", "ä", "pixel1", "10", "9"};
        assertSameExamples(names, new Random(3));
    }

    @Test
    void buildsTheExamplesTribuoWouldBuildForRepeatedNames() {
        String[] names = {"x", "y", "x", "w"};
        assertSameExamples(names, new Random(4));
    }

    @Test
    void buildsTheExamplesTribuoWouldBuildForPixelNames() {
        String[] names = new String[784];
        for (int i = 0; i < names.length; i++) {
            names[i] = String.format("%03d", i);
        }
        assertSameExamples(names, new Random(5));
    }

    private static void assertSameExamples(String[] names, Random random) {
        int count = 6;
        float[] samples = new float[count * names.length];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = random.nextInt(3) == 0 ? 0f : (float) random.nextGaussian();
        }
        // row 2 all zero, row 4 all but one zero
        for (int i = 0; i < names.length; i++) {
            samples[2 * names.length + i] = 0f;
            samples[4 * names.length + i] = i == names.length / 2 ? -0.5f : 0f;
        }
        Label label = new Label("7");
        List<ArrayExample<Label>> built = new PresortedSparseExamples(names).build(label, samples, count);
        assertEquals(count, built.size());
        for (int row = 0; row < count; row++) {
            double[] values = new double[names.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = samples[row * names.length + i];
            }
            ArrayExample<Label> expected = TribuoExamples.sparse(label, names, values);
            ArrayExample<Label> actual = built.get(row);
            assertSame(ArrayExample.class, actual.getClass(), "a plain ArrayExample, as Tribuo makes");
            assertEquals(expected, actual, "row " + row);
            assertEquals(features(expected), features(actual), "row " + row);
            assertEquals(expected.getWeight(), actual.getWeight());
            assertEquals(expected.getMetadata(), actual.getMetadata());
            assertSame(label, actual.getOutput());
        }
    }

    private static List<String> features(ArrayExample<Label> example) {
        List<String> features = new ArrayList<>();
        for (Feature feature : example) {
            features.add(feature.getName() + "=" + feature.getValue());
        }
        return features;
    }

    /**
     * A table GAN's numeric column at 0 (a column whose minimum is 0 is clamped there often) is a present 0, as
     * Tribuo's CSV reader gives it; a category's 0 stays out.
     */
    @Test
    void featuresKeptAtZeroStayInTheExample() {
        String[] names = {"size", "colour@red", "colour@blue"};
        PresortedSparseExamples table = new PresortedSparseExamples(names, new boolean[] {true, false, false});
        ArrayExample<Label> row = table.build(new Label("p"), new float[] {0f, 0f, 1f}, 1).get(0);
        List<String> kept = new ArrayList<>();
        for (Feature f : row) {
            kept.add(f.getName() + "=" + f.getValue());
        }
        assertEquals(List.of("colour@blue=1.0", "size=0.0"), kept);
        ArrayExample<Label> image = new PresortedSparseExamples(names).build(new Label("p"), new float[] {0f, 0f, 1f},
                1).get(0);
        assertEquals(1, image.size(), "without the flags, zeros are left out as before");
    }

    @Test
    void aMissingNumericCellIsAnAbsentFeatureAsTribuosCsvReaderGivesIt() {
        String[] names = {"size", "colour@red", "colour@blue", "weight"};
        PresortedSparseExamples table = new PresortedSparseExamples(names, new boolean[] {true, false, false, true});
        List<ArrayExample<Label>> rows = table.build(new Label("p"),
                new float[] {Float.NaN, 0f, 1f, 0f, 2.5f, 1f, 0f, Float.NaN}, 2);
        List<String> first = new ArrayList<>();
        rows.get(0).forEach(f -> first.add(f.getName() + "=" + f.getValue()));
        List<String> second = new ArrayList<>();
        rows.get(1).forEach(f -> second.add(f.getName() + "=" + f.getValue()));
        assertEquals(List.of("colour@blue=1.0", "weight=0.0"), first, "size is missing, weight is 0");
        assertEquals(List.of("colour@red=1.0", "size=2.5"), second, "weight is missing");
    }
}

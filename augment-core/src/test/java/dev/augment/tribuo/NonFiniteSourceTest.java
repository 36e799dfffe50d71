package dev.augment.tribuo;

import dev.augment.errors.InvalidDataException;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * ROS and SMOTE, which need no generator, check the source as the GAN policy does: a NaN made the schema's value
 * range empty (an error naming nothing) and ROS copied an infinite value into the added examples without a word.
 */
class NonFiniteSourceTest {

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"ROS, NaN", "ROS, Infinity", "ROS, -Infinity", "SMOTE, NaN", "SMOTE, Infinity"})
    void aNonFiniteValueIsNamedWithItsExampleAndFeature(OversamplingMethod method, double bad) {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double x = i == 4 ? bad : i;
            rows.add(new ArrayExample<>(new Label(i < 9 ? "big" : "small"), new String[] {"x", "y"},
                    new double[] {x, 1 + i}));
        }
        ListDataSource<Label> source = new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("list",
                factory));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new AugmentingDataSource(source,
                AugmentationPolicy.balance(), MethodSettings.of(method), 1L, 1f));
        assertEquals(true, e.getMessage().contains("example 4") && e.getMessage().contains("'x'")
                && e.getMessage().contains(Double.toString(bad)), e.getMessage());
    }

    /**
     * Two finite values farther apart than a double holds (-1e308 and 1e308) gave SampleSchema's raw
     * IllegalArgumentException about a "schema" the user never gave (a Tribuo user, 7 Dec).
     */
    @ParameterizedTest
    @CsvSource({"ROS", "SMOTE"})
    void valuesFartherApartThanADoubleHoldsAreNamedAsTheSourcesFault(OversamplingMethod method) {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            double x = i == 2 ? -1e308 : i == 5 ? 1e308 : i;
            rows.add(new ArrayExample<>(new Label(i < 6 ? "big" : "small"), new String[] {"x"}, new double[] {x}));
        }
        ListDataSource<Label> source = new ListDataSource<>(rows, factory, new SimpleDataSourceProvenance("list",
                factory));
        com.oracle.labs.mlrg.olcut.config.PropertyException e = assertThrows(
                com.oracle.labs.mlrg.olcut.config.PropertyException.class, () -> new AugmentingDataSource(source,
                        AugmentationPolicy.balance(), MethodSettings.of(method), 1L, 1f));
        assertEquals("source", e.getProperty());
        assertEquals(true, e.getMessage().contains("run from -1.0E308 to 1.0E308, farther apart than a double holds"),
                e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void aTribuoCsvSourceIsNamedByItsFileNotItsWholeConfiguration(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path csv = java.nio.file.Files.writeString(dir.resolve("nan.csv"),
                "x,y,label\n1,2,a\n2,3,a\nNaN,4,b\n3,5,a\n");
        LabelFactory factory = new LabelFactory();
        org.tribuo.DataSource<Label> source = new org.tribuo.data.csv.CSVLoader<>(factory)
                .loadDataSource(csv, "label");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new AugmentingDataSource(source,
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
        assertEquals(true, e.getMessage().startsWith(csv + ": example 2, feature 'x' is NaN")
                && e.getMessage().length() < 200, e.getMessage());
    }

    /** An anonymous source had no simple name, and the message began ": example 4, ...", naming nothing. */
    @org.junit.jupiter.api.Test
    void anAnonymousSourceIsStillNamed() {
        LabelFactory factory = new LabelFactory();
        List<Example<Label>> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(new ArrayExample<>(new Label(i < 9 ? "big" : "small"), new String[] {"x"},
                    new double[] {i == 4 ? Double.POSITIVE_INFINITY : i}));
        }
        org.tribuo.DataSource<Label> source = new org.tribuo.DataSource<>() {
            @Override
            public org.tribuo.OutputFactory<Label> getOutputFactory() {
                return factory;
            }

            @Override
            public org.tribuo.provenance.DataSourceProvenance getProvenance() {
                return new SimpleDataSourceProvenance("anonymous", factory);
            }

            @Override
            public java.util.Iterator<Example<Label>> iterator() {
                return rows.iterator();
            }
        };
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new AugmentingDataSource(source,
                AugmentationPolicy.balance(), MethodSettings.of(OversamplingMethod.ROS), 1L, 1f));
        assertEquals(true, e.getMessage().matches("a NonFiniteSourceTest\\$\\d+ source: example 4, feature 'x' is Infinity.*"),
                e.getMessage());
    }
}

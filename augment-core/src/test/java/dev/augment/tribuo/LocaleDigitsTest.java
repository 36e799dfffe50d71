package dev.augment.tribuo;

import com.oracle.labs.mlrg.olcut.config.PropertyException;
import dev.augment.data.IdxImageSource;
import dev.augment.generate.ExecutionDevice;
import dev.augment.generate.OnnxGenerator;
import dev.augment.oversample.MethodSettings;
import dev.augment.oversample.OversamplingMethod;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Under an Arabic default locale, {@code String.format("%03d", 96)} is "٠٩٦": the README's complete example was
 * refused as a source that does not match the generator, nothing saying why (a fresh user, 7 Dec).
 */
class LocaleDigitsTest {

    private static final Path DATA = Path.of("..", "datasets", "fashion-mnist-sample");

    @Test
    void augmentsSourcesNameFeaturesInAsciiDigitsAndTribuosLocaleDigitsAreExplained() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("ar"));
        try {
            IdxImageSource own = new IdxImageSource(DATA.resolve("train-images-idx3-ubyte.gz"),
                    DATA.resolve("train-labels-idx1-ubyte.gz"));
            assertEquals("096", own.schema().featureNames().get(96));
            Example<Label> first = own.iterator().next();
            for (Feature feature : first) {
                assertTrue(feature.getName().matches("[0-9]{3}"), feature.getName());
            }
            IDXDataSource<Label> tribuo = new IDXDataSource<>(DATA.resolve("train-images-idx3-ubyte.gz"),
                    DATA.resolve("train-labels-idx1-ubyte.gz"), new LabelFactory());
            try (OnnxGenerator generator = OnnxGenerator.load(SyntheticExamplesTest.MODEL, ExecutionDevice.CPU)) {
                PropertyException e = assertThrows(PropertyException.class, () -> new AugmentingDataSource(tribuo,
                        generator, AugmentationPolicy.counts(Map.of("4", 2)), MethodSettings.of(OversamplingMethod.GAN),
                        1L, 1f));
                assertTrue(e.getMessage().contains("is written in the digits of the JVM's locale, ar, as Tribuo's "
                        + "IDXDataSource writes pixel names under it; call Locale.setDefault(Locale.ROOT)"),
                        e.getMessage());
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}

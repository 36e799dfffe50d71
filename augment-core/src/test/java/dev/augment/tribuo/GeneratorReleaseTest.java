package dev.augment.tribuo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import dev.augment.generate.OnnxGenerator;
import java.net.URL;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;

/**
 * Tribuo's {@code DataSource} is not closeable, so configuration-driven code never closes a configured source, and each
 * kept its ONNX Runtime session: 60 lookups grew to 700 MB (a Tribuo user, 6 Dec). A source that loaded its generator
 * releases it once the source is unreachable.
 */
class GeneratorReleaseTest {

    private static final URL CONFIG = GeneratorReleaseTest.class.getResource("augment-config.xml");

    @Test
    void aConfiguredSourceNeverClosedReleasesItsGeneratorOnceUnreachable() throws InterruptedException {
        OnnxGenerator generator = lookUpBuildAndDrop();
        assertFalse(generator.isClosed(), "in use until the source goes");
        for (int i = 0; i < 200 && !generator.isClosed(); i++) {
            System.gc();
            Thread.sleep(25);
        }
        assertTrue(generator.isClosed(), "released after the source became unreachable");
    }

    /** @return the generator of a configured source built into a dataset, with no reference to the source kept */
    private static OnnxGenerator lookUpBuildAndDrop() {
        ConfigurationManager cm = new ConfigurationManager(CONFIG);
        AugmentingDataSource source = (AugmentingDataSource) cm.lookup("augmented");
        MutableDataset<org.tribuo.classification.Label> dataset = new MutableDataset<>(source);
        assertTrue(dataset.size() > 0);
        return source.generatorInUse();
    }
}
